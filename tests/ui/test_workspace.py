"""The workspace driven as a user would: open articles, move, assign, note, undo, reopen."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtWidgets import QApplication

from annotator.core.changes import Changes
from annotator.core.store.project import Project


def library_row(window, title_start: str):
    return next(r for r in window.library.article_rows() if r.text.startswith(title_start))


def open_from_library(qtbot, window, title_start: str, *, new_column: bool = False) -> None:
    assert window.library.select_article(library_row(window, title_start).article_id)
    modifier = Qt.KeyboardModifier.ControlModifier if new_column else Qt.KeyboardModifier.NoModifier
    qtbot.keyClick(window.library.tree, Qt.Key.Key_Return, modifier)


def stored(path: Path):
    with Project.open(path, read_only=True) as project:
        return project.annotations.list()


def answer_next_dialog(qtbot, text: str) -> None:
    """Type `text` into the next note or source dialog and save it with Ctrl+Enter (its exec() blocks)."""
    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None or not dialog.isVisible():
            QTimer.singleShot(5, answer)
            return
        dialog.activateWindow()
        qtbot.waitUntil(dialog.isActiveWindow)
        dialog.field.selectAll()
        qtbot.keyClicks(dialog.field, text)
        qtbot.keyClick(dialog.field, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
        if dialog.isVisible():
            dialog.reject()

    QTimer.singleShot(0, answer)


def test_two_articles_keys_note_undo_redo_and_reopen(qtbot, open_main, sample_path) -> None:
    window = open_main(sample_path)
    open_from_library(qtbot, window, "US pauses")
    open_from_library(qtbot, window, "Pentagon:", new_column=True)
    columns = window.columns.columns()
    assert [c.title.text() for c in columns] == [
        "US pauses offensive cyber operations against Russia",
        "Pentagon: cyber operations against Russia have not been stopped"]
    left = columns[0].view
    left.setFocus()
    qtbot.keyClick(left, Qt.Key.Key_1)
    qtbot.keyClick(left, Qt.Key.Key_J)
    qtbot.keyClick(left, Qt.Key.Key_J)
    qtbot.keyClick(left, Qt.Key.Key_2)
    qtbot.keyClick(left, Qt.Key.Key_Down)
    qtbot.keyClick(left, Qt.Key.Key_K)
    qtbot.keyClick(left, Qt.Key.Key_3)
    rows = stored(sample_path)
    sentences = window.session.project.articles.sentences(1)
    assert [(a.category, a.start) for a in rows] == [
        ("anonymous_official", sentences[0].start), ("on_record", sentences[2].start),
        ("social_post", sentences[2].start)]
    assert all(a.annotator == "amy" for a in rows)
    assert window.inspector.list.count() == 2
    assert columns[0].mix.parts()[0][1] == 1
    answer_next_dialog(qtbot, "quote from X")
    qtbot.keyClick(left, Qt.Key.Key_N)
    assert stored(sample_path)[2].note == "quote from X"
    answer_next_dialog(qtbot, "@DODResponse")
    qtbot.keyClick(left, Qt.Key.Key_S)
    assert stored(sample_path)[2].source == "@DODResponse"
    qtbot.keyClick(left, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(left, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert (stored(sample_path)[2].note, stored(sample_path)[2].source) == ("", "")
    qtbot.keyClick(left, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert stored(sample_path)[2].note == "quote from X"
    qtbot.keyClick(left, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(left, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert len(stored(sample_path)) == 2
    qtbot.keyClick(left, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert len(stored(sample_path)) == 3
    before = stored(sample_path)
    window.close()
    window.session.project.close()

    again = open_main(sample_path)
    assert stored(sample_path) == before
    assert [c.article_id for c in again.columns.columns()] == [1, 3]
    assert len(again.columns.columns()[0].view.annotations()) == 3
    assert library_row(again, "US pauses").progress == "2/20"


def test_delete_removes_the_chosen_annotation_and_undo_restores_it(qtbot, open_main, sample_path) -> None:
    window = open_main(sample_path)
    window.open_article(2)
    view = window.columns.current.view
    qtbot.keyClick(view, Qt.Key.Key_5)
    made = stored(sample_path)[0]
    qtbot.keyClick(view, Qt.Key.Key_Delete)
    assert stored(sample_path) == []
    qtbot.keyClick(view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert stored(sample_path) == [made]


def test_click_shift_click_and_drag_select(qtbot, open_main, sample_path) -> None:
    window = open_main(sample_path)
    window.open_article(1)
    view = window.columns.current.view
    sentences = view.sentences

    def point_of(offset: int) -> QPoint:
        cursor = view.textCursor()
        cursor.setPosition(offset)
        return view.cursorRect(cursor).center()

    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=point_of(sentences[1].start + 3))
    assert (view.anchor, view.current) == (1, 1)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.ShiftModifier,
                     pos=point_of(sentences[3].start + 3))
    assert view.selection() == (sentences[1].start, sentences[3].end)
    qtbot.keyClick(view, Qt.Key.Key_7)
    assert [(a.start, a.end) for a in stored(sample_path)] == [(sentences[1].start, sentences[3].end)]
    start, end = sentences[5].start + 4, sentences[5].start + 30
    qtbot.mousePress(view.viewport(), Qt.MouseButton.LeftButton, pos=point_of(start))
    qtbot.mouseMove(view.viewport(), point_of(end))
    qtbot.mouseRelease(view.viewport(), Qt.MouseButton.LeftButton, pos=point_of(end))
    assert view.free_span is not None
    assert view.free_span[0] >= start - 1 and view.free_span[1] <= end + 1


def test_codebook_double_click_assigns_and_inspector_edits(qtbot, open_main, sample_path) -> None:
    window = open_main(sample_path)
    window.open_article(3)
    item = window.codebook.list.item(4)
    assert "Other outlet's report" in item.text()
    rect = window.codebook.list.visualItemRect(item)
    qtbot.mouseClick(window.codebook.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(window.codebook.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert [a.category for a in stored(sample_path)] == ["other_outlet"]
    qtbot.waitUntil(lambda: "(1)" in window.codebook.list.item(4).text())
    window.inspector.source.setFocus()
    qtbot.keyClicks(window.inspector.source, "The Record")
    qtbot.keyClick(window.inspector.source, Qt.Key.Key_Return)
    assert stored(sample_path)[0].source == "The Record"
    window.inspector.category.setCurrentIndex(1)
    window.inspector.category.activated.emit(1)
    assert stored(sample_path)[0].category == "on_record"


def test_pressing_a_key_twice_does_not_duplicate(qtbot, open_main, sample_path) -> None:
    window = open_main(sample_path)
    window.open_article(4)
    view = window.columns.current.view
    qtbot.keyClick(view, Qt.Key.Key_1)
    qtbot.keyClick(view, Qt.Key.Key_1)
    assert len(stored(sample_path)) == 1


def test_four_columns_at_most_and_closing(qtbot, open_main, sample_path) -> None:
    window = open_main(sample_path)
    for article_id in (1, 2, 3, 4):
        window.open_article(article_id, new_column=True)
    assert len(window.columns.columns()) == 4
    window.columns.columns()[0].close_button.click()
    assert [c.article_id for c in window.columns.columns()] == [2, 3, 4]


def test_library_filter(qtbot, open_main, sample_path) -> None:
    window = open_main(sample_path)
    qtbot.keyClicks(window.library.filter, "cybernews")
    visible = [r.text for r in window.library.article_rows()]
    assert visible == ["Pentagon: cyber operations against Russia have not been stopped"]
    window.library.filter.clear()
    qtbot.keyClicks(window.library.filter, "1")  # the count shown beside an outlet is not matched
    assert window.library.rows() == []


def test_one_open_column_is_restored_from_a_settings_file(qtbot, open_main, sample_path, tmp_path) -> None:
    from PySide6.QtCore import QSettings

    from annotator.ui.window import app

    window = open_main(sample_path)
    window.open_article(3)
    window.close()
    window.session.project.close()
    # A single stored value comes back from an .ini file as a plain string.
    raw = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    assert raw.value(f"columns/{sample_path.resolve()}") in ("3", ["3"])
    raw.setValue(f"columns/{sample_path.resolve()}", "3")
    raw.sync()
    again = open_main(sample_path)
    assert [c.article_id for c in again.columns.columns()] == [3]
    assert app


def test_undo_puts_back_an_archived_category(qtbot, open_main, sample_path) -> None:
    window = open_main(sample_path)
    window.open_article(1)
    view = window.columns.current.view
    qtbot.keyClick(view, Qt.Key.Key_6)
    made = stored(sample_path)[0]
    window.annotating.edit(made, "category", "on_record")
    window.session.project.categories.update("document", archived=True)  # as from another window
    window.session.announce(Changes(codebook=True))
    qtbot.keyClick(view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert stored(sample_path)[0].category == "document"
    assert window.inspector.category.currentText() == "Document or data (archived)"
