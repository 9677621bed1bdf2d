"""One article as plain text with its annotations highlighted, its overlays, and sentence selection.

The body is never edited: highlights are character formats on a read-only document (fast to build
for long articles, see ArticleHighlights), overlays such as the current sentence's outline are
layers painted over the viewport (see layers.py), and positions are converted between Python code
points and Qt's UTF-16 units by one OffsetMap. Keys are actions of the keymap, installed by the
widget that holds the view (the workspace or a compare tab).
"""

from __future__ import annotations

import html
from bisect import bisect_right
from collections.abc import Callable

from PySide6.QtCore import QEvent, QPoint, QRect, Qt, QTimer, Signal
from PySide6.QtGui import (
    QFont,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QTextBlockFormat,
    QTextCursor,
)
from PySide6.QtWidgets import QApplication, QTextEdit, QToolTip, QWidget

from annotator.core.changes import Changes
from annotator.core.offsets import OffsetMap
from annotator.core.records import Annotation, ArticleId, Sentence
from annotator.ui.base import keymap
from annotator.ui.workspace.article_highlights import ArticleHighlights
from annotator.ui.workspace.layers import CategoryStripes, CurrentSentenceOutline, Layer
from annotator.ui.base.session import ProjectSession

CONTEXT_LINES = 3  # lines kept in view above and below the current sentence


