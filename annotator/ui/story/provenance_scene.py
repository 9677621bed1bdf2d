"""The provenance graph drawn with Qt: outlets in layers from the original sources down to those that relay
them; a node's size says how many articles the project has from the outlet, its pie the outlet's sourcing
mix in the codebook's colours (grey and hollow: an outlet outside the project); an arrow per relay, solid
where an annotation says so, dashed where only the text does, labelled with how many articles relay."""

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QPainter, QPainterPath, QPainterPathStroker, QPen, QPolygonF
from PySide6.QtWidgets import (
    QGraphicsItem, QGraphicsObject, QGraphicsPathItem, QGraphicsScene,
    QGraphicsSimpleTextItem, QStyleOptionGraphicsItem, QWidget,
)

from annotator.core.provenance.model import Edge, Provenance

LAYER_GAP = 150  # vertical distance between layers
SLOT = 170  # horizontal room per outlet
OUTSIDE = QColor("#9E9E9E")
FIRST_REPORT = QColor("#1F3A93")


@dataclass(frozen=True)
class Relay:
    """Every edge from one outlet to another of one kind, drawn as one arrow."""

    from_outlet: str
    to_outlet: str
    kind: str
    edges: tuple[Edge, ...]

    @property
    def annotated(self) -> bool:
        return any(e.basis == "annotation" for e in self.edges)

    @property
    def articles(self) -> int:
        return len({e.from_article for e in self.edges})


def relays(provenance: Provenance) -> list[Relay]:
    grouped: dict[tuple[str, str, str], list[Edge]] = defaultdict(list)
    for edge in provenance.edges:
        if edge.from_outlet != edge.to_outlet:
            grouped[(edge.from_outlet, edge.to_outlet, edge.kind)].append(edge)
    return [Relay(f, t, k, tuple(es)) for (f, t, k), es in sorted(grouped.items())]


def radius(articles: int) -> float:
    return 14 + 7 * math.sqrt(articles)


class OutletNode(QGraphicsObject):
    """A pie of the outlet's sourcing mix (or a hollow grey ring for an outside outlet) with its name."""

    def __init__(self, name: str, articles: int, mix: list[tuple[str, int]], *, first_report: bool) -> None:
        super().__init__()
        self.name = name
        self.r = radius(articles)
        self.mix = [(QColor(color), count) for color, count in mix if count]
        self.in_project = articles > 0
        self.first_report = first_report
        self.setToolTip(f"{name}\n" + (f"{articles} article{'s' if articles != 1 else ''} in the project"
                                       if articles else "outside the project (named by the texts)")
                        + ("\nfirst reported the story" if first_report else ""))
        self.label = QGraphicsSimpleTextItem(_short(name), self)
        font = QFont()
        font.setBold(first_report)
        self.label.setFont(font)
        width = self.label.boundingRect().width()
        self.label.setPos(-width / 2, self.r + 4)
        self.setZValue(2)

    def boundingRect(self) -> QRectF:  # noqa: N802 (Qt override)
        return QRectF(-self.r - 3, -self.r - 3, 2 * self.r + 6, 2 * self.r + 6)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        box = QRectF(-self.r, -self.r, 2 * self.r, 2 * self.r)
        total = sum(count for _color, count in self.mix)
        if not self.in_project:
            painter.setPen(QPen(OUTSIDE, 2))
            painter.setBrush(QBrush(QColor("#FFFFFF")))
            painter.drawEllipse(box)
        elif not total:
            painter.setPen(QPen(QColor("#757575"), 1))
            painter.setBrush(QBrush(QColor("#EEEEEE")))  # nothing marked yet
            painter.drawEllipse(box)
        else:
            painter.setPen(Qt.PenStyle.NoPen)
            start = 90 * 16
            for color, count in self.mix:
                span = round(-360 * 16 * count / total)
                painter.setBrush(QBrush(color))
                painter.drawPie(box, start, span)
                start += span
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.setPen(QPen(QColor("#616161"), 1))
            painter.drawEllipse(box)
        if self.first_report:
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.setPen(QPen(FIRST_REPORT, 2.5))
            painter.drawEllipse(box.adjusted(-3, -3, 3, 3))


class RelayArrow(QGraphicsPathItem):
    """From the relaying outlet (below) up to the relayed one; dashed when only the text says so."""

    def __init__(self, relay: Relay, start: OutletNode, end: OutletNode) -> None:
        super().__init__()
        self.relay = relay
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable, True)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        color = QColor("#7B1FA2") if relay.kind == "copies" else QColor("#424242")
        pen = QPen(color, 1.6 + min(relay.articles, 6) * 0.4)
        if not relay.annotated:
            pen.setStyle(Qt.PenStyle.DashLine)
        self.setPen(pen)
        self.color = color
        self.setPath(_arrow_path(start.pos(), start.r, end.pos(), end.r))
        verb = "copies text of" if relay.kind == "copies" else "relays"
        basis = "an annotation says so" if relay.annotated else "found in the text only"
        self.setToolTip(f"{relay.from_outlet} {verb} {relay.to_outlet}: {relay.articles} "
                        f"article{'s' if relay.articles != 1 else ''} ({basis}); click to list the sentences")
        self.setZValue(1)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        pen = QPen(self.pen())
        if self.isSelected():
            pen.setColor(QColor("#D32F2F"))
            pen.setWidthF(pen.widthF() + 1.5)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(self.path())
        head = self.data(0)
        if isinstance(head, QPolygonF):
            painter.setBrush(QBrush(pen.color()))
            painter.setPen(QPen(pen.color(), 1))
            painter.drawPolygon(head)

    def shape(self) -> QPainterPath:
        stroker = QPainterPathStroker()
        stroker.setWidth(10)  # easy to click
        return stroker.createStroke(self.path())


