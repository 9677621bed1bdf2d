"""The keymap driven as a user would: every binding does its job where it belongs, and only there."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QDialog, QFileDialog, QLineEdit, QVBoxLayout

from annotator.ui.base import keymap

from tests.ui.key_support import press, stored

README = Path(__file__).resolve().parents[2] / "README.md"
SHIFT, CTRL = Qt.KeyboardModifier.ShiftModifier, Qt.KeyboardModifier.ControlModifier


MOVES = [  # command, key, sentences before (anchor, current), after
    ("next_sentence", "J", (3, 3), (4, 4)), ("next_sentence", "Down", (3, 3), (4, 4)),
    ("previous_sentence", "K", (3, 3), (2, 2)), ("previous_sentence", "Up", (3, 3), (2, 2)),
    ("extend_next", "Shift+J", (3, 3), (3, 4)), ("extend_next", "Shift+Down", (3, 3), (3, 4)),
    ("extend_previous", "Shift+K", (3, 3), (3, 2)), ("extend_previous", "Shift+Up", (3, 3), (3, 2)),
    ("first_sentence", "Home", (3, 3), (0, 0)), ("last_sentence", "End", (3, 3), (19, 19)),
]


@pytest.mark.parametrize(("command", "key", "before", "after"), MOVES)
def test_moving_keys_move_the_workspace_selection(qtbot, workspace, command, key, before, after) -> None:
    view = workspace.columns.current.view
    view.select_sentence(before[0])
    press(qtbot, view, key)
    assert (view.anchor, view.current) == after


@pytest.mark.parametrize(("command", "key", "before", "after"), MOVES)
def test_moving_keys_move_both_sides_of_a_compare_tab(qtbot, compare, command, key, before, after) -> None:
    _, view = compare
    for side in view.views:
        side.select_sentence(before[0])
    press(qtbot, view.views[1], key)
    assert [(side.anchor, side.current) for side in view.views] == [after, after]


@pytest.mark.parametrize("key", ["1", "7"])
def test_a_digit_marks_the_selection_with_that_shortcut(qtbot, workspace, sample_path, key) -> None:
    view = workspace.columns.current.view
    press(qtbot, view, key)
    category = workspace.session.project.categories.by_shortcut(key)
    assert [(a.category, a.start) for a in stored(sample_path)] == [(category.key, view.sentences[0].start)]


def test_a_digit_without_a_category_says_so(qtbot, workspace, sample_path) -> None:
    press(qtbot, workspace.columns.current.view, "9")
    assert stored(sample_path) == []
    assert workspace.statusBar().currentMessage() == "No category has the shortcut 9."


def test_a_keypad_digit_assigns_too(qtbot, workspace, sample_path) -> None:
    qtbot.keyClick(workspace.columns.current.view, Qt.Key.Key_2, Qt.KeyboardModifier.KeypadModifier)
    assert [a.category for a in stored(sample_path)] == ["on_record"]


@pytest.mark.parametrize(("key", "field", "confirm"), [
    ("N", "note", "Ctrl+Return"), ("N", "note", "Ctrl+Enter"), ("S", "source", "Ctrl+Return"),
    ("S", "source", "Ctrl+Enter"), ("S", "source", "Return")])
def test_n_and_s_edit_the_chosen_annotation_and_the_keyboard_confirms(qtbot, workspace, sample_path, on_modal, key,
                                                                      field, confirm) -> None:
    view = workspace.columns.current.view
    press(qtbot, view, "1")

    def type_and_confirm(dialog) -> None:
        qtbot.keyClicks(dialog.field, "typed")
        press(qtbot, dialog.field, confirm)

    seen = on_modal(type_and_confirm)
    press(qtbot, view, key)
    assert len(seen) == 1 and seen[0].result() == QDialog.DialogCode.Accepted
    assert getattr(stored(sample_path)[0], field) == "typed"
    hint = seen[0].hint.text()
    assert "Ctrl+Enter saves" in hint and "Escape cancels" in hint


def test_enter_in_the_note_dialog_starts_a_new_line(qtbot, workspace, sample_path, on_modal) -> None:
    view = workspace.columns.current.view
    press(qtbot, view, "1")

    def two_lines(dialog) -> None:
        qtbot.keyClicks(dialog.field, "first")
        press(qtbot, dialog.field, "Return")
        qtbot.keyClicks(dialog.field, "second")
        assert dialog.isVisible()
        press(qtbot, dialog.field, "Ctrl+Return")

    on_modal(two_lines)
    press(qtbot, view, "N")
    assert stored(sample_path)[0].note == "first\nsecond"


@pytest.mark.parametrize("key", ["N", "S"])
def test_escape_closes_the_note_and_source_dialogs_without_saving(qtbot, workspace, sample_path, on_modal,
                                                                  key) -> None:
    view = workspace.columns.current.view
    press(qtbot, view, "1")

    def type_and_escape(dialog) -> None:
        qtbot.keyClicks(dialog.field, "typed")
        press(qtbot, dialog.field, "Escape")

    seen = on_modal(type_and_escape)
    press(qtbot, view, key)
    assert len(seen) == 1 and seen[0].result() == QDialog.DialogCode.Rejected
    assert (stored(sample_path)[0].note, stored(sample_path)[0].source) == ("", "")
    qtbot.waitUntil(view.hasFocus)  # back in the article: J, N, S go on working


def two_annotations(qtbot, workspace):
    """Sentence 0 marked 1 then 2 by the keyboard; the second is chosen."""
    view = workspace.columns.current.view
    press(qtbot, view, "1")
    press(qtbot, view, "2")
    return view


@pytest.mark.parametrize(("keys", "chosen"), [([], 1), (["Tab"], 0), (["Tab", "Tab"], 1), (["Shift+Tab"], 0),
                                              (["Tab", "Shift+Tab"], 1)])
def test_tab_chooses_which_annotation_of_the_sentence_s_n_and_delete_act_on(qtbot, workspace, sample_path, on_modal,
                                                                            keys, chosen) -> None:
    view = two_annotations(qtbot, workspace)
    for key in keys:
        press(qtbot, view, key)
    inspector = workspace.inspector
    categories = [a.category for a in stored(sample_path)]
    assert inspector.chosen().category == categories[chosen]
    assert inspector.heading.text().startswith(f"Annotation {chosen + 1} of 2 on the selection")
    assert inspector.list.item(chosen).font().bold() and not inspector.list.item(1 - chosen).font().bold()
    assert view.hasFocus()  # Tab stayed in the article
    on_modal(lambda dialog: (qtbot.keyClicks(dialog.field, "Pentagon"), press(qtbot, dialog.field, "Return")))
    press(qtbot, view, "S")
    assert {a.category: a.source for a in stored(sample_path)} == {
        categories[chosen]: "Pentagon", categories[1 - chosen]: ""}
    assert inspector.chosen().category == categories[chosen]  # the edit kept the choice
    press(qtbot, view, "Delete")
    assert [a.category for a in stored(sample_path)] == [categories[1 - chosen]]


def test_tab_on_a_sentence_without_annotations_says_so(qtbot, workspace) -> None:
    view = workspace.columns.current.view
    press(qtbot, view, "Tab")
    assert workspace.statusBar().currentMessage() == "No annotation on this selection to choose."
    assert view.hasFocus()


@pytest.mark.parametrize("key", ["Delete", "Backspace"])
def test_delete_keys_remove_the_chosen_annotation(qtbot, workspace, sample_path, key) -> None:
    view = workspace.columns.current.view
    press(qtbot, view, "1")
    press(qtbot, view, key)
    assert stored(sample_path) == []


@pytest.mark.parametrize("key", ["Ctrl+Y", "Ctrl+Shift+Z"])
def test_undo_and_redo_keys_work_while_an_article_has_the_focus(qtbot, workspace, sample_path, key) -> None:
    view = workspace.columns.current.view
    press(qtbot, view, "1")
    assert view.hasFocus()
    press(qtbot, view, "Ctrl+Z")
    assert stored(sample_path) == []
    press(qtbot, view, key)
    assert len(stored(sample_path)) == 1


@pytest.mark.parametrize(("keys", "position"), [(["N"], 1), (["F8"], 1), (["N", "N", "P"], 1), (["Shift+F8"], 1),
                                                (["N", "P"], 0)])
def test_compare_keys_step_through_differences_and_do_not_edit_notes(qtbot, compare, on_modal, keys,
                                                                     position) -> None:
    _, view = compare
    asked = on_modal(lambda dialog: None)
    for key in keys:
        press(qtbot, view.views[1], key)
    assert view.position == position
    assert [side.current for side in view.views] == [view.differences[position]] * 2
    assert asked == []
    assert "N or F8 next, P or Shift+F8 previous" in view.status.text()


@pytest.mark.parametrize(("key", "columns"), [("Return", 1), ("Enter", 1), ("Ctrl+Return", 2), ("Ctrl+Enter", 2)])
def test_library_keys_open_the_chosen_article(qtbot, workspace, key, columns) -> None:
    row = next(r for r in workspace.library.article_rows() if r.text.startswith("Pentagon"))
    assert workspace.library.select_article(row.article_id)
    workspace.library.tree.setFocus()
    press(qtbot, workspace.library.tree, key)
    assert [c.article_id for c in workspace.columns.columns()][-1] == 3
    assert len(workspace.columns.columns()) == columns


# -- getting around: library, columns, tabs, menus -----------------------------------------------
@pytest.mark.parametrize(("key", "dialog"), [("Ctrl+I", "getOpenFileNames"), ("Ctrl+E", "getSaveFileName"),
                                             ("Ctrl+N", "getSaveFileName"), ("Ctrl+O", "getOpenFileName")])
def test_file_keys_ask_for_a_file(qtbot, workspace, monkeypatch, key, dialog) -> None:
    asked = []
    monkeypatch.setattr(QFileDialog, dialog, staticmethod(lambda *a, **k: asked.append(a) or ([] if "Names" in dialog
                                                                                              else "", "")))
    press(qtbot, workspace.columns.current.view, key)
    assert len(asked) == 1


def test_the_import_dialog_offers_every_format_the_import_reads(qtbot, workspace, monkeypatch) -> None:
    from annotator.core.ingest.formats import READERS, file_dialog_filter

    asked = []
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", staticmethod(lambda *a, **k: asked.append(a) or ([], "")))
    workspace.files.import_action.trigger()
    offered = asked[0][3]
    assert offered == file_dialog_filter()
    assert all(f"*{suffix}" in offered.split(";;")[0] for suffix in READERS)


def test_the_quit_key_asks_the_window_to_quit(qtbot, workspace) -> None:
    with qtbot.waitSignal(workspace.files.quit_requested, timeout=2000):
        press(qtbot, workspace.columns.current.view, "Ctrl+Q")


def test_every_menu_key_is_the_keymap_s(workspace) -> None:
    """A menu item shows a key only when the keymap binds it to that item's command (none set by hand)."""
    bound = {QKeySequence(k).toString() for b in keymap.KEYMAP for k in b.keys}
    menus = [a.menu() for a in workspace.menuBar().actions()]
    shown = [(a.text(), s.toString()) for m in menus for a in m.actions() for s in a.shortcuts()]
    assert shown and all(key in bound for _text, key in shown), shown
    sources = Path(keymap.__file__).resolve().parents[1].rglob("*.py")
    setters = [p.name for p in sources if p.name != "keymap.py"
               and re.search(r"setShortcuts?\(|QKeySequence\(\"|StandardKey", p.read_text(encoding="utf-8"))]
    assert setters == []


