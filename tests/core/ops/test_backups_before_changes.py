"""A backup is made before a change that touches much at once: an upgrade, an import, a merge,
accept-all; in the window and on the command line alike."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

from annotator.core.classroom.files import export_assignment
from annotator.core.ops import runner
from annotator.core.ops.classroom import MergeFiles
from annotator.core.ops.ingest import ImportFiles
from annotator.core.ops.suggestions import AcceptSuggestions
from annotator.core.records import Suggestion
from annotator.core.store import backups
from annotator.core.store.project import Project


def _reasons(path: Path) -> list[str]:
    return [b.reason for b in backups.list_backups(path)]


def _notes(path: Path) -> int:
    with Project.open(path, read_only=True) as project:
        return project.annotations.count()


def test_an_import_is_preceded_by_a_backup_of_the_project_as_it_was(sample: Project, tmp_path: Path):
    story = tmp_path / "story.txt"
    story.write_text("A new story. Officials said it was new.\n")
    before = sample.articles.count()
    runner.apply(sample, ImportFiles([story]))
    assert _reasons(sample.path) == ["before-import"]
    with Project.open(backups.list_backups(sample.path)[0].path, read_only=True) as copy:
        assert copy.articles.count() == before


def test_accept_all_and_a_merge_are_preceded_by_backups(sample: Project, tmp_path: Path):
    runner.apply(sample, AcceptSuggestions([Suggestion(1, 0, "document", 0.9, "report")], annotator="amy"))
    returned = tmp_path / "student.annot"
    export_assignment(sample, returned)
    with Project.open(returned) as student:
        student.annotate_sentence(1, 1, category="on_record", annotator="ben")
    runner.apply(sample, MergeFiles([returned]))
    assert _reasons(sample.path) == ["before-merge", "before-accept-all"]  # newest first


def test_nothing_changed_since_the_last_backup_makes_no_new_one(sample: Project, tmp_path: Path):
    empty = tmp_path / "empty"
    empty.mkdir()
    runner.apply(sample, ImportFiles([empty]))
    runner.apply(sample, ImportFiles([empty]))  # nothing was imported the first time
    assert _reasons(sample.path) == ["before-import"]


def test_an_upgrade_is_preceded_by_a_backup_of_the_old_file(sample: Project, schema_1_copy, tmp_path: Path):
    old = schema_1_copy(sample, tmp_path / "old.annot")
    Project.open(old).close()
    [kept] = backups.list_backups(old)
    assert kept.reason == "before-upgrade"
    conn = sqlite3.connect(kept.path)  # a backup we made: no connection of ours holds it
    try:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == 1
    finally:
        conn.close()


def test_the_command_line_backs_up_before_an_import(sample: Project, tmp_path: Path):
    story = tmp_path / "cli-story.txt"
    story.write_text("A story from the shell. It was imported. It was reported by several outlets in Washington on Tuesday, and officials declined to say more about it.\n")
    sample.close()
    subprocess.run([sys.executable, "-m", "annotator", "import", str(tmp_path / "sample.annot"), str(story)],
                   check=True, capture_output=True)
    assert _reasons(tmp_path / "sample.annot") == ["before-import"]
