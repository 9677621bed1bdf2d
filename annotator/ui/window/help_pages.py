"""Help ▸ User guide (bundled, offline: first steps, the fact-checker's path, the classroom, the coding
guidelines, the keys), Help ▸ Coding guidelines (the same page at the guidelines) and Help ▸ About (version, licence, where the data and this project are)."""

from __future__ import annotations

import platform
import sys
from pathlib import Path

import markdown
from PySide6 import __version__ as pyside_version
from PySide6.QtCore import Qt, QTimer, qVersion
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

import annotator
from annotator.core.paths import data_dir
from annotator.core.resources import resources_dir
from annotator.ui.base.keyboard_help import help_html

GUIDE = "guide/guide.md"
GUIDELINES = "guide/guidelines.md"  # how each category is applied: also the default codebook's definitions
GUIDELINES_ANCHOR = "guidelines"
LICENCE = "MIT"
STYLE = """
body { font-size: medium; }
h1 { font-size: x-large; } h2 { font-size: large; margin-top: 18px; }
li { margin-bottom: 4px; }
"""


def guide_html() -> str:
    """The bundled guide as HTML, then the coding guidelines, then the key table made from the keymap
    (so it is never out of date)."""
    body, rules = (markdown.markdown((resources_dir() / name).read_text(encoding="utf-8"), extensions=["tables"],
                                     output_format="html") for name in (GUIDE, GUIDELINES))
    return f'<style>{STYLE}</style>{body}<a name="{GUIDELINES_ANCHOR}"></a>{rules}{help_html()}'



class UserGuide(QDialog):
    """Non-modal, so the user can follow it while working in the window."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("User guide")
        self.setModal(False)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)
        self.browser = QTextBrowser(self)
        self.browser.setOpenLinks(False)  # offline: nothing to follow
        self.browser.setHtml(guide_html())
        self.browser.setObjectName("userGuide")
        self._anchor: str | None = None
        self.browser.verticalScrollBar().actionTriggered.connect(self._forget_anchor)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser)
        layout.addWidget(buttons)
        screen = self.screen().availableGeometry() if self.screen() else None
        self.resize(min(760, screen.width() - 80) if screen else 760, min(820, screen.height() - 80) if screen else 700)

    def show_at(self, anchor: str | None = None) -> None:
        """Show the guide at its top, or at `anchor` (GUIDELINES_ANCHOR: the coding guidelines)."""
        self._anchor = anchor  # kept through the first resizes (the page reflows), until the user scrolls
        self.show()
        self.raise_()
        self._scroll()

    def _forget_anchor(self, _action: int) -> None:
        self._anchor = None

    def _scroll(self) -> None:
        if self._anchor:
            self.browser.scrollToAnchor(self._anchor)
        else:
            self.browser.verticalScrollBar().setValue(0)

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt override)
        super().resizeEvent(event)
        if self._anchor:
            QTimer.singleShot(0, self._scroll)  # once the text is laid out at the new width


def about_text(project_path: Path | None) -> str:
    """What the About box says: the version, the licence and where things are kept."""
    lines = [
        f"Source annotator {annotator.__version__}",
        "Mark how each claim in a news article is sourced; compare outlets; score a class.",
        "",
        f"Licence: {LICENCE}. Works offline; nothing is sent anywhere.",
        f"Data folder (sample project, backups): {data_dir()}",
    ]
    if project_path is not None:
        lines.append(f"This project: {project_path}")
    lines += ["", f"Python {platform.python_version()} · Qt {qVersion()} · PySide6 {pyside_version}"
              f" · {sys.platform}"]
    return "\n".join(lines)
