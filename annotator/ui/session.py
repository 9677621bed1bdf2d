"""The open project as the window sees it: the Project, its undo stack, and change signals.

Views never keep their own copies of data: they listen to these signals and re-read the project.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from annotator.core.store.project import Project
from annotator.core.records import Annotation, AnnotationChange, ArticleId


class ProjectSession(QObject):
    annotations_changed = Signal(int, int, int)  # article id, start and end of the changed span
    codebook_changed = Signal()
    articles_changed = Signal()
    failed = Signal(str)  # a change the core refused while undoing or redoing

    def __init__(self, project: Project, annotator: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.project = project
        self.annotator = annotator
        self.undo_stack = QUndoStack(self)
        # Blind mode (set in a classroom assignment): each student sees only their own annotations.
        self.blind = project.info.value("blind") == "1"

    @property
    def visible_annotator(self) -> str | None:
        """Whose annotations the views show: only the user's in blind mode, else everyone's."""
        return self.annotator if self.blind else None

    # Each method commits through the core, then tells the views.
    def add_annotation(self, article_id: ArticleId, start: int, end: int, category: str) -> Annotation:
        made = self.project.annotations.add(article_id, start, end, category=category,
                                            annotator=self.annotator)
        self.annotations_changed.emit(article_id, made.start, made.end)
        return made

    def update_annotation(self, annotation_id: int, **fields: str) -> AnnotationChange:
        change = self.project.annotations.update(annotation_id, **fields)
        self.annotations_changed.emit(change.after.article_id, change.after.start, change.after.end)
        return change

    def delete_annotation(self, annotation_id: int) -> Annotation:
        removed = self.project.annotations.delete(annotation_id)
        self.annotations_changed.emit(removed.article_id, removed.start, removed.end)
        return removed

    def restore_annotation(self, annotation: Annotation) -> Annotation:
        restored = self.project.annotations.restore(annotation)
        self.annotations_changed.emit(restored.article_id, restored.start, restored.end)
        return restored

    def notify_codebook(self) -> None:
        self.codebook_changed.emit()

    def notify_articles(self) -> None:
        self.articles_changed.emit()

    def close(self) -> None:
        self.project.close()
