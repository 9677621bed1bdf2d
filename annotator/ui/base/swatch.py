"""A category's colour as a small square icon, shown wherever a category is listed."""

from __future__ import annotations

from PySide6.QtGui import QColor, QIcon, QPixmap


def swatch(color: str, size: int = 14) -> QIcon:
    pixmap = QPixmap(size, size)
    pixmap.fill(QColor(color))
    return QIcon(pixmap)
