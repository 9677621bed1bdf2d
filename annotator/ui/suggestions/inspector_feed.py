"""The inspector's list of the current sentence's open suggestions, kept in step with the workspace."""

from __future__ import annotations

from PySide6.QtCore import QObject

from annotator.ui.base.session import ProjectSession
from annotator.ui.suggestions.shown import ShownSuggestions
from annotator.ui.workspace.article_view import ArticleView
from annotator.ui.workspace.columns import Columns
from annotator.ui.workspace.inspector import InspectorPanel


class SuggestionInspectorFeed(QObject):
    """Refreshes the inspector when the current column, its selection or the open suggestions change."""

    def __init__(self, session: ProjectSession, shown: ShownSuggestions, columns: Columns, inspector: InspectorPanel,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.shown = shown
        self.inspector = inspector
        columns.current_changed.connect(self.refresh)
        shown.refreshed.connect(self.refresh)

    def watch(self, view: ArticleView) -> None:
        view.selection_changed.connect(self.refresh)

    def refresh(self) -> None:
        suggestions = self.shown.for_current_sentence() if self.shown.shown else []
        self.inspector.show_suggestions(suggestions, self.session.codebook.labels)
