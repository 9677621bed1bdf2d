"""The library's filter box: typing narrows the list; Down or Enter goes on to the list it narrowed."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLineEdit, QWidget


class FilterBox(QLineEdit):
    """A filter line whose Down and Enter keys hand the keyboard to the list (`to_list`)."""

    to_list = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setPlaceholderText("Filter by title or outlet… (Down: to the list)")
        self.setClearButtonEnabled(True)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt's name)
        if event.key() in (Qt.Key.Key_Down, Qt.Key.Key_Return, Qt.Key.Key_Enter) and not event.modifiers():
            self.to_list.emit()
            return
        super().keyPressEvent(event)
