"""Opening a project that lacks triggers of ours asks before restoring them; one with a stranger's trigger is refused."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from PySide6.QtWidgets import QMessageBox

from annotator.core.store import backups
from annotator.ui.window import app


def settings():
    store = app.settings()
    store.setValue("annotator/name", "amy")  # else the window asks for it
    return store


def tamper(path: Path, statement: str) -> None:
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute(statement)
    conn.close()


def triggers(path: Path) -> set[str]:
    conn = sqlite3.connect(path)
    try:
        return {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")}
    finally:
        conn.close()


def test_a_missing_trigger_is_restored_after_the_user_agrees(qtbot, sample_path: Path, messages) -> None:
    tamper(sample_path, "DROP TRIGGER annotation_added")
    window = app.open_window(sample_path, settings())
    assert window is not None
    qtbot.addWidget(window)
    (title, text), = messages
    assert title == "Project needs repair" and "trigger annotation_added" in text and "backup" in text
    assert "annotation_added" in triggers(sample_path)
    assert any(b.reason == "before-repair" for b in backups.list_backups(sample_path))
    window.session.project.close()


def test_declining_leaves_the_file_closed_and_as_it_was(qtbot, sample_path: Path, monkeypatch) -> None:
    tamper(sample_path, "DROP TRIGGER annotation_added")
    monkeypatch.setattr(QMessageBox, "exec", lambda box: QMessageBox.StandardButton.Cancel)
    assert app.open_window(sample_path, settings()) is None
    assert "annotation_added" not in triggers(sample_path)


def test_a_strangers_trigger_is_refused_with_a_message(qtbot, sample_path: Path, messages) -> None:
    tamper(sample_path, "CREATE TRIGGER wipe AFTER INSERT ON annotations BEGIN DELETE FROM articles; END")
    assert app.open_window(sample_path, settings(), offer_backup=False) is None
    (title, text), = messages
    assert "trigger wipe" in text
