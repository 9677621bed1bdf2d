"""The library as a user meets it on a big project: rows read as they scroll into view, outlets fold."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication

from annotator.core.records import ParsedArticle
from annotator.core.store.project import Project
from annotator.ui.library_model import PAGE

BIG = 300


def press(qtbot, widget, key: str) -> None:
    combination = QKeySequence(key)[0]
    qtbot.keyClick(widget, combination.key(), combination.keyboardModifiers())


def add(project: Project, outlet: str, title: str) -> int:
    body = f"{title}. It has two sentences."
    return project.articles.add(ParsedArticle(title=title, body=body, outlet=outlet),
                                [(0, len(title) + 1), (len(title) + 2, len(body))]).id


@pytest.fixture
def big_path(tmp_path: Path) -> Path:
    path = tmp_path / "big.annot"
    with Project.create(path) as project:
        for n in range(BIG):
            add(project, "Big Wire", f"Story {n}")
        add(project, "small paper", "Small story 0")
        add(project, "small paper", "Small story 1")
    return path


def focus_row(qtbot, library, row: int) -> None:
    library.tree.setCurrentIndex(library.model.index(row, 0))
    library.tree.setFocus()
    qtbot.waitUntil(library.tree.hasFocus)


def test_opening_reads_only_the_rows_on_screen(open_main, big_path: Path) -> None:
    library = open_main(big_path).library
    assert library.model.rowCount() == 1 + BIG + 1 + 2
    assert library.model.pages_read <= 2  # of the 3 pages of the big outlet and 1 of the small
    assert [r.text for r in library.outlet_rows()] == [f"▾ Big Wire ({BIG})", "▾ small paper (2)"]


def test_rows_far_down_are_read_when_they_scroll_into_view(qtbot, open_main, big_path: Path) -> None:
    library = open_main(big_path).library
    library.tree.scrollToBottom()
    QApplication.processEvents()
    rows = library.rows()
    assert rows[-1].text == "Small story 1" and rows[-1].progress == "0/2"
    assert rows[1 + PAGE + 5].text == f"Story {PAGE + 5}"
    assert "Big Wire · no date" in rows[250].tooltip


def test_an_article_far_down_is_chosen_and_opened_with_enter(qtbot, open_main, big_path: Path) -> None:
    window = open_main(big_path)
    with Project.open(big_path, read_only=True) as project:
        target = next(a.id for a in project.articles.list() if a.title == "Story 290")
    assert window.library.select_article(target)
    window.library.tree.setFocus()
    press(qtbot, window.library.tree, "Return")
    assert [c.article_id for c in window.columns.columns()] == [target]


def test_left_and_right_fold_and_unfold_an_outlet(qtbot, open_main, big_path: Path) -> None:
    library = open_main(big_path).library
    focus_row(qtbot, library, 5)  # an article of the big outlet
    press(qtbot, library.tree, "Left")
    assert [r.text for r in library.rows()] == [f"▸ Big Wire ({BIG})", "▾ small paper (2)", "Small story 0",
                                                 "Small story 1"]
    assert library.tree.currentIndex().row() == 0  # the outlet it belonged to
    press(qtbot, library.tree, "Right")
    assert library.model.rowCount() == 1 + BIG + 1 + 2
    press(qtbot, library.tree, "Return")  # Enter on an outlet folds it too
    assert library.rows()[0].text.startswith("▸")


def test_a_click_on_an_outlet_folds_it_and_the_fold_survives_a_filter(qtbot, open_main, big_path: Path) -> None:
    library = open_main(big_path).library
    small = library.model.rowCount() - 3
    library.tree.scrollToBottom()
    QApplication.processEvents()
    rect = library.tree.visualRect(library.model.index(small, 0))
    qtbot.mouseClick(library.tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert library.rows()[-1].text == "▸ small paper (2)"
    qtbot.keyClicks(library.filter, "story 1")
    assert [r.text for r in library.outlet_rows()] == [f"▾ Big Wire (111 of {BIG})", "▸ small paper (1 of 2)"]


def test_the_filter_keeps_matching_titles_in_every_page(qtbot, open_main, big_path: Path) -> None:
    library = open_main(big_path).library
    qtbot.keyClicks(library.filter, "STORY 29")
    assert [r.text for r in library.article_rows()] == ["Story 29"] + [f"Story {n}" for n in range(290, 300)]
    library.filter.clear()
    assert library.model.rowCount() == 1 + BIG + 1 + 2


def test_annotating_updates_the_article_row(qtbot, open_main, big_path: Path) -> None:
    window = open_main(big_path)
    library = window.library
    first = library.article_rows()[0]
    window.open_article(first.article_id)
    view = window.columns.current.view
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_1)
    qtbot.waitUntil(lambda: library.article_rows()[0].progress == "1/2")


def test_the_title_column_takes_the_width_left_by_the_counts(qtbot, open_main, big_path: Path) -> None:
    library = open_main(big_path).library
    for change in (lambda: None, lambda: qtbot.keyClicks(library.filter, "story"), library.reload):
        change()
        QApplication.processEvents()
        title, counts = library.tree.columnWidth(0), library.tree.columnWidth(1)
        assert title > 2 * counts
        assert abs(title + counts - library.tree.viewport().width()) <= 2
