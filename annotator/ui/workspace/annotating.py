"""What the annotation keys and clicks do: assign, delete, edit note or source, as operations."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from annotator.core.ops.annotations import AddAnnotation, DeleteAnnotation, UpdateAnnotation
from annotator.core.ops.base import Operation
from annotator.core.records import Annotation
from annotator.ui.workspace.article_view import ArticleView
from annotator.ui.base.errors import ErrorSink
from annotator.ui.workspace.inspector import InspectorPanel
from annotator.ui.base.session import ProjectSession
from annotator.ui.workspace.text_dialog import ask_text


class Annotating:
    """Turns user intents on the current article view into undoable operations."""

    def __init__(self, session: ProjectSession, inspector: InspectorPanel, errors: ErrorSink,
                 parent: QWidget) -> None:
        self.session = session
        self.inspector = inspector
        self.errors = errors
        self.parent = parent
        self.view: ArticleView | None = None

    def _run(self, operation: Operation) -> bool:
        return self.session.try_run(operation, self.errors.report) is not None

    def assign_shortcut(self, shortcut: str) -> None:
        category = self.session.codebook.by_shortcut(shortcut)
        if category is None:
            self.errors.notice(f"No category has the shortcut {shortcut}.")
            return
        self.assign(category.key)

    def assign(self, key: str) -> None:
        view = self.view
        span = view.selection() if view else None
        if view is None or span is None:
            self.errors.notice("Select a sentence first: open an article and click a sentence.")
            return
        category = self.session.codebook.get(key)
        existing = [a for a in view.annotations_at_selection()
                    if (a.start, a.end) == span and a.category == key
                    and a.annotator == self.session.annotator]
        if existing:
            self.errors.notice(f"Already marked as {category.label}.")
            return
        operation = AddAnnotation(view.article_id, span[0], span[1], category=key,
                                  annotator=self.session.annotator, label=category.label)
        if self._run(operation):
            view.free_span = None
            self.refresh_inspector(choose=operation.annotation.id)

    def delete_chosen(self) -> None:
        chosen = self.inspector.chosen()
        if chosen is None:
            self.errors.notice("No annotation on this sentence to delete.")
            return
        self._run(DeleteAnnotation(chosen))

    def edit(self, annotation: Annotation, field: str, value: str) -> None:
        self._run(UpdateAnnotation(annotation, **{field: value}))

    def choose_next(self) -> None:
        self._choose(1)

    def choose_previous(self) -> None:
        self._choose(-1)

    def _choose(self, step: int) -> None:
        """Tab, Shift+Tab: the next or previous annotation on the selection becomes the one S, N, Delete edit."""
        if not self.inspector.step_chosen(step):
            self.errors.notice("No annotation on this selection to choose.")

    def edit_note(self) -> None:
        chosen = self.inspector.chosen()
        if chosen is None:
            self.errors.notice("No annotation on this sentence to add a note to.")
            return
        text = ask_text(self.parent, "Note", f"Note on the {self._label(chosen)} annotation:", chosen.note,
                        multiline=True)
        if text is not None and text != chosen.note:
            self.edit(chosen, "note", text)

    def edit_source(self) -> None:
        chosen = self.inspector.chosen()
        if chosen is None:
            self.errors.notice("No annotation on this sentence to name a source for.")
            return
        text = ask_text(self.parent, "Named source", f"Named source of the {self._label(chosen)} annotation:",
                        chosen.source, multiline=False, placeholder="e.g. Tricia McLaughlin, DHS")
        if text is not None and text.strip() != chosen.source:
            self.edit(chosen, "source", text.strip())

    def _label(self, annotation: Annotation) -> str:
        return self.session.codebook.labels.get(annotation.category, annotation.category)

    def refresh_inspector(self, choose: int | None = None) -> None:
        annotations = self.view.annotations_at_selection() if self.view else []
        self.inspector.show_annotations(annotations, choose=choose)
