"""The File menu: new, open, recent, import (with progress, cancellable), export, save a copy,
restore from backup, quit."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QSettings, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog, QFileDialog, QMenu, QProgressDialog, QWidget

from annotator.core.ingest.formats import file_dialog_filter, supported_types
from annotator.core.ops.ingest import ImportFiles
from annotator.core.records import ImportReport
from annotator.core.store import backups
from annotator.ui.base.background import BackgroundWork
from annotator.ui.window.annotation_import import AnnotationImport
from annotator.ui.window.backup_dialog import BackupDialog, described, restore_and_upgrade
from annotator.ui.base.errors import ErrorSink
from annotator.ui.base.plain_text import menu_text
from annotator.ui.base.session import ProjectSession
from annotator.ui.library.batch_dialogs import ImportOptionsDialog

PROJECT_FILTER = "Annotator projects (*.annot);;All files (*)"
MAX_RECENT = 8
MAX_LINES = 40


class FileActions(QObject):
    project_switch_requested = Signal(object, bool)  # path, create it
    quit_requested = Signal()
    project_restored = Signal()  # a backup was written into the open project: every view must re-read it

    def __init__(self, session: ProjectSession, errors: ErrorSink, settings: QSettings, parent: QWidget, *,
                 export_annotations: Callable[[], None]) -> None:
        super().__init__(parent)
        self.export_annotations = export_annotations  # the annotations CSV writer the dashboard's button uses
        self.session = session
        self.errors = errors
        self.settings = settings
        self.parent_widget = parent
        self.importing: ImportFiles | None = None
        self.progress: QProgressDialog | None = None
        self.last_report: ImportReport | None = None
        self.restoring: QProgressDialog | None = None
        self.annotation_import = AnnotationImport(session, errors, parent)

    def populate(self, menu: QMenu) -> None:
        self.new_action = self._action(menu, "&New project…", self.new_project)
        self.open_action = self._action(menu, "&Open…", self.open_project)
        self.recent_menu = menu.addMenu("Open &recent")
        self.recent_menu.aboutToShow.connect(self._fill_recent)
        menu.addSeparator()
        self.import_action = self._action(menu, "&Import articles…", self.choose_import)
        self.import_action.setEnabled(not self.session.project.read_only)
        self.import_annotations_action = self._action(menu, "Import &annotations…", self.annotation_import.choose)
        self.import_annotations_action.setEnabled(not self.session.project.read_only)
        self.export_action = self._action(menu, "&Export annotations CSV…", self.export_annotations)
        menu.addSeparator()
        self.copy_action = self._action(menu, "Save a &copy…", self.save_copy)
        self.restore_action = self._action(menu, "Restore from &backup…", self.restore_from_backup)
        self.restore_action.setEnabled(not self.session.project.read_only)
        menu.addSeparator()
        self.quit_action = self._action(menu, "&Quit", self.quit_requested.emit)

    def _action(self, menu: QMenu, text: str, slot) -> QAction:
        """A menu item; its keys, if any, are the keymap's (given by the main window)."""
        action = QAction(text, self.parent_widget)
        action.triggered.connect(lambda _checked=False: slot())
        menu.addAction(action)
        return action

    # -- projects -----------------------------------------------------------------------------
    def new_project(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self.parent_widget, "New project", str(Path.home() / "project.annot"),
                                              PROJECT_FILTER)
        if path:
            target = Path(path) if Path(path).suffix else Path(path).with_suffix(".annot")
            if target.exists():
                self.errors.inform("New project", f"{target} exists already; choose another name.")
                return
            self.project_switch_requested.emit(target, True)

    def open_project(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self.parent_widget, "Open project", str(Path.home()), PROJECT_FILTER)
        if path:
            self.project_switch_requested.emit(Path(path), False)

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        for path in recent_projects(self.settings):
            action = self.recent_menu.addAction(menu_text(path))
            action.triggered.connect(lambda _=False, p=path: self.project_switch_requested.emit(Path(p), False))
        if self.recent_menu.isEmpty():
            self.recent_menu.addAction("(none)").setEnabled(False)

    # -- import -------------------------------------------------------------------------------
    def choose_import(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(self.parent_widget, "Import articles", str(Path.home()),
                                                file_dialog_filter())
        if paths:
            self.ask_and_import([Path(p) for p in paths])

    def ask_and_import(self, paths: list[Path]) -> None:
        """Files chosen or dropped: ask for the batch's outlet and date (both optional), then import."""
        if not self._can_import():
            return
        dialog = ImportOptionsDialog(len(paths), self.session.project.articles.outlets(), self.parent_widget)
        try:
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return
            outlet, published = dialog.values()
        finally:
            dialog.deleteLater()
        self.import_files(paths, outlet=outlet, published=published)

    def _can_import(self) -> bool:
        if self.session.project.read_only:
            self.errors.notice("The project is open read-only; articles cannot be imported.")
            return False
        if self.importing is not None:
            self.errors.notice("An import is already running.")
            return False
        return True

    def import_files(self, paths: list[Path], *, outlet: str | None = None, published: str | None = None) -> None:
        """Import in the background; the window stays usable and the progress dialog can cancel.

        `outlet` and `published` are for the files that state none (see core/ingest/batch.py).
        """
        if not self._can_import():
            return
        operation = ImportFiles(paths, outlet=outlet, published=published)
        progress = QProgressDialog("Importing articles…", "Cancel", 0, 0, self.parent_widget)
        progress.setWindowTitle("Import")
        progress.setWindowModality(Qt.WindowModality.NonModal)  # annotating goes on meanwhile
        progress.setMinimumDuration(400)
        progress.canceled.connect(operation.cancel.set)
        self.importing, self.progress = operation, progress
        (self.session.run_in_background(operation, self.errors, failure_title="Import failed")
         .on_progress(self._on_import_progressed).on_end(self._finish_import)
         .on_success(lambda _changes: self._show_import_report(operation.report)).start())

    def cancel_import(self) -> None:
        """Stop a running import after its current file (the window is closing)."""
        if self.importing is not None:
            self.importing.cancel.set()

    def _on_import_progressed(self, done: int, total: int, path: str) -> None:
        if self.progress is not None:
            self.progress.setMaximum(total)
            self.progress.setValue(done)
            self.progress.setLabelText(f"Importing {Path(path).name} ({done} of {total})")

    def _finish_import(self) -> None:
        if self.progress is not None:
            self.progress.reset()
            self.progress.deleteLater()
        self.importing, self.progress = None, None

    def _show_import_report(self, report: ImportReport | None) -> None:
        if report is None:
            return
        self.last_report = report
        lines = import_summary(report)
        if len(lines) > 1:
            shown = lines[:MAX_LINES] + ([f"… and {len(lines) - MAX_LINES} more"] if len(lines) > MAX_LINES else [])
            self.errors.inform("Import", "\n".join(shown))
        else:
            self.errors.notice(lines[0])

    # -- copy and restore -------------------------------------------------------------------------
    def save_copy(self) -> None:
        """Write a standalone copy of the project (one file) where the user chooses, in the background."""
        project = self.session.project
        default = project.path.with_name(f"{project.path.stem}-copy.annot")
        path, _ = QFileDialog.getSaveFileName(self.parent_widget, "Save a copy", str(default), PROJECT_FILTER)
        if not path:
            return
        target = Path(path) if Path(path).suffix else Path(path).with_suffix(".annot")
        confirmed = target == Path(path)  # the file dialog asked before replacing that file, not another
        work = BackgroundWork(project.path, lambda p: backups.save_copy(p.database.conn, target, project_path=p.path,
                                                                        overwrite=confirmed),
                              errors=self.errors, failure_title="Copy not saved", read_only=False)
        work.on_success(lambda out: self.errors.notice(f"Saved a copy of the project to {out}"))
        self.errors.notice(f"Saving a copy to {target}…")
        work.start()

    def restore_from_backup(self) -> None:
        """Choose a backup, confirm, and write it into the project in the background."""
        if self.session.project.read_only:
            self.errors.notice("The project is open read-only; a backup cannot be restored into it.")
            return
        if self.importing is not None or self.restoring is not None:
            self.errors.notice("Wait until the import or restore under way is done.")
            return
        dialog = BackupDialog(self.session.project.path, self.parent_widget)
        try:
            accepted = dialog.exec() == QDialog.DialogCode.Accepted
            chosen = dialog.chosen()
        finally:
            dialog.deleteLater()
        if not accepted or chosen is None or not self.errors.confirm(
                "Restore from backup", f"Replace everything in the project with {described(chosen)}?\n\n"
                "The project as it is now is kept as a backup first, so this can be taken back the same way."):
            return
        self._start_restore(chosen)

    def _start_restore(self, chosen: backups.BackupInfo) -> None:
        path = self.session.project.path
        work = BackgroundWork(path, lambda _project: restore_and_upgrade(path, chosen.path), errors=self.errors,
                              failure_title="Not restored")
        work.on_end(self._finish_restore).on_success(lambda kept: self._on_restore_finished(chosen, kept))
        # Modal while it runs: a change made meanwhile would be in neither the project nor the backup.
        self.restoring = QProgressDialog(f"Restoring {described(chosen)}…", None, 0, 0, self.parent_widget)
        self.restoring.setWindowTitle("Restore from backup")
        self.restoring.setWindowModality(Qt.WindowModality.WindowModal)
        self.restoring.setMinimumDuration(0)
        self.restoring.show()
        work.start()

    def _finish_restore(self) -> None:
        if self.restoring is not None:
            self.restoring.reset()
            self.restoring.deleteLater()
        self.restoring = None

    def _on_restore_finished(self, chosen: backups.BackupInfo, kept: Path | None) -> None:
        self.session.undo_stack.clear()  # its steps were taken on the content just replaced
        kept_info = next((b for b in backups.list_backups(self.session.project.path) if b.path == kept), None)
        before = f"; the project as it was is kept as {described(kept_info)}" if kept_info is not None else ""
        self.errors.notice(f"Restored {described(chosen)}{before}.")
        self.project_restored.emit()


def import_summary(report: ImportReport) -> list[str]:
    """What an import did, a line each: the count first, then warnings, refusals, duplicates, skipped files."""
    lines = [f"{len(report.imported)} article(s) imported."]
    if report.cancelled:
        lines.append("The import was cancelled; the articles imported before that are kept.")
    lines += [f"Warning: {Path(p.path).name}: {p.reason}" for p in report.warnings]
    lines += [f"Refused: {Path(p.path).name}: {p.reason}" for p in report.refused]
    lines += [f"Skipped (duplicate): {Path(p.path).name}: {p.reason}" for p in report.duplicates]
    by_reason: dict[str, list[str]] = {}
    for problem in report.skipped:
        by_reason.setdefault(problem.reason, []).append(Path(problem.path).name)
    for reason, names in by_reason.items():
        listed = ", ".join(names[:5]) + (f" and {len(names) - 5} more" if len(names) > 5 else "")
        lines.append(f"Skipped ({reason}): {listed}")
    if any("unsupported file type" in p.reason for p in report.skipped):
        lines.append(f"Supported file types: {supported_types()}.")
    return lines


def recent_projects(settings) -> list[str]:
    value = settings.value("project/recent") or []
    return [value] if isinstance(value, str) else [str(v) for v in value]


def remember_project(settings, path: Path) -> None:
    entries = [str(path.resolve())] + [p for p in recent_projects(settings) if p != str(path.resolve())]
    settings.setValue("project/recent", entries[:MAX_RECENT])
    settings.setValue("project/last", str(path.resolve()))
