"""The inspector: the annotations on the current selection, the chosen one's fields to edit, and the
current sentence's suggestions (category, confidence, cue, source) as plain text."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox, QFormLayout, QLabel, QLineEdit, QListWidget, QListWidgetItem, QPlainTextEdit,
    QVBoxLayout, QWidget,
)

from annotator.core.clock import local_time
from annotator.core.changes import Changes
from annotator.core.records import Annotation
from annotator.core.records import Suggestion
from annotator.ui.base import keymap
from annotator.ui.base.swatch import swatch
from annotator.ui.base.plain_text import plain_label
from annotator.ui.base.session import ProjectSession

ID_ROLE = Qt.ItemDataRole.UserRole


def suggestion_line(s: Suggestion, labels: dict[str, str]) -> str:
    """One suggestion as plain text: category · confidence · cue · source."""
    parts = [labels.get(s.category, s.category), f"{s.confidence:.2f}"]
    if s.cue:
        parts.append(f"cue: “{s.cue.strip()}”")
    if s.source:
        parts.append(f"source: {s.source}")
    return " · ".join(parts)


def _key(command: str) -> str:
    return keymap.keys_text(keymap.binding(command).keys[:1])


class NoteEdit(QPlainTextEdit):
    """A note field that reports when the user leaves it."""

    editing_finished = Signal()

    def focusOutEvent(self, event) -> None:  # noqa: N802
        super().focusOutEvent(event)
        self.editing_finished.emit()


class InspectorPanel(QWidget):
    edit_requested = Signal(object, str, str)  # annotation, field, value

    def __init__(self, session: ProjectSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.heading = plain_label("No annotation on the selection")
        self.heading.setWordWrap(True)
        self.list = QListWidget(self)
        self.list.setMaximumHeight(90)
        self.category = QComboBox(self)
        self.source = QLineEdit(self)
        self.source.setPlaceholderText("Named source, e.g. Tricia McLaughlin, DHS  (S)")
        self.note = NoteEdit(self)
        self.note.setPlaceholderText("Note  (N)")
        self.note.setMaximumHeight(90)
        self.details = QLabel("")
        self.details.setTextFormat(Qt.TextFormat.RichText)  # every value in it is escaped
        self.details.setObjectName("inspectorDetails")
        self.details.setWordWrap(True)
        form = QFormLayout()
        form.addRow("Category", self.category)
        form.addRow("Source", self.source)
        form.addRow("Note", self.note)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.heading)
        layout.addWidget(self.list)
        layout.addLayout(form)
        layout.addWidget(self.details)
        self.suggestions = plain_label("")  # cues and sources come from article text: never rich text
        self.suggestions.setObjectName("inspectorSuggestions")
        self.suggestions.setWordWrap(True)
        self.suggestions.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.suggestions.setContentsMargins(0, 8, 0, 0)
        self.suggestions.setVisible(False)
        layout.addWidget(self.suggestions)
        layout.addStretch(1)
        self._annotations: list[Annotation] = []
        self._connect_signals()
        self.reload_categories()
        self.show_annotations([])

    def _connect_signals(self) -> None:
        self.list.currentRowChanged.connect(self._on_list_current_row_changed)
        self.category.activated.connect(self._on_category_activated)
        self.source.editingFinished.connect(self._on_source_editing_finished)
        self.note.editing_finished.connect(self._on_note_editing_finished)
        self.session.changed.connect(self._on_session_changed)

    def reload_categories(self) -> None:
        self.category.clear()
        for c in self.session.codebook.all:
            self.category.addItem(swatch(c.color), c.label + (" (archived)" if c.archived else ""), c.key)

    def _on_session_changed(self, changes: Changes) -> None:
        if changes.codebook:
            self.reload_categories()

    def chosen(self) -> Annotation | None:
        row = self.list.currentRow()
        return self._annotations[row] if 0 <= row < len(self._annotations) else None

    def show_annotations(self, annotations: list[Annotation], *, choose: int | None = None) -> None:
        """Show the annotations on the selection; choose `choose`, else keep the chosen one."""
        previous = self.chosen()
        self._annotations = annotations
        labels = self.session.codebook.by_key
        self.list.blockSignals(True)
        self.list.clear()
        for a in annotations:
            category = labels.get(a.category)
            item = QListWidgetItem(swatch(category.color) if category else swatch("#DDDDDD"), "")
            item.setData(ID_ROLE, a.id)
            self.list.addItem(item)
        ids = [a.id for a in annotations]
        wanted = choose if choose is not None else (previous.id if previous else None)
        row = ids.index(wanted) if wanted in ids else len(ids) - 1
        self.list.setCurrentRow(row)
        self.list.blockSignals(False)
        self._show_chosen()

    def step_chosen(self, step: int) -> bool:
        """Choose the next (`step` 1) or previous (-1) annotation, wrapping; False when there is none."""
        count = self.list.count()
        if not count:
            return False
        self.list.setCurrentRow((self.list.currentRow() + step) % count)
        return True

    def _item_text(self, annotation: Annotation, *, chosen: bool) -> str:
        category = self.session.codebook.by_key.get(annotation.category)
        text = (category.label if category else annotation.category) + (
            f" — {annotation.source}" if annotation.source else "")
        return text

    def _show_chosen(self) -> None:
        chosen = self.chosen()
        for row, annotation in enumerate(self._annotations):
            item = self.list.item(row)
            item.setText(self._item_text(annotation, chosen=annotation is chosen))
            font = item.font()
            font.setBold(annotation is chosen)
            item.setFont(font)
        count = len(self._annotations)
        if not count:
            self.heading.setText("No annotation on the selection")
        elif count == 1:
            self.heading.setText(f"1 annotation on the selection; {_key('source')}, {_key('note')} and "
                                 f"{_key('delete')} act on it")
        else:
            self.heading.setText(f"Annotation {self.list.currentRow() + 1} of {count} on the selection (in bold): "
                                 f"{_key('source')}, {_key('note')}, {_key('delete')} act on it, "
                                 f"{_key('choose_next')} chooses another")
        for widget in (self.category, self.source, self.note):
            widget.setEnabled(chosen is not None and not self.session.project.read_only)
        self.source.setText(chosen.source if chosen else "")
        if not self.note.hasFocus() or chosen is None:
            self.note.setPlainText(chosen.note if chosen else "")
        if chosen:
            self.category.setCurrentIndex(max(0, self.category.findData(chosen.category)))
            self.details.setText(
                f"by <b>{html.escape(chosen.annotator)}</b><br>created {html.escape(local_time(chosen.created_at))}"
                f"<br>changed {html.escape(local_time(chosen.updated_at))}")
        else:
            self.details.setText("")

    def show_suggestions(self, suggestions: list[Suggestion], labels: dict[str, str]) -> None:
        """The current sentence's open suggestions, one line each: category · confidence · cue · source."""
        lines = [suggestion_line(s, labels) for s in suggestions]
        if len(lines) == 1:
            lines.insert(0, f"Suggestion — {_key('accept_suggestion')} accepts, {_key('reject_suggestion')} rejects:")
        elif lines:
            lines = [f"▸ {lines[0]}", *(f"   {line}" for line in lines[1:])]
            lines.insert(0, f"Suggestions — {_key('accept_suggestion')} accepts ▸, {_key('reject_suggestion')} "
                            f"rejects it, {_key('choose_suggestion')} picks another:")
        self.suggestions.setText("\n".join(lines))
        self.suggestions.setVisible(bool(lines))

    def _on_list_current_row_changed(self, row: int) -> None:
        self._show_chosen()

    def _emit_if_changed(self, field: str, value: str) -> None:
        chosen = self.chosen()
        if chosen is not None and getattr(chosen, field) != value:
            self.edit_requested.emit(chosen, field, value)

    def _on_category_activated(self, index: int) -> None:
        self._emit_if_changed("category", self.category.itemData(index))

    def _on_source_editing_finished(self) -> None:
        self._emit_if_changed("source", self.source.text().strip())

    def _on_note_editing_finished(self) -> None:
        self._emit_if_changed("note", self.note.toPlainText())
