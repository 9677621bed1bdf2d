"""The sample project: the four bundled articles about one story, from four outlets."""

from __future__ import annotations

from pathlib import Path

from annotator.core.ingest.batch import import_paths
from annotator.core.store.project import Project
from annotator.core.records import ImportReport
from annotator.core.resources import seeds_dir


def create_sample(path: Path | str) -> tuple[Project, ImportReport]:
    """Open (or create) `path` and import the sample articles into it."""
    project = Project.open(path, create=True)
    report = import_paths(project, [seeds_dir() / "articles"])
    return project, report
