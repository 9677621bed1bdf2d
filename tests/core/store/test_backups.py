"""Rotating backups of a project, made and restored through SQLite's backup API only."""

from __future__ import annotations

import re
import sqlite3
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

import pytest

from annotator.core.errors import BackupFailed, BackupUnusable, CopyRefused, NotAProject
from annotator.core.store import backups
from annotator.core.store.project import Project
from annotator.core.store.schema import APPLICATION_ID, LATEST_VERSION

NAME = re.compile(r"^\d{4}-\d\d-\d\dT\d{6}\.\d{3}Z-[a-z0-9-]+\.annot$")


def annotate(project: Project, article: int = 1, sentence: int = 0, note: str = "") -> int:
    return project.annotate_sentence(article, sentence, category="document", annotator="amy", note=note).id


def notes(path: Path) -> list[str]:
    with Project.open(path, read_only=True) as project:
        return sorted(a.note for a in project.annotations.list())


def damage_header(path: Path) -> None:
    """Overwrite the file's first page: SQLite no longer takes it for a database (a closed file)."""
    with path.open("r+b") as handle:
        handle.write(b"\x00" * 4096)


def damage_a_page(path: Path, page: int = 3) -> None:
    """Scribble over one b-tree page in the middle: the header reads, quick_check fails."""
    with path.open("r+b") as handle:
        handle.seek((page - 1) * 4096)
        handle.write(b"\xa5" * 4096)


def test_a_backup_is_a_complete_standalone_project(sample: Project, data_folder: Path) -> None:
    annotate(sample, note="kept")
    made = backups.make_backup(sample.database.conn, sample.path, reason="before-import")
    assert made is not None and NAME.match(made.name) and made.name.endswith("-before-import.annot")
    assert made.parent == backups.backup_folder(sample.path)
    assert data_folder in made.parents and made.parent != sample.path.parent
    assert not Path(f"{made}-wal").exists() and not Path(f"{made}-journal").exists()
    check = sqlite3.connect(f"file:{made}?mode=ro", uri=True)
    assert check.execute("PRAGMA journal_mode").fetchone()[0] == "delete"  # travels as one file
    check.close()
    assert notes(made) == ["kept"]
    with Project.open(made, read_only=True) as copy:
        assert len(copy.articles.list()) == len(sample.articles.list())


def test_projects_with_the_same_name_have_folders_of_their_own(tmp_path: Path) -> None:
    first, second = tmp_path / "a" / "story.annot", tmp_path / "b" / "story.annot"
    assert backups.backup_folder(first) != backups.backup_folder(second)
    assert backups.backup_folder(first).name.startswith("story-")
    assert backups.backup_folder(first) == backups.backup_folder(tmp_path / "a" / ".." / "a" / "story.annot")


def test_rotation_keeps_the_newest_seven(sample: Project) -> None:
    made = []
    for n in range(backups.KEEP + 2):
        annotate(sample, sentence=n, note=f"n{n}")
        made.append(backups.make_backup(sample.database.conn, sample.path, reason="manual"))
    listed = backups.list_backups(sample.path)
    assert [b.path for b in listed] == list(reversed(made))[:backups.KEEP]
    assert not made[0].exists() and not made[1].exists()
    assert [b.made_at for b in listed] == sorted((b.made_at for b in listed), reverse=True)
    assert {b.reason for b in listed} == {"manual"}
    assert all(b.size == b.path.stat().st_size and b.made_at.tzinfo is not None for b in listed)


def test_an_unchanged_project_is_not_backed_up_twice(sample: Project) -> None:
    annotation = annotate(sample)
    assert backups.make_backup(sample.database.conn, sample.path, reason="manual") is not None
    assert backups.make_backup(sample.database.conn, sample.path, reason="before-merge") is None
    sample.annotations.update(annotation, note="edited")  # same counts, new content
    assert backups.make_backup(sample.database.conn, sample.path, reason="manual") is not None
    assert len(backups.list_backups(sample.path)) == 2


def test_a_connection_inside_a_transaction_is_refused(sample: Project) -> None:
    conn = sample.database.conn
    conn.execute("BEGIN")
    try:
        with pytest.raises(BackupFailed, match="transaction"):
            backups.make_backup(conn, sample.path, reason="manual")
    finally:
        conn.execute("ROLLBACK")
    assert backups.list_backups(sample.path) == []


def test_a_backup_is_due_once_a_day(sample: Project) -> None:
    first = backups.backup_if_due(sample.database.conn, sample.path)
    assert first is not None and first.name.endswith("-daily.annot")
    annotate(sample)
    assert backups.backup_if_due(sample.database.conn, sample.path) is None
    assert backups.backup_if_due(sample.database.conn, sample.path, max_age=timedelta(0)) is not None


