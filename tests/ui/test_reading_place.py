"""Where the reader is: the current sentence keeps some text around it, and each column's place comes back."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence

from annotator.core.ingest.batch import import_paths
from annotator.core.store.project import Project
from annotator.ui.workspace.article_view import CONTEXT_LINES

SENTENCES = 240


def press(qtbot, widget, key: str) -> None:
    combination = QKeySequence(key)[0]
    qtbot.keyClick(widget, combination.key(), combination.keyboardModifiers())


@pytest.fixture
def long_path(tmp_path: Path, sample_path: Path) -> tuple[Path, int]:
    """The sample with a long article (a title line, then SENTENCES sentences five to a paragraph); its id."""
    folder = tmp_path / "long"
    folder.mkdir()
    paragraphs = [" ".join(f"Sentence number {n} of the long story says a little more, word{n}."
                           for n in range(p, p + 5)) for p in range(0, SENTENCES, 5)]
    (folder / "long.txt").write_text("A long story\n" + "\n\n".join(paragraphs) + "\n", encoding="utf-8")
    with Project.open(sample_path) as project:
        assert import_paths(project, [folder]).imported
        article = next(a for a in project.articles.list() if a.title == "A long story")
        assert len(project.articles.sentences(article.id)) == SENTENCES + 1  # the title is sentence 0
    return sample_path, article.id


def assert_in_view_with_context(view) -> None:
    """The current sentence lies inside the viewport, at least CONTEXT_LINES lines from either edge."""
    sentence = view.sentences[view.current]
    rects = view.line_rects(sentence.start, sentence.end)
    line, height = rects[0].height(), view.viewport().height()
    at_top = view.verticalScrollBar().value() == 0
    at_bottom = view.verticalScrollBar().value() == view.verticalScrollBar().maximum()
    assert rects[0].top() >= CONTEXT_LINES * line - 2 or at_top, (view.current, rects[0].top(), line)
    assert rects[-1].bottom() <= height - CONTEXT_LINES * line + 2 or at_bottom, (view.current, rects[-1], height)


def open_long(qtbot, open_main, long_path):
    path, article_id = long_path
    window = open_main(path)
    window.open_article(article_id)
    view = window.columns.current.view
    qtbot.waitUntil(lambda: view.verticalScrollBar().maximum() > 0)
    return window, view


def test_j_keeps_lines_of_context_below_the_current_sentence(qtbot, open_main, long_path) -> None:
    window, view = open_long(qtbot, open_main, long_path)
    for step in range(1, 80):
        press(qtbot, view, "J")
        assert view.current == step
        assert_in_view_with_context(view)
    assert view.verticalScrollBar().value() > 0


def test_k_keeps_lines_of_context_above_the_current_sentence(qtbot, open_main, long_path) -> None:
    window, view = open_long(qtbot, open_main, long_path)
    press(qtbot, view, "End")
    assert_in_view_with_context(view)
    for _ in range(60):
        press(qtbot, view, "K")
        assert_in_view_with_context(view)
    assert view.current == SENTENCES - 60


def test_a_step_scrolls_no_more_than_it_must(qtbot, open_main, long_path) -> None:
    window, view = open_long(qtbot, open_main, long_path)
    press(qtbot, view, "J")
    assert view.verticalScrollBar().value() == 0  # sentence 1 is near the top: nothing moves


def test_a_search_result_opens_with_text_above_and_below_it(qtbot, open_main, long_path) -> None:
    path, article_id = long_path
    window = open_main(path)
    window.open_article(1)
    press(qtbot, window.columns.current.view, "Ctrl+Shift+F")
    qtbot.waitUntil(window.search.query.hasFocus)
    qtbot.keyClicks(window.search.query, "word150")
    qtbot.keyClick(window.search.query, Qt.Key.Key_Return)
    qtbot.waitUntil(window.search.results.hasFocus)
    qtbot.keyClick(window.search.results, Qt.Key.Key_Return)
    view = window.columns.current.view
    assert (view.article_id, view.current) == (article_id, 151)
    qtbot.waitUntil(lambda: view.verticalScrollBar().value() > 0)
    assert_in_view_with_context(view)
    sentence = view.sentences[151]
    assert view.line_rects(sentence.start, sentence.end)[0].top() < view.viewport().height() // 2


def test_reopening_the_project_puts_each_column_back_where_it_was(qtbot, open_main, long_path) -> None:
    path, article_id = long_path
    window, view = open_long(qtbot, open_main, long_path)
    for _ in range(120):
        press(qtbot, view, "J")
    press(qtbot, view, "Shift+J")
    window.open_article(2, new_column=True)
    press(qtbot, window.columns.current.view, "J")
    press(qtbot, window.columns.current.view, "Ctrl+1")  # the long article's column is the current one
    top = view.place()[2]
    assert 90 < top < 120
    window.close()
    window.session.project.close()

    again = open_main(path)
    columns = again.columns.columns()
    assert [c.article_id for c in columns] == [article_id, 2]
    long_view = columns[0].view
    assert (long_view.anchor, long_view.current) == (120, 121)
    assert columns[1].view.current == 1
    assert again.columns.current is columns[0]
    qtbot.waitUntil(lambda: long_view.place()[2] == top)
    assert again.inspector.heading.text() == "No annotation on the selection"


def test_a_stored_place_that_no_longer_fits_is_ignored(qtbot, open_main, sample_path) -> None:
    window = open_main(sample_path)
    window.open_article(1)
    window.close()
    window.session.project.close()
    key = f"places/{sample_path.resolve()}"
    for stored in (["*1:999:999:999"], ["garbage", "1:x:2:3"], "*1:4:4:0"):
        window.settings.setValue(key, stored)
        window.settings.sync()
        again = open_main(sample_path)
        view = again.columns.current.view
        expected = {"*1:4:4:0": 4, "*1:999:999:999": len(view.sentences) - 1}.get(
            stored if isinstance(stored, str) else stored[0], 0)
        assert view.current == expected
        again.close()
        again.session.project.close()
