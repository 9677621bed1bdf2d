"""Importing a file of annotations as one undoable operation.

All rows go in one transaction: a row that cannot be stored (an unknown article or category, a span
outside its article) refuses the whole file unless `skip_bad`, and then nothing is written. A row
the project holds already (same span, category and annotator) is reported and not added twice.
Undo deletes exactly the annotations the import added, after checking that none of them was
edited or deleted since (ChangedElsewhere, nothing changed); redo puts them back under their ids.
"""

from __future__ import annotations

from annotator.core.changes import Changes, Span
from annotator.core.errors import ChangedElsewhere
from annotator.core.exchange.annotation_check import CheckedRows, check_rows
from annotator.core.exchange.annotation_rows import AnnotationRow, RowProblem, RowsRefused
from annotator.core.records import Annotation
from annotator.core.store import annotation_batch
from annotator.core.store.project import Project

LISTED_CHANGES = 500  # past this many annotations, views re-read everything rather than each span


class ImportAnnotations:
    """Add the rows of an annotation file (exchange/annotation_rows.py) to the project, as one undo step."""

    undoable = True

    def __init__(self, rows: list[AnnotationRow], *, name: str = "annotations", default_annotator: str = "",
                 skip_bad: bool = False, unreadable: list[RowProblem] | None = None) -> None:
        self.text = f"Import annotations from {name}"
        self.name = name
        self._rows = rows
        self._default = default_annotator
        self._skip_bad = skip_bad
        self.unreadable = list(unreadable or [])  # lines the reader could not make a row of
        self.checked: CheckedRows | None = None
        self.added: list[Annotation] | None = None

    def skipping_bad(self) -> ImportAnnotations:
        """The same import, leaving out the lines the project refuses (after this one was refused)."""
        return ImportAnnotations(self._rows, name=self.name, default_annotator=self._default, skip_bad=True,
                                 unreadable=self.unreadable)

    @property
    def refused(self) -> list[RowProblem]:
        """Every line left out: unreadable, or refused by the project; in line order."""
        found = self.unreadable + (self.checked.refused if self.checked else [])
        return sorted(found, key=lambda p: p.line)

    @property
    def duplicates(self) -> list[RowProblem]:
        return self.checked.duplicates if self.checked else []

    def apply(self, project: Project) -> Changes:
        if self.added is not None:  # redo
            _check_still_there(project, self.added)
            annotation_batch.restore_rows(project.database, self.added)
            return _changes(self.added, added=True)
        self.checked = check_rows(project.database, self._rows, default_annotator=self._default)
        if self.refused and not self._skip_bad:
            raise RowsRefused(self.name, self.refused)
        self.added = annotation_batch.insert_rows(project.database, self.checked.new) if self.checked.new else []
        return _changes(self.added, added=True)

    def revert(self, project: Project) -> Changes:
        assert self.added is not None, "revert() before apply()"
        now = annotation_batch.stored(project.database, (a.id for a in self.added))
        changed = [a for a in self.added if now.get(a.id) != a]
        if changed:
            what = "deleted" if changed[0].id not in now else "changed"
            raise ChangedElsewhere(f"cannot undo the import: {len(changed)} of its annotations were edited or"
                                   f" deleted since (annotation {changed[0].id} was {what})")
        annotation_batch.delete_ids(project.database, (a.id for a in self.added))
        return _changes(self.added, added=False)


def _check_still_there(project: Project, annotations: list[Annotation]) -> None:
    """Redo needs the articles and categories the import used; another window may have removed one."""
    articles = {a.article_id for a in annotations}
    gone = articles - annotation_batch.article_lengths(project.database, articles).keys()
    if gone:
        raise ChangedElsewhere(f"cannot redo the import: article {min(gone)} was deleted since")
    missing = {a.category for a in annotations} - annotation_batch.category_states(project.database).keys()
    if missing:
        raise ChangedElsewhere(f"cannot redo the import: category {min(missing)!r} was removed since")


def _changes(annotations: list[Annotation], *, added: bool) -> Changes:
    if not annotations:
        return Changes()
    spans = tuple(Span(a.article_id, a.start, a.end) for a in annotations)
    listed = tuple(annotations)
    return Changes(spans=spans, added=listed if added else (), removed=() if added else listed,
                   all_annotations=len(annotations) > LISTED_CHANGES)