@pytest.fixture
def other_process(sample: Project):
    """Another process holding the project open, with a committed annotation still only in its -wal."""
    code = (
        "import sys\n"
        "from annotator.core.store.project import Project\n"
        f"project = Project.open({str(sample.path)!r})\n"
        "project.database.conn.execute('PRAGMA wal_autocheckpoint = 0')\n"
        "project.annotate_sentence(2, 0, category='on_record', annotator='ben', note='only in the wal')\n"
        "print('ready', flush=True)\n"
        "sys.stdin.readline()\n"
        "project.close()\n"
    )
    child = subprocess.Popen([sys.executable, "-c", code], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    assert child.stdout.readline().strip() == "ready"

    def close() -> None:
        if child.poll() is None:
            child.stdin.write("\n")
            child.stdin.flush()
            child.wait(timeout=30)

    yield close
    close()


def test_a_backup_holds_what_another_process_left_in_its_wal(sample: Project, other_process) -> None:
    wal = Path(f"{sample.path}-wal")
    made = backups.make_backup(sample.database.conn, sample.path, reason="manual")
    assert notes(made) == ["only in the wal"]
    assert wal.exists()


def test_backing_up_leaves_this_process_locks_in_place(sample: Project, other_process) -> None:
    """A plain file handle closed on the project would drop our locks: the other process, closing
    last in its own eyes, would then delete the -wal this process still reads (SQLite's "How To
    Corrupt", 2.2)."""
    backups.make_backup(sample.database.conn, sample.path, reason="manual")
    backups.list_backups(sample.path)
    backups.newest_good_backup(sample.path)
    other_process()
    assert Path(f"{sample.path}-wal").exists()
    assert [a.note for a in sample.annotations.list()] == ["only in the wal"]


def test_restore_puts_the_backup_back_and_open_connections_read_it(sample: Project) -> None:
    annotate(sample, note="before")
    saved = backups.make_backup(sample.database.conn, sample.path, reason="manual")
    for annotation in sample.annotations.list():
        sample.annotations.delete(annotation.id)
    annotate(sample, sentence=3, note="after")
    kept = backups.restore(sample.path, saved)
    assert [a.note for a in sample.annotations.list()] == ["before"]  # the window's connection, still open
    assert kept is not None and kept.name.endswith("-before-restore.annot") and notes(kept) == ["after"]
    with Project.open(sample.path) as again:
        assert [a.note for a in again.annotations.list()] == ["before"]


def test_another_process_with_the_project_open_reads_the_restored_content(sample: Project) -> None:
    annotate(sample, note="restored")
    saved = backups.make_backup(sample.database.conn, sample.path, reason="manual")
    sample.annotations.update(sample.annotations.list()[0].id, note="overwritten")
    code = (
        "import sys\n"
        "from annotator.core.store.project import Project\n"
        f"project = Project.open({str(sample.path)!r})\n"
        "print([a.note for a in project.annotations.list()], flush=True)\n"
        "sys.stdin.readline()\n"
        "print([a.note for a in project.annotations.list()], flush=True)\n"
        "project.close()\n"
    )
    child = subprocess.Popen([sys.executable, "-c", code], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert child.stdout.readline().strip() == "['overwritten']"
        backups.restore(sample.path, saved)
        child.stdin.write("\n")
        child.stdin.flush()
        assert child.stdout.readline().strip() == "['restored']"
    finally:
        child.stdin.close()
        child.wait(timeout=30)


def test_restoring_the_current_state_keeps_the_matching_backup(sample: Project) -> None:
    annotate(sample, note="same")
    saved = backups.make_backup(sample.database.conn, sample.path, reason="manual")
    assert backups.restore(sample.path, saved) == saved
    assert len(backups.list_backups(sample.path)) == 1


def test_restore_never_deletes_the_backup_it_restores(sample: Project) -> None:
    for n in range(backups.KEEP):
        annotate(sample, sentence=n, note=f"n{n}")
        backups.make_backup(sample.database.conn, sample.path, reason="manual")
    oldest = backups.list_backups(sample.path)[-1].path
    annotate(sample, sentence=9, note="latest")
    backups.restore(sample.path, oldest)
    assert notes(sample.path) == ["n0"]


def test_restore_of_a_file_with_a_damaged_header(sample: Project) -> None:
    annotate(sample, note="good")
    saved = backups.make_backup(sample.database.conn, sample.path, reason="manual")
    path = sample.path
    sample.close()
    damage_header(path)
    damaged = path.read_bytes()
    kept = backups.restore(path, saved)
    assert kept is not None and kept.name.endswith("-damaged.annot") and kept.parent == saved.parent
    assert kept.read_bytes() == damaged
    assert notes(path) == ["good"]
    assert [b.reason for b in backups.list_backups(path)] == ["damaged", "manual"]


def test_restore_of_a_file_with_a_damaged_page_keeps_a_copy_of_it(sample: Project) -> None:
    for n in range(40):
        annotate(sample, sentence=n % 10, article=1 + n // 10, note="x" * 400)
    saved = backups.make_backup(sample.database.conn, sample.path, reason="manual")
    path = sample.path
    sample.close()
    damage_a_page(path)
    kept = backups.restore(path, saved)
    assert kept is not None and kept.name.endswith("-damaged.annot")
    assert len(notes(path)) == 40


def test_restore_writes_a_missing_project_anew(sample: Project, tmp_path: Path) -> None:
    annotate(sample, note="back")
    saved = backups.make_backup(sample.database.conn, sample.path, reason="manual")
    target = tmp_path / "gone.annot"
    assert backups.restore(target, saved) is None
    assert notes(target) == ["back"]


def _database(path: Path, *, app_id: int, version: int) -> Path:
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE t (x)")
    conn.execute(f"PRAGMA application_id = {app_id}")
    conn.execute(f"PRAGMA user_version = {version}")
    conn.commit()
    conn.close()
    return path


@pytest.mark.parametrize("app_id, version, reason", [
    (APPLICATION_ID, LATEST_VERSION + 1, "newer version"),
    (0, 1, "not an annotator project"),
])
def test_restore_refuses_a_backup_that_fails_its_checks(sample: Project, tmp_path: Path, app_id, version,
                                                        reason) -> None:
    annotate(sample, note="untouched")
    bad = _database(tmp_path / "bad.annot", app_id=app_id, version=version)
    with pytest.raises(BackupUnusable, match=reason):
        backups.restore(sample.path, bad)
    assert [a.note for a in sample.annotations.list()] == ["untouched"]
    assert backups.list_backups(sample.path) == []


def test_restore_refuses_a_damaged_backup(sample: Project) -> None:
    saved = backups.make_backup(sample.database.conn, sample.path, reason="manual")
    damage_header(saved)
    with pytest.raises(BackupUnusable, match="damaged"):
        backups.restore(sample.path, saved)


def test_restore_refuses_to_overwrite_another_programs_database(sample: Project, tmp_path: Path) -> None:
    saved = backups.make_backup(sample.database.conn, sample.path, reason="manual")
    other = _database(tmp_path / "other.db", app_id=0, version=0)
    with pytest.raises(NotAProject):
        backups.restore(other, saved)


@pytest.mark.parametrize("damage", [damage_header, damage_a_page])
def test_newest_good_backup_skips_a_damaged_one(sample: Project, damage) -> None:
    for n in range(40):
        annotate(sample, sentence=n % 10, article=1 + n // 10, note="y" * 400)
    good = backups.make_backup(sample.database.conn, sample.path, reason="manual")
    annotate(sample, sentence=12)
    newest = backups.make_backup(sample.database.conn, sample.path, reason="manual")
    assert backups.newest_good_backup(sample.path).path == newest
    damage(newest)
    assert backups.newest_good_backup(sample.path).path == good


def test_newest_good_backup_is_none_without_backups(tmp_path: Path) -> None:
    assert backups.newest_good_backup(tmp_path / "never.annot") is None
    assert backups.list_backups(tmp_path / "never.annot") == []


def test_save_copy_writes_one_standalone_file(sample: Project, tmp_path: Path) -> None:
    annotate(sample, note="copied")
    out = tmp_path / "copies" / "story-copy.annot"
    out.parent.mkdir()
    assert backups.save_copy(sample.database.conn, out, project_path=sample.path) == out
    assert sorted(p.name for p in out.parent.iterdir()) == ["story-copy.annot"]
    assert notes(out) == ["copied"]


def test_save_copy_refuses_the_project_and_an_existing_file(sample: Project, tmp_path: Path) -> None:
    with pytest.raises(CopyRefused, match="the project itself"):
        backups.save_copy(sample.database.conn, sample.path, project_path=sample.path)
    with pytest.raises(CopyRefused, match="the project itself"):
        backups.save_copy(sample.database.conn, sample.path)  # found from the connection
    out = tmp_path / "exists.annot"
    out.write_text("mine")
    with pytest.raises(CopyRefused, match="exists"):
        backups.save_copy(sample.database.conn, out)
    assert out.read_text() == "mine"
    annotate(sample, note="over")
    backups.save_copy(sample.database.conn, out, overwrite=True)
    assert notes(out) == ["over"]


def test_save_copy_refuses_a_file_open_in_another_program(sample: Project, tmp_path: Path) -> None:
    other = tmp_path / "other.annot"
    backups.save_copy(sample.database.conn, other)
    with Project.open(other):  # its -wal lies beside it
        with pytest.raises(CopyRefused, match="open"):
            backups.save_copy(sample.database.conn, other, overwrite=True)


def test_save_copy_into_a_missing_folder_says_so(sample: Project, tmp_path: Path) -> None:
    with pytest.raises(BackupFailed, match="folder does not exist"):
        backups.save_copy(sample.database.conn, tmp_path / "missing" / "copy.annot")


def test_an_unwritable_backup_folder_is_reported_and_the_project_untouched(sample: Project, data_folder: Path) -> None:
    (data_folder / "backups").parent.mkdir(parents=True, exist_ok=True)
    (data_folder / "backups").write_text("a file where the folder should be")
    with pytest.raises(BackupFailed, match="backup folder cannot be made"):
        backups.make_backup(sample.database.conn, sample.path, reason="manual")
    assert sample.annotations.count() == 0
