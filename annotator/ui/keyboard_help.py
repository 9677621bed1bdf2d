"""Help ▸ Keyboard: every binding of the keymap by section, in a window that stays open beside the work."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from annotator.ui import keymap

STYLE = """
h3 { margin-top: 14px; margin-bottom: 4px; color: #333; }
td { padding: 3px 10px 3px 0; vertical-align: top; }
span.where { font-weight: normal; color: #777; }
td.keys { white-space: nowrap; font-weight: bold; color: #1F3A93; }
"""


def help_html() -> str:
    """The page: one table per section, then what the mouse does; every text escaped."""
    parts = [f"<style>{STYLE}</style>"]
    sections = [(s, keymap.WHERE[s], [(keymap.keys_text(b.keys), b.text) for b in keymap.in_section(s)])
                for s in keymap.SECTIONS]
    sections.append(("Mouse", "", list(keymap.GESTURES)))
    for title, where, rows in sections:
        where = f" <span class='where'>— {html.escape(where)}</span>" if where else ""
        parts.append(f"<h3>{html.escape(title)}{where}</h3><table>")
        parts.extend(f"<tr><td class='keys'>{html.escape(keys)}</td><td>{html.escape(text)}</td></tr>"
                     for keys, text in rows)
        parts.append("</table>")
    return "".join(parts)


class KeyboardHelp(QDialog):
    """Non-modal: the user can keep it open and try the keys in the window."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Keyboard")
        self.setModal(False)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)
        self.browser = QTextBrowser(self)
        self.browser.setOpenLinks(False)
        self.browser.setHtml(help_html())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser)
        layout.addWidget(buttons)
        self.resize(560, 640)
