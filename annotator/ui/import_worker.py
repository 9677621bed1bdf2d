"""Import in the background: the core's import_paths in a QRunnable, with its own connection."""

from __future__ import annotations

from pathlib import Path
from threading import Event

from PySide6.QtCore import QObject, QRunnable, Signal

from annotator.core.errors import AnnotatorError
from annotator.core.importing import import_paths
from annotator.core.project import Project
from annotator.core.records import ImportReport


class ImportSignals(QObject):
    progressed = Signal(int, int, str)
    finished = Signal(object)  # ImportReport
    failed = Signal(str)


class ImportWorker(QRunnable):
    def __init__(self, project_path: Path, paths: list[Path], outlet: str | None = None) -> None:
        super().__init__()
        self.project_path = project_path
        self.paths = paths
        self.outlet = outlet
        self.signals = ImportSignals()
        self.cancel = Event()

    def run(self) -> None:
        try:
            with Project.open(self.project_path) as project:
                report: ImportReport = import_paths(project, self.paths, outlet=self.outlet,
                                                    progress=self._progress)
        except AnnotatorError as error:
            self.signals.failed.emit(str(error))
            return
        except Exception as error:  # noqa: BLE001 - reported to the user; the window must hear back
            self.signals.failed.emit(f"the import stopped: {type(error).__name__}: {error}")
            return
        self.signals.finished.emit(report)

    def _progress(self, done: int, total: int, path: str) -> bool:
        self.signals.progressed.emit(done, total, path)
        return not self.cancel.is_set()
