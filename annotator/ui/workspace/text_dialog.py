"""The small dialogs of N (note) and S (named source): confirmed and dismissed from the keyboard.

A note has several lines, so Enter starts a new line in it and Ctrl+Enter saves; in the one-line
source field Enter saves too. Escape closes either without saving. The hint under the field says so,
in the keymap's words, so it never drifts from the keys.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from annotator.ui.base import keymap
from annotator.ui.base.plain_text import plain_label


def _keys(command: str) -> str:
    return keymap.keys_text(keymap.binding(command).keys)


class TextDialog(QDialog):
    """One text field (several lines or one), Save and Cancel; `text()` is what the user typed."""

    def __init__(self, title: str, label: str, text: str, *, multiline: bool, placeholder: str = "",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setObjectName("textDialog")
        self.label = plain_label(label, parent=self)  # the label may quote article text: never rich text
        self.label.setWordWrap(True)
        self.field: QPlainTextEdit | QLineEdit
        if multiline:
            self.field = QPlainTextEdit(self)
            self.field.setPlainText(text)
            self.field.setTabChangesFocus(True)
            self.field.selectAll()
            enter = f"Enter starts a new line, {_keys('save_text')} saves"
        else:
            self.field = QLineEdit(text, self)
            self.field.selectAll()
            enter = f"Enter or {_keys('save_text')} saves"
        self.field.setPlaceholderText(placeholder)
        self.field.setObjectName("textDialogField")
        self.hint = plain_label(f"{enter}, {_keys('cancel_text')} cancels.", parent=self)
        self.hint.setObjectName("textDialogHint")
        self.hint.setEnabled(False)  # greyed: a hint, not a field
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                        | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.label)
        layout.addWidget(self.field, 1)
        layout.addWidget(self.hint)
        layout.addWidget(self.buttons)
        keymap.install(self, {"save_text": self.accept, "cancel_text": self.reject}, keymap.EDITING)
        self.resize(460, 260 if multiline else 150)
        self.field.setFocus()

    def text(self) -> str:
        if isinstance(self.field, QPlainTextEdit):
            return self.field.toPlainText()
        return self.field.text()


def ask_text(parent: QWidget, title: str, label: str, text: str, *, multiline: bool,
             placeholder: str = "") -> str | None:
    """What the user saved, or None when they cancelled; either way the keys go back where they were."""
    back = QApplication.focusWidget()
    dialog = TextDialog(title, label, text, multiline=multiline, placeholder=placeholder, parent=parent)
    try:
        return dialog.text() if dialog.exec() == QDialog.DialogCode.Accepted else None
    finally:
        dialog.deleteLater()
        if back is not None:
            back.activateWindow()
            back.setFocus(Qt.FocusReason.OtherFocusReason)
