"""File ▸ Import annotations…: a CSV (our own export's columns) or JSON Lines file of annotations, added
as one undo step.

Nothing is written while any line is refused; the user is shown the lines and their reasons and may
import the others instead (as `annotator annotate --from FILE --skip-bad` does). Rows naming no
annotator are the user's. In a student's copy of a blind assignment, rows naming someone else are
refused: the file goes back to the teacher as the student's own work.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QWidget

from annotator.core.errors import AnnotatorError
from annotator.core.exchange.annotation_rows import AnnotationRow, RowProblem, RowsRefused, read_rows
from annotator.core.ops.annotations_batch import ImportAnnotations
from annotator.ui.base.errors import ErrorSink
from annotator.ui.base.session import ProjectSession

FILE_FILTER = "Annotation files (*.csv *.jsonl *.ndjson);;All files (*)"
LISTED = 15  # problem lines named in a message; the rest are counted


class AnnotationImport(QObject):
    def __init__(self, session: ProjectSession, errors: ErrorSink, parent: QWidget) -> None:
        super().__init__(parent)
        self.session = session
        self.errors = errors
        self.parent_widget = parent
        self.last: ImportAnnotations | None = None  # the last import that was applied (what tests read)

    def choose(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self.parent_widget, "Import annotations", "", FILE_FILTER)
        if path:
            self.import_file(Path(path))

    def import_file(self, path: Path) -> None:
        """Read `path`, add its rows as one undoable step, and say what came in and what was left out."""
        try:
            rows, unreadable = read_rows(path)
        except (AnnotatorError, OSError) as error:
            self.errors.report(error, title="Annotations not imported")
            return
        rows, others = self._own_rows(rows)
        unreadable += others
        operation = self._run(ImportAnnotations(rows, name=path.name, default_annotator=self.session.annotator,
                                                unreadable=unreadable))
        if operation is None:
            return
        self.last = operation
        added, duplicates, refused = len(operation.added), operation.duplicates, operation.refused
        summary = (f"Imported {added:,} annotation{'' if added == 1 else 's'} from {path.name}"
                   f" ({len(duplicates):,} already there, {len(refused):,} left out). Edit ▸ Undo takes them out again.")
        self.errors.notice(summary)
        if duplicates or refused:
            self.errors.inform("Annotations imported", "\n\n".join(
                [summary] + [_listed(kind, problems) for kind, problems in
                             [("Left out", refused), ("Already in the project", duplicates)] if problems]))

    def _run(self, operation: ImportAnnotations) -> ImportAnnotations | None:
        """Apply the import; when lines are refused, offer to import the others. None: nothing imported."""
        try:
            with _busy():
                self.session.run(operation)
            return operation
        except RowsRefused as refused:
            good = len(operation.checked.new) if operation.checked else 0
            text = (f"{len(refused.problems):,} line{'' if len(refused.problems) == 1 else 's'} of {refused.path} "
                    f"cannot be imported:\n\n{_listed('Refused', refused.problems)}\n\n")
            if not good:
                self.errors.inform("Annotations not imported", text + "No other line can be imported; nothing was "
                                                                      "changed.")
                return None
            others = f"{good:,} annotation{'' if good == 1 else 's'}"
            if not self.errors.confirm("Import the other lines?", text + (
                    f"Import the other {others} and leave these lines out (one undo step), or import nothing?"),
                    ok_text=f"Import the other {others}", cancel_text="Import nothing"):
                return None
            return self._run(operation.skipping_bad())
        except AnnotatorError as error:
            self.errors.report(error, title="Annotations not imported")
            return None

    def _own_rows(self, rows: list[AnnotationRow]) -> tuple[list[AnnotationRow], list[RowProblem]]:
        """In a student's copy, only the student's rows (or rows naming nobody); the others refused."""
        if not self.session.blind:
            return rows, []
        me = self.session.annotator
        kept = [r for r in rows if r.annotator in ("", me)]
        refused = [RowProblem(r.line, f"annotator {r.annotator!r} is not you ({me}): a student imports only "
                                      "their own annotations") for r in rows if r.annotator not in ("", me)]
        return kept, refused


def _listed(kind: str, problems: list[RowProblem]) -> str:
    lines = [f"{kind}:"] + [f"  {p}" for p in problems[:LISTED]]
    if len(problems) > LISTED:
        lines.append(f"  … and {len(problems) - LISTED:,} more")
    return "\n".join(lines)


class _busy:
    """A wait cursor while a file of many rows is checked and written (10,000 rows take under a second)."""

    def __enter__(self) -> None:
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)

    def __exit__(self, *exc) -> None:
        QApplication.restoreOverrideCursor()
