"""View ▸ Annotators…: whose marks the workspace shows, everyone's or a chosen few (and always the user's)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QListWidget,
    QListWidgetItem,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from annotator.ui.base.plain_text import plain_label

NAME_ROLE = Qt.ItemDataRole.UserRole + 1


class AnnotatorsDialog(QDialog):
    def __init__(self, names: list[str], user: str, shown: frozenset[str] | None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Annotators shown")
        self.everyone = QRadioButton("&Everyone's marks (also those merged later)", self)
        self.only = QRadioButton("&Only the marks of:", self)
        self.names = QListWidget(self)
        for name in sorted(set(names) | {user}, key=str.casefold):
            item = QListWidgetItem(f"{name} (you: always shown)" if name == user else name)
            item.setData(NAME_ROLE, name)
            if name == user:
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEnabled)
                item.setCheckState(Qt.CheckState.Checked)
            else:
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(Qt.CheckState.Checked if shown is None or name in shown
                                   else Qt.CheckState.Unchecked)
            self.names.addItem(item)
        (self.everyone if shown is None else self.only).setChecked(True)
        self.names.setEnabled(shown is not None)
        self.everyone.toggled.connect(lambda everyone: self.names.setEnabled(not everyone))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        hint = plain_label("Which annotators' marks the article columns show (the figures and the Library's "
                           "progress count everyone's). Your own stay shown, so a mark you add never vanishes.", self)
        hint.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addWidget(self.everyone)
        layout.addWidget(self.only)
        layout.addWidget(self.names, 1)
        layout.addWidget(buttons)
        self.resize(440, 320)

    def item(self, name: str) -> QListWidgetItem:
        return next(self.names.item(row) for row in range(self.names.count())
                    if self.names.item(row).data(NAME_ROLE) == name)

    def chosen(self) -> frozenset[str] | None:
        """The annotators to show; None: everyone's."""
        if self.everyone.isChecked():
            return None
        return frozenset(self.names.item(row).data(NAME_ROLE) for row in range(self.names.count())
                         if self.names.item(row).checkState() == Qt.CheckState.Checked)
