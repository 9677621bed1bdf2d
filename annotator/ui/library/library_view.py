"""The library's table of outlets and articles: fold arrows, Home and End to the first and last row,
typing to go to a title, columns sized without measuring every row."""

from __future__ import annotations

import time

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QApplication, QHeaderView, QTableView, QWidget

from annotator.ui.library.library_model import PROGRESS, TITLE


class LibraryView(QTableView):
    """Rows of outlets and articles: no grid, no row numbers, whole rows selected, uniform height."""

    arrow_clicked = Signal(int)  # the row of an outlet whose fold arrow was clicked
    ARROW_WIDTH = 22  # px from the row's left edge: the arrow and its margin

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self._typed, self._typed_at = "", 0.0
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setShowGrid(False)
        self.setWordWrap(False)
        self.setTabKeyNavigation(False)
        self.setAlternatingRowColors(False)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        rows = self.verticalHeader()
        rows.hide()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.horizontalHeader().setHighlightSections(False)

    def mouseReleaseEvent(self, event) -> None:  # noqa: N802 (Qt override)
        super().mouseReleaseEvent(event)
        index = self.indexAt(event.position().toPoint())
        if (event.button() == Qt.MouseButton.LeftButton and index.isValid() and index.column() == TITLE
                and event.position().x() - self.visualRect(index).left() < self.ARROW_WIDTH
                and self.model().group_at(index.row()) is not None):
            self.arrow_clicked.emit(index.row())

    def moveCursor(self, action, modifiers):  # noqa: N802 (Qt override)
        """Home and End go to the first and last row (a table would go to the first and last column)."""
        if action in (QAbstractItemView.CursorAction.MoveHome, QAbstractItemView.CursorAction.MoveEnd):
            modifiers |= Qt.KeyboardModifier.ControlModifier
        return super().moveCursor(action, modifiers)

    def keyboardSearch(self, search: str) -> None:  # noqa: N802 (Qt override)
        """Typing goes to the next outlet or title beginning with what was typed, found in the titles
        rather than by reading every page of rows."""
        now = time.monotonic()
        if now - self._typed_at > QApplication.keyboardInputInterval() / 1000:
            self._typed = ""
        self._typed_at = now
        self._typed += search
        if not self._typed.strip():
            return
        current = self.currentIndex().row()
        row = self.model().find_row(self._typed, current if len(self._typed) > 1 else current + 1)
        if row is not None:
            self.setCurrentIndex(self.model().index(row, TITLE))

    def setModel(self, model) -> None:  # noqa: N802 (Qt override)
        """Columns are sized once the model gives them: a header has no sections before."""
        super().setModel(model)
        header = self.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(TITLE, QHeaderView.ResizeMode.Stretch)
        # A fixed width for "annotated/total": sizing it to its contents would measure every row.
        header.setSectionResizeMode(PROGRESS, QHeaderView.ResizeMode.Fixed)
        header.resizeSection(PROGRESS, self.fontMetrics().horizontalAdvance("Annotated") + 24)
