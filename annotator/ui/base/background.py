"""Long work on the project (import, export) in the thread pool, each task on its own connection.

SQLite connections are not shared between threads: a task opens the project file itself. Its
result, or the exception object that stopped it, comes back through signals owned by a QObject,
delivered in the window's thread; the window shows the exception by its class (ui/errors.py).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from annotator.core.store.project import Project


class TaskSignals(QObject):
    progressed = Signal(int, int, str)  # done, total, current item
    finished = Signal(object)  # what the work returned
    failed = Signal(object)  # the exception that stopped the work


class ProjectTask(QRunnable):
    """Run `work(project)` on a connection of its own (read-only unless asked)."""

    def __init__(self, project_path: Path, work: Callable[[Project], object], *, read_only: bool = True) -> None:
        super().__init__()
        self.project_path = project_path
        self.work = work
        self.read_only = read_only
        self.signals = TaskSignals()
        self.done = False  # run() has returned, or is returning
        self.setAutoDelete(False)

    def run(self) -> None:
        try:
            with Project.open(self.project_path, read_only=self.read_only) as project:
                result = self.work(project)
        except Exception as error:  # noqa: BLE001 - every failure is shown to the user by its class
            self._report(self.signals.failed, error)
        else:
            self._report(self.signals.finished, result)
        finally:
            self.done = True

    @staticmethod
    def _report(signal, value: object) -> None:
        try:
            signal.emit(value)
        except RuntimeError:  # the window that asked was closed and deleted: there is nobody to tell
            pass


# Every started task, kept until it has run and the pool is idle. The window's own references go
# with the window; a task still running when its window was closed and deleted must not be freed
# under the thread running it (that crashed the interpreter in a later garbage collection).
_KEPT: set[ProjectTask] = set()


def _forget_finished() -> None:
    if QThreadPool.globalInstance().activeThreadCount() == 0:  # no run() is on any thread's stack
        _KEPT.difference_update([task for task in _KEPT if task.done])


def start(task: ProjectTask, running: set[ProjectTask]) -> None:
    """Start `task`, keeping a reference in `running` until it reports back."""
    _forget_finished()
    _KEPT.add(task)
    running.add(task)
    task.signals.finished.connect(lambda _result: running.discard(task))
    task.signals.failed.connect(lambda _error: running.discard(task))
    QThreadPool.globalInstance().start(task)
