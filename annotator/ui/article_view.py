"""One article as plain text with its annotations highlighted; sentence-wise keyboard and mouse.

The body is never edited: highlights are character formats on a read-only document (fast to
build for long articles), the current sentence is an outline painted over the viewport, and
positions are converted between Python code points and Qt's UTF-16 units by one OffsetMap.
"""

from __future__ import annotations

import html
from bisect import bisect_right

from PySide6.QtCore import QEvent, QPoint, QRect, Qt, Signal
from PySide6.QtGui import (
    QColor, QFont, QKeyEvent, QKeySequence, QMouseEvent, QPainter, QPen, QTextBlockFormat, QTextCharFormat,
    QTextCursor,
)
from PySide6.QtWidgets import QTextEdit, QToolTip, QWidget

from annotator.core.changes import Changes
from annotator.core.offsets import OffsetMap
from annotator.core.records import Annotation, ArticleId, Sentence
from annotator.ui.highlights import segments
from annotator.ui.session import ProjectSession

MARKER = QColor("#1F3A93")


class ArticleView(QTextEdit):
    selection_changed = Signal()
    annotations_refreshed = Signal()  # this article's annotations were re-read after a change
    category_key_pressed = Signal(str)
    delete_pressed = Signal()
    note_pressed = Signal()
    source_pressed = Signal()
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
        self.marked: set[int] = set()  # sentences outlined in red (the compare view's differences)
        self._press: QPoint | None = None
        self._annotations: dict[int, Annotation] = {}
        self._colors: dict[str, QColor] = {}
        self._stripes: list[tuple[int, int, list[str]]] = []  # extra categories under the text
        self.reload_codebook()
        session.changed.connect(self._on_session_changed)

    def _space_paragraphs(self) -> None:
        block = QTextBlockFormat()
        block.setBottomMargin(9)
        block.setLineHeight(125, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
        cursor = QTextCursor(self.document())
        cursor.select(QTextCursor.SelectionType.Document)
        cursor.mergeBlockFormat(block)

    # -- highlights ---------------------------------------------------------------------------
    def reload_codebook(self) -> None:
        self._colors = {c.key: QColor(c.color) for c in
                        self.session.project.categories.list(include_archived=True)}
        self._annotations = {a.id: a for a in
                             self.session.project.annotations.for_article(self.article_id,
                                                                          annotator=self.annotator)}
        self._render(0, len(self.body), clear=False)
        self.viewport().update()

    def annotations(self) -> list[Annotation]:
        return sorted(self._annotations.values(), key=lambda a: (a.start, a.id))

    def _refresh_span(self, start: int, end: int) -> None:
        """Re-read the annotations over body[start:end] from the project and redraw that stretch."""
        for key in [i for i, a in self._annotations.items() if a.end > start and a.start < end]:
            del self._annotations[key]
        fresh = self.session.project.annotations.in_span(self.article_id, start, end, annotator=self.annotator)
        self._annotations.update((a.id, a) for a in fresh)
        lo = min([start, *(a.start for a in fresh)])
        hi = max([end, *(a.end for a in fresh)])
        self._render(lo, hi)
        self.viewport().update()

    def _on_session_changed(self, changes: Changes) -> None:
        if changes.codebook or changes.all_annotations:
            self.reload_codebook()
        elif changes.touches_annotations_of(self.article_id):
            for span in changes.spans_in(self.article_id):
                self._refresh_span(span.start, span.end)
        else:
            return
        self.annotations_refreshed.emit()
        self.selection_changed.emit()

    def _render(self, lo: int, hi: int, *, clear: bool = True) -> None:
        cursor = QTextCursor(self.document())
        if clear:
            self._format(cursor, lo, hi, QTextCharFormat())
        pieces = segments(self._annotations.values(), lo, hi)
        for start, end, covering in pieces:
            fmt = QTextCharFormat()
            fmt.setBackground(self._colors.get(covering[0].category, QColor("#DDDDDD")))
            self._format(cursor, start, end, fmt)
        kept = [s for s in self._stripes if s[1] <= lo or s[0] >= hi]
        new = [(start, end, [a.category for a in covering[1:]])
               for start, end, covering in pieces if len(covering) > 1]
        self._stripes = sorted(kept + new)

    def _format(self, cursor: QTextCursor, start: int, end: int, fmt: QTextCharFormat) -> None:
        cursor.setPosition(self._offsets.to_utf16(start))
        cursor.setPosition(self._offsets.to_utf16(end), QTextCursor.MoveMode.KeepAnchor)
        cursor.setCharFormat(fmt)

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

    def select_sentence(self, idx: int, *, extend: bool = False) -> None:
        if not self.sentences:
            return
        self.current = max(0, min(idx, len(self.sentences) - 1))
        if not extend:
            self.anchor = self.current
        self.free_span = None
        cursor = self.textCursor()
        cursor.setPosition(self._offsets.to_utf16(self.sentences[self.current].start))
        self.setTextCursor(cursor)
        self.ensureCursorVisible()
        self.viewport().update()
        self.selection_changed.emit()

    def sentence_at(self, offset: int) -> int:
        return max(0, bisect_right(self._starts, offset) - 1)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt override)
        self.focused.emit()  # the view that gets the keys is the one they act on
        key, text = event.key(), event.text()
        shift = bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
        if key in (Qt.Key.Key_J, Qt.Key.Key_Down) and not event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self.select_sentence(self.current + 1, extend=shift)
        elif key in (Qt.Key.Key_K, Qt.Key.Key_Up) and not event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self.select_sentence(self.current - 1, extend=shift)
        elif text and text in "123456789" and not event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self.category_key_pressed.emit(text)
        elif key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            self.delete_pressed.emit()
        elif key == Qt.Key.Key_N and not event.modifiers():
            self.note_pressed.emit()
        elif key == Qt.Key.Key_S and not event.modifiers():
            self.source_pressed.emit()
        elif key == Qt.Key.Key_Home:
            self.select_sentence(0)
        elif key == Qt.Key.Key_End:
            self.select_sentence(len(self.sentences) - 1)
        else:
            super().keyPressEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        self._press = event.position().toPoint()
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
        self.select_sentence(self.sentence_at(self._offsets.from_utf16(position)), extend=shift)

    def focusInEvent(self, event) -> None:  # noqa: N802
        super().focusInEvent(event)
        self.focused.emit()

    # -- painting and tooltips ----------------------------------------------------------------
    def paintEvent(self, event) -> None:  # noqa: N802
        super().paintEvent(event)
        painter = QPainter(self.viewport())
        visible = self.viewport().rect()
        first = self._offsets.from_utf16(self.cursorForPosition(visible.topLeft()).position())
        last = self._offsets.from_utf16(self.cursorForPosition(visible.bottomRight()).position())
        if self.marked:
            painter.setPen(QPen(QColor("#C0392B"), 1.2, Qt.PenStyle.DashLine))
            for idx in sorted(self.marked):
                sentence = self.sentences[idx]
                if sentence.end < first or sentence.start > last + 1:
                    continue
                for rect in self._line_rects(sentence.start, sentence.end):
                    painter.drawRect(rect.adjusted(-4, -3, 4, 5))
        span = None if self.free_span else self.selection()
        if span is not None:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setPen(QPen(MARKER if self.hasFocus() else MARKER.lighter(180), 1.6))
            for rect in self._line_rects(*span):
                painter.drawRoundedRect(rect.adjusted(-3, -2, 3, 4), 3, 3)
        for start, end, categories in self._stripes:
            if end < first or start > last + 1:
                continue
            # One 3-pixel stripe under the text for each category beyond the first.
            for rect in self._line_rects(start, end):
                if not rect.intersects(visible):
                    continue
                for n, key in enumerate(categories[:3]):
                    color = self._colors.get(key, QColor("#777777")).darker(135)
                    top = rect.bottom() + 1 + 4 * n  # in the line spacing below the text
                    painter.fillRect(QRect(rect.left(), top, rect.width(), 3), color)
        painter.end()

    def _line_rects(self, start: int, end: int) -> list[QRect]:
        """Rectangles (viewport coordinates) of the lines covering body[start:end]."""
        doc = self.document()
        lo, hi = self._offsets.to_utf16(start), self._offsets.to_utf16(end)
        offset = QPoint(-self.horizontalScrollBar().value(), -self.verticalScrollBar().value())
        rects: list[QRect] = []
        block = doc.findBlock(lo)
        while block.isValid() and block.position() < hi:
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
        if event.type() == QEvent.Type.ShortcutOverride and self._is_window_shortcut(event):
            event.ignore()  # let the window's Undo / Redo actions have these keys
            return True
        if event.type() == QEvent.Type.ToolTip:
            self._show_tooltip(event)
            return True
        return super().event(event)

    @staticmethod
    def _is_window_shortcut(event: QKeyEvent) -> bool:
        redo = QKeySequence("Ctrl+Shift+Z")
        pressed = QKeySequence(event.keyCombination())
        return (event.matches(QKeySequence.StandardKey.Undo) or event.matches(QKeySequence.StandardKey.Redo)
                or pressed.matches(redo) == QKeySequence.SequenceMatch.ExactMatch)

    def _show_tooltip(self, event) -> None:
        position = self.cursorForPosition(self.viewport().mapFromGlobal(event.globalPos())).position()
        offset = self._offsets.from_utf16(position)
        here = [a for a in self.annotations() if a.start <= offset < a.end]
        if not here:
            QToolTip.hideText()
            return
        labels = {c.key: c.label for c in self.session.project.categories.list(include_archived=True)}
        parts = []
        for a in here:
            line = f"<b>{html.escape(labels.get(a.category, a.category))}</b>"
            if a.source:
                line += f" — {html.escape(a.source)}"
            if a.note:
                line += f"<br><i>{html.escape(a.note)}</i>"
            parts.append(line)
        QToolTip.showText(event.globalPos(), "<br>".join(parts), self)
