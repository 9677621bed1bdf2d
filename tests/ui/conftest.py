"""Window fixtures: isolated settings and data folder, dialogs that never block, a workspace with an
article open, a compare tab, and a watch that answers modal dialogs."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QInputDialog, QMessageBox

from annotator.core.classroom.files import mark_answer_key
from annotator.core.sample import create_sample
from annotator.core.store.project import Project
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


@pytest.fixture
def on_modal(qtbot):
    """on_modal(act): run act(dialog) on each modal dialog shown from then on (its exec() would block the
    test); returns the list of dialogs seen. A dialog that act leaves open is closed: a wrong dialog
    fails the test instead of hanging it. The watch ends with the test."""
    timers: list[QTimer] = []

    def watch(act) -> list:
        seen: list = []

        def poll() -> None:
            dialog = QApplication.activeModalWidget()
            if dialog is not None and dialog.isVisible() and dialog not in seen:
                seen.append(dialog)
                dialog.activateWindow()
                qtbot.waitUntil(dialog.isActiveWindow)
                act(dialog)
                if dialog.isVisible():
                    dialog.reject()

        timer = QTimer()
        timer.setInterval(5)
        timer.timeout.connect(poll)
        timer.start()
        timers.append(timer)
        return seen

    yield watch
    for timer in timers:
        timer.stop()


@pytest.fixture
def workspace(open_main, sample_path):
    window = open_main(sample_path)
    window.open_article(1)
    return window


@pytest.fixture
def compare(qtbot, open_main, sample_path, monkeypatch):
    with Project.open(sample_path) as project:
        for idx in (2, 5):
            project.annotate_sentence(1, idx, category="on_record", annotator="key")
        project.annotate_sentence(1, 2, category="document", annotator="amy")
        mark_answer_key(project, "key")
    window = open_main(sample_path)
    window.open_article(1)
    monkeypatch.setattr(QInputDialog, "getItem", staticmethod(lambda *a, **k: ("amy", True)))
    window.classroom.choose_student()
    view = window.tabs.currentWidget()
    qtbot.waitUntil(lambda: view.views[1].hasFocus())
    return window, view
