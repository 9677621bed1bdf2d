"""A thin bar showing an article's sourcing mix: one segment per category, in its colour."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QSizePolicy, QWidget

from annotator.ui.base.plain_text import plain_tooltip


class MixBar(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self._parts: list[tuple[str, int, str]] = []  # (colour, count, label)

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(200, 8)

    def set_parts(self, parts: list[tuple[str, int, str]]) -> None:
        self._parts = [p for p in parts if p[1] > 0]
        total = sum(p[1] for p in self._parts)
        self.setToolTip(plain_tooltip("\n".join(f"{label}: {count} ({count / total:.0%})"
                                               for _, count, label in self._parts)
                                     if total else "Nothing annotated yet"))
        self.update()

    def parts(self) -> list[tuple[str, int, str]]:
        return list(self._parts)

    def paintEvent(self, event) -> None:  # noqa: N802
        painter = QPainter(self)
        rect = QRectF(self.rect())
        painter.fillRect(rect, QColor("#E9E9E9"))
        total = sum(p[1] for p in self._parts)
        x = rect.left()
        for color, count, _ in self._parts:
            width = rect.width() * count / total
            painter.fillRect(QRectF(x, rect.top(), width, rect.height()), QColor(color))
            x += width
        painter.end()
