"""Undoable commands; each apply and revert is one call into the session (and so the core).

A command is applied once before it is pushed, so a change the core refuses (read-only file,
locked database) never enters the undo history. A failure while undoing or redoing is reported
through the session; the views re-read the project, so they always show what is stored.
"""

from __future__ import annotations

from PySide6.QtGui import QUndoCommand, QUndoStack

from annotator.core.errors import AnnotatorError
from annotator.core.records import Annotation, ArticleId
from annotator.ui.session import ProjectSession


class _Command(QUndoCommand):
    def __init__(self, session: ProjectSession, text: str) -> None:
        super().__init__(text)
        self._session = session
        self._pushing = False

    def apply(self) -> None:
        raise NotImplementedError

    def revert(self) -> None:
        raise NotImplementedError

    def redo(self) -> None:
        if self._pushing:  # already applied by execute()
            self._pushing = False
            return
        self._guarded(self.apply)

    def undo(self) -> None:
        self._guarded(self.revert)

    def _guarded(self, action) -> None:
        try:
            action()
        except AnnotatorError as error:
            self._session.failed.emit(str(error))


def execute(stack: QUndoStack, command: _Command) -> None:
    """Apply `command` (raising if the core refuses it), then record it for undo."""
    command.apply()
    command._pushing = True
    stack.push(command)


class AddAnnotation(_Command):
    def __init__(self, session: ProjectSession, article_id: ArticleId, start: int, end: int,
                 category: str, label: str) -> None:
        super().__init__(session, f"Mark as {label}")
        self._args = (article_id, start, end, category)
        self.annotation: Annotation | None = None

    def apply(self) -> None:
        if self.annotation is None:
            self.annotation = self._session.add_annotation(*self._args)
        else:
            self._session.restore_annotation(self.annotation)

    def revert(self) -> None:
        assert self.annotation is not None
        self._session.delete_annotation(self.annotation.id)


class UpdateAnnotation(_Command):
    def __init__(self, session: ProjectSession, annotation: Annotation, text: str, **fields: str) -> None:
        super().__init__(session, text)
        self._id = annotation.id
        self._after = fields
        self._before = {k: getattr(annotation, k) for k in fields}

    def apply(self) -> None:
        self._session.update_annotation(self._id, **self._after)

    def revert(self) -> None:
        self._session.update_annotation(self._id, **self._before)


class DeleteAnnotation(_Command):
    def __init__(self, session: ProjectSession, annotation: Annotation) -> None:
        super().__init__(session, "Delete annotation")
        self._annotation = annotation

    def apply(self) -> None:
        self._annotation = self._session.delete_annotation(self._annotation.id)

    def revert(self) -> None:
        self._session.restore_annotation(self._annotation)
