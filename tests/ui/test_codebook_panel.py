"""The codebook panel: choosing a category never annotates; its definition is edited and shown; the
codebook is exported and imported as a file."""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QFileDialog

from annotator.core.store.project import Project
from annotator.ui.workspace.category_dialog import CategoryDialog


def row_of(window, key: str) -> int:
    panel = window.codebook.list
    return next(i for i in range(panel.count()) if panel.item(i).data(Qt.ItemDataRole.UserRole) == key)


def click(qtbot, window, key: str, *, double: bool = False) -> None:
    panel = window.codebook.list
    center = panel.visualItemRect(panel.item(row_of(window, key))).center()
    qtbot.mouseClick(panel.viewport(), Qt.MouseButton.LeftButton, pos=center)
    if double:
        qtbot.mouseDClick(panel.viewport(), Qt.MouseButton.LeftButton, pos=center)


def test_clicking_a_category_to_edit_it_marks_nothing(qtbot, open_main, sample_path: Path) -> None:
    window = open_main(sample_path)
    window.open_article(1)
    click(qtbot, window, "on_record")
    assert window.codebook.chosen_key() == "on_record"
    assert window.session.project.annotations.list() == []
    qtbot.keyClick(window.codebook.list, Qt.Key.Key_Return)  # Enter on the chosen row assigns, as a double-click
    assert [a.category for a in window.session.project.annotations.list()] == ["on_record"]


def test_the_edit_dialog_changes_label_shortcut_and_definition_in_one_step(
        qtbot, open_main, sample_path: Path, monkeypatch) -> None:
    window = open_main(sample_path)
    click(qtbot, window, "document")

    def answer(dialog: CategoryDialog) -> QDialog.DialogCode:
        assert dialog.label.text() == "Document or data" and dialog.shortcut.text() == "6"
        dialog.label.setText("Document")
        dialog.shortcut.setText("8")
        dialog.definition.setPlainText("A memo, a filing, a dataset.")
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(CategoryDialog, "exec", answer)
    qtbot.mouseClick(window.codebook.buttons["Edit…"], Qt.MouseButton.LeftButton)
    stored = window.session.project.categories.get("document")
    assert (stored.label, stored.shortcut, stored.description) == ("Document", "8", "A memo, a filing, a dataset.")
    item = window.codebook.list.item(row_of(window, "document"))
    assert item.text().startswith("8") and "A memo, a filing, a dataset." in item.toolTip()
    assert window.session.undo_stack.count() == 1


def test_the_edit_dialog_confirms_with_ctrl_return_from_the_definition(qtbot, open_main, sample_path) -> None:
    window = open_main(sample_path)
    dialog = CategoryDialog(window.session.codebook.get("document"), window)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.definition.setFocus()
    dialog.definition.selectAll()
    qtbot.keyClicks(dialog.definition, "Any record")
    with qtbot.waitSignal(dialog.accepted, timeout=2000):
        qtbot.keyClick(dialog.definition, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert dialog.changes() == {"description": "Any record"}


def test_a_codebook_exported_here_is_imported_into_another_project(
        qtbot, open_main, sample_path: Path, tmp_path: Path, monkeypatch, messages) -> None:
    window = open_main(sample_path)
    out = tmp_path / "desk.json"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(out), "")))
    window.codebook.export_action.trigger()
    entries = json.loads(out.read_text(encoding="utf-8"))["categories"]
    assert [e["key"] for e in entries] == [c.key for c in window.session.codebook.active]
    entries[0]["label"] = "Unnamed official"
    entries.append({"key": "leak", "label": "Leak", "color": "#ABCDEF", "description": "A leaked document."})
    out.write_text(json.dumps({"categories": entries}), encoding="utf-8")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(out), "")))
    window.codebook.import_action.trigger()
    assert window.session.codebook.get("leak").label == "Leak"
    assert window.codebook.list.item(0).text().split("   ")[1] == "Unnamed official"
    assert "1 categories added, 1 updated" in window.statusBar().currentMessage()
    window.session.undo_stack.undo()
    with Project.open(sample_path, read_only=True) as project:
        assert "leak" not in [c.key for c in project.categories.list(include_archived=True)]


def test_a_broken_codebook_file_is_refused_with_its_reason(qtbot, open_main, sample_path, tmp_path, monkeypatch,
                                                          messages) -> None:
    window = open_main(sample_path)
    bad = tmp_path / "bad.json"
    bad.write_text("{ not json", encoding="utf-8")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(bad), "")))
    window.codebook.import_action.trigger()
    assert messages and messages[-1][0] == "Codebook not imported" and "not a codebook file" in messages[-1][1]
    assert window.session.undo_stack.count() == 0


def test_the_inspector_shows_when_an_annotation_was_made_in_local_time(qtbot, open_main, sample_path) -> None:
    from annotator.core.clock import local_time

    window = open_main(sample_path)
    window.open_article(1)
    view = window.columns.current.view
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_2)
    stored = window.session.project.annotations.list()[0]
    shown = window.inspector.findChildren(type(window.inspector.suggestions))
    text = " ".join(label.text() for label in shown)
    assert f"created {local_time(stored.created_at)}" in text and stored.created_at not in text