def test_f1_opens_the_keyboard_page_without_blocking(qtbot, workspace) -> None:
    press(qtbot, workspace.columns.current.view, "F1")
    page = workspace.keyboard_help
    qtbot.waitUntil(page.isVisible)
    assert not page.isModal()
    press(qtbot, workspace.columns.current.view, "F1")  # again: the same page, not a second one
    assert workspace.keyboard_help is page
    page.close()


def test_every_binding_is_tested_here() -> None:
    tested = {command for command, *_ in MOVES} | {
        "assign", "note", "source", "delete", "undo", "redo", "next_difference", "previous_difference",
        "open_article", "open_in_new_column", "fold_outlet", "unfold_outlet", "import", "export", "keyboard_help",
        "new_project", "open_project", "quit", "choose_next", "choose_previous", "save_text", "cancel_text",
        "focus_library", "focus_column", "close_column", "next_tab", "previous_tab", "context_menu"} | {
        "sync",  # tested in test_team_ui.py
        # tested in test_suggestions_ui.py
        "accept_suggestion", "choose_suggestion", "reject_suggestion", "accept_all_suggestions", "toggle_suggestions"}
    tested |= {"next_claim_match", "previous_claim_match",  # tested in test_claim_layer.py
               "find_in_article", "search_project", "close_search"}  # tested in test_search_panel.py
    tested |= {"delete_articles"}  # tested in test_library_batch.py
    tested |= {"filter_to_list"}  # tested in test_library_view.py
    assert tested == {b.command for b in keymap.KEYMAP}


