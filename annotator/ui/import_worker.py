"""Import in the background: the core's import_paths as a ProjectTask, with progress and cancel."""

from __future__ import annotations

from pathlib import Path
from threading import Event

from annotator.core.ingest.batch import import_paths
from annotator.core.store.project import Project
from annotator.core.records import ImportReport
from annotator.ui.background import ProjectTask


class ImportWorker(ProjectTask):
    """Its `finished` signal carries the ImportReport; `cancel.set()` stops after the current file."""

    def __init__(self, project_path: Path, paths: list[Path], outlet: str | None = None) -> None:
        super().__init__(project_path, self._import, read_only=False)
        self.paths = paths
        self.outlet = outlet
        self.cancel = Event()

    def _import(self, project: Project) -> ImportReport:
        return import_paths(project, self.paths, outlet=self.outlet, progress=self._progress)

    def _progress(self, done: int, total: int, path: str) -> bool:
        self.signals.progressed.emit(done, total, path)
        return not self.cancel.is_set()
