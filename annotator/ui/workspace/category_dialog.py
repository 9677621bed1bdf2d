"""Edit a category: its label, its shortcut digit and its definition (how coders apply it)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QRegularExpression, Qt
from PySide6.QtGui import QKeyEvent, QRegularExpressionValidator
from PySide6.QtWidgets import (
    QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QPlainTextEdit, QVBoxLayout, QWidget,
)

from annotator.core.records import Category


class CategoryDialog(QDialog):
    """Ctrl+Return confirms from the definition box too; Escape cancels."""

    def __init__(self, category: Category, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"Edit category: {category.label}")
        self.category = category
        self.label = QLineEdit(category.label, self)
        self.shortcut = QLineEdit(category.shortcut or "", self)
        self.shortcut.setValidator(QRegularExpressionValidator(QRegularExpression("[1-9]?"), self))
        self.shortcut.setMaximumWidth(40)
        self.shortcut.setPlaceholderText("none")
        self.definition = QPlainTextEdit(category.description, self)
        self.definition.setPlaceholderText("When to apply this category, with an example or two")
        self.definition.setTabChangesFocus(True)
        form = QFormLayout()
        form.addRow("Label", self.label)
        form.addRow("Shortcut (1–9)", self.shortcut)
        form.addRow("Definition", self.definition)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        hint = QLabel(f"Key: {category.key} (stays the same).  Ctrl+Enter saves, Escape cancels.", self)
        hint.setObjectName("hint")
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(hint)
        layout.addWidget(buttons)
        self.definition.installEventFilter(self)  # the text box would take Ctrl+Return as a new line
        self.resize(480, 300)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.KeyPress and _confirms(event):
            self.accept()
            return True
        return super().eventFilter(watched, event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt override)
        if _confirms(event):
            self.accept()
            return
        super().keyPressEvent(event)

    def changes(self) -> dict:
        """The fields the user changed, as EditCategory takes them (empty: nothing to do)."""
        c = self.category
        fields = {"label": self.label.text().strip(), "shortcut": self.shortcut.text() or None,
                  "description": self.definition.toPlainText().strip()}
        before = {"label": c.label, "shortcut": c.shortcut, "description": c.description}
        return {name: value for name, value in fields.items() if value != before[name]}


def _confirms(event: QKeyEvent) -> bool:
    return (event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and bool(event.modifiers() & Qt.KeyboardModifier.ControlModifier))
