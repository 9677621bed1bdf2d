"""The report as a PDF, through Qt's own PDF writer; the same HTML as the HTML report.

Kept outside annotator.core because it needs Qt. The chart is drawn from the same SVG.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from annotator.core.reports.atomic import current_umask
from annotator.core.reports.chart_svg import chart_parts, sourcing_chart
from annotator.core.errors import ExportFailed
from annotator.core.store.project import Project
from annotator.core.reports.html_report import chart_part_src, print_landscape, report_html
from annotator.core.analysis.stats import Filters, outlet_summary

CHART_URL = "chart.png"


def _gui_application():
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication.instance()
    if app is None:
        if not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
            os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        app = QGuiApplication([])
    return app


def _chart_images(project: Project, filters: Filters) -> list:
    """The chart as images, one per part that fits a page (as report_html(for_print=True) names them)."""
    categories = project.categories.list(include_archived=True)
    return [_chart_image(sourcing_chart(part, categories))
            for part in chart_parts(outlet_summary(project.database, filters))]


def _chart_image(svg: str):
    from annotator.ui.dashboard.chart_export import svg_image

    return svg_image(svg)


def write_pdf_report(project: Project, path: Path, filters: Filters = Filters()) -> None:
    """Write the report as an A4 PDF, moved into place only once complete."""
    _gui_application()
    from PySide6.QtCore import QMarginsF, QSizeF, QUrl
    from PySide6.QtGui import QPageLayout, QPageSize, QPdfWriter, QTextDocument

    document = QTextDocument()
    for n, image in enumerate(_chart_images(project, filters)):
        document.addResource(QTextDocument.ResourceType.ImageResource, QUrl(chart_part_src(CHART_URL, n)),
                             image)
    html = report_html(project, filters, chart_src=CHART_URL, for_print=True)
    path = Path(path)
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
    except OSError as error:
        raise ExportFailed(path, f"cannot write there ({error.strerror or error})") from error
    os.close(fd)
    try:
        writer = QPdfWriter(tmp)
        orientation = (QPageLayout.Orientation.Landscape if print_landscape(project, filters)
                       else QPageLayout.Orientation.Portrait)  # landscape when long names make tables wide
        writer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4), orientation,
                                         QMarginsF(15, 15, 15, 15), QPageLayout.Unit.Millimeter))
        writer.setTitle(f"Sourcing report: {project.name}")
        writer.setResolution(96)  # CSS pixels map to screen pixels, so sizes read as on screen
        document.setPageSize(QSizeF(writer.width(), writer.height()))
        document.setHtml(html)
        document.print_(writer)
        del writer
        if Path(tmp).stat().st_size == 0:
            raise ExportFailed(path, "the PDF could not be written")
        os.chmod(tmp, 0o666 & ~current_umask())  # mkstemp makes it 0600; a new file follows the umask
        os.replace(tmp, path)
    except OSError as error:
        raise ExportFailed(path, f"could not be written ({error.strerror or error})") from error
    finally:
        Path(tmp).unlink(missing_ok=True)
