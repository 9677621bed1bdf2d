"""`annotator backup`, `backups` and `restore`, run as a user would."""

from __future__ import annotations

from pathlib import Path

import pytest

from annotator.core.store import backups
from annotator.core.store.project import Project


@pytest.fixture
def story(run, tmp_path: Path) -> Path:
    path = tmp_path / "story.annot"
    run("sample", path)
    return path


def annotate(run, project: Path, note: str, sentence: int = 1) -> None:
    assert run("annotate", project, 1, sentence, "document", "--note", note, "--annotator", "amy").exit_code == 0


def notes(path: Path) -> list[str]:
    with Project.open(path, read_only=True) as project:
        return sorted(a.note for a in project.annotations.list())


def test_backup_goes_to_the_rotating_folder_and_says_where(run, story: Path) -> None:
    result = run("backup", story)
    assert result.exit_code == 0, result.output
    made = backups.list_backups(story)
    assert len(made) == 1 and made[0].reason == "manual"
    assert str(made[0].path) in result.output
    again = run("backup", story)
    assert again.exit_code == 0 and "unchanged" in again.output and str(made[0].path) in again.output
    assert len(backups.list_backups(story)) == 1


def test_backup_with_out_writes_a_standalone_copy(run, story: Path, tmp_path: Path) -> None:
    annotate(run, story, "in the copy")
    out = tmp_path / "copy.annot"
    result = run("backup", story, out)
    assert result.exit_code == 0, result.output
    assert notes(out) == ["in the copy"] and not Path(f"{out}-wal").exists()
    refused = run("backup", story, out)
    assert refused.exit_code == 1 and "exists already" in refused.stderr and "Traceback" not in refused.output
    assert run("backup", story, out, "--overwrite").exit_code == 0
    itself = run("backup", story, story)
    assert itself.exit_code == 1 and "the project itself" in itself.stderr


def test_backups_lists_made_reason_size_and_path(run, story: Path) -> None:
    assert "no backups" in run("backups", story).output
    run("backup", story)
    annotate(run, story, "second")
    run("backup", story)
    listed = backups.list_backups(story)
    lines = run("backups", story).output.splitlines()
    assert lines[0].split() == ["#", "made", "reason", "size", "path"]
    assert lines[2].split()[0] == "1" and lines[2].endswith(str(listed[0].path))
    assert lines[3].split()[0] == "2" and lines[3].endswith(str(listed[1].path))
    assert "manual" in lines[2] and "KB" in lines[2]


def test_restore_by_number_asks_first_and_keeps_the_state_before(run, story: Path) -> None:
    annotate(run, story, "old")
    run("backup", story)
    annotate(run, story, "new", sentence=2)
    declined = run("restore", story, 1, input="n\n")
    assert declined.exit_code == 1 and notes(story) == ["new", "old"]
    result = run("restore", story, 1, input="y\n")
    assert result.exit_code == 0, result.output
    assert notes(story) == ["old"]
    kept = backups.list_backups(story)[0]
    assert kept.reason == "before-restore" and str(kept.path) in result.output
    assert notes(kept.path) == ["new", "old"]


def test_restore_latest_and_by_path_with_yes(run, story: Path, tmp_path: Path) -> None:
    annotate(run, story, "saved")
    run("backup", story)
    path = backups.list_backups(story)[0].path
    annotate(run, story, "later", sentence=2)
    assert run("restore", story, "latest", "--yes").exit_code == 0
    assert notes(story) == ["saved"]
    annotate(run, story, "again", sentence=3)
    assert run("restore", story, path, "--yes").exit_code == 0
    assert notes(story) == ["saved"]


@pytest.mark.parametrize("choice, message", [("9", "no backup 9"), ("nope", "no backup nope"),
                                             ("latest", "no good backup")])
def test_restore_names_an_unknown_backup(run, story: Path, choice: str, message: str) -> None:
    result = run("restore", story, choice, "--yes")
    assert result.exit_code == 1 and message in result.stderr


def test_restore_brings_back_a_project_with_a_damaged_header(run, story: Path) -> None:
    annotate(run, story, "rescued")
    run("backup", story)
    with story.open("r+b") as handle:  # the project is closed: no connection holds it
        handle.write(b"\x00" * 100)
    assert run("articles", story).exit_code == 1
    result = run("restore", story, "latest", "--yes")
    assert result.exit_code == 0, result.output
    assert "damaged" in result.output
    assert notes(story) == ["rescued"]
