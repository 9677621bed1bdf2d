"""The File menu: new, open, recent, import (with progress, cancellable), export, quit."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFileDialog, QMenu, QMessageBox, QProgressDialog

from annotator.core.reports.csv_export import write_annotations_csv
from annotator.core.records import ImportReport
from annotator.ui.background import ProjectTask, start
from annotator.ui.import_worker import ImportWorker

PROJECT_FILTER = "Annotator projects (*.annot);;All files (*)"
ARTICLE_FILTER = "Articles (*.txt *.md *.markdown *.html *.htm);;All files (*)"
MAX_RECENT = 8


class FileActions:
    def __init__(self, window) -> None:
        self.window = window
        self.worker: ImportWorker | None = None
        self.progress: QProgressDialog | None = None
        self.last_report: ImportReport | None = None
        self.running: set[ProjectTask] = set()

    def populate(self, menu: QMenu) -> None:
        w = self.window
        self.new_action = self._action(menu, "&New project…", QKeySequence.StandardKey.New, self.new_project)
        self.open_action = self._action(menu, "&Open…", QKeySequence.StandardKey.Open, self.open_project)
        self.recent_menu = menu.addMenu("Open &recent")
        self.recent_menu.aboutToShow.connect(self._fill_recent)
        menu.addSeparator()
        self.import_action = self._action(menu, "&Import articles…", QKeySequence("Ctrl+I"), self.choose_import)
        self.import_action.setEnabled(not w.session.project.read_only)
        self.export_action = self._action(menu, "&Export annotations CSV…", QKeySequence("Ctrl+E"),
                                          self.export_csv)
        menu.addSeparator()
        self._action(menu, "&Quit", QKeySequence.StandardKey.Quit, w.close)

    def _action(self, menu: QMenu, text: str, shortcut, slot) -> QAction:
        action = QAction(text, self.window)
        action.setShortcut(shortcut)
        action.triggered.connect(slot)
        menu.addAction(action)
        return action

    # -- projects -----------------------------------------------------------------------------
    def new_project(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self.window, "New project", str(Path.home() / "project.annot"),
                                              PROJECT_FILTER)
        if path:
            target = Path(path) if Path(path).suffix else Path(path).with_suffix(".annot")
            if target.exists():
                QMessageBox.warning(self.window, "New project", f"{target} exists already; choose another name.")
                return
            self.window.project_switch_requested.emit(target, True)

    def open_project(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self.window, "Open project", str(Path.home()), PROJECT_FILTER)
        if path:
            self.window.project_switch_requested.emit(Path(path), False)

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        for path in recent_projects(self.window.settings):
            action = self.recent_menu.addAction(path)
            action.triggered.connect(lambda _=False, p=path: self.window.project_switch_requested.emit(Path(p), False))
        if self.recent_menu.isEmpty():
            self.recent_menu.addAction("(none)").setEnabled(False)

    # -- import -------------------------------------------------------------------------------
    def choose_import(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(self.window, "Import articles", str(Path.home()), ARTICLE_FILTER)
        if paths:
            self.import_paths([Path(p) for p in paths])

    def import_paths(self, paths: list[Path]) -> None:
        if self.window.session.project.read_only:
            self.window.show_error("The project is open read-only; articles cannot be imported.")
            return
        if self.worker is not None:
            self.window.show_error("An import is already running.")
            return
        worker = ImportWorker(self.window.session.project.path, paths)
        progress = QProgressDialog("Importing articles…", "Cancel", 0, 0, self.window)
        progress.setWindowTitle("Import")
        progress.setWindowModality(Qt.WindowModality.NonModal)  # annotating goes on meanwhile
        progress.setMinimumDuration(400)
        progress.canceled.connect(worker.cancel.set)
        worker.signals.progressed.connect(self._on_worker_progressed)
        worker.signals.finished.connect(self._on_worker_finished)
        worker.signals.failed.connect(self._on_worker_failed)
        self.worker, self.progress = worker, progress
        self.window.thread_pool.start(worker)

    def _on_worker_progressed(self, done: int, total: int, path: str) -> None:
        if self.progress is not None:
            self.progress.setMaximum(total)
            self.progress.setValue(done)
            self.progress.setLabelText(f"Importing {Path(path).name} ({done} of {total})")

    def _finish(self) -> None:
        if self.progress is not None:
            self.progress.reset()
            self.progress.deleteLater()
        self.worker, self.progress = None, None

    def _on_worker_failed(self, message: str) -> None:
        self._finish()
        QMessageBox.warning(self.window, "Import failed", message)

    def _on_worker_finished(self, report: ImportReport) -> None:
        self._finish()
        self.last_report = report
        self.window.session.notify_articles()
        lines = [f"{len(report.imported)} article(s) imported."]
        if report.cancelled:
            lines.append("The import was cancelled; the articles imported before that are kept.")
        lines += [f"Skipped (duplicate): {Path(p.path).name}: {p.reason}" for p in report.duplicates]
        lines += [f"Refused: {Path(p.path).name}: {p.reason}" for p in report.refused]
        if report.duplicates or report.refused or report.cancelled:
            QMessageBox.information(self.window, "Import", "\n".join(lines[:40]))
        else:
            self.window.statusBar().showMessage(lines[0], 8000)

    # -- export -------------------------------------------------------------------------------
    def export_csv(self) -> None:
        project = self.window.session.project
        default = str(project.path.with_name(f"{project.path.stem}-annotations.csv"))
        path, _ = QFileDialog.getSaveFileName(self.window, "Export annotations", default, "CSV (*.csv)")
        if not path:
            return
        task = ProjectTask(project.path, lambda p: str(write_annotations_csv(p.database, Path(path))))
        task.signals.finished.connect(lambda count: self.window.statusBar().showMessage(
            f"Exported {count} annotation(s) to {path}", 8000))
        task.signals.failed.connect(lambda message: QMessageBox.warning(self.window, "Export failed", message))
        self.window.statusBar().showMessage(f"Exporting to {path}…")
        start(task, self.running)


def recent_projects(settings) -> list[str]:
    value = settings.value("project/recent") or []
    return [value] if isinstance(value, str) else [str(v) for v in value]


def remember_project(settings, path: Path) -> None:
    entries = [str(path.resolve())] + [p for p in recent_projects(settings) if p != str(path.resolve())]
    settings.setValue("project/recent", entries[:MAX_RECENT])
    settings.setValue("project/last", str(path.resolve()))
