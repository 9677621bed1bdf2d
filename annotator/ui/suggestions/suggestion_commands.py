"""What the suggestion keys and menu items do: accept, accept another, reject, accept all, show or hide."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QInputDialog, QMenu, QWidget

from annotator.core.changes import Changes
from annotator.core.ops.base import Operation
from annotator.core.ops.suggestions import AcceptSuggestion, AcceptSuggestions, RejectSuggestion
from annotator.core.records import Suggestion
from annotator.ui.base import keymap
from annotator.ui.base.errors import ErrorSink
from annotator.ui.base.session import ProjectSession
from annotator.ui.suggestions.computing import SuggestionComputing
from annotator.ui.suggestions.inspector_feed import SuggestionInspectorFeed
from annotator.ui.suggestions.shown import ShownSuggestions
from annotator.ui.workspace.article_view import ArticleView
from annotator.ui.workspace.columns import Columns
from annotator.ui.workspace.inspector import suggestion_line

OFF = "Suggestions are off in this assignment."


class SuggestionCommands(QObject):
    """One action per binding, live while the focus is in the workspace; the menus show the same ones."""

    def __init__(self, session: ProjectSession, columns: Columns, shown: ShownSuggestions,
                 computing: SuggestionComputing, feed: SuggestionInspectorFeed, errors: ErrorSink,
                 parent: QWidget) -> None:
        super().__init__(parent)
        self.session = session
        self.columns = columns
        self.shown = shown
        self.computing = computing
        self.feed = feed
        self.errors = errors
        self.parent_widget = parent
        self.actions = self._make_actions()

    def _make_actions(self) -> dict[str, QAction]:
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
        toggle.setChecked(self.shown.shown)
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

    def set_shown(self, shown: bool) -> None:
        if not self.shown.enabled:
            if shown:
                self.errors.notice(OFF)
            self.toggle_action.setChecked(False)
            return
        self.toggle_action.setChecked(shown)
        self.shown.set_shown(shown)
        self.errors.notice("Suggestions shown." if shown else "Suggestions hidden (Shift+S shows them).")

    # -- accepting and rejecting --------------------------------------------------------------
    def _view(self) -> ArticleView | None:
        return self.columns.current.view if self.columns.current else None

    def _run(self, operation: Operation) -> Changes | None:
        return self.session.try_run(operation, self.errors.report)

    def _offered(self) -> list[Suggestion] | None:
        """The current sentence's open suggestions, or None after saying why there are none to act on."""
        if not self.shown.enabled:
            self.errors.notice(OFF)
            return None
        if not self.shown.shown:
            self.errors.notice("Suggestions are hidden: Shift+S (View ▸ Show suggestions) shows them.")
            return None
        if self._view() is None:
            self.errors.notice("Open an article first.")
            return None
        offered = self.shown.for_current_sentence()
        if not offered:
            self.errors.notice("No suggestion for this sentence." if not self.computing.computing
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
        label = self.session.codebook.labels.get(suggestion.category, suggestion.category)
        changes = self._run(AcceptSuggestion(suggestion, annotator=self.session.annotator, label=label))
        if changes is not None:
            if changes.added:
                self._choose_in_inspector(changes.added[0].id)
            self.errors.notice(f"Accepted: {label}" + (f" — {suggestion.source}" if suggestion.source else "") + ".")

    def _choose_in_inspector(self, annotation_id: int) -> None:
        """Make the new annotation the inspector's chosen one (N and S then edit it)."""
        view = self._view()
        if view is not None:
            self.feed.inspector.show_annotations(view.annotations_at_selection(), choose=annotation_id)

    def choose(self) -> None:
        """Pick one of the sentence's suggestions to accept (straight away when there is one)."""
        offered = self._offered()
        if offered is None:
            return
        if len(offered) == 1:
            self.accept(offered[0])
            return
        items = [suggestion_line(s, self.session.codebook.labels) for s in offered]
        item, ok = QInputDialog.getItem(self.parent_widget, "Accept a suggestion", "Suggested for this sentence:",
                                        items, 0, False)
        if ok and item in items:
            self.accept(offered[items.index(item)])

    def reject(self) -> None:
        offered = self._offered()
        if offered is None:
            return
        suggestion = offered[0]
        label = self.session.codebook.labels.get(suggestion.category, suggestion.category)
        if self._run(RejectSuggestion(suggestion, label=label)) is not None:
            self.errors.notice(f"Rejected: {label}; it will not be suggested for this sentence again.")

    def accept_all(self) -> None:
        """Accept every open suggestion of the current article, after asking; one undo step."""
        if not self.shown.enabled:
            self.errors.notice(OFF)
            return
        view = self._view()
        if view is None:
            self.errors.notice("Open an article first.")
            return
        offered = self.shown.open_for(view)
        if not offered:
            self.errors.notice("No suggestions left in this article.")
            return
        if not self.errors.confirm("Accept all suggestions", self._accept_all_question(view, offered)):
            return
        operation = AcceptSuggestions(offered, annotator=self.session.annotator,
                                      text=f"Accept {len(offered)} suggestions")
        if self._run(operation) is not None:
            self.errors.notice(f"Accepted {operation.count} suggestion{'s' if operation.count != 1 else ''}.")

    def _accept_all_question(self, view: ArticleView, offered: list[Suggestion]) -> str:
        sentences = len({s.idx for s in offered})
        categories = len({s.category for s in offered})
        title = self.session.project.articles.get(view.article_id).title
        return (f"Accept all {len(offered)} suggestion{'s' if len(offered) != 1 else ''} in “{title}”?\n\n"
                f"{sentences} sentence{'s' if sentences != 1 else ''} will be marked with "
                f"{categories} categor{'ies' if categories != 1 else 'y'}, as {self.session.annotator}, "
                "with their named sources. Edit ▸ Undo takes them all back.")