# -- where letters are text ----------------------------------------------------------------------
def assert_nothing_happened(window, path: Path, current: int) -> None:
    view = window.columns.current.view
    assert view.current == current
    assert window.statusBar().currentMessage() == ""


def test_typing_in_the_library_filter_triggers_no_key(qtbot, workspace, sample_path, on_modal) -> None:
    dialogs = on_modal(lambda dialog: None)
    before = stored(sample_path)
    workspace.library.filter.setFocus()
    qtbot.keyClicks(workspace.library.filter, "jn1sk")
    qtbot.keyClick(workspace.library.filter, Qt.Key.Key_Backspace)
    assert workspace.library.filter.text() == "jn1s"
    assert stored(sample_path) == before
    assert workspace.columns.current.view.current == 0
    assert dialogs == []


def test_typing_in_the_inspector_note_triggers_no_key(qtbot, workspace, sample_path, on_modal) -> None:
    dialogs = on_modal(lambda dialog: None)
    view = workspace.columns.current.view
    press(qtbot, view, "1")
    before = stored(sample_path)
    for field in (workspace.inspector.note, workspace.inspector.source):
        field.setFocus()
        qtbot.keyClicks(field, "jn1s")
        qtbot.keyClick(field, Qt.Key.Key_Delete)
        qtbot.keyClick(field, Qt.Key.Key_Home)
    assert workspace.inspector.note.toPlainText() == "jn1s"
    assert workspace.inspector.source.text() == "jn1s"
    assert [(a.id, a.category) for a in stored(sample_path)] == [(a.id, a.category) for a in before]
    assert view.current == 0
    assert dialogs == []


