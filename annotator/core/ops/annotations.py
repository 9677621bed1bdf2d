"""Operations on annotations: mark a span, edit its category, source or note, delete it.

Each step first checks that the annotation is as this operation last left it (or, the first time,
as the user saw it): another window or the command line may have edited or removed it since, and
such a change is never overwritten unseen (ChangedElsewhere, nothing written). The runner
(ops/runner.py) runs each step inside the write lock, so the check and the write see the same state.
"""

from __future__ import annotations

from annotator.core.changes import Changes, annotation_added, annotation_edited, annotation_removed
from annotator.core.errors import ChangedElsewhere, NotFound
from annotator.core.records import Annotation
from annotator.core.store.project import Project


def current(project: Project, expected: Annotation, doing: str) -> Annotation:
    """The stored annotation, if it is still as `expected`; else ChangedElsewhere saying what happened."""
    try:
        found = project.annotations.get(expected.id)
    except NotFound:
        raise ChangedElsewhere(f"cannot {doing}: the annotation was deleted in another window or from the"
                               " command line") from None
    if found != expected:
        raise ChangedElsewhere(f"cannot {doing}: the annotation was changed in another window or from the"
                               " command line since")
    return found


class AddAnnotation:
    """Mark body[start:end]; redo puts the same annotation back under its first id."""

    undoable = True

    def __init__(self, article_id: int, start: int, end: int, *, category: str, annotator: str,
                 label: str | None = None, source: str = "", note: str = "") -> None:
        self.text = f"Mark as {label or category}"
        self._fields = dict(article_id=article_id, start=start, end=end, category=category,
                            annotator=annotator, source=source, note=note)
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
        current(project, self.annotation, "undo the mark")
        return annotation_removed(project.annotations.delete(self.annotation.id))


class UpdateAnnotation:
    """Change some of an annotation's category, source and note."""

    undoable = True
    _TEXT = {"category": "Change category", "source": "Edit source", "note": "Edit note"}

    def __init__(self, annotation: Annotation, **fields: str) -> None:
        self.text = self._TEXT[next(iter(fields))] if len(fields) == 1 else "Edit annotation"
        self._after = fields
        self._expected = annotation  # the state the next step must find: first, what the user saw
        self._before: Annotation | None = None

    def apply(self, project: Project) -> Changes:
        self._before = current(project, self._expected, "save the edit")
        change = project.annotations.update(self._expected.id, **self._after)
        self._expected = change.after
        return annotation_edited(change.before, change.after)

    def revert(self, project: Project) -> Changes:
        assert self._before is not None, "revert() before apply()"
        current(project, self._expected, "undo the edit")
        old = self._before
        change = project.annotations.update(old.id, category=old.category, source=old.source, note=old.note,
                                            updated_at=old.updated_at)
        self._expected = change.after
        return annotation_edited(change.before, change.after)


class DeleteAnnotation:
    undoable = True
    text = "Delete annotation"

    def __init__(self, annotation: Annotation) -> None:
        self.deleted = annotation  # as the user saw it; after apply(), as it was deleted

    def apply(self, project: Project) -> Changes:
        current(project, self.deleted, "delete the annotation")
        self.deleted = project.annotations.delete(self.deleted.id)
        return annotation_removed(self.deleted)

    def revert(self, project: Project) -> Changes:
        return annotation_added(project.annotations.restore(self.deleted))