class ProvenanceScene(QGraphicsScene):
    relay_chosen = Signal(object)  # Relay, or None when the selection is cleared

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.nodes: dict[str, OutletNode] = {}
        self.arrows: list[RelayArrow] = []
        self.selectionChanged.connect(self._on_selection_changed)

    def show_graph(self, provenance: Provenance, layers: list[list[str]],
                   mixes: dict[str, list[tuple[str, int]]]) -> None:
        """Lay the outlets out in `layers` (top: original sources), each layer ordered to keep arrows short."""
        self.clear()
        self.nodes, self.arrows = {}, []
        articles = {o.name: o.articles for o in provenance.outlets}
        firsts = {o.first_reported_by for o in provenance.origins if o.first_reported_by and o.claim is None}
        all_relays = relays(provenance)
        placed: dict[str, float] = {}
        widest = max((len(layer) for layer in layers), default=0)
        for depth, layer in enumerate(layers):
            ordered = _ordered(layer, all_relays, placed)
            offset = (widest - len(ordered)) * SLOT / 2
            for i, name in enumerate(ordered):
                node = OutletNode(name, articles.get(name, 0), mixes.get(name, []), first_report=name in firsts)
                node.setPos(offset + i * SLOT, depth * LAYER_GAP)
                self.addItem(node)
                self.nodes[name] = node
                placed[name] = offset + i * SLOT
        for relay in all_relays:
            start, end = self.nodes.get(relay.from_outlet), self.nodes.get(relay.to_outlet)
            if start is None or end is None:
                continue
            arrow = RelayArrow(relay, start, end)
            arrow.setData(0, _arrow_head(start.pos(), end.pos(), end.r))
            self.addItem(arrow)
            self.arrows.append(arrow)
        self.setSceneRect(self.itemsBoundingRect().adjusted(-40, -40, 40, 40))

    def _on_selection_changed(self) -> None:
        chosen = [item for item in self.selectedItems() if isinstance(item, RelayArrow)]
        self.relay_chosen.emit(chosen[0].relay if chosen else None)


def _ordered(layer: list[str], all_relays: list[Relay], placed: dict[str, float]) -> list[str]:
    """A layer's outlets ordered by the mean place of the outlets they relay (fewer crossings)."""
    above: dict[str, list[float]] = defaultdict(list)
    for relay in all_relays:
        if relay.to_outlet in placed:
            above[relay.from_outlet].append(placed[relay.to_outlet])
    keyed = [(sum(above[name]) / len(above[name]) if above[name] else math.inf, i, name)
             for i, name in enumerate(layer)]
    return [name for _mean, _i, name in sorted(keyed)]


def _arrow_path(a: QPointF, ra: float, b: QPointF, rb: float) -> QPainterPath:
    """A line between two nodes' rims, bowed a little when they share a layer so it stays visible."""
    dx, dy = b.x() - a.x(), b.y() - a.y()
    length = math.hypot(dx, dy) or 1.0
    ux, uy = dx / length, dy / length
    start = QPointF(a.x() + ux * ra, a.y() + uy * ra)
    end = QPointF(b.x() - ux * (rb + 6), b.y() - uy * (rb + 6))
    path = QPainterPath(start)
    if abs(dy) < 1:  # same layer: bow upwards
        middle = QPointF((start.x() + end.x()) / 2, start.y() - min(60.0, abs(dx) / 4))
        path.quadTo(middle, end)
    else:
        path.lineTo(end)
    return path


def _arrow_head(a: QPointF, b: QPointF, rb: float) -> QPolygonF:
    dx, dy = b.x() - a.x(), b.y() - a.y()
    length = math.hypot(dx, dy) or 1.0
    ux, uy = dx / length, dy / length
    tip = QPointF(b.x() - ux * (rb + 2), b.y() - uy * (rb + 2))
    back = QPointF(tip.x() - ux * 10, tip.y() - uy * 10)
    left = QPointF(back.x() - uy * 5, back.y() + ux * 5)
    right = QPointF(back.x() + uy * 5, back.y() - ux * 5)
    return QPolygonF([tip, left, right])


def _short(name: str) -> str:
    return name if len(name) <= 22 else name[:21] + "…"
