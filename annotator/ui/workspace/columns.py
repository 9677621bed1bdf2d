"""One to four article columns side by side in a splitter; one of them is the current column.

The keymap's moving keys are actions of this widget: they act on the current column's view while
the focus is anywhere inside the workspace, and never while it is in the library or a text field.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QSplitter, QStackedLayout, QWidget

from annotator.core.records import ArticleId
from annotator.ui.base import keymap
from annotator.ui.workspace.article_column import ArticleColumn
from annotator.ui.workspace.article_view import moving_commands
from annotator.ui.base.session import ProjectSession

MAX_COLUMNS = 4


class Columns(QWidget):
    current_changed = Signal()
    column_opened = Signal(object)  # a new ArticleColumn, once

    def __init__(self, session: ProjectSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setChildrenCollapsible(False)
        self.empty = QLabel("")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setObjectName("emptyHint")
        self._stack = QStackedLayout(self)
        self._stack.addWidget(self.empty)
        self._stack.addWidget(self.splitter)
        self.current: ArticleColumn | None = None
        self._show_empty_hint()
        session.changed.connect(lambda changes: changes.articles and self._show_empty_hint())
        self.key_actions = keymap.install(
            self, moving_commands(lambda: [self.current.view] if self.current else []), keymap.MOVING)

    def _show_empty_hint(self) -> None:
        """What to do first: open an article, or (in a project with none) import some."""
        if not self.session.project.is_open:
            return
        if self.session.project.articles.count():
            self.empty.setText("Open an article from the library on the left\n"
                               "(double-click, or Enter; Ctrl+Enter opens it in a new column).")
        elif self.session.project.read_only:
            self.empty.setText("This project has no articles (opened read-only).")
        else:
            keys = keymap.keys_text(keymap.binding("import").keys)
            self.empty.setText(f"This project has no articles yet.\nImport some with File \u25b8 Import articles\u2026 "
                               f"({keys}), or drop files here.")

    def columns(self) -> list[ArticleColumn]:
        return [self.splitter.widget(i) for i in range(self.splitter.count())]

    def open(self, article_id: ArticleId, *, new_column: bool = False) -> ArticleColumn:
        """Show an article in the current column, or in a new one (up to four)."""
        for column in self.columns():
            if column.article_id == article_id:
                self._set_current(column)
                column.view.setFocus()
                return column
        column = ArticleColumn(self.session, article_id)
        column.close_requested.connect(self.close_column)
        column.view.focused.connect(lambda c=column: self._set_current(c))
        replace = self.current if (not new_column or len(self.columns()) >= MAX_COLUMNS) else None
        if replace is not None:
            index = self.splitter.indexOf(replace)
            self.splitter.replaceWidget(index, column)
            replace.deleteLater()
        else:
            self.splitter.addWidget(column)
        self._stack.setCurrentWidget(self.splitter)
        self.column_opened.emit(column)
        self._set_current(column)
        column.view.setFocus()
        return column

    def close_column(self, column: ArticleColumn) -> None:
        column.setParent(None)
        column.deleteLater()
        remaining = self.columns()
        self.current = None
        if remaining:
            self._set_current(remaining[-1])
        else:
            self._stack.setCurrentWidget(self.empty)
            self.current_changed.emit()

    def focus_column(self, number: int) -> bool:
        """Ctrl+1–4: make the `number`th column (from the left) current and give it the focus."""
        columns = self.columns()
        if not 1 <= number <= len(columns):
            return False
        self._set_current(columns[number - 1])
        columns[number - 1].view.setFocus()
        return True

    def close_current(self) -> bool:
        """Ctrl+W: close the current column; the focus goes to the one left of it (or the next)."""
        column = self.current
        if column is None:
            return False
        columns = self.columns()
        index = columns.index(column)
        self.close_column(column)
        remaining = self.columns()
        if remaining:
            self.focus_column(max(0, min(index - 1, len(remaining) - 1)) + 1)
        return True

    def _set_current(self, column: ArticleColumn) -> None:
        if self.current is column:
            return
        self.current = column
        for c in self.columns():
            c.set_active(c is column)
        self.current_changed.emit()
