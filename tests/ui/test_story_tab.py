"""The Story tab: the claims grid, sort, filter, CSV, click-through, and undoable corrections."""

from __future__ import annotations

import csv
import html
import importlib.util
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QFileDialog, QInputDialog

from annotator.core.records import outlet_order
from annotator.core.store.project import Project
from annotator.ui.story.claim_sources import claim_origins
from annotator.ui.story.story_model import COUNT, DISPUTED_MARK, FIXED, NAME, SENTENCES_ROLE, SOURCES
from annotator.ui.story.story_tab import SENTENCE_ROLE

OUTLETS = ["Cybernews", "metaworld.media", "newz9.com", "Unknown outlet"]
MARKS = {(1, 0): "anonymous_official",  # newz9's lead: the pause order, which all four outlets report
         (1, 4): "anonymous_other",  # newz9: questions about US support for Ukraine
         (2, 3): "on_record"}  # the Unknown outlet: major outlets confirmed the order
ANONYMOUS_ONLY = {(1, 0), (1, 4)}  # newz9 marks only anonymous sources; the Unknown outlet's one mark is not


def annotate(path: Path) -> None:
    with Project.open(path) as project:
        for (article_id, idx), category in MARKS.items():
            project.annotate_sentence(article_id, idx, category=category, annotator="amy")


def members(claim) -> set[tuple[int, int]]:
    return {(s.article_id, s.idx) for s in claim.sentences}


def outlet_members(claim, outlet: str) -> list[tuple[int, int]]:
    return [(s.article_id, s.idx) for s in claim.sentences if s.outlet == outlet]


def described(sentences: list[tuple[int, int]]) -> str:
    """A cell as text: the marks on the outlet's sentences, 'not annotated' when one has none, '' for none."""
    if not sentences:
        return ""
    keys = list(dict.fromkeys(MARKS[m] for m in sentences if m in MARKS))
    return "; ".join(keys + (["not annotated"] if any(m not in MARKS for m in sentences) else []))


def listed_first(claim):
    """The claim's sentence listed first below the grid: outlets in order, then article and sentence."""
    return min(claim.sentences, key=lambda s: (outlet_order(s.outlet), s.article_id, s.idx))


@pytest.fixture
def story(qtbot, open_main, sample_path):
    annotate(sample_path)
    window = open_main(sample_path)
    window.show_tab(window.story)
    tab = window.story
    assert tab.task is not None  # the sample's claims were never computed: done in the background
    qtbot.waitUntil(lambda: tab.task is None and tab.model.rowCount() > 0, timeout=15000)
    qtbot.waitUntil(lambda: tab.model.origins is not None and not tab.sources.computing, timeout=15000)
    return window, tab


def row_of(tab, claim_id: int) -> int:
    return next(r for r, c in enumerate(tab.model.claims) if c.id == claim_id)


def cell(tab, claim_id: int, outlet: str):
    return tab.model.index(row_of(tab, claim_id), len(FIXED) + OUTLETS.index(outlet))


def test_the_grid_has_a_row_per_claim_and_a_column_per_outlet(story, sample_path) -> None:
    window, tab = story
    model = tab.model
    with Project.open(sample_path, read_only=True) as project:
        claims = project.claims.list()
    assert model.rowCount() == len(claims) > 0
    assert [model.headerData(c, Qt.Orientation.Horizontal) for c in range(len(FIXED))] == ["Claim", "Outlets", "Sources"]
    for n, outlet in enumerate(OUTLETS):  # the full name in the tooltip; the header shows what fits
        column = len(FIXED) + n
        assert f">{outlet}\n" in model.headerData(column, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)
        shown = model.headerData(column, Qt.Orientation.Horizontal)
        header = tab.table.horizontalHeader()
        assert shown and header.fontMetrics().horizontalAdvance(shown) < header.sectionSize(column)
    assert [c.id for c in model.claims] == [c.id for c in claims]  # most outlets first
    counts = [len(c.outlets) for c in claims]
    assert counts == sorted(counts, reverse=True)
    assert (1, 0) in members(claims[0])  # the pause order, reported by all four outlets, heads the grid
    assert model.index(0, NAME).data() == claims[0].label
    assert model.index(0, COUNT).data() == "4"
    labels = {c.key: c.label for c in window.session.project.categories.list()}
    empty = hatched = 0
    for row, claim in enumerate(claims):
        for outlet in OUTLETS:
            index = cell(tab, claim.id, outlet)
            expected = outlet_members(claim, outlet)
            sentences = index.data(SENTENCES_ROLE)
            assert [(s.article_id, s.idx) for s in sentences] == expected
            assert [s.categories for s in sentences] == [(MARKS[m],) if m in MARKS else () for m in expected]
            assert index.data(Qt.ItemDataRole.AccessibleTextRole) == described(expected)
            tip = index.data(Qt.ItemDataRole.ToolTipRole)
            if not expected:  # the outlet does not report the claim
                empty += 1
                assert tip is None
                continue
            for article_id, idx in expected:
                mark = labels[MARKS[article_id, idx]] if (article_id, idx) in MARKS else "not annotated yet"
                assert f"Sentence {idx + 1}: {mark}" in tip
            hatched += any(m not in MARKS for m in expected)
    assert empty and hatched  # some outlet does not report some claim; some reported sentence is not marked
    assert tab.summary.text().startswith(f"{len(claims)} claims")