@pytest.mark.parametrize("panel", ["library", "codebook"])
def test_article_keys_do_nothing_while_a_side_panel_has_the_focus(qtbot, workspace, sample_path, panel) -> None:
    view = workspace.columns.current.view
    press(qtbot, view, "1")
    widget = workspace.library.tree if panel == "library" else workspace.codebook.list
    widget.setFocus()
    qtbot.waitUntil(widget.hasFocus)
    for key in ("J", "2", "Delete", "End"):
        press(qtbot, widget, key)
    assert [a.category for a in stored(sample_path)] == ["anonymous_official"]
    assert view.current == 0


def test_typing_in_a_dialog_triggers_no_key(qtbot, workspace, sample_path) -> None:
    dialog = QDialog(workspace)
    field = QLineEdit(dialog)
    QVBoxLayout(dialog).addWidget(field)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    field.setFocus()
    qtbot.waitUntil(field.hasFocus)
    qtbot.keyClicks(field, "j1n")
    assert field.text() == "j1n"
    assert stored(sample_path) == []
    assert workspace.columns.current.view.current == 0
    dialog.close()


# -- what the user reads --------------------------------------------------------------------------
def test_the_status_hint_names_every_hinted_binding(workspace) -> None:
    hint = workspace.key_hint.text()
    assert hint == keymap.status_hint()
    for b in keymap.KEYMAP:
        if b.hint:
            first = keymap.keys_text(b.keys[:1] if not b.each_key else b.keys)
            assert first in hint or f"/{first.rpartition('+')[2]} " in hint, b.command
            assert b.hint in hint
    assert {b.section for b in keymap.KEYMAP if b.hint} >= {keymap.MOVING, keymap.ANNOTATING}


def test_the_keyboard_page_lists_every_binding_by_section(qtbot, workspace) -> None:
    workspace.keys_action.trigger()
    text = workspace.keyboard_help.browser.toPlainText()
    for section in keymap.SECTIONS:
        assert section in text
    for b in keymap.KEYMAP:
        assert f"{keymap.keys_text(b.keys)}\t{b.text}" in text or (
            keymap.keys_text(b.keys) in text and b.text in text), b.command
    for gesture, what in keymap.GESTURES:
        assert gesture in text and what in text


def test_key_names_read_as_a_user_reads_them() -> None:
    assert keymap.keys_text(("J", "Down")) == "J or ↓"
    assert keymap.keys_text(tuple("123456789")) == "1–9"
    assert keymap.keys_text(("Return", "Enter")) == "Enter"
    assert keymap.keys_text(("Ctrl+Return", "Ctrl+Enter")) == "Ctrl+Enter"
    assert keymap.keys_text(("Ctrl+1", "Ctrl+2", "Ctrl+3", "Ctrl+4")) == "Ctrl+1–4"


def test_no_key_is_bound_twice_where_both_could_fire() -> None:
    everywhere = {keymap.PANELS, keymap.WINDOW}
    live_together = [{keymap.MOVING, keymap.ANNOTATING, keymap.SUGGESTING, keymap.CLAIMS, *everywhere},
                     {keymap.MOVING, keymap.COMPARING, *everywhere}, {keymap.LIBRARY, *everywhere},
                     {keymap.SEARCH, *everywhere}, {keymap.EDITING}]
    for sections in live_together:
        keys = [QKeySequence(k).toString() for b in keymap.in_section(*sections) for k in b.keys]
        assert len(keys) == len(set(keys)), sections


def test_the_readme_key_table_is_the_keymap() -> None:
    text = README.read_text(encoding="utf-8")
    table = re.search(r"^\| key / mouse \|.*?(?=\n\n)", text, re.MULTILINE | re.DOTALL)
    assert table is not None
    assert table.group(0) == keymap.markdown_table(), "run: python -m annotator.ui.base.keymap"
