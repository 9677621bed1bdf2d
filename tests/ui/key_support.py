"""Helpers the key tests share: pressing a key as the keymap writes it, and reading what is stored."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QKeySequence

from annotator.core.store.project import Project


def press(qtbot, widget, key: str) -> None:
    """Press a key written as in the keymap ("Shift+J", "Ctrl+Return") on `widget`."""
    combination = QKeySequence(key)[0]
    qtbot.keyClick(widget, combination.key(), combination.keyboardModifiers())


def stored(path: Path):
    with Project.open(path, read_only=True) as project:
        return project.annotations.list()
