"""What the annotation keys and clicks do: assign, delete, edit note or source, as commands."""

from __future__ import annotations

from PySide6.QtWidgets import QInputDialog, QWidget

from annotator.core.errors import AnnotatorError
from annotator.core.records import Annotation
from annotator.ui.article_view import ArticleView
from annotator.ui.commands import AddAnnotation, DeleteAnnotation, UpdateAnnotation, execute
from annotator.ui.inspector import InspectorPanel
from annotator.ui.session import ProjectSession


class Annotating:
    """Turns user intents on the current article view into undoable commands."""

    def __init__(self, session: ProjectSession, inspector: InspectorPanel, parent: QWidget,
                 report_error) -> None:
        self.session = session
        self.inspector = inspector
        self.parent = parent
        self.report_error = report_error
        self.view: ArticleView | None = None

    def _run(self, command) -> bool:
        try:
            execute(self.session.undo_stack, command)
        except AnnotatorError as error:
            self.report_error(str(error))
            return False
        return True

    def assign_shortcut(self, shortcut: str) -> None:
        category = self.session.project.categories.by_shortcut(shortcut)
        if category is None:
            self.report_error(f"No category has the shortcut {shortcut}.")
            return
        self.assign(category.key)

    def assign(self, key: str) -> None:
        view = self.view
        span = view.selection() if view else None
        if view is None or span is None:
            self.report_error("Select a sentence first: open an article and click a sentence.")
            return
        category = self.session.project.categories.get(key)
        existing = [a for a in view.annotations_at_selection()
                    if (a.start, a.end) == span and a.category == key
                    and a.annotator == self.session.annotator]
        if existing:
            return  # already marked so by this annotator: nothing to add
        command = AddAnnotation(self.session, view.article_id, span[0], span[1], key, category.label)
        if self._run(command):
            view.free_span = None
            self.refresh_inspector(choose=command.annotation.id)

    def delete_chosen(self) -> None:
        chosen = self.inspector.chosen()
        if chosen is not None:
            self._run(DeleteAnnotation(self.session, chosen))

    def edit(self, annotation: Annotation, field: str, value: str) -> None:
        names = {"category": "Change category", "source": "Edit source", "note": "Edit note"}
        self._run(UpdateAnnotation(self.session, annotation, names[field], **{field: value}))

    def edit_note(self) -> None:
        chosen = self.inspector.chosen()
        if chosen is None:
            self.report_error("No annotation on this sentence to add a note to.")
            return
        text, ok = QInputDialog.getMultiLineText(self.parent, "Note", "Note:", chosen.note)
        if ok and text != chosen.note:
            self.edit(chosen, "note", text)

    def edit_source(self) -> None:
        chosen = self.inspector.chosen()
        if chosen is None:
            self.report_error("No annotation on this sentence to name a source for.")
            return
        text, ok = QInputDialog.getText(self.parent, "Named source", "Source:", text=chosen.source)
        if ok and text.strip() != chosen.source:
            self.edit(chosen, "source", text.strip())

    def refresh_inspector(self, choose: int | None = None) -> None:
        annotations = self.view.annotations_at_selection() if self.view else []
        self.inspector.show_annotations(annotations, choose=choose)
