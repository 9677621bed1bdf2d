"""Window fixtures: isolated settings and data folder, dialogs that never block."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from annotator.core.sample import create_sample
from annotator.ui.window import app


@pytest.fixture(autouse=True)
def isolated(tmp_path: Path, monkeypatch):
    monkeypatch.setenv("ANNOTATOR_SETTINGS", str(tmp_path / "settings.ini"))
    monkeypatch.setenv("ANNOTATOR_DATA_DIR", str(tmp_path / "data"))


@pytest.fixture
def messages(monkeypatch) -> list[tuple[str, str]]:
    """Every message box shown, as (title, text), without blocking; each is answered Ok."""
    shown: list[tuple[str, str]] = []

    def record_box(box: QMessageBox) -> QMessageBox.StandardButton:
        shown.append((box.windowTitle(), box.text()))
        return QMessageBox.StandardButton.Ok

    def record(parent, title, text, *args, **kwargs) -> QMessageBox.StandardButton:
        shown.append((title, text))
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(QMessageBox, "exec", record_box)  # boxes made by ui/errors.py
    for kind in ("critical", "warning", "information", "question"):  # the static helpers, if used
        monkeypatch.setattr(QMessageBox, kind, staticmethod(record))
    return shown


@pytest.fixture
def sample_path(tmp_path: Path) -> Path:
    path = tmp_path / "sample.annot"
    create_sample(path)[0].close()
    return path


@pytest.fixture
def open_main(qtbot, messages):
    """Open a project in a window as annotator 'amy'; close its project at the end."""
    windows = []

    def _open(path: Path, name: str = "amy"):
        store = app.settings()
        store.setValue("annotator/name", name)
        window = app.open_window(path, store)
        if window is not None:
            qtbot.addWidget(window)
            window.show()
            qtbot.waitExposed(window)
            window.activateWindow()
            qtbot.waitUntil(window.isActiveWindow)  # window shortcuts (Ctrl+Z) need it
            windows.append(window)
        return window

    yield _open
    for window in windows:
        window.session.project.close()
