"""Work off the window's thread (import, export, reports, backups, suggestions, claims): one way to run it.

A `BackgroundWork` runs `work(project)` in the thread pool on a connection of its own (SQLite
connections are not shared between threads). What it returns, its progress and the exception that
stopped it come back through signals delivered in the window's thread. A failure is shown by the
window's ErrorSink by its class (ui/base/errors.py) unless the caller asks for something else, so
no piece of work can fail silently:

    BackgroundWork(path, lambda project: write_report(project, out), errors=self.errors,
                   failure_title="Export failed").on_success(lambda _: self.errors.notice("Written")).start()

Work that needs no project (making a new file elsewhere) is made by `BackgroundWork.without_project`:
no connection is opened for it.

`on_end` callbacks run first whichever way it ended (close a progress dialog, clear a busy flag).
Progress is always `(done, total, item)`: `item` names what is under way ("" when nothing does).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from annotator.core.records import Progress
from annotator.core.store.project import Project
from annotator.ui.base.errors import ErrorSink



class _Signals(QObject):
    progressed = Signal(int, int, str)
    succeeded = Signal(object)  # what the work returned
    failed = Signal(object)  # the exception that stopped the work


class BackgroundWork(QRunnable):
    """`work(project)` in the thread pool (read-only unless asked), reported back in the window's thread."""

    def __init__(self, project_path: Path | None, work: Callable[[Project], object], *, errors: ErrorSink,
                 failure_title: str | None = None, read_only: bool = True) -> None:
        super().__init__()
        self.setAutoDelete(False)
        self.project_path = project_path
        self.work = work
        self.read_only = read_only
        self.errors = errors
        self.failure_title = failure_title
        self.signals = _Signals()
        self.done = False  # run() has returned, or is returning
        self.reported = False  # its end was delivered in the window's thread
        self._ends: list[Callable[[], None]] = []
        self._successes: list[Callable[[object], None]] = []
        self._failure: Callable[[BaseException], None] | None = None
        self.signals.succeeded.connect(self._on_succeeded)
        self.signals.failed.connect(self._on_failed)

    @classmethod
    def without_project(cls, work: Callable[[], object], *, errors: ErrorSink,
                        failure_title: str | None = None) -> BackgroundWork:
        """`work()` in the thread pool, with no project opened for it."""
        return cls(None, lambda _none: work(), errors=errors, failure_title=failure_title)

    # -- what the caller hears --------------------------------------------------------------------
    def on_success(self, callback: Callable[[object], None]) -> BackgroundWork:
        self._successes.append(callback)
        return self

    def on_failure(self, callback: Callable[[BaseException], None]) -> BackgroundWork:
        """Hear a failure instead of the default (the ErrorSink shows it)."""
        self._failure = callback
        return self

    def on_end(self, callback: Callable[[], None]) -> BackgroundWork:
        self._ends.append(callback)
        return self

    def on_progress(self, callback: Progress) -> BackgroundWork:
        self.signals.progressed.connect(
            lambda done, total, item: callback(done, total, item) if self.errors.alive else None)
        return self

    def progress(self, done: int, total: int, item: str = "") -> None:
        """Report progress from the worker thread (hand this to the work)."""
        _emit(self.signals.progressed, done, total, item)

    def start(self) -> BackgroundWork:
        _forget_finished()
        _KEPT.add(self)
        QThreadPool.globalInstance().start(self)
        return self

    # -- in the worker thread -----------------------------------------------------------------------
    def run(self) -> None:
        try:
            if self.project_path is None:  # see without_project
                result = self.work(None)
            else:
                with Project.open(self.project_path, read_only=self.read_only) as project:
                    result = self.work(project)
        except Exception as error:  # noqa: BLE001 - every failure is shown to the user by its class
            _emit(self.signals.failed, error)
        else:
            _emit(self.signals.succeeded, result)
        finally:
            self.done = True

    # -- back in the window's thread ------------------------------------------------------------------
    def _end(self) -> None:
        self.reported = True
        for callback in self._ends:
            callback()

    def _on_succeeded(self, result: object) -> None:
        if not self.errors.alive:  # its window was closed and deleted meanwhile: nobody to tell
            self.reported = True
            return
        self._end()
        for callback in self._successes:
            callback(result)

    def _on_failed(self, error: BaseException) -> None:
        if not self.errors.alive:
            self.reported = True
            return
        self._end()
        if self._failure is not None:
            self._failure(error)
        else:
            self.errors.report(error, title=self.failure_title)


def _emit(signal, *values: object) -> None:
    try:
        signal.emit(*values)
    except RuntimeError:  # the window that asked was closed and deleted: there is nobody to tell
        pass


# Every started piece of work, kept until it has run and the pool is idle. The window's own references
# go with the window; work still running when its window was closed and deleted must not be freed
# under the thread running it (that crashed the interpreter in a later garbage collection).
_KEPT: set[BackgroundWork] = set()


def _forget_finished() -> None:
    if QThreadPool.globalInstance().activeThreadCount() == 0:  # no run() is on any thread's stack
        _KEPT.difference_update([work for work in _KEPT if work.done])
