"""The address of a team server, asked for by File ▸ Share… and File ▸ Join….

The address is checked as the dialog's OK is pressed: a blank or malformed one is named in the
dialog, which stays open, so nothing runs (and nothing waits for a server) on an address that
cannot work.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox, QDialog, QDialogButtonBox, QLabel, QLineEdit, QStyle, QVBoxLayout, QWidget,
)

from annotator.core.errors import BadServerUrl
from annotator.core.team.connect import parse

PLACEHOLDER = "postgresql://user@host:5432/database"
PASSWORD_NOTE = ("The password comes from ~/.pgpass or the PGPASSWORD environment variable; "
                 "it is never stored in the project.")
SHARE_TEXT = ("Publish this project to an empty PostgreSQL database, so that the team can join it and "
              "sync. Everything in the project is sent.")
JOIN_TEXT = ("Make a new local copy of a project shared on a team server. You choose where to save it "
             "next; it then opens in this window.")
BLIND_TEXT = "Blind class assignment"
BLIND_NOTE = "Members see only their own annotations until a teacher releases them (annotator release)."


class ServerDialog(QDialog):
    """Asks for a server address (and, when sharing, whether the assignment is blind)."""

    def __init__(self, title: str, intro: str, ok_text: str, parent: QWidget | None, *,
                 offer_blind: bool = False) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(520)
        layout = QVBoxLayout(self)
        layout.addWidget(_wrapped(intro))
        layout.addSpacing(6)
        layout.addWidget(QLabel("Server address:"))
        self.address_field = QLineEdit(self)
        self.address_field.setPlaceholderText(PLACEHOLDER)
        self.address_field.setAccessibleName("Server address")
        layout.addWidget(self.address_field)
        layout.addWidget(_hint(PASSWORD_NOTE))
        self.offers_blind = offer_blind
        self.blind_box = QCheckBox(BLIND_TEXT, self)
        self.blind_box.setToolTip(BLIND_NOTE)
        self.blind_note = _hint(BLIND_NOTE)
        style = self.blind_box.style()  # the note under the box's text, not under its tick
        self.blind_note.setContentsMargins(style.pixelMetric(QStyle.PixelMetric.PM_IndicatorWidth)
                                           + style.pixelMetric(QStyle.PixelMetric.PM_CheckBoxLabelSpacing), 0, 0, 0)
        for widget in (self.blind_box, self.blind_note):
            widget.setVisible(offer_blind)
            layout.addWidget(widget)
        self.problem = _wrapped("")
        self.problem.setObjectName("dialogProblem")
        self.problem.setStyleSheet("color: #b00020;")
        self.problem.hide()
        layout.addWidget(self.problem)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(ok_text)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.address_field.textEdited.connect(self._on_address_field_edited)
        self.address_field.setFocus()

    def address(self) -> str:
        return self.address_field.text().strip()

    def blind(self) -> bool:
        return self.offers_blind and self.blind_box.isChecked()

    def accept(self) -> None:
        """Close only on an address libpq can read that names a database; else say what is wrong."""
        problem = address_problem(self.address())
        if problem is not None:
            self.problem.setText(problem)
            self.problem.show()
            self.address_field.setFocus()
            self.address_field.selectAll()
            return
        super().accept()

    def _on_address_field_edited(self, _text: str) -> None:
        self.problem.hide()


def share_dialog(parent: QWidget | None) -> ServerDialog:
    return ServerDialog("Share on a team server", SHARE_TEXT, "Share", parent, offer_blind=True)


def join_dialog(parent: QWidget | None) -> ServerDialog:
    return ServerDialog("Join a shared project", JOIN_TEXT, "Choose where to save…", parent)


def address_problem(address: str) -> str | None:
    """What is wrong with `address` in words, or None when it can be tried."""
    if not address:
        return f"Give the server's address, as {PLACEHOLDER}."
    try:
        parse(address)
    except BadServerUrl as error:
        said = " ".join(str(error).split())  # libpq's reason ends in a line break
        return f"{said.rstrip('.')}.\n{error.advice}"
    return None


def _hint(text: str) -> QLabel:
    label = _wrapped(text)
    label.setStyleSheet("color: palette(placeholder-text);")
    return label


def _wrapped(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label
