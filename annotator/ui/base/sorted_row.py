"""A tree row that sorts by a value of its own in each column (numbers as numbers), not by its text."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTreeWidgetItem

SORT_ROLE = Qt.ItemDataRole.UserRole + 1  # what a column sorts by: a number, or a name folded for case


class SortedRow(QTreeWidgetItem):
    """Compared by each column's SORT_ROLE value; by its text where a row has none."""

    def __lt__(self, other: QTreeWidgetItem) -> bool:
        tree = self.treeWidget()
        column = tree.sortColumn() if tree is not None else 0
        mine, theirs = self.data(column, SORT_ROLE), other.data(column, SORT_ROLE)
        if mine is None or theirs is None:
            return super().__lt__(other)
        return mine < theirs
