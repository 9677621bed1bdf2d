"""Export from the dashboard, honouring its filters: annotations CSV, outlets CSV, XLSX, HTML or PDF report."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QWidget

from annotator.core.errors import AnnotatorError
from annotator.core.reports.csv_export import write_annotations_csv, write_outlets_csv
from annotator.core.reports.html_report import write_html_report
from annotator.core.reports.xlsx_export import write_xlsx
from annotator.core.analysis.stats import Filters
from annotator.ui.base.background import ProjectTask, start
from annotator.ui.base.errors import ErrorSink
from annotator.ui.base.session import ProjectSession


class ReportActions:
    def __init__(self, session: ProjectSession, errors: ErrorSink, parent: QWidget, filters) -> None:
        self.session = session
        self.errors = errors
        self.parent = parent
        self.filters = filters  # () -> Filters
        self.last_written: Path | None = None
        self.running: set[ProjectTask] = set()

    def _target(self, title: str, suffix: str, pattern: str) -> Path | None:
        project = self.session.project
        default = str(project.path.with_name(f"{project.path.stem}-{suffix}"))
        path, _ = QFileDialog.getSaveFileName(self.parent, title, default, pattern)
        return Path(path) if path else None

    def _write(self, path: Path | None, writer) -> None:
        if path is None:
            return
        try:
            writer(path, self.filters())
        except AnnotatorError as error:
            self.errors.report(error, title="Export failed")
            return
        self._done(path)

    def _done(self, path: Path) -> None:
        self.last_written = path
        self.errors.notice(f"Wrote {path}")

    def _write_in_background(self, path: Path | None, writer) -> None:
        """An export of a large project takes seconds: write it in the thread pool, the window stays live."""
        if path is None:
            return
        filters = self.filters()
        task = ProjectTask(self.session.project.path, lambda project: str(writer(project.database, path, filters)))
        task.signals.finished.connect(lambda _rows: self._done(path))
        task.signals.failed.connect(lambda error: self.errors.report(error, title="Export failed"))
        self.errors.notice(f"Writing {path}…")
        start(task, self.running)

    def annotations_csv(self) -> None:
        self._write_in_background(self._target("Export annotations", "annotations.csv", "CSV (*.csv)"),
                                  write_annotations_csv)

    def outlets_csv(self) -> None:
        self._write_in_background(self._target("Export outlet summary", "outlets.csv", "CSV (*.csv)"),
                                  write_outlets_csv)

    def workbook_xlsx(self) -> None:
        path = self._target("Export annotations and outlets", "export.xlsx", "Excel workbook (*.xlsx)")
        if path is not None and path.suffix.lower() != ".xlsx":
            path = path.with_name(path.name + ".xlsx")
        self._write_in_background(path, write_xlsx)

    def report(self) -> None:
        path = self._target("Write report", "report.html", "HTML report (*.html);;PDF report (*.pdf)")
        if path is not None and path.suffix.lower() not in (".html", ".htm", ".pdf"):
            path = path.with_suffix(".html")
        self._write(path, self._write_report)

    def _write_report(self, path: Path, filters: Filters) -> None:
        if path.suffix.lower() == ".pdf":
            from annotator.ui.dashboard.report_pdf import write_pdf_report

            write_pdf_report(self.session.project, path, filters)
        else:
            write_html_report(self.session.project, path, filters)
