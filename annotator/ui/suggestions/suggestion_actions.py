"""Suggested categories in the window, put together from four parts: computing them in the background
(computing.py), the layers of the open views (shown.py), the inspector's list (inspector_feed.py), and
the keys and menu items that accept or reject them (suggestion_commands.py)."""

from __future__ import annotations

from PySide6.QtCore import QObject, QSettings
from PySide6.QtWidgets import QMenu, QWidget

from annotator.ui.base.errors import ErrorSink
from annotator.ui.base.session import ProjectSession
from annotator.ui.suggestions.computing import SuggestionComputing
from annotator.ui.suggestions.inspector_feed import SuggestionInspectorFeed
from annotator.ui.suggestions.shown import ShownSuggestions
from annotator.ui.suggestions.suggestion_commands import SuggestionCommands
from annotator.ui.workspace.article_view import ArticleView
from annotator.ui.workspace.columns import Columns
from annotator.ui.workspace.inspector import InspectorPanel


class SuggestionActions(QObject):
    """Makes and connects the parts; the main window talks to this one object."""

    def __init__(self, session: ProjectSession, columns: Columns, inspector: InspectorPanel, errors: ErrorSink,
                 settings: QSettings, parent: QWidget) -> None:
        super().__init__(parent)
        self.computer = SuggestionComputing(session, errors, self)
        self.shown = ShownSuggestions(session, columns, settings, self)
        self.feed = SuggestionInspectorFeed(session, self.shown, columns, inspector, self)
        self.commands = SuggestionCommands(session, columns, self.shown, self.computer, self.feed, errors, parent)
        self.shown.refresh()
        self.computer.compute()  # the project was just opened

    def populate(self, edit: QMenu, view: QMenu) -> None:
        self.commands.populate(edit, view)

    def add_to(self, view: ArticleView) -> None:
        """Give a newly opened article view its suggestion layer, and let its selection move the inspector."""
        self.shown.add_to(view)
        self.feed.watch(view)

    def cancel(self) -> None:
        self.computer.cancel()
