"""Every codebook edit made in the panel is one undo step: Ctrl+Z takes it back, Ctrl+Shift+Z redoes it,
and the panel and the open article show what is stored after each."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QColorDialog, QDialog, QInputDialog

from annotator.ui.workspace.category_dialog import CategoryDialog


def codebook_state(window) -> list[tuple]:
    return [(c.key, c.label, c.color, c.description, c.archived)
            for c in window.session.project.categories.list(include_archived=True)]


def panel_rows(window) -> list[tuple[str, str]]:
    """What the panel shows: each row's text and its swatch's colour."""
    items = [window.codebook.list.item(i) for i in range(window.codebook.list.count())]
    return [(item.text(), item.icon().pixmap(8, 8).toImage().pixelColor(4, 4).name()) for item in items]


def choose(window, key: str) -> None:
    panel = window.codebook.list
    row = next(i for i in range(panel.count()) if panel.item(i).data(Qt.ItemDataRole.UserRole) == key)
    panel.setCurrentRow(row)


EDITS = {
    "add": ("Add", "on_record", {"getText": ("Leaked video", True)}),
    "edit": ("Edit…", "on_record", {"edit": {"label": "Named source", "definition": "Quoted by name."}}),
    "recolour": ("Colour", "social_post", {"getColor": QColor("#112233")}),
    "move up": ("▲", "document", {}),
    "move down": ("▼", "anonymous_official", {}),
    "archive": ("Archive", "document", {}),
}


@pytest.mark.parametrize("name", list(EDITS))
def test_codebook_edit_undoes_and_redoes(qtbot, open_main, sample_path, monkeypatch, name) -> None:
    button, key, answers = EDITS[name]
    if "getText" in answers:
        monkeypatch.setattr(QInputDialog, "getText", staticmethod(lambda *a, **k: answers["getText"]))
    if "edit" in answers:
        def answer(dialog) -> QDialog.DialogCode:
            dialog.label.setText(answers["edit"]["label"])
            dialog.definition.setPlainText(answers["edit"]["definition"])
            return QDialog.DialogCode.Accepted
        monkeypatch.setattr(CategoryDialog, "exec", answer)
    if "getColor" in answers:
        monkeypatch.setattr(QColorDialog, "getColor", staticmethod(lambda *a, **k: answers["getColor"]))
    window = open_main(sample_path)
    window.open_article(1)
    before, rows_before = codebook_state(window), panel_rows(window)
    choose(window, key)
    qtbot.mouseClick(window.codebook.buttons[button], Qt.MouseButton.LeftButton)
    after, rows_after = codebook_state(window), panel_rows(window)
    assert after != before and rows_after != rows_before
    view = window.columns.current.view
    qtbot.keyClick(view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert codebook_state(window) == before and panel_rows(window) == rows_before
    qtbot.keyClick(view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert codebook_state(window) == after and panel_rows(window) == rows_after


def test_restore_undoes_and_redoes(qtbot, open_main, sample_path, monkeypatch) -> None:
    window = open_main(sample_path)
    choose(window, "document")
    qtbot.mouseClick(window.codebook.buttons["Archive"], Qt.MouseButton.LeftButton)
    monkeypatch.setattr(QInputDialog, "getItem", staticmethod(lambda *a, **k: ("Document or data", True)))
    window.codebook.restore_action.trigger()  # the ⋯ menu's Restore an archived category…
    assert not window.session.project.categories.get("document").archived
    window.undo_action.trigger()
    assert window.session.project.categories.get("document").archived
    assert not any("Document or data" in text for text, _colour in panel_rows(window))
    window.redo_action.trigger()
    assert not window.session.project.categories.get("document").archived
    assert window.undo_action.text() == "&Undo Restore category"


def test_a_recoloured_category_repaints_the_open_article(qtbot, open_main, sample_path, monkeypatch) -> None:
    monkeypatch.setattr(QColorDialog, "getColor", staticmethod(lambda *a, **k: QColor("#112233")))
    window = open_main(sample_path)
    window.open_article(1)
    view = window.columns.current.view
    qtbot.keyClick(view, Qt.Key.Key_3)  # social_post
    choose(window, "social_post")
    qtbot.mouseClick(window.codebook.buttons["Colour"], Qt.MouseButton.LeftButton)
    cursor = view.textCursor()
    cursor.setPosition(view.sentences[0].start + 1)
    assert cursor.charFormat().background().color().name() == "#112233"
    window.undo_action.trigger()
    cursor.setPosition(view.sentences[0].start + 1)
    assert cursor.charFormat().background().color().name() != "#112233"