class ArticleView(QTextEdit):
    selection_changed = Signal()
    annotations_refreshed = Signal()  # this article's annotations were re-read after a change
    focused = Signal()

    def __init__(self, session: ProjectSession, article_id: ArticleId, parent: QWidget | None = None,
                 *, annotator: str | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.article_id = article_id
        # Whose annotations to show: one annotator (compare view), the user alone (blind mode), or all.
        self.annotator = annotator if annotator is not None else session.visible_annotator
        self.setReadOnly(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                     | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setFont(QFont(self.font().family(), 11))
        self.document().setUndoRedoEnabled(False)
        self.document().setDocumentMargin(14)
        self.body = session.project.articles.body(article_id)
        self.sentences: list[Sentence] = session.project.articles.sentences(article_id)
        self._starts = [s.start for s in self.sentences]
        self._offsets = OffsetMap(self.body)
        self.setPlainText(self.body)
        self._space_paragraphs()
        self.current = 0
        self.anchor = 0
        self.free_span: tuple[int, int] | None = None
        self._press: QPoint | None = None
        self._held: Callable[[], None] | None = None  # the scroll to keep while the view is laid out
        self.highlights = ArticleHighlights(session, article_id, self.annotator, self.document(), self._offsets,
                                            len(self.body))
        self.layers: list[Layer] = []
        self.add_layer(CategoryStripes())
        self.add_layer(CurrentSentenceOutline())
        self.reload_codebook()
        session.changed.connect(self._on_session_changed)
        self.verticalScrollBar().actionTriggered.connect(self._let_go)  # the user dragged or clicked it

    def add_layer(self, layer: Layer) -> None:
        """Paint `layer` over the text: above the layers of a lower `z` and those added before it."""
        self.layers.append(layer)
        self.layers.sort(key=lambda each: each.z)  # stable: same z keeps the order added
        self.viewport().update()

    def layer(self, kind: type[Layer]) -> Layer | None:
        return next((layer for layer in self.layers if isinstance(layer, kind)), None)

    def _space_paragraphs(self) -> None:
        block = QTextBlockFormat()
        block.setBottomMargin(9)
        block.setLineHeight(125, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
        cursor = QTextCursor(self.document())
        cursor.select(QTextCursor.SelectionType.Document)
        cursor.mergeBlockFormat(block)

    # -- highlights ---------------------------------------------------------------------------
    def reload_codebook(self) -> None:
        self.highlights.reload()
        self.viewport().update()

    def annotations(self) -> list[Annotation]:
        return self.highlights.annotations()

    def _on_session_changed(self, changes: Changes) -> None:
        if changes.codebook or changes.all_annotations:
            self.highlights.reload()
        elif changes.touches_annotations_of(self.article_id):
            for span in changes.spans_in(self.article_id):
                self.highlights.refresh_span(span.start, span.end)
        else:
            return
        self.viewport().update()
        self.annotations_refreshed.emit()
        self.selection_changed.emit()

    # -- selection ----------------------------------------------------------------------------
    def selection(self) -> tuple[int, int] | None:
        """The selected span in code points: a dragged span, or the selected sentences."""
        if self.free_span:
            return self.free_span
        if not self.sentences:
            return None
        first, last = sorted((self.anchor, self.current))
        return self.sentences[first].start, self.sentences[last].end

    def annotations_at_selection(self) -> list[Annotation]:
        span = self.selection()
        if span is None:
            return []
        return [a for a in self.annotations() if a.start < span[1] and a.end > span[0]]

    def select_sentence(self, idx: int, *, extend: bool = False, reveal: bool = True) -> None:
        """Make sentence `idx` current (extending the selection from the anchor); `reveal` scrolls it
        into view with some text around it (a click, on a sentence the user sees, does not scroll)."""
        if not self.sentences:
            return
        self.current = max(0, min(idx, len(self.sentences) - 1))
        if not extend:
            self.anchor = self.current
        self.free_span = None
        cursor = self.textCursor()
        cursor.setPosition(self._offsets.to_utf16(self.sentences[self.current].start))
        if reveal:
            jump = self._out_of_sight()  # decided once: the resizes of a column being laid out keep it
            self.setTextCursor(cursor)
            self._hold(lambda: self.reveal_current(jump=jump))
        else:
            bar = self.verticalScrollBar()
            value = bar.value()
            self.setTextCursor(cursor)
            bar.setValue(value)
        self.viewport().update()
        self.selection_changed.emit()

    # -- where the view is scrolled -------------------------------------------------------------
    def reveal_current(self, *, jump: bool | None = None) -> None:
        """Scroll so the current sentence has CONTEXT_LINES lines of text above and below it.

        A step (J, K) scrolls no more than it must; a jump to a sentence out of sight (a search
        result, a claim) puts it a third of the way down, with the text before it. `jump` None: a
        jump when the sentence is out of sight now.
        """
        rects = self._current_rects()
        if not rects:
            return
        bar = self.verticalScrollBar()
        top, bottom = rects[0].top(), rects[-1].bottom()
        height = self.viewport().height()
        margin = min(CONTEXT_LINES * rects[0].height(), height // 4)
        if jump is None:
            jump = bottom < 0 or top > height
        if jump:
            bar.setValue(bar.value() + top - height // 3)
        elif top < margin or bottom - top > height - 2 * margin:
            bar.setValue(bar.value() + top - margin)
        elif bottom > height - margin:
            bar.setValue(bar.value() + bottom - (height - margin))

    def _current_rects(self) -> list[QRect]:
        if not self.sentences:
            return []
        sentence = self.sentences[self.current]
        return self.line_rects(sentence.start, max(sentence.end, sentence.start + 1))

    def _out_of_sight(self) -> bool:
        """Whether the current sentence is off the screen (or the view not laid out yet: a column just opened)."""
        rects = self._current_rects()
        if not self.isVisible() or not rects:
            return True
        return rects[-1].bottom() < 0 or rects[0].top() > self.viewport().height()

    def place(self) -> tuple[int, int, int]:
        """Where the reader is: (current sentence, anchor, first sentence at the top of the view)."""
        top = self.sentence_at(self.visible_range()[0]) if self.sentences else 0
        return self.current, self.anchor, top

    def restore_place(self, current: int, anchor: int, top: int) -> None:
        """Select the sentences saved by place() and scroll the `top` sentence back to the top."""
        if not self.sentences:
            return
        last = len(self.sentences) - 1
        self.select_sentence(max(0, min(anchor, last)))
        if anchor != current:
            self.select_sentence(max(0, min(current, last)), extend=True)
        top = max(0, min(top, last))
        self._hold(lambda: self._scroll_to_top(top))

    def _scroll_to_top(self, idx: int) -> None:
        rects = self.line_rects(self.sentences[idx].start, self.sentences[idx].end)
        if rects:
            bar = self.verticalScrollBar()
            bar.setValue(bar.value() + rects[0].top())

    def _hold(self, scroll: Callable[[], None]) -> None:
        """Scroll now, and again after each resize until the user scrolls: the view is laid out (and
        re-wrapped) after a column opens, so a place set before that would be lost."""
        self._held = scroll
        scroll()

    def _let_go(self, *_args) -> None:
        self._held = None

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt override)
        super().resizeEvent(event)
        if self._held is not None:
            self._held()
            QTimer.singleShot(0, self._run_held)  # again once the resize's relayout has settled

    def _run_held(self) -> None:
        if self._held is not None:
            self._held()

    def wheelEvent(self, event) -> None:  # noqa: N802
        self._let_go()
        super().wheelEvent(event)

    def sentence_at(self, offset: int) -> int:
        return max(0, bisect_right(self._starts, offset) - 1)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt override)
        """A key sent to this view while its window is inactive: run the keymap action it would have run."""
        action = keymap.action_for(self, event)
        if action is None:
            super().keyPressEvent(event)
            return
        self.focused.emit()  # the view that gets the keys is the one they act on
        action.trigger()

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        self._press = event.position().toPoint()
        self._let_go()
        self.focused.emit()
        super().mousePressEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        super().mouseReleaseEvent(event)
        if event.button() != Qt.MouseButton.LeftButton:
            return
        cursor = self.textCursor()
        dragged = self._press is not None and (event.position().toPoint() - self._press).manhattanLength() > 4
        if dragged and cursor.hasSelection():
            start = self._offsets.from_utf16(cursor.selectionStart())
            end = self._offsets.from_utf16(cursor.selectionEnd())
            text = self.body[start:end]
            start, end = start + len(text) - len(text.lstrip()), end - len(text) + len(text.rstrip())
            if start < end:
                self.current = self.anchor = self.sentence_at(start)
                self.free_span = (start, end)
                self.viewport().update()
                self.selection_changed.emit()
                return
        position = self.cursorForPosition(event.position().toPoint()).position()
        shift = bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
        self.select_sentence(self.sentence_at(self._offsets.from_utf16(position)), extend=shift, reveal=False)

    def focusInEvent(self, event) -> None:  # noqa: N802
        super().focusInEvent(event)
        self.focused.emit()

    # -- painting and tooltips ----------------------------------------------------------------
    def paintEvent(self, event) -> None:  # noqa: N802
        super().paintEvent(event)
        visible = self.visible_range()
        painter = QPainter(self.viewport())
        for layer in self.layers:
            painter.save()
            layer.paint(painter, self, visible)
            painter.restore()
        painter.end()

    def visible_range(self) -> tuple[int, int]:
        """The first and last code point shown in the viewport."""
        rect = self.viewport().rect()
        first = self._offsets.from_utf16(self.cursorForPosition(rect.topLeft()).position())
        return first, self._offsets.from_utf16(self.cursorForPosition(rect.bottomRight()).position())

    def line_rects(self, start: int, end: int) -> list[QRect]:
        """Rectangles (viewport coordinates) of the lines covering body[start:end]."""
        doc = self.document()
        lo, hi = self._offsets.to_utf16(start), self._offsets.to_utf16(end)
        offset = QPoint(-self.horizontalScrollBar().value(), -self.verticalScrollBar().value())
        rects: list[QRect] = []
        block = doc.findBlock(lo)
        while block.isValid() and block.position() < hi:
            doc.documentLayout().blockBoundingRect(block)  # lays the text out up to here if not yet done
            layout = block.layout()
            origin = layout.position()
            for i in range(layout.lineCount()):
                line = layout.lineAt(i)
                a = max(lo, block.position() + line.textStart())
                b = min(hi, block.position() + line.textStart() + line.textLength())
                if a >= b:
                    continue
                x1 = line.cursorToX(a - block.position())[0]
                x2 = line.cursorToX(b - block.position())[0]
                rect = QRect(int(origin.x() + x1), int(origin.y() + line.y()),
                             int(x2 - x1), int(line.height()))
                rects.append(rect.translated(offset))
            block = block.next()
        return rects

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride and keymap.is_bound(keymap.pressed_keys(event)):
            # The keymap's actions (J, 1, Ctrl+Z...) have these keys, not the text edit. Qt matches
            # shortcuts against the active window: a key sent to a view of another window is taken
            # here and run by keyPressEvent with this window's actions.
            event.setAccepted(self.window() is not QApplication.activeWindow())
            return True
        if event.type() == QEvent.Type.ToolTip:
            self._show_tooltip(event)
            return True
        return super().event(event)

    def _show_tooltip(self, event) -> None:
        position = self.cursorForPosition(self.viewport().mapFromGlobal(event.globalPos())).position()
        text = self.tooltip_at(self._offsets.from_utf16(position))
        if text:
            QToolTip.showText(event.globalPos(), text, self)
        else:
            QToolTip.hideText()

    def tooltip_at(self, offset: int) -> str:
        """Rich text naming each annotation at `offset`: its category, named source and note, all escaped."""
        here = [a for a in self.annotations() if a.start <= offset < a.end]
        if not here:
            return ""
        labels = self.session.codebook.labels

        def text(value: str) -> str:
            return html.escape(value).replace("\n", "<br>")

        parts = []
        for a in here:
            line = f"<b>{text(labels.get(a.category, a.category))}</b>"
            if a.source:
                line += f" — {text(a.source)}"
            if a.note:
                line += f"<br><i>{text(a.note)}</i>"
            parts.append(line)
        return "<br>".join(parts)


def moving_commands(views: Callable[[], list[ArticleView]]) -> dict[str, Callable[[], None]]:
    """The keymap's sentence moves, acting on the views that `views()` returns (both sides of a compare)."""
    def each(step: Callable[[ArticleView], None]) -> Callable[[], None]:
        def run() -> None:
            for view in views():
                step(view)
        return run

    return {
        "next_sentence": each(lambda v: v.select_sentence(v.current + 1)),
        "previous_sentence": each(lambda v: v.select_sentence(v.current - 1)),
        "extend_next": each(lambda v: v.select_sentence(v.current + 1, extend=True)),
        "extend_previous": each(lambda v: v.select_sentence(v.current - 1, extend=True)),
        "first_sentence": each(lambda v: v.select_sentence(0)),
        "last_sentence": each(lambda v: v.select_sentence(len(v.sentences) - 1)),
    }
