"""The dashboard's chart: each outlet's sourcing mix as a 100% stacked bar, in codebook colours.

QtCharts draws legend and axis labels as HTML, so category labels and outlet names are escaped.
"""

from __future__ import annotations

from PySide6.QtCharts import (
    QBarCategoryAxis, QBarSet, QChart, QChartView, QHorizontalPercentBarSeries, QValueAxis,
)
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QWidget

from annotator.core.records import Category, OutletSummary
from annotator.ui.plain_text import chart_text


class SourcingChart(QChartView):
    segment_clicked = Signal(str, str)  # outlet, category key

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setMinimumHeight(220)
        self.bar_sets: dict[str, QBarSet] = {}
        self._outlets: list[str] = []

    def show_mix(self, outlets: list[OutletSummary], categories: list[Category]) -> None:
        chart = QChart()
        chart.setTitle("Sourcing mix by outlet (share of each outlet's annotations)")
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignRight)  # full labels, one per line
        series = QHorizontalPercentBarSeries()
        shown = list(reversed(outlets))  # the first outlet on top
        self._outlets = [o.outlet for o in shown]
        self.bar_sets = {}
        for category in categories:
            bar_set = QBarSet(chart_text(category.label))
            bar_set.setColor(QColor(category.color))
            bar_set.setBorderColor(QColor(category.color).darker(120))
            bar_set.append([float(o.by_category.get(category.key, 0)) for o in shown])
            bar_set.clicked.connect(lambda index, key=category.key: self._on_bar_set_clicked(index, key))
            series.append(bar_set)
            self.bar_sets[category.key] = bar_set
        chart.addSeries(series)
        axis_y = QBarCategoryAxis()
        axis_y.append([chart_text(o) for o in self._outlets])
        chart.addAxis(axis_y, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(axis_y)
        axis_x = QValueAxis()
        axis_x.setRange(0, 100)
        axis_x.setLabelFormat("%d%%")
        chart.addAxis(axis_x, Qt.AlignmentFlag.AlignBottom)
        series.attachAxis(axis_x)
        old = self.chart()
        self.setChart(chart)
        if old is not None:
            old.deleteLater()

    def _on_bar_set_clicked(self, index: int, key: str) -> None:
        self.segment_clicked.emit(self._outlets[index], key)
