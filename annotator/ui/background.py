"""Run a long read of the project (an export) in the thread pool, on its own read-only connection."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from annotator.core.errors import AnnotatorError
from annotator.core.project import Project


class TaskSignals(QObject):
    finished = Signal(str)
    failed = Signal(str)


class ReadTask(QRunnable):
    """`work(project)` returns the message to show when done; SQLite connections stay in their thread."""

    def __init__(self, project_path: Path, work: Callable[[Project], str]) -> None:
        super().__init__()
        self.project_path = project_path
        self.work = work
        self.signals = TaskSignals()
        self.setAutoDelete(False)

    def run(self) -> None:
        try:
            with Project.open(self.project_path, read_only=True) as project:
                message = self.work(project)
        except AnnotatorError as error:
            self.signals.failed.emit(str(error))
            return
        except Exception as error:  # noqa: BLE001 - reported to the user; the window must hear back
            self.signals.failed.emit(f"{type(error).__name__}: {error}")
            return
        self.signals.finished.emit(message)


def start(task: ReadTask, running: set[ReadTask]) -> None:
    """Start `task`, keeping a reference in `running` until it reports back."""
    running.add(task)
    task.signals.finished.connect(lambda _message: running.discard(task))
    task.signals.failed.connect(lambda _message: running.discard(task))
    QThreadPool.globalInstance().start(task)
