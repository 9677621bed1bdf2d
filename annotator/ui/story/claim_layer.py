"""Claim marks: the sentences in the other open columns that state a claim of the current sentence.

`ClaimMarks` is the layer (a purple bar in the left margin and a thin outline around each marked
sentence, a thick one around the match stepped to); `ClaimLinks` keeps the layers of every column
in step with the current column's current sentence, scrolls the matches into view, and steps
through them (C, Shift+C) across the columns, left to right, without moving the focus.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QRect, QTimer
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import QWidget

from annotator.core.changes import Changes
from annotator.core.records import Claim
from annotator.ui.workspace.layers import ArticleView, Layer, in_view, outline
from annotator.ui.base.session import ProjectSession

CLAIM = QColor("#7D3C98")  # purple: no default category has it, suggestions outline in theirs


class ClaimMarks(Layer):
    """Marks sentences (idx from 0) of this view that share a claim with the current sentence elsewhere."""

    z = 5  # under the current sentence's outline

    def __init__(self) -> None:
        self.sentences: set[int] = set()
        self.stepped: int | None = None  # the match C / Shift+C went to, outlined solid

    def paint(self, painter: QPainter, view: ArticleView, visible: tuple[int, int]) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        for idx in sorted(self.sentences):
            if idx >= len(view.sentences):
                continue
            sentence = view.sentences[idx]
            if not in_view(sentence.start, sentence.end, visible):
                continue
            rects = view.line_rects(sentence.start, sentence.end)
            if not rects:
                continue
            top, bottom = min(r.top() for r in rects), max(r.bottom() for r in rects)
            painter.fillRect(QRect(2, top, 5, bottom - top + 1), CLAIM)  # in the document margin
            painter.setPen(QPen(CLAIM, 2.4 if idx == self.stepped else 1.2))
            painter.drawPath(outline(rects, pad=5, radius=2))


def scroll_into_view(view, idx: int) -> None:
    """Scroll `view` so that sentence `idx` is shown (a third down from the top), leaving its selection."""
    if idx >= len(view.sentences):
        return
    sentence = view.sentences[idx]
    rects = view.line_rects(sentence.start, sentence.end)
    if not rects:
        return
    area = view.viewport().rect()
    if rects[0].top() >= 0 and rects[-1].bottom() <= area.height():
        return
    bar = view.verticalScrollBar()
    bar.setValue(bar.value() + rects[0].top() - area.height() // 3)


class ClaimLinks(QObject):
    """Marks, in every open column but the current one, the sentences sharing a claim with its current sentence."""

    def __init__(self, session: ProjectSession, columns, notice: Callable[[str], None],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.columns = columns
        self.notice = notice
        self.claims: list[Claim] = []
        self.matches: list[tuple[object, int]] = []  # (column, idx), left to right, top to bottom
        self.position = -1
        columns.column_opened.connect(self._on_column_opened)
        columns.current_changed.connect(self.refresh)
        session.changed.connect(self._on_session_changed)

    def _on_column_opened(self, column) -> None:
        column.view.add_layer(ClaimMarks())
        column.view.selection_changed.connect(lambda c=column: self._on_selection_changed(c))
        column.close_requested.connect(lambda *_: QTimer.singleShot(0, self, self.refresh))  # once it is gone
        self.refresh()

    def _on_selection_changed(self, column) -> None:
        if column is self.columns.current:
            self.refresh()

    def _on_session_changed(self, changes: Changes) -> None:
        if changes.claims or changes.articles:
            self.refresh()

    def _open_columns(self) -> list:
        return [c for c in self.columns.columns() if c.view.layer(ClaimMarks) is not None]

    def refresh(self) -> None:
        """Re-read the claims of the current sentence and mark them in the other columns."""
        current = self.columns.current
        self.claims = []
        if current is not None and self.session.project.is_open and current.view.sentences:
            view = current.view
            self.claims = self.session.project.claims.of_sentence(view.article_id, view.current)
        members = {(s.article_id, s.idx) for claim in self.claims for s in claim.sentences}
        self.matches = []
        for column in self._open_columns():
            layer = column.view.layer(ClaimMarks)
            marked = set() if column is current else {i for a, i in members if a == column.article_id}
            layer.stepped = None
            if marked != layer.sentences:
                layer.sentences = marked
                if marked:
                    scroll_into_view(column.view, min(marked))
            column.view.viewport().update()
            self.matches += [(column, idx) for idx in sorted(marked)]
        self.position = -1

    def step(self, delta: int) -> None:
        """Go to the next (1) or previous (-1) marked sentence across the other columns."""
        if not self.matches:
            self.notice("No sentence in the other open columns states a claim of this one."
                        if self.columns.current is not None else "Open articles side by side first.")
            return
        if self.position < 0:
            self.position = 0 if delta > 0 else len(self.matches) - 1
        else:
            self.position = (self.position + delta) % len(self.matches)
        column, idx = self.matches[self.position]
        for other in self._open_columns():
            layer = other.view.layer(ClaimMarks)
            layer.stepped = idx if other is column else None
            other.view.viewport().update()
        scroll_into_view(column.view, idx)
        article = self.session.project.articles.get(column.article_id)
        label = next((c.label for c in self.claims
                      if any((s.article_id, s.idx) == (column.article_id, idx) for s in c.sentences)), "")
        self.notice(f"Same claim {self.position + 1} of {len(self.matches)}: {article.outlet}, sentence {idx + 1}"
                    + (f" — {label}" if label else ""))

    def next_match(self) -> None:
        self.step(1)

    def previous_match(self) -> None:
        self.step(-1)
