"""A table whose first columns stay in view while the others scroll sideways (Qt's "Frozen Column").

The table shows every column; a second view over its left edge, sharing its model, selection and
vertical scrolling, shows the frozen columns only. Scrolled sideways, the table's own copies of those
columns slide under the overlay, so they never leave the view. The overlay's header sorts and resizes
the frozen columns as the table's would.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget


class FrozenColumnTable(QTableView):
    resized = Signal()  # its size changed (a window or splitter resized): columns may be resized to fit

    def __init__(self, frozen: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.frozen_count = frozen
        self.frozen = QTableView(self)
        self.frozen.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the keyboard works on the table itself
        self.frozen.verticalHeader().hide()
        self.frozen.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.frozen.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.frozen.setFrameShape(QTableView.Shape.NoFrame)
        self.frozen.horizontalHeader().setStretchLastSection(False)
        self.frozen.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        for view in (self, self.frozen):
            view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
            view.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.viewport().stackUnder(self.frozen)
        self.horizontalHeader().sectionResized.connect(self._on_section_resized)
        self.frozen.horizontalHeader().sectionResized.connect(self._on_frozen_section_resized)
        self.verticalHeader().sectionResized.connect(lambda row, _old, size: self.frozen.setRowHeight(row, size))
        self.frozen.verticalScrollBar().valueChanged.connect(self.verticalScrollBar().setValue)
        self.verticalScrollBar().valueChanged.connect(self.frozen.verticalScrollBar().setValue)
        self.horizontalHeader().sortIndicatorChanged.connect(
            lambda column, order: _show_sort(self.frozen.horizontalHeader(), column, order))
        self.frozen.horizontalHeader().sortIndicatorChanged.connect(self._on_frozen_sorted)
        self.frozen.pressed.connect(lambda _index: self.setFocus())  # arrows then move from the claim picked
        self.frozen.clicked.connect(self.clicked)
        self.frozen.doubleClicked.connect(self.doubleClicked)
        self.frozen.customContextMenuRequested.connect(self.customContextMenuRequested)  # same viewport origin

    # -- the model and what is frozen -------------------------------------------------------------
    def setModel(self, model: QAbstractItemModel | None) -> None:  # noqa: N802
        super().setModel(model)
        self.frozen.setModel(model)
        self.frozen.setSelectionModel(self.selectionModel())
        if model is not None:
            model.modelReset.connect(self._hide_scrolling_columns)
            model.columnsInserted.connect(self._hide_scrolling_columns)
        self._hide_scrolling_columns()

    def setSortingEnabled(self, enable: bool) -> None:  # noqa: N802
        super().setSortingEnabled(enable)
        self.frozen.setSortingEnabled(enable)
        self.frozen.horizontalHeader().setSortIndicatorShown(enable)

    def setSelectionBehavior(self, behavior: QAbstractItemView.SelectionBehavior) -> None:  # noqa: N802
        super().setSelectionBehavior(behavior)
        self.frozen.setSelectionBehavior(behavior)

    def setSelectionMode(self, mode: QAbstractItemView.SelectionMode) -> None:  # noqa: N802
        super().setSelectionMode(mode)
        self.frozen.setSelectionMode(mode)

    def frozen_width(self) -> int:
        return sum(self.columnWidth(c) for c in range(min(self.frozen_count, self._columns())))

    def _columns(self) -> int:
        return self.model().columnCount() if self.model() is not None else 0

    def _hide_scrolling_columns(self, *_args) -> None:
        for column in range(self._columns()):
            self.frozen.setColumnHidden(column, column >= self.frozen_count)
            if column < self.frozen_count:
                self.frozen.setColumnWidth(column, self.columnWidth(column))
        for row in range(self.model().rowCount() if self.model() is not None else 0):
            self.frozen.setRowHeight(row, self.rowHeight(row))
        self._place_frozen()

    def _on_section_resized(self, column: int, _old: int, size: int) -> None:
        if column < self.frozen_count:
            self.frozen.setColumnWidth(column, size)
            self._place_frozen()

    def _on_frozen_section_resized(self, column: int, _old: int, size: int) -> None:
        """The user widened a frozen column by its header in the overlay: the table follows."""
        if column < self.frozen_count and self.columnWidth(column) != size:
            self.setColumnWidth(column, size)

    def _on_frozen_sorted(self, column: int, order: Qt.SortOrder) -> None:
        _show_sort(self.horizontalHeader(), column, order)

    # -- geometry ---------------------------------------------------------------------------------
    def resizeEvent(self, event) -> None:  # noqa: N802
        super().resizeEvent(event)
        self._place_frozen()
        self.resized.emit()

    def updateGeometries(self) -> None:  # noqa: N802
        super().updateGeometries()
        self._place_frozen()

    def _place_frozen(self) -> None:
        left = self.verticalHeader().width() + self.frameWidth() if self.verticalHeader().isVisible() else self.frameWidth()
        self.frozen.horizontalHeader().setFixedHeight(self.horizontalHeader().height())
        self.frozen.setGeometry(left, self.frameWidth(), self.frozen_width(),
                                self.viewport().height() + self.horizontalHeader().height())

    # -- keeping the current cell out from under the overlay ----------------------------------------
    def moveCursor(self, action: QAbstractItemView.CursorAction, modifiers: Qt.KeyboardModifier) -> QModelIndex:  # noqa: N802
        current = super().moveCursor(action, modifiers)
        if (action == QAbstractItemView.CursorAction.MoveLeft and current.column() >= self.frozen_count
                and self.visualRect(current).left() < self.frozen_width()):
            bar = self.horizontalScrollBar()
            bar.setValue(bar.value() + self.visualRect(current).left() - self.frozen_width())
        return current

    def scrollTo(self, index: QModelIndex | QPersistentModelIndex,  # noqa: N802
                 hint: QAbstractItemView.ScrollHint = QAbstractItemView.ScrollHint.EnsureVisible) -> None:
        """Scroll an outlet's cell clear of the overlay; for a frozen cell, only up or down."""
        bar = self.horizontalScrollBar()
        sideways = bar.value()
        super().scrollTo(index, hint)
        if index.column() < self.frozen_count:
            bar.setValue(sideways)
        elif self.visualRect(index).left() < self.frozen_width():
            bar.setValue(bar.value() + self.visualRect(index).left() - self.frozen_width())


def _show_sort(header: QHeaderView, column: int, order: Qt.SortOrder) -> None:
    """Show the sort on the other view's header without sorting again."""
    if (header.sortIndicatorSection(), header.sortIndicatorOrder()) != (column, order):
        header.blockSignals(True)
        header.setSortIndicator(column, order)
        header.blockSignals(False)
        header.viewport().update()
