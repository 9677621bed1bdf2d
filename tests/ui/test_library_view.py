"""The library as a user meets it on a big project: rows read as they scroll into view, outlets fold."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication

from annotator.core.ops.articles import EditArticle
from annotator.core.records import ParsedArticle
from annotator.core.store.project import Project
from annotator.ui.library.library_model import PAGE

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


def article_id(path: Path, title: str) -> int:
    with Project.open(path, read_only=True) as project:
        return next(a.id for a in project.articles.list() if a.title == title)


def focus_row(qtbot, library, row: int) -> None:
    library.tree.setCurrentIndex(library.model.index(row, 0))
    library.tree.setFocus()
    qtbot.waitUntil(library.tree.hasFocus)


def test_opening_reads_only_the_rows_on_screen(open_main, big_path: Path) -> None:
    library = open_main(big_path).library
    assert library.model.rowCount() == 1 + BIG + 1 + 2
    assert library.model.pages_read <= 2  # of the 3 pages of the big outlet and 1 of the small
    assert [(r.text, r.folded) for r in library.outlet_rows()] == [(f"Big Wire ({BIG})", False),
                                                                    ("small paper (2)", False)]


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
    target = article_id(big_path, "Story 290")
    assert window.library.select_article(target)
    window.library.tree.setFocus()
    press(qtbot, window.library.tree, "Return")
    assert [c.article_id for c in window.columns.columns()] == [target]


def test_left_and_right_fold_and_unfold_an_outlet(qtbot, open_main, big_path: Path) -> None:
    library = open_main(big_path).library
    focus_row(qtbot, library, 5)  # an article of the big outlet
    press(qtbot, library.tree, "Left")
    assert [(r.text, r.folded) for r in library.rows()] == [
        (f"Big Wire ({BIG})", True), ("small paper (2)", False), ("Small story 0", None), ("Small story 1", None)]
    assert library.tree.currentIndex().row() == 0  # the outlet it belonged to
    press(qtbot, library.tree, "Right")
    assert library.model.rowCount() == 1 + BIG + 1 + 2
    press(qtbot, library.tree, "Return")  # Enter on an outlet folds it too
    assert library.rows()[0].folded


def test_a_click_on_the_arrow_folds_an_outlet_and_the_fold_survives_a_filter(qtbot, open_main,
                                                                              big_path: Path) -> None:
    library = open_main(big_path).library
    small = library.model.rowCount() - 3
    library.tree.scrollToBottom()
    QApplication.processEvents()
    rect = library.tree.visualRect(library.model.index(small, 0))
    qtbot.mouseClick(library.tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())  # the name: selects
    assert library.tree.currentIndex().row() == small and not library.rows()[small].folded
    qtbot.mouseClick(library.tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.topLeft() + QPoint(8, 8))
    assert library.rows()[-1].folded and library.rows()[-1].text == "small paper (2)"
    qtbot.keyClicks(library.filter, "story 1")
    assert [(r.text, r.folded) for r in library.outlet_rows()] == [(f"Big Wire (111 of {BIG})", False),
                                                                    ("small paper (1 of 2)", True)]
    library.tree.scrollToTop()
    name = library.tree.visualRect(library.model.index(0, 0)).center()
    qtbot.mouseClick(library.tree.viewport(), Qt.MouseButton.LeftButton, pos=name)  # as a real double-click
    qtbot.mouseDClick(library.tree.viewport(), Qt.MouseButton.LeftButton, pos=name)
    assert library.rows()[0].folded  # a double-click folds too


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


def test_home_and_end_go_to_the_first_and_last_row(qtbot, open_main, big_path: Path) -> None:
    library = open_main(big_path).library
    focus_row(qtbot, library, 5)
    qtbot.keyClick(library.tree, Qt.Key.Key_End)
    assert library.tree.currentIndex().row() == library.model.rowCount() - 1
    qtbot.keyClick(library.tree, Qt.Key.Key_Home)
    assert library.tree.currentIndex().row() == 0


def test_typing_goes_to_an_outlet_or_title_without_reading_every_page(qtbot, open_main, big_path: Path) -> None:
    library = open_main(big_path).library
    focus_row(qtbot, library, 0)
    qtbot.keyClicks(library.tree, "small p")
    assert library.tree.currentIndex().row() == 1 + BIG
    qtbot.wait(QApplication.keyboardInputInterval() + 50)
    qtbot.keyClicks(library.tree, "story 29")
    assert library.rows()[library.tree.currentIndex().row()].text == "Story 29"
    before = library.model.pages_read
    assert library.model.find_row("story 28", 0) == 1 + 28
    assert library.model.pages_read == before  # found in the titles, not by reading rows


def test_the_current_article_stays_current_through_a_filter_and_a_reload(qtbot, open_main, big_path: Path) -> None:
    library = open_main(big_path).library
    target = next(r for r in library.article_rows() if r.text == "Story 150").article_id
    assert library.select_article(target)
    qtbot.keyClicks(library.filter, "story 15")
    assert library.rows()[library.tree.currentIndex().row()].article_id == target
    library.filter.clear()
    library.reload()
    assert library.rows()[library.tree.currentIndex().row()].article_id == target


def test_choosing_an_article_the_filter_hides_changes_nothing(qtbot, open_main, big_path: Path) -> None:
    library = open_main(big_path).library
    focus_row(qtbot, library, 0)
    press(qtbot, library.tree, "Left")
    qtbot.keyClicks(library.filter, "story 1")
    assert not library.select_article(article_id(big_path, "Story 5"))
    assert library.outlet_rows()[0].folded


def test_progress_is_repainted_on_the_row_where_the_filter_put_the_article(qtbot, open_main, big_path: Path) -> None:
    window = open_main(big_path)
    library = window.library
    qtbot.keyClicks(library.filter, "story 150")
    row = next(r for r in library.article_rows() if r.text == "Story 150")
    window.open_article(row.article_id)
    changed = []
    library.model.dataChanged.connect(lambda first, last: changed.append((first.row(), first.column())))
    view = window.columns.current.view
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_1)
    qtbot.waitUntil(lambda: len(changed) > 0)
    assert changed == [(library.model.row_of(row.article_id), 1)]
    assert library.rows()[changed[0][0]].progress == "1/2"


def test_a_fold_is_forgotten_with_its_outlet(qtbot, open_main, big_path: Path) -> None:
    """An outlet whose articles all moved is deleted, and SQLite may give its id to the next new one."""
    window = open_main(big_path)
    library = window.library
    focus_row(qtbot, library, library.model.rowCount() - 3)
    press(qtbot, library.tree, "Left")  # fold "small paper"
    assert library.outlet_rows()[-1].folded
    for title in ("Small story 0", "Small story 1"):
        window.session.run(EditArticle(article_id(big_path, title), outlet="Big Wire"))
    window.session.run(EditArticle(article_id(big_path, "Story 7"), outlet="Newcomer"))
    assert [(r.text, r.folded) for r in library.outlet_rows()] == [(f"Big Wire ({BIG + 1})", False),
                                                                    ("Newcomer (1)", False)]


def test_down_or_enter_in_the_filter_goes_to_the_first_article_listed(qtbot, open_main, big_path: Path) -> None:
    window = open_main(big_path)
    library = window.library
    library.filter.setFocus()
    qtbot.keyClicks(library.filter, "Small story")
    press(qtbot, library.filter, "Down")
    assert library.tree.hasFocus() or QApplication.focusWidget() is library.tree
    assert library.model.article_at(library.tree.currentIndex().row()).title == "Small story 0"
    press(qtbot, library.tree, "Return")
    assert [c.article_id for c in window.columns.columns()] == [article_id(big_path, "Small story 0")]
    library.filter.setFocus()
    press(qtbot, library.filter, "Return")  # Enter in the filter: the same place
    assert library.model.article_at(library.tree.currentIndex().row()).title == "Small story 0"
