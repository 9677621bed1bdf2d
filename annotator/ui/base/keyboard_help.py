"""Help ▸ Keyboard: every binding of the keymap by section, in a window that stays open beside the work."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from annotator.ui.base import keymap

STYLE = """
td { padding: 3px 14px 3px 0; vertical-align: top; }
td.section { padding-top: 14px; font-size: large; font-weight: bold; color: #333; }
span.where { font-size: medium; font-weight: normal; color: #777; }
td.keys { white-space: nowrap; font-weight: bold; color: #1F3A93; }
td.mouse { white-space: nowrap; font-style: italic; color: #1F3A93; }
"""


def help_html() -> str:
    """The page: one table (so the key column lines up), a heading row per section; every text escaped."""
    sections = [(s, keymap.WHERE[s], [(keymap.keys_text(b.keys), b.text) for b in keymap.in_section(s)])
                for s in keymap.SECTIONS]
    sections.append(("Mouse", "", list(keymap.GESTURES)))
    rows = []
    for title, where, bindings in sections:
        kind = "mouse" if title == "Mouse" else "keys"
        where = f" <span class='where'>— {html.escape(where)}</span>" if where else ""
        rows.append(f"<tr><td class='section' colspan='2'>{html.escape(title)}{where}</td></tr>")
        rows.extend(f"<tr><td class='{kind}'>{html.escape(keys)}</td><td>{html.escape(text)}</td></tr>"
                    for keys, text in bindings)
    return f"<style>{STYLE}</style><table>{''.join(rows)}</table>"


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
        self._fit_to_page(width=620)

    def _fit_to_page(self, *, width: int) -> None:
        """As tall as the page (no scrolling) where the screen allows."""
        document = self.browser.document()
        document.setTextWidth(width - 60)
        height = int(document.size().height()) + 70
        screen = self.screen().availableGeometry().height() if self.screen() else height
        self.resize(width, min(height, screen - 60))
