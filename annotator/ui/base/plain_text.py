"""Text from a project or a file, shown literally: never taken for rich text, a mnemonic or a marker.

Qt guesses rich text in labels, tooltips and message boxes, and QtCharts draws its legend and axis
labels as HTML; rich text loads the images it names, so a title `<img src="/dev/zero">` would read
that device until memory runs out. Menus and tabs take `&` for a mnemonic, window titles `[*]`
for the unsaved-changes marker.
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget


def plain_label(text: str = "", parent: QWidget | None = None) -> QLabel:
    """A label that shows its text as it is, whatever it looks like."""
    label = QLabel(parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setText(text)
    return label


def plain_tooltip(text: str) -> str:
    """A tooltip showing `text` literally, line breaks kept (tooltips are always guessed rich).

    Empty text stays empty, so no tooltip is shown.
    """
    return f"<p style='white-space:pre-wrap'>{html.escape(text)}</p>" if text else ""


def chart_text(text: str) -> str:
    """`text` for a QtCharts legend or axis label, which are drawn as HTML."""
    return html.escape(text)


def menu_text(text: str) -> str:
    """`text` for a menu entry or a tab title, where `&` marks a mnemonic."""
    return text.replace("&", "&&")


def window_title(text: str) -> str:
    """`text` for a window title, where `[*]` stands for the unsaved-changes marker."""
    return text.replace("[*]", "[*][*]")
