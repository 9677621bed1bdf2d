"""The Story tab: the claims grid, sort, filter, CSV, click-through, and undoable corrections."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QFileDialog, QInputDialog

from annotator.core.store.project import Project
from annotator.ui.story_model import COUNT, FIXED, NAME, SENTENCES_ROLE

OUTLETS = ["Cybernews", "metaworld.media", "newz9.com", "Unknown outlet"]


def annotate(path: Path) -> None:
    with Project.open(path) as project:
        project.annotate_sentence(1, 0, category="anonymous_official", annotator="amy")  # claim 1, newz9
        project.annotate_sentence(1, 4, category="anonymous_other", annotator="amy")  # claim 4, newz9 only that
        project.annotate_sentence(2, 3, category="on_record", annotator="amy")  # claim 4, Unknown outlet


@pytest.fixture
def story(qtbot, open_main, sample_path):
    annotate(sample_path)
    window = open_main(sample_path)
    window.tabs.setCurrentWidget(window.story)
    tab = window.story
    assert tab.task is not None  # the sample's claims were never computed: done in the background
    qtbot.waitUntil(lambda: tab.task is None and tab.model.rowCount() > 0, timeout=15000)
    return window, tab


def row_of(tab, claim_id: int) -> int:
    return next(r for r, c in enumerate(tab.model.claims) if c.id == claim_id)


def cell(tab, claim_id: int, outlet: str):
    return tab.model.index(row_of(tab, claim_id), len(FIXED) + OUTLETS.index(outlet))


def test_the_grid_has_a_row_per_claim_and_a_column_per_outlet(story, sample_path) -> None:
    _, tab = story
    model = tab.model
    with Project.open(sample_path, read_only=True) as project:
        claims = project.claims.list()
    assert model.rowCount() == len(claims) == 9
    assert [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())] == [
        "Claim", "Outlets", *OUTLETS]
    assert [c.id for c in model.claims] == [c.id for c in claims]  # most outlets first
    assert model.index(0, NAME).data().startswith("US Defense Secretary Pete Hegseth")
    assert model.index(0, COUNT).data() == "4"
    newz9 = cell(tab, 1, "newz9.com").data(SENTENCES_ROLE)
    assert [(s.idx, s.categories) for s in newz9] == [(0, ("anonymous_official",)), (6, ())]
    assert cell(tab, 1, "newz9.com").data(Qt.ItemDataRole.AccessibleTextRole) == "anonymous_official; not annotated"
    assert cell(tab, 4, "Cybernews").data(SENTENCES_ROLE) == []  # Cybernews does not report claim 4
    assert cell(tab, 4, "Unknown outlet").data(Qt.ItemDataRole.AccessibleTextRole) == "on_record"
    assert "not annotated yet" in cell(tab, 5, "newz9.com").data(Qt.ItemDataRole.ToolTipRole)
    assert tab.summary.text().startswith("9 claims")


def test_the_outlets_header_sorts(qtbot, story) -> None:
    _, tab = story
    header = tab.table.horizontalHeader()
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton,
                     pos=header.rect().center().__class__(header.sectionViewportPosition(COUNT) + 5, 5))
    counts = [len(c.outlets) for c in tab.model.claims]
    assert counts == sorted(counts) != sorted(counts, reverse=True)
    tab.table.sortByColumn(COUNT, Qt.SortOrder.DescendingOrder)
    assert [len(c.outlets) for c in tab.model.claims] == sorted(counts, reverse=True)
    tab.table.sortByColumn(NAME, Qt.SortOrder.AscendingOrder)
    labels = [c.label.casefold() for c in tab.model.claims]
    assert labels == sorted(labels)


def test_the_filter_keeps_claims_some_outlet_sources_only_anonymously(story) -> None:
    _, tab = story
    tab.anonymous_only.setChecked(True)
    assert [c.id for c in tab.model.claims] == [1, 4]  # newz9 marks only anonymous sources on both
    assert tab.summary.text().startswith("2 of 9 claims")
    tab.anonymous_only.setChecked(False)
    assert tab.model.rowCount() == 9


def test_export_csv_writes_the_grid_as_shown(story, tmp_path, monkeypatch) -> None:
    _, tab = story
    target = tmp_path / "claims.csv"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(target), "")))
    tab.anonymous_only.setChecked(True)
    tab.export_button.click()
    with open(target, encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    assert rows[0] == ["claim", "label", "outlets_reporting", *OUTLETS]
    assert [r[0] for r in rows[1:]] == ["1", "4"]
    assert rows[1][2:] == ["4", "not annotated", "not annotated", "anonymous_official; not annotated", "not annotated"]
    assert rows[2][2:] == ["3", "", "not annotated", "anonymous_other", "on_record"]


def test_clicking_a_cell_opens_the_sentence(qtbot, story) -> None:
    window, tab = story
    index = cell(tab, 4, "metaworld.media")
    tab.table.scrollTo(index)
    qtbot.mouseClick(tab.table.viewport(), Qt.MouseButton.LeftButton, pos=tab.table.visualRect(index).center())
    assert window.tabs.currentWidget() is window.columns
    view = window.columns.current.view
    assert (view.article_id, view.current) == (4, 8)


def select(tab, *claim_ids: int) -> None:
    tab.table.clearSelection()
    from PySide6.QtCore import QItemSelectionModel
    for claim_id in claim_ids:
        tab.table.selectionModel().select(tab.model.index(row_of(tab, claim_id), 0),
                                          QItemSelectionModel.SelectionFlag.Select
                                          | QItemSelectionModel.SelectionFlag.Rows)


def undo(qtbot, window) -> None:
    combination = QKeySequence("Ctrl+Z")[0]
    qtbot.keyClick(window.story.table, combination.key(), combination.keyboardModifiers())


def stored(path: Path) -> dict[int, tuple]:
    with Project.open(path, read_only=True) as project:
        return {c.id: (c.label, tuple((s.article_id, s.idx) for s in c.sentences)) for c in project.claims.list()}


def test_merge_and_undo(qtbot, story, sample_path) -> None:
    window, tab = story
    before = stored(sample_path)
    select(tab, 7, 9)
    assert tab.merge_button.isEnabled() and not tab.rename_button.isEnabled()
    tab.merge_button.click()
    after = stored(sample_path)
    assert 9 not in after and set(after[7][1]) == set(before[7][1]) | set(before[9][1])
    assert tab.model.rowCount() == 8
    undo(qtbot, window)
    assert stored(sample_path) == before
    assert tab.model.rowCount() == 9


def test_rename_and_undo(qtbot, story, sample_path, monkeypatch) -> None:
    window, tab = story
    before = stored(sample_path)
    select(tab, 5)
    monkeypatch.setattr(QInputDialog, "getText", staticmethod(lambda *a, **k: ("<b>No comment</b>", True)))
    tab.rename_button.click()
    assert stored(sample_path)[5][0] == "<b>No comment</b>"
    assert tab.model.index(row_of(tab, 5), NAME).data() == "<b>No comment</b>"
    assert "&lt;b&gt;" in tab.model.index(row_of(tab, 5), NAME).data(Qt.ItemDataRole.ToolTipRole)
    assert tab.detail_title.text().startswith("<b>No comment</b>")  # a plain-text label
    undo(qtbot, window)
    assert stored(sample_path) == before


def test_take_a_sentence_out_and_undo(qtbot, story, sample_path) -> None:
    window, tab = story
    before = stored(sample_path)
    select(tab, 1)
    assert tab.detail.count() == 10
    assert not tab.take_out_button.isEnabled()
    tab.detail.setCurrentRow(0)  # Cybernews first, sentence 2
    tab.take_out_button.click()
    assert (3, 1) not in stored(sample_path)[1][1]
    assert tab.detail.count() == 9  # the same claim is still selected
    undo(qtbot, window)
    assert stored(sample_path) == before


def test_double_clicking_a_listed_sentence_opens_it(qtbot, story) -> None:
    window, tab = story
    select(tab, 6)
    item = tab.detail.item(0)
    tab.detail.itemDoubleClicked.emit(item)
    view = window.columns.current.view
    assert (view.article_id, view.current) == (3, 4)
