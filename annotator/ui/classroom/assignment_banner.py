"""The slim bar above the workspace of a student's assignment: what to do, and how to hand it back."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QPushButton, QToolButton, QWidget

from annotator.ui.base.plain_text import plain_label

RETURN_TEXT = "&Return to teacher…"


def banner_text(*, blind: bool) -> str:
    seen = " You see only your own marks." if blind else ""
    return ("This is an assignment from your instructor: in each article of the Library, mark how each claim "
            f"is sourced (select a sentence, press its category's key).{seen} When done, "
            "Classroom ▸ Return to teacher… writes the file to send.")


class AssignmentBanner(QFrame):
    return_requested = Signal()

    def __init__(self, *, blind: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("assignmentBanner")
        self.text = plain_label(banner_text(blind=blind), self)
        self.text.setWordWrap(True)
        self.return_button = QPushButton(RETURN_TEXT.replace("&", ""), self)
        self.return_button.clicked.connect(self.return_requested)
        self.close_button = QToolButton(self)
        self.close_button.setText("✕")
        self.close_button.setAutoRaise(True)
        self.close_button.setToolTip("Hide this bar (Classroom ▸ Return to teacher… stays in the menu)")
        self.close_button.clicked.connect(self.hide)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 4, 4, 4)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.return_button)
        layout.addWidget(self.close_button)
