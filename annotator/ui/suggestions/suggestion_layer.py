"""Suggested categories as an overlay: a dashed outline in the category's colour around each sentence.

Never a fill, so a suggestion never looks like an annotation. A suggestion is shown while its
sentence does not carry its category yet (accepting it makes the annotation, and the outline goes)
and was not rejected. Several suggestions on one sentence are nested outlines, the most confident
innermost. The layer only paints what its owner (suggestion_actions.py) loads into it.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right

from collections.abc import Iterable

from PySide6.QtCore import QRect, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen

from annotator.core.records import Suggestion
from annotator.ui.workspace.layers import ArticleView, DashedOutlines, in_view

# Padding around each line of a sentence: little across (the next sentence may start on the same
# line, one space away), more above and below than the current sentence's outline, so both show.
ACROSS, ABOVE, BELOW = 2, 4, 4
STEP = 2  # each further suggestion on the same sentence, one step further out


class SuggestionOutlines(DashedOutlines):
    """Dashed outlines around the suggested sentences of one article view, in their categories' colours."""

    z = 5  # above the category stripes, below the current sentence's outline
    width = 1.5

    def __init__(self) -> None:
        self.stored: list[Suggestion] = []  # the article's suggestions as read from the file
        self.suggestions: list[Suggestion] = []  # the open ones (not yet accepted), by sentence then confidence
        self.shown = True

    def spans(self, view: ArticleView) -> Iterable[tuple[int, int, QColor]]:
        if not self.shown:
            return
        for s in self.suggestions:
            if s.idx < len(view.sentences):
                sentence = view.sentences[s.idx]
                yield sentence.start, sentence.end, outline_color(view.highlights.color(s.category))

    def paint(self, painter: QPainter, view: ArticleView, visible: tuple[int, int]) -> None:
        """Only the suggestions of the visible sentences: a repaint costs the same however long the article."""
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if not self.shown or not view.sentences:
            return
        first, last = view.sentence_at(visible[0]), view.sentence_at(visible[1])
        indices = [s.idx for s in self.suggestions]  # open suggestions are in sentence order
        colors: dict[str, QColor] = {}
        nth: dict[int, int] = {}
        for s in self.suggestions[bisect_left(indices, first):bisect_right(indices, last)]:
            if s.idx >= len(view.sentences):
                continue
            sentence = view.sentences[s.idx]
            n = nth[s.idx] = nth.get(s.idx, -1) + 1
            if not in_view(sentence.start, sentence.end, visible):
                continue
            if s.category not in colors:
                colors[s.category] = outline_color(view.highlights.color(s.category))
            pen = QPen(colors[s.category], self.width, Qt.PenStyle.CustomDashLine)
            pen.setDashPattern([4, 3])
            painter.setPen(pen)
            painter.drawPath(dashed_outline(view.line_rects(sentence.start, sentence.end), STEP * n))


def dashed_outline(rects: list[QRect], extra: int) -> QPainterPath:
    """One outline around a sentence's lines, `extra` pixels further out for a second suggestion."""
    path = QPainterPath()
    for rect in rects:
        path.addRoundedRect(QRectF(rect.adjusted(-ACROSS - extra, -ABOVE - extra, ACROSS + extra, BELOW + extra)),
                            4, 4)
    return path.simplified()


def outline_color(color: QColor) -> QColor:
    """A category colour dark enough to read as a thin dashed line on white and on its own highlight."""
    hue, saturation, value, _ = color.getHsv()
    if value > 150:
        color = QColor.fromHsv(hue, max(saturation, 120) if saturation > 20 else saturation, 150)
    return color
