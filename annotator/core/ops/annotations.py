"""Operations on annotations: mark a span, edit its category, source or note, delete it."""

from __future__ import annotations

from annotator.core.changes import Changes, annotation_added, annotation_edited, annotation_removed
from annotator.core.records import Annotation
from annotator.core.store.project import Project


class AddAnnotation:
    """Mark body[start:end]; redo puts the same annotation back under its first id."""

    undoable = True

    def __init__(self, article_id: int, start: int, end: int, *, category: str, annotator: str,
                 label: str | None = None, source: str = "") -> None:
        self.text = f"Mark as {label or category}"
        self._fields = dict(article_id=article_id, start=start, end=end, category=category,
                            annotator=annotator, source=source)
        self.annotation: Annotation | None = None

    def apply(self, project: Project) -> Changes:
        if self.annotation is None:
            fields = dict(self._fields)
            self.annotation = project.annotations.add(
                fields.pop("article_id"), fields.pop("start"), fields.pop("end"), **fields)
        else:
            self.annotation = project.annotations.restore(self.annotation)
        return annotation_added(self.annotation)

    def revert(self, project: Project) -> Changes:
        assert self.annotation is not None, "revert() before apply()"
        return annotation_removed(project.annotations.delete(self.annotation.id))


class UpdateAnnotation:
    """Change some of an annotation's category, source and note."""

    undoable = True
    _TEXT = {"category": "Change category", "source": "Edit source", "note": "Edit note"}

    def __init__(self, annotation: Annotation, **fields: str) -> None:
        self.text = self._TEXT[next(iter(fields))] if len(fields) == 1 else "Edit annotation"
        self._id = annotation.id
        self._after = fields
        self._before = {name: getattr(annotation, name) for name in fields}
        self._before_updated_at = annotation.updated_at

    def apply(self, project: Project) -> Changes:
        change = project.annotations.update(self._id, **self._after)
        return annotation_edited(change.before, change.after)

    def revert(self, project: Project) -> Changes:
        change = project.annotations.update(self._id, **self._before, updated_at=self._before_updated_at)
        return annotation_edited(change.before, change.after)


class DeleteAnnotation:
    undoable = True
    text = "Delete annotation"

    def __init__(self, annotation: Annotation) -> None:
        self._annotation = annotation

    def apply(self, project: Project) -> Changes:
        self._annotation = project.annotations.delete(self._annotation.id)
        return annotation_removed(self._annotation)

    def revert(self, project: Project) -> Changes:
        return annotation_added(project.annotations.restore(self._annotation))
