"""Importing a REFI-QDA project (.qdpx) as an operation: like an article import, backed up first, not undoable."""

from __future__ import annotations

from pathlib import Path

from annotator.core.changes import Changes
from annotator.core.exchange.qdpx_read import read_qdpx
from annotator.core.exchange.qdpx_store import QdpxReport, store_qda_project
from annotator.core.store.project import Project


class ImportQdpx:
    """Read the file holding no lock, then store its codes, sources and codings in one transaction."""

    undoable = False
    backup_before = "before-import"
    commits_itself = True

    def __init__(self, path: Path, *, default_annotator: str) -> None:
        self.text = f"Import {path.name}"
        self.path = path
        self.default_annotator = default_annotator
        self.report: QdpxReport | None = None

    def apply(self, project: Project) -> Changes:
        qda = read_qdpx(self.path)
        with project.transaction():
            self.report = store_qda_project(project, qda, default_annotator=self.default_annotator,
                                            file_name=self.path.name)
        return Changes(articles=True, codebook=True, all_annotations=True)

    def revert(self, project: Project) -> Changes:
        raise TypeError("an import cannot be undone")