def test_the_outlets_header_sorts(qtbot, story) -> None:
    _, tab = story
    header = tab.table.frozen.horizontalHeader()  # the claim and count columns' header, always in view
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton,
                     pos=QPoint(header.sectionViewportPosition(COUNT) + 5, 5))
    counts = [len(c.outlets) for c in tab.model.claims]
    assert counts == sorted(counts) != sorted(counts, reverse=True)
    shown = tab.table.horizontalHeader()  # the grid's own header (under the frozen one) says so too
    assert (shown.sortIndicatorSection(), shown.sortIndicatorOrder()) == (COUNT, Qt.SortOrder.AscendingOrder)
    tab.table.sortByColumn(COUNT, Qt.SortOrder.DescendingOrder)
    assert [len(c.outlets) for c in tab.model.claims] == sorted(counts, reverse=True)
    tab.table.sortByColumn(NAME, Qt.SortOrder.AscendingOrder)
    labels = [c.label.casefold() for c in tab.model.claims]
    assert labels == sorted(labels)


def test_the_filter_keeps_claims_some_outlet_sources_only_anonymously(story) -> None:
    _, tab = story
    everything = list(tab.model.claims)
    kept = [c.id for c in everything if members(c) & ANONYMOUS_ONLY]
    assert 0 < len(kept) < len(everything)
    tab.anonymous_only.setChecked(True)
    assert [c.id for c in tab.model.claims] == kept
    assert tab.summary.text().startswith(f"{len(kept)} of {len(everything)} claims")
    tab.anonymous_only.setChecked(False)
    assert tab.model.rowCount() == len(everything)


