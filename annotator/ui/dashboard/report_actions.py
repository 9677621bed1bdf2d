"""Exports and reports: annotations CSV, outlets CSV, XLSX, HTML or PDF report, the chart as PNG or SVG,
each written in the background.

The dashboard's buttons honour its filters; File ▸ Export annotations CSV (Ctrl+E) uses the same
writer through an instance whose filters are empty. Every file is written on a connection of its
own in the thread pool, so a report over a large project never freezes the window.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QWidget

from annotator.core.analysis.stats import Filters
from annotator.core.records import Category
from annotator.core.reports.csv_export import write_annotations_csv, write_outlets_csv
from annotator.core.reports.html_report import write_html_report
from annotator.core.reports.xlsx_export import write_xlsx
from annotator.core.store.project import Project
from annotator.ui.base.background import BackgroundWork
from annotator.ui.dashboard.chart_export import write_chart
from annotator.ui.base.errors import ErrorSink
from annotator.ui.base.session import ProjectSession

Writer = Callable[[Project, Path, Filters], object]


class ReportActions:
    def __init__(self, session: ProjectSession, errors: ErrorSink, parent: QWidget,
                 filters: Callable[[], Filters]) -> None:
        self.session = session
        self.errors = errors
        self.parent = parent
        self.filters = filters
        self.last_written: Path | None = None
        self.running: set[BackgroundWork] = set()  # started and not yet reported back

    def _target(self, title: str, suffix: str, pattern: str) -> Path | None:
        project = self.session.project
        default = str(project.path.with_name(f"{project.path.stem}-{suffix}"))
        path, _ = QFileDialog.getSaveFileName(self.parent, title, default, pattern)
        return Path(path) if path else None

    def _write(self, path: Path | None, writer: Writer, done: Callable[[object, Path], str] | None = None) -> None:
        """Write `path` in the thread pool with the filters as they are now; the window stays live."""
        if path is None:
            return
        filters = self.filters()
        work = BackgroundWork(self.session.project.path, lambda project: writer(project, path, filters),
                              errors=self.errors, failure_title="Export failed")
        self.running.add(work)
        work.on_end(lambda: self.running.discard(work))
        work.on_success(lambda result: self._written(path, done(result, path) if done else f"Wrote {path}"))
        self.errors.notice(f"Writing {path}…")
        work.start()

    def _written(self, path: Path, message: str) -> None:
        self.last_written = path
        self.errors.notice(message)

    def annotations_csv(self) -> None:
        self._write(self._target("Export annotations", "annotations.csv", "CSV (*.csv)"),
                    lambda project, path, filters: write_annotations_csv(project.database, path, filters),
                    lambda count, path: f"Exported {count} annotation(s) to {path}")

    def outlets_csv(self) -> None:
        self._write(self._target("Export outlet summary", "outlets.csv", "CSV (*.csv)"),
                    lambda project, path, filters: write_outlets_csv(project.database, path, filters))

    def workbook_xlsx(self) -> None:
        path = self._target("Export annotations and outlets", "export.xlsx", "Excel workbook (*.xlsx)")
        if path is not None and path.suffix.lower() != ".xlsx":
            path = path.with_name(path.name + ".xlsx")
        self._write(path, lambda project, path, filters: write_xlsx(project.database, path, filters))

    def report(self) -> None:
        path = self._target("Write report", "report.html", "HTML report (*.html);;PDF report (*.pdf)")
        if path is not None and path.suffix.lower() not in (".html", ".htm", ".pdf"):
            path = path.with_suffix(".html")
        self._write(path, write_report)

    def chart(self, order: list[str], categories: list[Category]) -> None:
        """Save the chart with its bars in `order` (the table's) as PNG or SVG, as the chosen type says."""
        project = self.session.project
        default = str(project.path.with_name(f"{project.path.stem}-chart.png"))
        name, chosen = QFileDialog.getSaveFileName(self.parent, "Save chart", default,
                                                   f"{CHART_PNG};;{CHART_SVG}")
        if not name:
            return
        path = Path(name)
        if path.suffix.lower() not in (".png", ".svg"):  # typed without one: the chosen type's
            path = path.with_name(path.name + (".svg" if chosen == CHART_SVG else ".png"))
        order = list(order)
        self._write(path, lambda project, path, filters: write_chart(project, path, filters, order, categories),
                    lambda count, path: f"Saved the chart of {count} outlet(s) to {path}")


CHART_PNG = "PNG image (*.png)"
CHART_SVG = "SVG drawing (*.svg)"


def write_report(project: Project, path: Path, filters: Filters) -> None:
    """The HTML report, or the PDF one when `path` ends in .pdf (Qt's PDF writer, safe off the UI thread)."""
    if path.suffix.lower() == ".pdf":
        from annotator.ui.dashboard.report_pdf import write_pdf_report

        write_pdf_report(project, path, filters)
    else:
        write_html_report(project, path, filters)
