"""Overlays of an article view: each is a layer class, painted over the text in the order added."""

from __future__ import annotations

from PySide6.QtCore import QRect
from PySide6.QtGui import QColor, QImage, QPainter, QTextCursor

from annotator.ui.workspace.article_view import ArticleView
from annotator.ui.workspace.layers import (
    CategoryStripes,
    CurrentSentenceOutline,
    DifferenceOutlines,
    Layer,
)

MAGENTA = QColor("#FF00FF")


class Square(Layer):
    """A test layer: a magenta square in the corner, and what it was asked to paint."""

    def __init__(self) -> None:
        self.visible: list[tuple[int, int]] = []

    def paint(self, painter: QPainter, view, visible: tuple[int, int]) -> None:
        self.visible.append(visible)
        painter.fillRect(QRect(2, 2, 12, 12), MAGENTA)


def viewport_image(qtbot, view) -> QImage:
    qtbot.waitExposed(view)
    view.viewport().repaint()
    return view.viewport().grab().toImage()


def count(image: QImage, color: QColor) -> int:
    return sum(image.pixelColor(x, y) == color for x in range(0, image.width(), 1)
               for y in range(0, image.height(), 2))


def test_a_view_paints_its_standard_layers_in_order(open_main, sample_path) -> None:
    window = open_main(sample_path)
    view = ArticleView(window.session, 1)  # a bare view: the window adds its own overlays (suggestions...)
    assert [type(layer) for layer in view.layers] == [CategoryStripes, CurrentSentenceOutline]


def test_the_selection_outline_stays_on_top_of_added_layers(open_main, sample_path) -> None:
    window = open_main(sample_path)
    view = ArticleView(window.session, 1)
    square, outlines = Square(), DifferenceOutlines()
    view.add_layer(square)
    view.add_layer(outlines)
    assert view.layers == [view.layers[0], square, outlines, view.layer(CurrentSentenceOutline)]


def test_an_added_layer_is_painted_with_the_visible_range(qtbot, open_main, sample_path) -> None:
    window = open_main(sample_path)
    window.open_article(1)
    view = window.columns.current.view
    square = Square()
    view.add_layer(square)
    image = viewport_image(qtbot, view)
    assert image.pixelColor(8, 8) == MAGENTA
    first, last = square.visible[-1]
    assert first == 0 and 0 < last <= len(view.body)


def test_difference_outlines_are_drawn_only_around_their_sentences(qtbot, open_main, sample_path) -> None:
    window = open_main(sample_path)
    window.open_article(1)
    view = window.columns.current.view
    outlines = DifferenceOutlines()
    view.add_layer(outlines)
    red = QColor("#C0392B")
    assert count(viewport_image(qtbot, view), red) == 0
    outlines.sentences = {1}
    image = viewport_image(qtbot, view)
    assert count(image, red) > 20
    rect = view.line_rects(view.sentences[1].start, view.sentences[1].end)[0]
    above = [image.pixelColor(x, y) for x in range(rect.left(), rect.right()) for y in (rect.top() - 2, rect.top() - 1)]
    assert red in above  # the outline's top edge runs just above the sentence's first line


def test_a_change_reformats_only_the_changed_span(qtbot, open_main, sample_path, monkeypatch) -> None:
    window = open_main(sample_path)
    window.open_article(1)
    view = window.columns.current.view
    spans = []
    monkeypatch.setattr(view.highlights, "reload", lambda: spans.append("everything"))
    original = view.highlights.refresh_span
    monkeypatch.setattr(view.highlights, "refresh_span", lambda s, e: spans.append((s, e)) or original(s, e))
    view.select_sentence(2)
    window.annotating.assign_shortcut("1")
    window.annotating.assign_shortcut("2")
    sentence = view.sentences[2]
    assert spans == [(sentence.start, sentence.end)] * 2
    assert view.highlights.stripes == [(sentence.start, sentence.end, ["on_record"])]
    cursor = QTextCursor(view.document())
    cursor.setPosition(sentence.start + 1)  # the sample's text is all in the BMP
    assert cursor.charFormat().background().color() == view.highlights.color("anonymous_official")
