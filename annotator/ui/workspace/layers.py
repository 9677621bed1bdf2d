"""What is painted over an article's text: each overlay is one Layer, painted in the order added.

Layers are painted by `z`, then in the order added. A layer gets the painter (its state saved and restored around the call), the view, and the range
of code points visible; it asks the view for `line_rects(start, end)` and skips what is not in
view. A new overlay is one class here and one `view.add_layer(...)` call by its owner, who calls
`view.viewport().update()` when the layer's data changes. For example a suggestion layer:

    class SuggestionOutlines(DashedOutlines):
        def spans(self, view):
            return [(s.start, s.end, view.highlights.color(s.category)) for s in self.suggestions]
"""

from __future__ import annotations

from abc import ABC, abstractmethod

from collections.abc import Iterable
from typing import Protocol

from PySide6.QtCore import QRect, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QWidget

from annotator.core.records import Sentence
from annotator.ui.workspace.article_highlights import ArticleHighlights


class ArticleView(Protocol):
    """What a layer may use of the view it paints on (ArticleView; a protocol to avoid an import cycle)."""

    sentences: list[Sentence]
    free_span: tuple[int, int] | None
    highlights: ArticleHighlights

    def line_rects(self, start: int, end: int) -> list[QRect]: ...
    def selection(self) -> tuple[int, int] | None: ...
    def hasFocus(self) -> bool: ...
    def viewport(self) -> QWidget: ...


MARKER = QColor("#1F3A93")
DIFFERENCE = QColor("#C0392B")


def in_view(start: int, end: int, visible: tuple[int, int]) -> bool:
    return end >= visible[0] and start <= visible[1] + 1


def outline(rects: list[QRect], *, pad: int, radius: float = 0) -> QPainterPath:
    """One outline around the union of a span's line rectangles (no double lines between lines)."""
    path = QPainterPath()
    for rect in rects:
        path.addRoundedRect(QRectF(rect.adjusted(-pad, -1, pad, 2)), radius, radius)
    return path.simplified()


class Layer(ABC):
    """An overlay of an ArticleView; layers with a higher `z` are painted later (on top)."""

    z = 0

    @abstractmethod
    def paint(self, painter: QPainter, view: ArticleView, visible: tuple[int, int]) -> None:
        """Draw what is in the visible range of body offsets (start, end)."""


class CurrentSentenceOutline(Layer):
    """A rounded outline around the selected sentences, pale when the view has no focus."""

    z = 10  # above every other overlay

    def paint(self, painter: QPainter, view: ArticleView, visible: tuple[int, int]) -> None:
        span = None if view.free_span else view.selection()
        if span is None or not in_view(*span, visible):
            return
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(MARKER if view.hasFocus() else MARKER.lighter(180), 1.6))
        painter.drawPath(outline(view.line_rects(*span), pad=3, radius=3))


class CategoryStripes(Layer):
    """One 3-pixel stripe under the text for each category beyond the first (up to three)."""

    def paint(self, painter: QPainter, view: ArticleView, visible: tuple[int, int]) -> None:
        area = view.viewport().rect()
        for start, end, categories in view.highlights.stripes:
            if not in_view(start, end, visible):
                continue
            for rect in view.line_rects(start, end):
                if not rect.intersects(area):
                    continue
                for n, key in enumerate(categories[:3]):
                    top = rect.bottom() + 1 + 4 * n  # in the line spacing below the text
                    painter.fillRect(QRect(rect.left(), top, rect.width(), 3), view.highlights.color(key).darker(135))


class DashedOutlines(Layer):
    """Dashed rectangles around spans; a subclass says which spans, in which colour."""

    width = 1.2

    @abstractmethod
    def spans(self, view: ArticleView) -> Iterable[tuple[int, int, QColor]]:
        """The spans to outline, as (start, end, colour)."""

    def paint(self, painter: QPainter, view: ArticleView, visible: tuple[int, int]) -> None:
        for start, end, color in self.spans(view):
            if not in_view(start, end, visible):
                continue
            painter.setPen(QPen(color, self.width, Qt.PenStyle.DashLine))
            painter.drawPath(outline(view.line_rects(start, end), pad=5))


class DifferenceOutlines(DashedOutlines):
    """Red dashed outlines around the sentences where a student differs from the key (compare tab)."""

    def __init__(self, sentences: Iterable[int] = ()) -> None:
        self.sentences: set[int] = set(sentences)

    def spans(self, view: ArticleView) -> Iterable[tuple[int, int, QColor]]:
        for idx in sorted(self.sentences):
            if idx < len(view.sentences):
                yield view.sentences[idx].start, view.sentences[idx].end, DIFFERENCE
