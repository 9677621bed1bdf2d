"""The dashboard's chart saved as a file: SVG as drawn by core/reports/chart_svg.py, or PNG rendered from it.

Runs in the thread pool (report_actions.py), like every export: QImage and QSvgRenderer may be used
off the window's thread.
"""

from __future__ import annotations

from pathlib import Path

from annotator.core.analysis.stats import Filters, outlet_summary
from annotator.core.records import Category
from annotator.core.reports.atomic import atomic_binary
from annotator.core.reports.chart_svg import in_order, sourcing_chart, write_chart_svg
from annotator.core.store.project import Project

PNG_SCALE = 2  # pixels per SVG unit: sharp on a high-density screen or a slide


def svg_image(svg: str, scale: int = PNG_SCALE):
    """The SVG drawn on a white QImage, `scale` pixels per unit."""
    from PySide6.QtCore import QByteArray, Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(QByteArray(svg.encode("utf-8")))
    image = QImage(renderer.defaultSize() * scale, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.white)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    renderer.render(painter)
    painter.end()
    return image


def png_bytes(svg: str) -> bytes:
    from PySide6.QtCore import QBuffer, QIODevice

    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    svg_image(svg).save(buffer, "PNG")
    return bytes(buffer.data())


def write_chart(project: Project, path: Path, filters: Filters, order: list[str],
                categories: list[Category]) -> int:
    """Save the chart of the outlets (with `filters`) in `order`: SVG if `path` ends in .svg, else PNG.

    Returns how many outlets it shows."""
    outlets = in_order(outlet_summary(project.database, filters), order)
    if Path(path).suffix.lower() == ".svg":
        write_chart_svg(path, outlets, categories)
    else:
        data = png_bytes(sourcing_chart(outlets, categories))
        with atomic_binary(path) as handle:
            handle.write(data)
    return len(outlets)
