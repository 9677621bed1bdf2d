"""The open project as the window sees it: the Project, its undo stack, and one `changed` signal.

Every change goes through `run`: the operation commits through the core as one transaction
(core/ops/runner.py), is recorded for undo when it can be taken back, and one Changes value tells
every view what to refresh. Views never keep their own copies of data: they re-read what the value
names.

What other processes write (the command line, a second window, a merge) reaches the views the same
way: a timer asks SQLite whether another connection committed (`PRAGMA data_version`), and if one
did, the project's change log says what it touched.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable, Iterable

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from annotator.core.changes import EVERYTHING, NOTHING, Changes
from annotator.core.errors import AnnotatorError
from annotator.core.ops import runner
from annotator.core.ops.base import Operation
from annotator.core.store.project import Project
from annotator.ui.base.background import BackgroundWork
from annotator.ui.base.codebook_view import CodebookView
from annotator.ui.base.errors import ErrorSink


WATCH_INTERVAL_MS = 400  # how often the window asks whether another process wrote


class ProjectSession(QObject):
    changed = Signal(object)  # Changes
    failed = Signal(object)  # the exception of a change the core refused while undoing or redoing
    visible_changed = Signal()  # whose annotations the views show was chosen anew (not a change to the file)

    def __init__(self, project: Project, annotator: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.project = project
        self.annotator = annotator
        self.undo_stack = QUndoStack(self)
        # Blind mode (set in a classroom assignment): each student sees only their own annotations.
        self.blind = project.info.value("blind") == "1"
        self._chosen: frozenset[str] | None = None  # whose annotations to show, besides the user's; None: all
        self._stopped = False
        self._codebook: CodebookView | None = None
        self._seen = project.change_log.latest()  # the last change-log entry the views reflect
        self._data_version = project.change_log.data_version()
        _watch(self)

    @property
    def visible_annotator(self) -> str | None:
        """The one annotator the views are limited to: the user in blind mode, else None (see `shows`)."""
        return self.annotator if self.blind else None

    @property
    def visible_annotators(self) -> frozenset[str] | None:
        """Whose annotations the views show: the user alone in blind mode, else the chosen ones and the
        user (whose new marks must never vanish), or everyone's (None)."""
        if self.blind:
            return frozenset({self.annotator})
        return None if self._chosen is None else self._chosen | {self.annotator}

    def shows(self, annotator: str) -> bool:
        """Whether the views show this annotator's annotations."""
        shown = self.visible_annotators
        return shown is None or annotator in shown

    def show_annotators(self, names: Iterable[str] | None) -> None:
        """Show only these annotators' annotations (and the user's); None: everyone's. Not in blind mode."""
        chosen = None if names is None or self.blind else frozenset(names)
        if chosen != self._chosen:
            self._chosen = chosen
            self.visible_changed.emit()

    def run(self, operation: Operation) -> Changes:
        """Apply `operation` (raising if the core refuses it), record it for undo, tell the views.

        A refused change never enters the undo history.
        """
        runner.back_up_first(self.project, operation)  # outside the transaction step() opens
        changes = self.step(lambda: runner.apply(self.project, operation),
                            own_transaction=not getattr(operation, "commits_itself", False))
        if operation.undoable:
            self.undo_stack.push(_UndoEntry(self, operation))
        self.announce(changes)
        return changes

    def step(self, work: Callable[[], Changes], *, own_transaction: bool = True) -> Changes:
        """Run `work` as one committed transaction, and take in what others wrote before it began.

        Change-log entries from our last look to the transaction's start are others' (announced
        here); those from its start to its end are ours (transactions never interleave), which the
        next look skips. Work that commits by itself is left to the next look.
        """
        self.catch_up()
        if not own_transaction or self.project.read_only:
            return work()
        with self.project.transaction():
            start = self.project.change_log.latest()
            changes = work()
            end = self.project.change_log.latest()
        others, _ = self.project.change_log.since(self._seen, upto=start)
        self._seen = end
        if others != NOTHING:
            self.announce(others)
        return changes

    def catch_up(self) -> Changes:
        """Tell the views what other connections committed since we last looked (nothing: no signal)."""
        if not self.project.is_open or self._stopped:
            return NOTHING
        try:
            version = self.project.change_log.data_version()
            if version == self._data_version:
                return NOTHING
            changes, self._seen = self.project.change_log.since(self._seen)
            self._data_version = version
        except AnnotatorError as error:  # the file went away or is damaged: say so once, stop looking
            self._stopped = True
            self.failed.emit(error)
            return NOTHING
        if changes != NOTHING:
            self.announce(changes)
        return changes

    def try_run(self, operation: Operation, report: Callable[[BaseException], None]) -> Changes | None:
        """run(), with a change the core refuses shown through `report` instead of raised (None then)."""
        try:
            return self.run(operation)
        except AnnotatorError as error:
            report(error)
            return None

    def run_in_background(self, operation: Operation, errors: ErrorSink, *,
                          failure_title: str | None = None) -> BackgroundWork:
        """A long operation that cannot be undone (an import, a refresh), applied on its own connection in
        the thread pool; call `.start()` on what is returned after adding callbacks.

        Its Changes are announced when it is done, before any `on_success` callback; an operation that
        reports progress (`operation.progress`) reports through the work's `on_progress`.
        """
        if operation.undoable:
            raise TypeError("background operations are not recorded for undo; run undoable ones with run()")
        work = BackgroundWork(self.project.path, lambda project: runner.apply(project, operation), errors=errors,
                              failure_title=failure_title, read_only=False)
        if hasattr(operation, "progress"):
            operation.progress = work.progress
        return work.on_success(self.announce)

    @property
    def codebook(self) -> CodebookView:
        """The categories, read once after each codebook change (views ask on every key press)."""
        if self._codebook is None:
            self._codebook = CodebookView(self.project.categories.list(include_archived=True))
        return self._codebook

    def announce(self, changes: Changes) -> None:
        """Tell the views; also for work committed on another connection (a background import)."""
        if changes.codebook:
            self._codebook = None  # before any view reads it again
        self.changed.emit(changes)

    def reload(self) -> None:
        """The whole file changed under us (a restore): forget the undo history and re-read everything."""
        self.undo_stack.clear()
        self._seen = self.project.change_log.latest()
        self._data_version = self.project.change_log.data_version()
        self.announce(EVERYTHING)

    def close(self) -> None:
        self._stopped = True
        self.project.close()


