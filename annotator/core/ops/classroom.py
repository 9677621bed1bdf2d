"""Classroom operations: merge students' returned files (not undoable), mark the answer key."""

from __future__ import annotations

from pathlib import Path

from annotator.core.changes import Changes
from annotator.core.classroom.files import KEY_SETTING, MergeReport, answer_key, mark_answer_key, merge_file
from annotator.core.errors import AnnotatorError
from annotator.core.store.project import Project


class MergeFiles:
    """Merge each file in turn; a refused file is reported and the others go on.

    Not undoable: the window says so before merging. `results` holds a report or the error per file.
    """

    undoable = False
    backup_before = "before-merge"

    def __init__(self, paths: list[Path]) -> None:
        self.text = "Merge returned files"
        self.paths = paths
        self.results: list[tuple[Path, MergeReport | AnnotatorError]] = []

    def apply(self, project: Project) -> Changes:
        self.results = []
        new_categories = False
        for path in self.paths:
            try:
                report = merge_file(project, path)
            except AnnotatorError as error:
                self.results.append((path, error))
                continue
            new_categories = new_categories or bool(report.new_categories)
            self.results.append((path, report))
        return Changes(all_annotations=True, articles=True, codebook=new_categories)

    def revert(self, project: Project) -> Changes:
        raise TypeError("a merge cannot be undone")


class MarkAnswerKey:
    undoable = True

    def __init__(self, name: str) -> None:
        self.text = f"Mark {name}'s annotations as the answer key"
        self._name = name
        self._before: str | None = None

    def apply(self, project: Project) -> Changes:
        self._before = answer_key(project)
        mark_answer_key(project, self._name)
        return Changes(project_info=True)

    def revert(self, project: Project) -> Changes:
        project.info.set_value(KEY_SETTING, self._before)
        return Changes(project_info=True)
