"""Help ▸ User guide (bundled, offline: first steps, the fact-checker's path, the classroom, the keys)
and Help ▸ About (version, licence, where the data and this project are)."""

from __future__ import annotations

import platform
import sys
from pathlib import Path

import markdown
from PySide6 import __version__ as pyside_version
from PySide6.QtCore import Qt, qVersion
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

import annotator
from annotator.core.paths import data_dir
from annotator.core.resources import resources_dir
from annotator.ui.base.keyboard_help import help_html

GUIDE = "guide/guide.md"
LICENCE = "MIT"
STYLE = """
body { font-size: medium; }
h1 { font-size: x-large; } h2 { font-size: large; margin-top: 18px; }
li { margin-bottom: 4px; }
"""


def guide_html() -> str:
    """The bundled guide as HTML, its key table made from the keymap (so it is never out of date)."""
    text = (resources_dir() / GUIDE).read_text(encoding="utf-8")
    body = markdown.markdown(text, extensions=["tables"], output_format="html")
    return f"<style>{STYLE}</style>{body}{help_html()}"


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
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser)
        layout.addWidget(buttons)
        screen = self.screen().availableGeometry() if self.screen() else None
        self.resize(min(760, screen.width() - 80) if screen else 760, min(820, screen.height() - 80) if screen else 700)


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
