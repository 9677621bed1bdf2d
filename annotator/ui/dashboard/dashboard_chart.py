"""The dashboard's chart: each outlet's sourcing mix as a 100% stacked bar, in codebook colours.

With many outlets the chart grows a bar at a time (`BAR_HEIGHT` each) inside a scroll area. The
legend is drawn above the top axis in as many columns as fit, each label in full as plain text with
the key (1–9) that heads its column in the table: QtCharts' own legend elides labels in a row and
centres a column of them beside the bars. QtCharts draws axis labels as HTML, so outlet names are escaped.
"""

from __future__ import annotations

from PySide6.QtCharts import (
    QBarCategoryAxis, QBarSet, QChart, QChartView, QHorizontalPercentBarSeries, QValueAxis,
)
from PySide6.QtCore import QMargins, Qt, Signal
from PySide6.QtGui import QColor, QFontMetrics, QPainter
from PySide6.QtWidgets import (
    QFrame, QGraphicsRectItem, QGraphicsTextItem, QHBoxLayout, QMenu, QPushButton, QScrollArea, QSizePolicy,
    QVBoxLayout, QWidget,
)

from annotator.core.records import Category, OutletSummary
from annotator.ui.dashboard.dashboard_table import short_title
from annotator.ui.base.plain_text import chart_text, plain_label, plain_tooltip

BAR_HEIGHT = 24  # pixels per outlet at least; more with a larger font (QtCharts hides a name that
# is taller than its bar's share of the height: it shows "..." instead)
CHROME = 60  # axis, margins
SAVE_TEXT = "Save chart…"
NAME_CHARS = 40  # outlet names longer than this are elided on the axis (the full name is in the table)


class SourcingChart(QChartView):
    segment_clicked = Signal(str, str)  # outlet, category key
    save_requested = Signal()  # "Save chart…" from its context menu

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.bar_sets: dict[str, QBarSet] = {}
        self._outlets: list[str] = []
        self._legend: list[tuple[QGraphicsRectItem, QGraphicsTextItem, QGraphicsTextItem]] = []
        self._legend_columns = 0
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.customContextMenuRequested.connect(self._on_context_menu_requested)

    def outlets_shown(self) -> list[str]:
        """The outlets' names as the bars stand, top to bottom."""
        return list(reversed(self._outlets))

    def context_menu(self) -> QMenu:
        menu = QMenu(self)
        menu.addAction(SAVE_TEXT, self.save_requested.emit)
        return menu

    def _on_context_menu_requested(self, position) -> None:
        menu = self.context_menu()
        menu.exec(self.mapToGlobal(position))
        menu.deleteLater()

    def show_mix(self, outlets: list[OutletSummary], categories: list[Category]) -> None:
        chart = QChart()
        chart.setMargins(QMargins(4, 4, 12, 4))
        # The legend is ChartLegend, outside the scroll area; this one only keeps the labels in the scene.
        chart.legend().setVisible(False)
        series = QHorizontalPercentBarSeries()
        series.setBarWidth(0.75)
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
        axis_y.append(_unique([chart_text(_short(o)) for o in self._outlets]))
        axis_y.setGridLineVisible(False)
        chart.addAxis(axis_y, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(axis_y)
        axis_x = QValueAxis()
        axis_x.setRange(0, 100)
        axis_x.setTickCount(5)
        axis_x.setLabelFormat("%d%%")
        chart.addAxis(axis_x, Qt.AlignmentFlag.AlignTop)  # in view above the first bars
        series.attachAxis(axis_x)
        old = self.chart()
        self.setChart(chart)
        if old is not None:
            old.deleteLater()
        self._legend = []
        for category in categories:
            box = QGraphicsRectItem(0, 0, 14, 14, chart)
            box.setBrush(QColor(category.color))
            box.setPen(QColor(category.color).darker(130))
            key = QGraphicsTextItem(chart)
            key.setPlainText(short_title(category))
            label = QGraphicsTextItem(chart)
            label.setPlainText(category.label)
            label.setToolTip(plain_tooltip(category.description))
            self._legend.append((box, key, label))
        self._legend_columns = 0
        self._place_legend()

    def resizeEvent(self, event) -> None:  # noqa: N802
        super().resizeEvent(event)
        self._place_legend()

    def _place_legend(self) -> None:
        """Legend entries in a grid as wide as the chart; the bars start below it."""
        chart = self.chart()
        if chart is None:
            return
        line = QFontMetrics(self.font()).height() + 6
        key_width = max((k.boundingRect().width() for _, k, _ in self._legend), default=0)
        entry = max((key_width + l.boundingRect().width() for _, _, l in self._legend), default=0) + 34
        columns = max(1, min(len(self._legend), int((self.width() - 16) // entry))) if self._legend else 1
        rows = -(-len(self._legend) // columns)
        for n, (box, key, label) in enumerate(self._legend):
            x, y = 8 + (n % columns) * entry, 4 + (n // columns) * line
            box.setPos(x, y + (line - 14) / 2 - 2)
            key.setPos(x + 16, y - 4)
            label.setPos(x + 18 + key_width, y - 4)
        legend_height = rows * line + 4
        chart.setMargins(QMargins(4, 4 + legend_height, 12, 4))
        self.setFixedHeight(CHROME + legend_height + self.bar_height() * max(len(self._outlets), 1))

    def bar_height(self) -> int:
        return max(BAR_HEIGHT, QFontMetrics(self.font()).height() + 12)

    def _on_bar_set_clicked(self, index: int, key: str) -> None:
        self.segment_clicked.emit(self._outlets[index], key)


class ChartArea(QWidget):
    """A title and a Save button above the chart, which scrolls when its bars are taller than the space."""

    def __init__(self, chart: SourcingChart, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.chart = chart
        self.scroll = QScrollArea(self)
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll.setWidget(chart)
        self.save_button = QPushButton(SAVE_TEXT, self)
        self.save_button.setToolTip("Save the chart as shown (the table's order, these filters) as a PNG "
                                    "image or an SVG drawing")
        title = QHBoxLayout()
        title.addWidget(plain_label("Sourcing mix by outlet (share of each outlet's annotations), in the "
                                    "table's order", self), 1)
        title.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addLayout(title)
        layout.addWidget(self.scroll, 1)

    def show_mix(self, outlets: list[OutletSummary], categories: list[Category]) -> None:
        self.chart.show_mix(outlets, categories)


def _short(name: str) -> str:
    return name if len(name) <= NAME_CHARS else name[: NAME_CHARS - 1].rstrip() + "…"


def _unique(labels: list[str]) -> list[str]:
    """A category axis needs distinct labels: names alike once shortened get a number."""
    seen: dict[str, int] = {}
    result = []
    for label in labels:
        seen[label] = seen.get(label, 0) + 1
        result.append(label if seen[label] == 1 else f"{label} ({seen[label]})")
    return result
