"""The codebook: each category's colour, shortcut, label and count. A click only chooses a category (to edit
it); a double-click, Enter or its digit assigns it. Edit, recolour, move, archive, and share as a file."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QColorDialog, QDialog, QFileDialog, QHBoxLayout, QInputDialog, QListWidget, QListWidgetItem, QMenu, QToolButton,
    QVBoxLayout, QWidget,
)

from annotator.core.changes import Changes
from annotator.core.ops.base import Operation
from annotator.core.codebook import codebook_json, read_codebook
from annotator.core.errors import AnnotatorError
from annotator.core.ops.codebook import AddCategory, EditCategory, ImportCodebook, MoveCategory
from annotator.core.reports.atomic import atomic_text
from annotator.ui.base.errors import ErrorSink
from annotator.ui.base.plain_text import plain_tooltip
from annotator.ui.base.session import ProjectSession
from annotator.ui.base.swatch import swatch
from annotator.ui.workspace.category_dialog import CategoryDialog

KEY_ROLE = Qt.ItemDataRole.UserRole


class CodebookPanel(QWidget):
    assign_requested = Signal(str)  # category key

    def __init__(self, session: ProjectSession, errors: ErrorSink, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.errors = errors
        self.list = QListWidget(self)
        self.list.setToolTip("Double-click a category, or press its digit, to assign it to the selection")
        buttons = QHBoxLayout()
        self.buttons: dict[str, QToolButton] = {}
        for name, tip, slot in [
            ("Add", "Add a category", self._on_add_clicked),
            ("Edit…", "Edit the chosen category's label, shortcut and definition", self._on_edit_clicked),
            ("Colour", "Change the chosen category's colour", self._on_colour_clicked),
            ("▲", "Move up", lambda: self._move(-1)),
            ("▼", "Move down", lambda: self._move(1)),
            ("Archive", "Hide the chosen category from new annotations (kept on old ones)",
             self._on_archive_clicked),
        ]:
            button = QToolButton(self)
            button.setText(name)
            button.setToolTip(tip)
            button.clicked.connect(slot)
            buttons.addWidget(button)
            self.buttons[name] = button
        more = QToolButton(self)
        more.setText("⋯")
        more.setToolTip("Restore an archived category; share the codebook as a file")
        more.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(more)
        self.restore_action = menu.addAction("Restore an archived category…", self._on_restore_clicked)
        menu.addSeparator()
        self.export_action = menu.addAction("Export codebook…", self.export_codebook)
        self.import_action = menu.addAction("Import codebook…", self.import_codebook)
        more.setMenu(menu)
        buttons.addWidget(more)
        self.buttons["⋯"] = more
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.list)
        layout.addLayout(buttons)
        self.list.itemActivated.connect(self._on_list_item_activated)  # double-click or Enter; a click only chooses
        self._count_timer = QTimer(self)  # counts follow a burst of changes, off the key press's path
        self._count_timer.setSingleShot(True)
        self._count_timer.setInterval(120)
        self._count_timer.timeout.connect(self._on_count_timer_timeout)
        session.changed.connect(self._on_session_changed)
        self.reload()

    def reload(self) -> None:
        chosen = self.chosen_key()
        counts = self.session.project.annotations.counts_by_category(annotator=self.session.visible_annotator)
        self.list.clear()
        for category in self.session.codebook.active:
            shortcut = category.shortcut or " "
            item = QListWidgetItem(swatch(category.color),
                                   f"{shortcut}   {category.label}   ({counts.get(category.key, 0)})")
            item.setData(KEY_ROLE, category.key)
            item.setToolTip(plain_tooltip(f"{category.label} [{category.key}]\n{category.description}"))
            self.list.addItem(item)
            if category.key == chosen:
                self.list.setCurrentItem(item)

    def _on_session_changed(self, changes: Changes) -> None:
        if changes.codebook:
            self.reload()
        elif changes.annotations:
            self._count_timer.start()

    def _on_count_timer_timeout(self) -> None:
        if self.session.project.is_open:
            self.reload()

    def chosen_key(self) -> str | None:
        item = self.list.currentItem()
        return item.data(KEY_ROLE) if item else None

    def _on_list_item_activated(self, item: QListWidgetItem) -> None:
        self.assign_requested.emit(item.data(KEY_ROLE))

    def _edit(self, operation: Operation) -> None:
        self.session.try_run(operation, self.errors.report)

    def _on_add_clicked(self) -> None:
        label, ok = QInputDialog.getText(self, "New category", "Label:")
        if ok and label.strip():
            self._edit(AddCategory(label))

    def _on_edit_clicked(self) -> None:
        key = self.chosen_key()
        if key is None:
            self.errors.notice("Choose a category in the list first.")
            return
        dialog = CategoryDialog(self.session.codebook.get(key), self)
        try:
            changes = dialog.changes() if dialog.exec() == QDialog.DialogCode.Accepted else {}
        finally:
            dialog.deleteLater()
        if changes:
            self._edit(EditCategory(key, **changes))

    def export_codebook(self) -> None:
        project = self.session.project
        default = str(project.path.with_name(f"{project.path.stem}-codebook.json"))
        path, _ = QFileDialog.getSaveFileName(self, "Export codebook", default, "Codebook (*.json)")
        if not path:
            return
        target = Path(path) if Path(path).suffix else Path(path).with_suffix(".json")
        text = codebook_json(self.session.codebook.active, about=f"The codebook of {project.name}")
        try:
            with atomic_text(target, bom=False) as handle:
                handle.write(text)
        except AnnotatorError as error:
            self.errors.report(error, title="Codebook not exported")
            return
        self.errors.notice(f"Exported {len(self.session.codebook.active)} categories to {target}")

    def import_codebook(self) -> None:
        if self.session.project.read_only:
            self.errors.notice("The project is open read-only; its codebook cannot change.")
            return
        path, _ = QFileDialog.getOpenFileName(self, "Import codebook", str(self.session.project.path.parent),
                                              "Codebook (*.json);;All files (*)")
        if not path:
            return
        try:
            specs = read_codebook(path)
        except AnnotatorError as error:
            self.errors.report(error, title="Codebook not imported")
            return
        operation = ImportCodebook(specs, name=Path(path).name)
        if self.session.try_run(operation, self.errors.report) is not None:
            self.errors.notice(f"Imported {Path(path).name}: {len(operation.added)} categories added, "
                               f"{len(operation.updated)} updated (Ctrl+Z takes it back).")

    def _on_colour_clicked(self) -> None:
        key = self.chosen_key()
        if key is None:
            return
        color = QColorDialog.getColor(QColor(self.session.codebook.get(key).color), self)
        if color.isValid():
            self._edit(EditCategory(key, color=color.name()))

    def _move(self, step: int) -> None:
        key = self.chosen_key()
        if key is None:
            return
        visible = [c.key for c in self.session.codebook.active]
        index = visible.index(key)
        if not 0 <= index + step < len(visible):
            return
        # Move past the visible neighbour, whatever archived categories lie between.
        everything = [c.key for c in self.session.codebook.all]
        target = everything.index(visible[index + step])
        self._edit(MoveCategory(key, target))

    def _on_restore_clicked(self) -> None:
        archived = [c for c in self.session.codebook.all if c.archived]
        if not archived:
            self.errors.notice("No category is archived.")
            return
        label, ok = QInputDialog.getItem(self, "Restore category", "Category:", [c.label for c in archived],
                                         0, False)
        if ok:
            key = next(c.key for c in archived if c.label == label)
            self._edit(EditCategory(key, archived=False))

    def _on_archive_clicked(self) -> None:
        key = self.chosen_key()
        if key is not None:
            self._edit(EditCategory(key, archived=True))
