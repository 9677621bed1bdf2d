"""File ▸ Save a copy…, File ▸ Restore from backup…, the daily backup, and the offer of a backup at start."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox

from annotator.core.clock import local_time
from annotator.core.store import backups
from annotator.core.store.project import Project
from annotator.ui.window import app
from annotator.ui.window.backup_dialog import BackupDialog, start_daily_backup


def notes(path: Path) -> list[str]:
    with Project.open(path, read_only=True) as project:
        return sorted(a.note for a in project.annotations.list())


def backup_with(path: Path, note: str) -> Path:
    with Project.open(path) as project:
        project.annotate_sentence(1, project.annotations.count(), category="document", annotator="amy", note=note)
        return backups.make_backup(project.database.conn, path, reason="before-import")


def test_save_a_copy_writes_a_standalone_project(qtbot, open_main, messages, sample_path: Path, tmp_path: Path,
                                                 monkeypatch) -> None:
    window = open_main(sample_path)
    window.session.project.annotate_sentence(1, 2, category="document", annotator="amy", note="copied")
    target = tmp_path / "elsewhere" / "story-copy.annot"
    target.parent.mkdir()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(target), "")))
    with qtbot.waitSignal(window.statusBar().messageChanged, timeout=10000,
                          check_params_cb=lambda text: text.startswith("Saved a copy")):
        window.files.copy_action.trigger()
    assert notes(target) == ["copied"]
    assert sorted(p.name for p in target.parent.iterdir()) == ["story-copy.annot"]
    assert messages == []


def test_save_a_copy_onto_the_project_itself_is_refused(qtbot, open_main, messages, sample_path: Path,
                                                        monkeypatch) -> None:
    window = open_main(sample_path)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(sample_path), "")))
    window.files.copy_action.trigger()
    qtbot.waitUntil(lambda: bool(messages), timeout=10000)
    title, text = messages[-1]
    assert title == "Copy not saved" and "the project itself" in text and "Choose another file name" in text


def choose(row: int | None):
    """Stand-in for BackupDialog.exec: select `row` and press Restore (None: Cancel)."""
    def exec_(dialog: BackupDialog) -> int:
        if row is None:
            return QDialog.DialogCode.Rejected
        dialog.tree.setCurrentItem(dialog.tree.topLevelItem(row))
        return QDialog.DialogCode.Accepted
    return exec_


def test_restore_from_backup_puts_the_chosen_backup_back(qtbot, open_main, messages, sample_path: Path,
                                                         monkeypatch) -> None:
    saved = backup_with(sample_path, "in the backup")
    window = open_main(sample_path)
    project = window.session.project
    project.annotate_sentence(1, 3, category="document", annotator="amy", note="after the backup")
    monkeypatch.setattr(BackupDialog, "exec", choose(0))
    with qtbot.waitSignal(window.files.project_restored, timeout=10000):
        window.files.restore_action.trigger()
    assert [title for title, _ in messages] == ["Restore from backup"]  # asked first
    assert "the backup of" in messages[0][1] and "before an import" in messages[0][1]
    assert [a.note for a in project.annotations.list()] == ["in the backup"]  # the window's own connection
    assert notes(sample_path) == ["in the backup"]
    kept = backups.list_backups(sample_path)[0]
    assert kept.reason == "before-restore" and notes(kept.path) == ["after the backup", "in the backup"]
    assert saved.exists()
    assert window.statusBar().currentMessage().startswith("Restored the backup of")
    assert window.session.undo_stack.count() == 0


def test_cancelling_the_dialog_or_the_question_restores_nothing(qtbot, open_main, messages, sample_path: Path,
                                                               monkeypatch) -> None:
    backup_with(sample_path, "in the backup")
    window = open_main(sample_path)
    window.session.project.annotate_sentence(1, 3, category="document", annotator="amy", note="kept")
    monkeypatch.setattr(BackupDialog, "exec", choose(None))
    window.files.restore_action.trigger()
    assert messages == []
    monkeypatch.setattr(BackupDialog, "exec", choose(0))
    monkeypatch.setattr(QMessageBox, "exec", lambda box: QMessageBox.StandardButton.Cancel)
    window.files.restore_action.trigger()
    assert notes(sample_path) == ["in the backup", "kept"]
    assert len(backups.list_backups(sample_path)) == 1


def test_the_dialog_lists_date_reason_and_size(qtbot, sample_path: Path) -> None:
    empty = BackupDialog(sample_path)
    qtbot.addWidget(empty)
    assert not empty.restore_button.isEnabled() and empty.chosen() is None
    backup_with(sample_path, "first")
    latest = backup_with(sample_path, "second")
    dialog = BackupDialog(sample_path)
    qtbot.addWidget(dialog)
    first = dialog.tree.topLevelItem(0)
    listed = backups.list_backups(sample_path)
    assert dialog.tree.topLevelItemCount() == 2
    assert [first.text(c) for c in range(3)] == [local_time(listed[0].made_at), "before an import",
                                                 backups.size_text(listed[0].size)]
    assert dialog.chosen().path == latest and dialog.restore_button.isEnabled()


def test_the_daily_backup_is_made_in_the_background_once(qtbot, open_main, sample_path: Path) -> None:
    window = open_main(sample_path)
    # The window started the day's backup at opening: once it is there, no further one is made.
    qtbot.waitUntil(lambda: [b.reason for b in backups.list_backups(sample_path)] == ["daily"], timeout=10000)
    for _ in range(2):
        task = start_daily_backup(window.session, window.errors)  # it may be done before any wait could connect
        qtbot.waitUntil(lambda: task.done, timeout=10000)
    assert [b.reason for b in backups.list_backups(sample_path)] == ["daily"]


def damaged_with_backup(path: Path) -> Path:
    saved = backup_with(path, "rescued")
    with path.open("r+b") as handle:  # no connection holds the closed project
        handle.write(b"\x00" * 100)
    return saved


def pressing(text_start: str | None, shown: list[list[str]]):
    """Stand-in for QMessageBox.exec: note the buttons, press the one whose text starts so (None: Cancel)."""
    def exec_(box: QMessageBox) -> int:
        shown.append([button.text() for button in box.buttons()])
        for button in box.buttons():
            if text_start is not None and button.text().startswith(text_start):
                button.click()
                return 0
        return QMessageBox.StandardButton.Cancel
    return exec_


def test_a_damaged_project_offers_its_newest_good_backup(qtbot, sample_path: Path, monkeypatch) -> None:
    saved = damaged_with_backup(sample_path)
    shown: list[list[str]] = []
    monkeypatch.setattr(QMessageBox, "exec", pressing("Restore the backup of", shown))
    store = app.settings()
    store.setValue("annotator/name", "amy")
    window = app.open_window(sample_path, store)
    assert window is not None
    qtbot.addWidget(window)
    try:
        offered = local_time(backups.list_backups(sample_path)[-1].made_at)
        assert any(text == f"Restore the backup of {offered}" for text in shown[0])
        assert [a.note for a in window.session.project.annotations.list()] == ["rescued"]
        assert [b.reason for b in backups.list_backups(sample_path)] == ["damaged", "before-import"]
        assert saved.exists()
    finally:
        window.session.project.close()


@pytest.mark.parametrize("with_backup", [False, True])
def test_without_a_good_backup_or_when_declined_nothing_is_restored(qtbot, sample_path: Path, monkeypatch,
                                                                    with_backup: bool) -> None:
    if with_backup:
        saved = damaged_with_backup(sample_path)
        saved.write_bytes(b"not a database either")  # our own backup file, not live
    else:
        with sample_path.open("r+b") as handle:
            handle.write(b"\x00" * 100)
    before = sample_path.read_bytes()
    shown: list[list[str]] = []
    monkeypatch.setattr(QMessageBox, "exec", pressing(None, shown))
    assert app.open_window(sample_path, app.settings()) is None
    assert len(shown) == 1 and not any(text.startswith("Restore") for text in shown[0])
    assert sample_path.read_bytes() == before
