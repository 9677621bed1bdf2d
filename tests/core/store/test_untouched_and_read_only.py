"""Refused files stay byte for byte as they were; read-only opens leave no -wal or -shm behind."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from annotator.core.errors import NotAProject, ProjectDamaged, ProjectReadOnly
from annotator.core.store import database
from annotator.core.store.project import Project
from annotator.core.sample import create_sample

ROOT = Path(__file__).resolve().parents[3]


def _no_sidecars(path: Path) -> bool:
    return not Path(f"{path}-wal").exists() and not Path(f"{path}-shm").exists()


@pytest.mark.parametrize("create", [False, True])
def test_empty_database_with_a_user_version_is_refused_unchanged(tmp_path: Path, create: bool) -> None:
    path = tmp_path / "odd.annot"
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA user_version = 5")
    conn.close()
    before = path.read_bytes()
    with pytest.raises(NotAProject, match="not an annotator project"):
        Project.open(path, create=create)
    assert path.read_bytes() == before
    assert _no_sidecars(path)


def test_zero_byte_file_becomes_a_new_project(tmp_path: Path) -> None:
    path = tmp_path / "new.annot"
    path.touch()
    with Project.open(path, create=True) as project:
        assert len(project.categories.list()) == 7


def test_undecodable_text_is_reported_as_damage_in_plain_words(sample: Project) -> None:
    sample.database.conn.execute("UPDATE articles SET title = CAST(X'FFFE41' AS TEXT) WHERE id = 2")
    with Project.open(sample.path, read_only=True) as project, pytest.raises(ProjectDamaged) as caught:
        project.articles.list()
    message = str(caught.value)
    assert "damaged" in message
    assert "decode" not in message and "UTF-8 column" not in message


def test_missing_table_is_reported_as_damage(sample: Project) -> None:
    sample.database.conn.execute("DROP TABLE project_info")
    sample.close()
    with pytest.raises(ProjectDamaged, match="damaged"):
        Project.open(sample.path)


@pytest.mark.parametrize("command", [
    ["articles"], ["summary"], ["summary", "--format", "json"], ["sentences", "{p}", "1"], ["categories"],
    ["annotations"], ["article", "{p}", "1"], ["key", "{p}"],
    ["export", "{p}", "{out}.csv"], ["report", "{p}", "{out}.html"], ["score", "{p}", "--key", "amy"],
])
def test_read_only_commands_leave_no_wal_or_shm(sample: Project, tmp_path: Path, command) -> None:
    from click.testing import CliRunner

    from annotator.cli import cli

    sample.annotate_sentence(1, 0, category="on_record", annotator="amy")
    sample.annotate_sentence(1, 0, category="on_record", annotator="ben")
    path = sample.path
    sample.close()
    assert _no_sidecars(path)
    args = [a.format(p=path, out=tmp_path / "out") for a in command]
    if "{p}" not in command:
        args.insert(1, str(path))
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0, result.output + result.stderr
    assert _no_sidecars(path)


def test_unwritable_folder_opens_read_only(sample: Project, monkeypatch) -> None:
    path = sample.path
    sample.close()
    real_access = os.access
    monkeypatch.setattr(database.os, "access",
                        lambda p, mode: False if mode == os.W_OK else real_access(p, mode))
    with Project.open(path) as project:
        assert project.read_only
        assert project.articles.count() == 4
        with pytest.raises(ProjectReadOnly):
            project.annotate_sentence(1, 0, category="on_record", annotator="amy")
    assert _no_sidecars(path)


def test_read_only_open_sees_changes_still_in_the_wal(sample: Project) -> None:
    sample.annotate_sentence(1, 0, category="on_record", annotator="amy")
    assert Path(f"{sample.path}-wal").exists()
    with Project.open(sample.path, read_only=True) as project:
        assert project.annotations.count() == 1


def test_wal_without_shm_in_an_unwritable_folder_is_read_from_a_copy(tmp_path: Path, monkeypatch) -> None:
    # What a crash leaves: a -wal holding committed changes, no -shm.
    path = tmp_path / "crashed.annot"
    project, _ = create_sample(path)
    project.database.conn.execute("PRAGMA wal_autocheckpoint = 0")
    project.annotate_sentence(1, 0, category="on_record", annotator="amy")
    saved = tmp_path / "saved"
    saved.mkdir()
    for suffix in ("", "-wal"):
        shutil.copy(f"{path}{suffix}", saved / f"crashed.annot{suffix}")
    project.close()
    path = saved / "crashed.annot"
    before = path.read_bytes(), Path(f"{path}-wal").read_bytes()
    real_connect = database.sqlite3.connect

    def no_new_files(target, *args, **kwargs):  # what SQLite does when the folder cannot be written
        if str(target).startswith(f"file:{path}") and "immutable" not in str(target):
            raise sqlite3.OperationalError("unable to open database file")
        return real_connect(target, *args, **kwargs)

    monkeypatch.setattr(database.sqlite3, "connect", no_new_files)
    with Project.open(path, read_only=True) as reopened:
        assert reopened.annotations.count() == 1
    assert (path.read_bytes(), Path(f"{path}-wal").read_bytes()) == before
    assert not Path(f"{path}-shm").exists()


def _as_nobody(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups",
                           sys.executable, "-m", "annotator", *args],
                          capture_output=True, text=True, cwd=ROOT, timeout=60)


def _nobody_can_run() -> str | None:
    if os.geteuid() != 0:
        return "needs root to switch to the user nobody"
    if shutil.which("setpriv") is None:
        return "setpriv is not installed"
    try:
        probe = _as_nobody("--version")
    except OSError as error:
        return f"cannot run as nobody ({error})"
    return None if probe.returncode == 0 else f"nobody cannot run the annotator here: {probe.stderr.strip()}"


def test_unwritable_folder_for_a_real_unprivileged_user(tmp_path: Path) -> None:
    reason = _nobody_can_run()
    if reason:
        pytest.skip(reason)
    folder = Path(tempfile.mkdtemp(prefix="annot-ro-"))
    try:
        path = folder / "class.annot"
        create_sample(path)[0].close()
        path.chmod(0o644)
        folder.chmod(0o555)
        before = path.read_bytes()
        listing = _as_nobody("articles", str(path))
        assert listing.returncode == 0, listing.stderr
        assert "newz9.com" in listing.stdout
        change = _as_nobody("annotate", str(path), "1", "1", "on_record", "--annotator", "amy")
        assert change.returncode == 1 and "read-only" in change.stderr
        assert path.read_bytes() == before
        assert sorted(p.name for p in folder.iterdir()) == ["class.annot"]
    finally:
        folder.chmod(0o755)
        shutil.rmtree(folder)


def test_evidence_lists_report_undecodable_text_as_damage(sample: Project) -> None:
    from annotator.core.analysis.evidence import annotated_sentences

    sample.annotate_sentence(1, 0, category="on_record", annotator="amy")
    sample.database.conn.execute("UPDATE annotations SET note = CAST(X'FFFE41' AS TEXT)")
    with pytest.raises(ProjectDamaged, match="not readable"):
        annotated_sentences(sample.database)