# One timer for every open session, owned by the application: a timer owned by a session would be
# destroyed with it, and a session left in a reference cycle may be collected on a worker thread,
# where destroying a running timer crashes Qt.
_SESSIONS: weakref.WeakSet[ProjectSession] = weakref.WeakSet()
_TIMER: list[QTimer] = []


def _watch(session: ProjectSession) -> None:
    _SESSIONS.add(session)
    if not _TIMER:
        timer = QTimer(QCoreApplication.instance())
        timer.setInterval(WATCH_INTERVAL_MS)
        timer.timeout.connect(_look_for_changes)
        timer.start()
        _TIMER.append(timer)


def _look_for_changes() -> None:
    for session in list(_SESSIONS):
        try:
            session.catch_up()
        except RuntimeError:  # its Qt side was deleted with its window
            _SESSIONS.discard(session)


class _UndoEntry(QUndoCommand):
    """One operation in the undo history; its first redo is skipped, since `run` applied it."""

    def __init__(self, session: ProjectSession, operation: Operation) -> None:
        super().__init__(operation.text)
        self._session = session
        self._operation = operation
        self._applied = True

    def redo(self) -> None:
        if self._applied:  # pushed just after run() applied it
            self._applied = False
            return
        self._guarded(runner.apply)

    def undo(self) -> None:
        self._guarded(runner.revert)

    def _guarded(self, step) -> None:
        session = self._session
        try:
            changes = session.step(lambda: step(session.project, self._operation))
        except Exception as error:  # noqa: BLE001 - shown to the user; the history must not lie
            # The stack has already moved its index as if the step were done. It was not (or only in
            # part): drop this entry, so undo and redo never claim what the file does not hold, and
            # let every view re-read the project.
            self.setObsolete(True)
            self._session.failed.emit(error)
            self._session.announce(EVERYTHING)
            return
        self._session.announce(changes)
