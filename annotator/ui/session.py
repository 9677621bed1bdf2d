"""The open project as the window sees it: the Project, its undo stack, and one `changed` signal.

Every change goes through `run`: the operation commits through the core, is recorded for undo when
it can be taken back, and one Changes value tells every view what to refresh. Views never keep
their own copies of data: they re-read what the value names.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from annotator.core.changes import EVERYTHING, Changes
from annotator.core.errors import AnnotatorError
from annotator.core.ops.base import Operation
from annotator.core.store.project import Project
from annotator.ui.background import ProjectTask, start


class ProjectSession(QObject):
    changed = Signal(object)  # Changes
    failed = Signal(object)  # the exception of a change the core refused while undoing or redoing

    def __init__(self, project: Project, annotator: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.project = project
        self.annotator = annotator
        self.undo_stack = QUndoStack(self)
        self._running: set[ProjectTask] = set()
        # Blind mode (set in a classroom assignment): each student sees only their own annotations.
        self.blind = project.info.value("blind") == "1"

    @property
    def visible_annotator(self) -> str | None:
        """Whose annotations the views show: only the user's in blind mode, else everyone's."""
        return self.annotator if self.blind else None

    def run(self, operation: Operation) -> Changes:
        """Apply `operation` (raising if the core refuses it), record it for undo, tell the views.

        A refused change never enters the undo history.
        """
        changes = operation.apply(self.project)
        if operation.undoable:
            self.undo_stack.push(_UndoEntry(self, operation))
        self.announce(changes)
        return changes

    def try_run(self, operation: Operation, report: Callable[[BaseException], None]) -> Changes | None:
        """run(), with a change the core refuses shown through `report` instead of raised (None then)."""
        try:
            return self.run(operation)
        except AnnotatorError as error:
            report(error)
            return None

    def run_in_background(self, operation: Operation, *, finished: Callable[[Changes], None],
                          failed: Callable[[BaseException], None],
                          progressed: Callable[[int, int, str], None] | None = None) -> ProjectTask:
        """Apply a long operation that cannot be undone (an import) on its own connection in the thread pool.

        Its Changes are announced when it is done, before `finished` is called.
        """
        if operation.undoable:
            raise TypeError("background operations are not recorded for undo; run undoable ones with run()")
        task = ProjectTask(self.project.path, operation.apply, read_only=False)
        task.signals.finished.connect(self.announce)
        task.signals.finished.connect(finished)
        task.signals.failed.connect(failed)
        if progressed is not None:  # an operation that reports progress has a `progress` callback
            operation.progress = task.signals.progressed.emit
            task.signals.progressed.connect(progressed)
        start(task, self._running)
        return task

    def announce(self, changes: Changes) -> None:
        """Tell the views; also for work committed on another connection (a background import)."""
        self.changed.emit(changes)

    def close(self) -> None:
        self.project.close()


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
        self._guarded(self._operation.apply)

    def undo(self) -> None:
        self._guarded(self._operation.revert)

    def _guarded(self, step) -> None:
        try:
            changes = step(self._session.project)
        except Exception as error:  # noqa: BLE001 - shown to the user; the history must not lie
            # The stack has already moved its index as if the step were done. It was not (or only in
            # part): drop this entry, so undo and redo never claim what the file does not hold, and
            # let every view re-read the project.
            self.setObsolete(True)
            self._session.failed.emit(error)
            self._session.announce(EVERYTHING)
            return
        self._session.announce(changes)
