"""Importing files as an operation: run on its own connection in the background, not undoable."""

from __future__ import annotations

from pathlib import Path
from threading import Event

from annotator.core.changes import Changes
from annotator.core.ingest.batch import import_paths
from annotator.core.records import ImportReport, Progress
from annotator.core.store.project import Project


class ImportFiles:
    """Import files and folders; `cancel.set()` stops after the current file, keeping what was done.

    Not undoable; the whole batch is committed at once (see ingest/batch.py); the report says what came in.
    """

    undoable = False
    backup_before = "before-import"
    commits_itself = True  # reads the files holding no lock, then stores them in one transaction

    def __init__(self, paths: list[Path], *, outlet: str | None = None, published: str | None = None,
                 progress: Progress | None = None) -> None:
        self.text = "Import articles"
        self.paths = paths
        self.outlet = outlet  # for the files that state none (a file's guess gives way to it)
        self.published = published  # YYYY-MM-DD, for the files that state no date
        self.progress = progress
        self.cancel = Event()
        self.report: ImportReport | None = None

    def _progress(self, done: int, total: int, path: str) -> bool:
        if self.progress is not None:
            self.progress(done, total, path)
        return not self.cancel.is_set()

    def apply(self, project: Project) -> Changes:
        self.report = import_paths(project, self.paths, outlet=self.outlet, published=self.published,
                                   progress=self._progress)
        return Changes(articles=True)

    def revert(self, project: Project) -> Changes:
        raise TypeError("an import cannot be undone")