def test_export_csv_writes_the_grid_as_shown(story, tmp_path, monkeypatch) -> None:
    _, tab = story
    target = tmp_path / "claims.csv"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(target), "")))
    kept = [c.id for c in tab.model.claims if members(c) & ANONYMOUS_ONLY]
    tab.anonymous_only.setChecked(True)
    tab.export_button.click()
    with open(target, encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    assert rows[0] == ["claim", "label", "outlets_reporting", "independent_sources", "sources_named", "disputed_by",
                       *OUTLETS]
    shown = tab.model.claims
    assert kept and [c.id for c in shown] == kept
    assert [r[0] for r in rows[1:]] == [str(c.id) for c in shown]  # filtered, in the grid's order
    for row, claim in enumerate(shown):
        sources = tab.model.sources(claim)
        assert rows[row + 1][1:] == [claim.label, str(len(claim.outlets)), str(len(sources)), "; ".join(sources),
                                     " | ".join(claim.disputed_by), *(described(outlet_members(claim, o)) for o in OUTLETS)]
        assert rows[row + 1][6:] == [tab.model.index(row, len(FIXED) + n).data(Qt.ItemDataRole.AccessibleTextRole)
                                     for n in range(len(OUTLETS))]
    assert (1, 0) in members(shown[0])
    top = rows[1]  # the pause order: all four report it; Cybernews and metaworld mark nothing
    assert top[2] == "4" and top[6:8] == ["not annotated", "not annotated"]
    assert top[8].startswith("anonymous_official")


def test_clicking_a_cell_opens_the_sentence(qtbot, story) -> None:
    window, tab = story
    claim, first = next((c, cut[0]) for c in tab.model.claims  # a cell whose first sentence is not the headline
                        if (cut := [s for s in c.sentences if s.outlet == "metaworld.media"]) and cut[0].idx > 0)
    index = cell(tab, claim.id, "metaworld.media")
    tab.table.scrollTo(index)
    qtbot.mouseClick(tab.table.viewport(), Qt.MouseButton.LeftButton, pos=tab.table.visualRect(index).center())
    assert window.tabs.currentWidget() is window.columns
    view = window.columns.current.view
    assert (view.article_id, view.current) == (first.article_id, first.idx)  # the cell's first sentence


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
    upper, lower = next((a, b) for n, a in enumerate(tab.model.claims) for b in tab.model.claims[n + 1:]
                        if not members(a) & members(b))  # two claims with no sentence in common
    select(tab, upper.id, lower.id)
    assert tab.merge_button.isEnabled() and not tab.rename_button.isEnabled()
    tab.merge_button.click()
    after = stored(sample_path)
    assert lower.id not in after and set(after[upper.id][1]) == set(before[upper.id][1]) | set(before[lower.id][1])
    assert after[upper.id][0] == before[upper.id][0]  # the upper row's name is kept
    assert tab.model.rowCount() == len(after) == len(before) - 1
    undo(qtbot, window)
    assert stored(sample_path) == before
    assert tab.model.rowCount() == len(before)


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
    claim = tab.model.claims[0]  # the pause order, which all four outlets report
    select(tab, claim.id)
    assert tab.detail.count() == len(before[claim.id][1])
    assert not tab.take_out_button.isEnabled()
    first = listed_first(claim)
    assert first.outlet == "Cybernews"  # Cybernews first
    assert tab.detail.item(0).data(SENTENCE_ROLE)[:2] == (first.article_id, first.idx)
    tab.detail.setCurrentRow(0)
    tab.take_out_button.click()
    assert (first.article_id, first.idx) not in stored(sample_path)[claim.id][1]
    assert tab.detail.count() == len(before[claim.id][1]) - 1  # the same claim is still selected
    undo(qtbot, window)
    assert stored(sample_path) == before


def test_double_clicking_a_listed_sentence_opens_it(qtbot, story) -> None:
    window, tab = story
    claim = next(c for c in tab.model.claims if listed_first(c).idx > 0)  # not an article's first sentence
    first = listed_first(claim)
    select(tab, claim.id)
    item = tab.detail.item(0)
    tab.detail.itemDoubleClicked.emit(item)
    view = window.columns.current.view
    assert (view.article_id, view.current) == (first.article_id, first.idx)


def many_claims():
    path = Path(__file__).parents[1] / "support" / "many_claims.py"
    spec = importlib.util.spec_from_file_location("many_claims", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture
def wide_story(qtbot, open_main, tmp_path):
    """A story of 21 outlets and 60 claims (stored as computed, so none is recomputed), at 1440×900."""
    path = tmp_path / "wide.annot"
    many_claims().build(path, 21, 60).close()
    window = open_main(path)
    window.resize(1440, 900)
    window.show_tab(window.story)
    tab = window.story
    qtbot.waitUntil(lambda: tab.model.rowCount() == 60 and tab.table.viewport().width() > 600)
    assert tab.task is None
    return window, tab


def visible_outlets(tab) -> list[int]:
    """The outlet columns wholly in view: right of the frozen claim columns, left of the grid's edge."""
    table = tab.table
    left, right = table.frozen.geometry().right(), table.viewport().width()
    return [c for c in range(len(FIXED), tab.model.columnCount())
            if table.columnViewportPosition(c) >= left - 1 and table.columnViewportPosition(c)
            + table.columnWidth(c) <= right]


def test_many_outlets_narrow_columns_beside_a_wide_frozen_claim_column(qtbot, wide_story) -> None:
    window, tab = wide_story
    table, frozen, model = tab.table, tab.table.frozen, tab.model
    assert len(model.outlets) == 21
    assert table.columnWidth(NAME) >= 220 and frozen.columnWidth(NAME) == table.columnWidth(NAME)
    for row, claim in enumerate(model.claims):  # the claim's text whole, wrapped in the column, rows to fit
        assert model.index(row, NAME).data() == claim.label + (f"  {DISPUTED_MARK}" if claim.disputes else "")
        assert html.escape(claim.label) in model.index(row, NAME).data(Qt.ItemDataRole.ToolTipRole)
    line = frozen.fontMetrics().lineSpacing()
    assert table.rowHeight(0) >= 2 * line and frozen.rowHeight(0) == table.rowHeight(0)
    assert frozen.wordWrap()
    shown = visible_outlets(tab)
    assert len(shown) >= 10 and shown[0] == len(FIXED)
    header = table.horizontalHeader()
    for n, outlet in enumerate(model.outlets):  # narrow columns: abbreviated, the full name in the tooltip
        column = len(FIXED) + n
        text = model.headerData(column, Qt.Orientation.Horizontal)
        assert f">{html.escape(outlet)}\n" in model.headerData(column, Qt.Orientation.Horizontal,
                                                                Qt.ItemDataRole.ToolTipRole)
        assert text and header.fontMetrics().horizontalAdvance(text) < table.columnWidth(column)
    assert model.headerData(len(FIXED) + model.outlets.index("The Washington Post"), Qt.Orientation.Horizontal) == "WP"

    bar = table.horizontalScrollBar()  # scrolled to the last outlet, the claim column is still in view
    assert bar.maximum() > 0
    bar.setValue(bar.maximum())
    assert model.columnCount() - 1 in visible_outlets(tab)
    assert len(FIXED) not in visible_outlets(tab)
    below_header = QPoint(30, table.horizontalHeader().height() + 10)
    assert table.childAt(below_header) is frozen.viewport()  # what is there is the claim column
    assert frozen.indexAt(QPoint(30, 10)) == model.index(0, NAME)
    table.verticalScrollBar().setValue(table.verticalScrollBar().maximum())  # the two scroll up and down as one
    assert frozen.verticalScrollBar().value() == table.verticalScrollBar().value() > 0
    table.verticalScrollBar().setValue(0)

    qtbot.mouseClick(frozen.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(30, 10))  # a claim picked there
    assert tab.selected_claims() == [model.claims[0]]
    assert tab.detail.count() == len(model.claims[0].sentences)


def test_the_claim_column_widens_by_its_header_and_rows_refit(qtbot, wide_story) -> None:
    _, tab = wide_story
    table, frozen = tab.table, tab.table.frozen
    tall = table.rowHeight(0)
    frozen.horizontalHeader().resizeSection(NAME, 700)  # as a drag of its edge does
    assert table.columnWidth(NAME) == 700 and frozen.width() == sum(table.columnWidth(c) for c in range(len(FIXED)))
    qtbot.waitUntil(lambda: table.rowHeight(0) < tall)  # one line now
    assert frozen.rowHeight(0) == table.rowHeight(0)
    window_width = tab.window().width()
    tab.window().resize(window_width - 100, 900)  # a resize keeps the width the user chose
    qtbot.waitUntil(lambda: table.viewport().width() < 700)
    assert table.columnWidth(NAME) == 700


def test_grouping_claims_counts_in_the_status_bar(qtbot, open_main, sample_path) -> None:
    window = open_main(sample_path)
    said: list[str] = []
    window.statusBar().messageChanged.connect(said.append)
    window.show_tab(window.story)  # the sample's claims were never computed: grouped now, in the background
    tab = window.story
    qtbot.waitUntil(lambda: tab.task is None and tab.model.rowCount() > 0, timeout=15000)
    with Project.open(sample_path, read_only=True) as project:
        sentences = project.database.conn.execute("SELECT count(*) FROM sentences").fetchone()[0]
        claims = len(project.claims.list())
    assert f"Grouping claims: 0 of {sentences:,} sentences…" in said
    assert said[-1] == f"Claims grouped: {claims} claims from {sentences} sentences."
    assert window.statusBar().currentMessage() == said[-1]


def test_the_sources_column_counts_each_claims_independent_sources(qtbot, story, sample_path) -> None:
    _, tab = story
    with Project.open(sample_path, read_only=True) as project:
        expected = claim_origins(project)
    model = tab.model
    for row, claim in enumerate(model.claims):
        index = model.index(row, SOURCES)
        assert index.data() == str(len(expected[claim.id].independent_sources))
        tip = html.unescape(index.data(Qt.ItemDataRole.ToolTipRole))
        assert all(name in tip for name in expected[claim.id].independent_sources)
    relayed = [c for c in model.claims if len(expected[c.id].independent_sources) < len(c.outlets)]
    assert relayed  # the sample's outlets relay The Record: fewer sources than outlets
    assert "The Record" in expected[relayed[0].id].independent_sources
    tab.table.sortByColumn(SOURCES, Qt.SortOrder.AscendingOrder)
    counts = [len(expected[c.id].independent_sources) for c in model.claims]
    assert counts == sorted(counts)


def test_the_sources_column_says_it_is_counting_until_the_figures_come(qtbot, open_main, sample_path) -> None:
    annotate(sample_path)
    window = open_main(sample_path)
    window.show_tab(window.story)
    tab = window.story
    qtbot.waitUntil(lambda: tab.model.rowCount() > 0, timeout=15000)
    if tab.model.origins is None:  # the figures come after the grid: "…" meanwhile
        assert tab.model.index(0, SOURCES).data() == "…"
    qtbot.waitUntil(lambda: tab.model.origins is not None and not tab.sources.computing, timeout=15000)
    assert tab.model.index(0, SOURCES).data().isdigit()
