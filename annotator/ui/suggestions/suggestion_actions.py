"""Suggested categories in the window: computing them in the background, the outline layer of each
article view, the inspector's list, and the keys and menu items that accept or reject them.

Suggestions are computed on the project's own connection in the thread pool when the project opens,
after an import and after a codebook change (only articles whose cues changed are recomputed).
Whether they are shown is UI state (QSettings), not project data. In a blind classroom assignment
without --suggestions none are computed or shown, and the keys say so.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right

from PySide6.QtCore import QObject, QSettings, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QInputDialog, QMenu, QWidget

from annotator.core.changes import Changes
from annotator.core.ops.base import Operation
from annotator.core.ops.suggestions import (
    AcceptSuggestion,
    AcceptSuggestions,
    RefreshSuggestions,
    RejectSuggestion,
)
from annotator.core.store.suggestions import Suggestion
from annotator.ui.base import keymap
from annotator.ui.workspace.article_view import ArticleView
from annotator.ui.workspace.columns import Columns
from annotator.ui.base.errors import ErrorSink
from annotator.ui.workspace.inspector import InspectorPanel, suggestion_line
from annotator.ui.base.session import ProjectSession
from annotator.ui.suggestions.suggestion_layer import SuggestionOutlines, open_suggestions

SHOWN_SETTING = "view/suggestions"
OFF = "Suggestions are off in this assignment."


class SuggestionActions(QObject):
    """Owns the suggestion layers of the workspace's views and what the suggestion keys do."""

    def __init__(self, session: ProjectSession, columns: Columns, inspector: InspectorPanel, errors: ErrorSink,
                 settings: QSettings, parent: QWidget) -> None:
        super().__init__(parent)
        self.session = session
        self.columns = columns
        self.inspector = inspector
        self.errors = errors
        self.settings = settings
        self.parent_widget = parent
        self.enabled = session.project.suggestions.enabled
        self.computing = False
        self._changed_spans: list = []  # the spans of the last change, for the views' suggestion layers
        self._again = False  # something changed while computing: compute once more when done
        self.actions = self._make_actions()
        session.changed.connect(self._on_session_changed)
        columns.current_changed.connect(self.refresh_inspector)
        self.refresh()
        self.compute()  # the project was just opened

    # -- actions ----------------------------------------------------------------------------
    def _make_actions(self) -> dict[str, QAction]:
        """One action per binding, live while the focus is in the workspace; the menus show the same ones."""
        made = {}
        for command, text, slot in [
            ("accept_suggestion", "&Accept suggestion", self.accept),
            ("choose_suggestion", "Accept &another suggestion…", self.choose),
            ("reject_suggestion", "&Reject suggestion", self.reject),
            ("accept_all_suggestions", "Accept all suggestions in this &article…", self.accept_all),
            ("toggle_suggestions", "Show &suggestions", None),
        ]:
            action = keymap.apply(QAction(text, self.columns), command)
            action.setObjectName(f"key_{command}")
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            if slot is not None:
                action.triggered.connect(lambda _checked=False, s=slot: s())
            self.columns.addAction(action)
            made[command] = action
        toggle = made["toggle_suggestions"]
        toggle.setCheckable(True)
        toggle.setChecked(self.enabled and self.shown)
        toggle.toggled.connect(self.set_shown)
        return made

    def populate(self, edit: QMenu, view: QMenu) -> None:
        """Accept and reject in the Edit menu; the show/hide switch in the View menu."""
        edit.addSeparator()
        for command in ("accept_suggestion", "choose_suggestion", "reject_suggestion", "accept_all_suggestions"):
            edit.addAction(self.actions[command])
        view.addAction(self.actions["toggle_suggestions"])

    @property
    def toggle_action(self) -> QAction:
        return self.actions["toggle_suggestions"]

    # -- showing ----------------------------------------------------------------------------
    @property
    def shown(self) -> bool:
        return self.settings.value(SHOWN_SETTING, "true") in (True, "true", "1")

    def set_shown(self, shown: bool) -> None:
        if not self.enabled:
            if shown:
                self.errors.notice(OFF)
            self.toggle_action.setChecked(False)
            return
        self.settings.setValue(SHOWN_SETTING, "true" if shown else "false")
        self.toggle_action.setChecked(shown)
        for view in self._views():
            self._load(view)
        self.refresh_inspector()
        self.errors.notice("Suggestions shown." if shown else "Suggestions hidden (Shift+S shows them).")

    def add_to(self, view: ArticleView) -> None:
        """Give a newly opened article view its suggestion layer."""
        view.add_layer(SuggestionOutlines())
        view.selection_changed.connect(self.refresh_inspector)
        # After the view has re-read its own annotations: which suggestions are open follows from them.
        view.annotations_refreshed.connect(lambda v=view: self._on_view_annotations_refreshed(v))
        self._load(view)

    def _views(self) -> list[ArticleView]:
        return [c.view for c in self.columns.columns()]

    def _load(self, view: ArticleView) -> None:
        layer = view.layer(SuggestionOutlines)
        if layer is None:
            return
        layer.shown = self.enabled and self.shown
        project = self.session.project
        layer.stored = project.suggestions.for_article(view.article_id) if layer.shown and project.is_open else []
        self._reopen(view, layer)

    def _reopen(self, view: ArticleView, layer: SuggestionOutlines) -> None:
        """Recompute which stored suggestions are still open from the view's own annotations (no reading)."""
        layer.suggestions = open_suggestions(layer.stored, view.annotations(), view.sentences)
        view.viewport().update()

    def open_for(self, view: ArticleView) -> list[Suggestion]:
        """The view's article's suggestions not yet accepted (nor rejected), by sentence, most confident first."""
        project = self.session.project
        if not self.enabled or not project.is_open:
            return []
        annotations = project.annotations.for_article(view.article_id, annotator=view.annotator)
        return open_suggestions(project.suggestions.for_article(view.article_id), annotations, view.sentences)

    def for_current_sentence(self) -> list[Suggestion]:
        view = self._view()
        layer = view.layer(SuggestionOutlines) if view is not None else None
        if view is None or not view.sentences or layer is None:
            return []
        return [s for s in layer.suggestions if s.idx == view.current]

    def refresh(self) -> None:
        for view in self._views():
            self._load(view)
        self.refresh_inspector()

    def refresh_inspector(self) -> None:
        shown = self.enabled and self.shown
        self.inspector.show_suggestions(self.for_current_sentence() if shown else [], self._labels())

    def _labels(self) -> dict[str, str]:
        return {c.key: c.label for c in self.session.project.categories.list(include_archived=True)}

    def _on_session_changed(self, changes: Changes) -> None:
        if not self.session.project.is_open:
            return
        self._changed_spans = list(changes.spans)  # read when the views have re-read their marks
        if changes.articles or changes.codebook:
            self.compute()  # new articles, or categories whose cues count
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
        self.refresh_inspector()

    def _reopen_sentences(self, view: ArticleView, layer: SuggestionOutlines, first: int, last: int) -> None:
        """Recompute sentences first..last only: their marks are read by index, the lists spliced by bisection."""
        lo, hi = view.sentences[first].start, view.sentences[last].end
        marks = self.session.project.annotations.in_span(view.article_id, lo, hi, annotator=view.annotator)
        stored = [s.idx for s in layer.stored]
        candidates = layer.stored[bisect_left(stored, first):bisect_right(stored, last)]
        still_open = open_suggestions(candidates, marks, view.sentences)
        shown = [s.idx for s in layer.suggestions]
        layer.suggestions[bisect_left(shown, first):bisect_right(shown, last)] = still_open

    # -- computing --------------------------------------------------------------------------
    def compute(self) -> None:
        """Bring the stored suggestions up to date in the background (only stale articles are recomputed)."""
        if not self.enabled or self.session.project.read_only:
            return
        if self.computing:
            self._again = True
            return
        self.computing, self._again = True, False
        self.refreshing = RefreshSuggestions()
        self.session.run_in_background(self.refreshing, finished=self._on_computed, failed=self._on_failed)

    def cancel(self) -> None:
        """Stop computing after the current batch of articles (the window is closing)."""
        if self.computing:
            self.refreshing.cancel.set()
            self._again = False

    def _on_computed(self, _changes: Changes) -> None:
        self.computing = False
        if self._again:
            self.compute()

    def _on_failed(self, error: BaseException) -> None:
        self.computing = False
        if self.session.project.is_open:  # not after the window closed with its project
            self.errors.report(error)

    # -- accepting and rejecting --------------------------------------------------------------
    def _view(self) -> ArticleView | None:
        return self.columns.current.view if self.columns.current else None

    def _run(self, operation: Operation) -> Changes | None:
        return self.session.try_run(operation, self.errors.report)

    def _offered(self) -> list[Suggestion] | None:
        """The current sentence's open suggestions, or None after saying why there are none to act on."""
        if not self.enabled:
            self.errors.notice(OFF)
            return None
        if not self.shown:
            self.errors.notice("Suggestions are hidden: Shift+S (View ▸ Show suggestions) shows them.")
            return None
        if self._view() is None:
            self.errors.notice("Open an article first.")
            return None
        offered = self.for_current_sentence()
        if not offered:
            self.errors.notice("No suggestion for this sentence." if not self.computing
                               else "No suggestion for this sentence yet: suggestions are being computed.")
            return None
        return offered

    def accept(self, suggestion: Suggestion | None = None) -> None:
        """Accept `suggestion`, or the current sentence's most confident one."""
        if suggestion is None:
            offered = self._offered()
            if offered is None:
                return
            suggestion = offered[0]
        label = self._labels().get(suggestion.category, suggestion.category)
        changes = self._run(AcceptSuggestion(suggestion, annotator=self.session.annotator, label=label))
        if changes is not None:
            if changes.added:
                self.inspector_choose(changes.added[0].id)
            self.errors.notice(f"Accepted: {label}" + (f" — {suggestion.source}" if suggestion.source else "") + ".")

    def inspector_choose(self, annotation_id: int) -> None:
        """Make the new annotation the inspector's chosen one (N and S then edit it)."""
        view = self._view()
        if view is not None:
            self.inspector.show_annotations(view.annotations_at_selection(), choose=annotation_id)

    def choose(self) -> None:
        """Pick one of the sentence's suggestions to accept (straight away when there is one)."""
        offered = self._offered()
        if offered is None:
            return
        if len(offered) == 1:
            self.accept(offered[0])
            return
        labels = self._labels()
        items = [suggestion_line(s, labels) for s in offered]
        item, ok = QInputDialog.getItem(self.parent_widget, "Accept a suggestion", "Suggested for this sentence:",
                                        items, 0, False)
        if ok and item in items:
            self.accept(offered[items.index(item)])

    def reject(self) -> None:
        offered = self._offered()
        if offered is None:
            return
        suggestion = offered[0]
        label = self._labels().get(suggestion.category, suggestion.category)
        if self._run(RejectSuggestion(suggestion, label=label)) is not None:
            self.errors.notice(f"Rejected: {label}; it will not be suggested for this sentence again.")

    def accept_all(self) -> None:
        """Accept every open suggestion of the current article, after asking; one undo step."""
        if not self.enabled:
            self.errors.notice(OFF)
            return
        view = self._view()
        if view is None:
            self.errors.notice("Open an article first.")
            return
        offered = self.open_for(view)
        if not offered:
            self.errors.notice("No suggestions left in this article.")
            return
        sentences = len({s.idx for s in offered})
        categories = len({s.category for s in offered})
        title = self.session.project.articles.get(view.article_id).title
        question = (f"Accept all {len(offered)} suggestion{'s' if len(offered) != 1 else ''} in “{title}”?\n\n"
                    f"{sentences} sentence{'s' if sentences != 1 else ''} will be marked with "
                    f"{categories} categor{'ies' if categories != 1 else 'y'}, as {self.session.annotator}, "
                    "with their named sources. Edit ▸ Undo takes them all back.")
        if not self.errors.confirm("Accept all suggestions", question):
            return
        operation = AcceptSuggestions(offered, annotator=self.session.annotator,
                                      text=f"Accept {len(offered)} suggestions")
        if self._run(operation) is not None:
            self.errors.notice(f"Accepted {operation.count} suggestion{'s' if operation.count != 1 else ''}.")

