"""Which suggestions each open article view shows: its layer loaded from the file, kept open as marks change.

A suggestion is shown while its sentence does not carry its category yet and it was not rejected
(core/suggest/open.py decides). Whether suggestions are shown at all is UI state (QSettings), not
project data; in a blind classroom assignment without --suggestions none are.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right

from PySide6.QtCore import QObject, QSettings, Signal

from annotator.core.changes import Changes
from annotator.core.records import Suggestion
from annotator.core.suggest.open import open_suggestions
from annotator.ui.suggestions.suggestion_layer import SuggestionOutlines
from annotator.ui.base.session import ProjectSession
from annotator.ui.workspace.article_view import ArticleView
from annotator.ui.workspace.columns import Columns

SHOWN_SETTING = "view/suggestions"


class ShownSuggestions(QObject):
    """Owns the suggestion layers of the workspace's views."""

    refreshed = Signal()  # the open suggestions of some view changed (the inspector follows)

    def __init__(self, session: ProjectSession, columns: Columns, settings: QSettings,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.columns = columns
        self.settings = settings
        self.enabled = session.project.suggestions.enabled
        self._changed_spans: list = []  # the spans of the last change, for the views' suggestion layers
        session.changed.connect(self._on_session_changed)

    @property
    def shown(self) -> bool:
        return self.enabled and self.settings.value(SHOWN_SETTING, "true") in (True, "true", "1")

    def set_shown(self, shown: bool) -> None:
        self.settings.setValue(SHOWN_SETTING, "true" if shown else "false")
        self.refresh()

    def add_to(self, view: ArticleView) -> None:
        """Give a newly opened article view its suggestion layer."""
        view.add_layer(SuggestionOutlines())
        # After the view has re-read its own annotations: which suggestions are open follows from them.
        view.annotations_refreshed.connect(lambda v=view: self._on_view_annotations_refreshed(v))
        self._load(view)

    def refresh(self) -> None:
        for view in self._views():
            self._load(view)
        self.refreshed.emit()

    def for_current_sentence(self) -> list[Suggestion]:
        view = self.columns.current.view if self.columns.current else None
        layer = view.layer(SuggestionOutlines) if view is not None else None
        if view is None or not view.sentences or layer is None:
            return []
        return [s for s in layer.suggestions if s.idx == view.current]

    def open_for(self, view: ArticleView) -> list[Suggestion]:
        """The view's article's suggestions not yet accepted (nor rejected), by sentence, most confident first."""
        project = self.session.project
        if not self.enabled or not project.is_open:
            return []
        annotations = project.annotations.for_article(view.article_id, annotator=view.annotator)
        return open_suggestions(project.suggestions.for_article(view.article_id), annotations, view.sentences)

    def _views(self) -> list[ArticleView]:
        return [c.view for c in self.columns.columns()]

    def _load(self, view: ArticleView) -> None:
        layer = view.layer(SuggestionOutlines)
        if layer is None:
            return
        layer.shown = self.shown
        project = self.session.project
        layer.stored = project.suggestions.for_article(view.article_id) if layer.shown and project.is_open else []
        self._reopen(view, layer)

    def _reopen(self, view: ArticleView, layer: SuggestionOutlines) -> None:
        """Recompute which stored suggestions are still open from the view's own annotations (no reading)."""
        layer.suggestions = open_suggestions(layer.stored, view.annotations(), view.sentences)
        view.viewport().update()

    def _on_session_changed(self, changes: Changes) -> None:
        if not self.session.project.is_open:
            return
        self._changed_spans = list(changes.spans)  # read when the views have re-read their marks
        if changes.suggestions or changes.codebook or changes.all_annotations:
            self.refresh()  # re-read the stored suggestions

    def _on_view_annotations_refreshed(self, view: ArticleView) -> None:
        """Marks were added or removed in `view`: only which suggestions are still open changes."""
        layer = view.layer(SuggestionOutlines)
        if layer is None:
            return
        spans = [s for s in self._changed_spans if s.article_id == view.article_id]
        if spans and view.sentences:
            for span in spans:  # only the changed sentences, so a key press costs the same on any article
                self._reopen_sentences(view, layer, view.sentence_at(span.start),
                                       view.sentence_at(max(span.start, span.end - 1)))
            view.viewport().update()
        else:
            self._reopen(view, layer)
        self.refreshed.emit()

    def _reopen_sentences(self, view: ArticleView, layer: SuggestionOutlines, first: int, last: int) -> None:
        """Recompute sentences first..last only: their marks are read by index, the lists spliced by bisection."""
        lo, hi = view.sentences[first].start, view.sentences[last].end
        marks = self.session.project.annotations.in_span(view.article_id, lo, hi, annotator=view.annotator)
        stored = [s.idx for s in layer.stored]
        candidates = layer.stored[bisect_left(stored, first):bisect_right(stored, last)]
        still_open = open_suggestions(candidates, marks, view.sentences)
        shown = [s.idx for s in layer.suggestions]
        layer.suggestions[bisect_left(shown, first):bisect_right(shown, last)] = still_open
