"""The project file: creation, schema, pragmas, and refusing files that are not projects."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest

from annotator.core.errors import ProjectError, ProjectReadOnly
from annotator.core.store.project import Project
from annotator.core.store.schema import APPLICATION_ID, LATEST_VERSION


def test_new_project_has_schema_pragmas_and_default_codebook(project: Project) -> None:
    conn = project.database.conn
    assert conn.execute("PRAGMA user_version").fetchone()[0] == LATEST_VERSION
    assert conn.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert [c.key for c in project.categories.list()] == [
        "anonymous_official", "on_record", "social_post", "anonymous_other", "other_outlet",
        "document", "unattributed",
    ]
    assert [c.shortcut for c in project.categories.list()] == list("1234567")


def test_reopening_keeps_everything(tmp_path: Path) -> None:
    path = tmp_path / "p.annot"
    with Project.create(path) as proj:
        proj.categories.add_labelled("Leaked recording")
    with Project.open(path) as proj:
        assert proj.categories.list()[-1].label == "Leaked recording"
        assert len(proj.categories.list()) == 8


def test_create_refuses_to_overwrite_a_file(tmp_path: Path) -> None:
    path = tmp_path / "notes.txt"
    path.write_text("precious")
    with pytest.raises(ProjectError, match="exists already"):
        Project.create(path)
    assert path.read_text() == "precious"


def _unchanged(path: Path, action) -> None:
    before = path.read_bytes()
    with pytest.raises(ProjectError) as caught:
        action()
    assert path.read_bytes() == before
    assert str(path) in str(caught.value)
    assert not Path(str(path) + "-wal").exists()


def test_text_file_is_not_a_project_and_stays_untouched(tmp_path: Path) -> None:
    path = tmp_path / "article.annot"
    path.write_text("just some text, not a database\n" * 20)
    _unchanged(path, lambda: Project.open(path))


def test_database_of_another_program_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT)")
    conn.commit()
    conn.close()
    _unchanged(path, lambda: Project.open(path))
    with pytest.raises(ProjectError, match="another program"):
        Project.open(path)


def test_corrupt_project_gives_a_clear_error_and_is_not_written(tmp_path: Path) -> None:
    path = tmp_path / "broken.annot"
    Project.create(path).close()
    data = bytearray(path.read_bytes())
    data[100:4096] = b"\xde\xad\xbe\xef" * ((4096 - 100) // 4)
    path.write_bytes(bytes(data))
    _unchanged(path, lambda: Project.open(path))
    with pytest.raises(ProjectError, match="damaged|not an annotator project"):
        Project.open(path)


def test_newer_schema_is_refused_naming_both_versions(tmp_path: Path) -> None:
    path = tmp_path / "future.annot"
    Project.create(path).close()
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {LATEST_VERSION + 5}")
    conn.close()
    before = path.read_bytes()
    with pytest.raises(ProjectError, match=rf"newer version.*schema {LATEST_VERSION + 5}"):
        Project.open(path)
    assert path.read_bytes() == before


def test_missing_file_is_reported(tmp_path: Path) -> None:
    with pytest.raises(ProjectError, match="no such project file"):
        Project.open(tmp_path / "absent.annot")
    assert not (tmp_path / "absent.annot").exists()


@pytest.mark.skipif(os.geteuid() == 0, reason="root ignores file permissions")
def test_unwritable_file_opens_read_only_and_refuses_changes(sample: Project) -> None:
    path = sample.path
    sample.close()
    path.chmod(0o444)
    with Project.open(path) as proj:
        assert proj.read_only
        assert proj.articles.count() == 4
        with pytest.raises(ProjectReadOnly):
            proj.annotate_sentence(1, 0, category="on_record", annotator="amy")


def test_read_only_open_refuses_changes(sample: Project) -> None:
    path = sample.path
    with Project.open(path, read_only=True) as proj:
        assert proj.read_only
        with pytest.raises(ProjectReadOnly, match="read-only"):
            proj.annotate_sentence(1, 0, category="on_record", annotator="amy")


def test_a_committed_annotation_is_visible_to_a_second_connection(sample: Project) -> None:
    made = sample.annotate_sentence(1, 0, category="anonymous_official", annotator="amy")
    with Project.open(sample.path) as other:
        assert other.annotations.get(made.id) == made


def test_locked_project_gives_a_clear_error(sample: Project, monkeypatch) -> None:
    from annotator.core.store import database

    monkeypatch.setattr(database, "BUSY_TIMEOUT_MS", 50)
    blocker = sqlite3.connect(sample.path, isolation_level=None)
    blocker.execute("BEGIN IMMEDIATE")
    try:
        with Project.open(sample.path) as proj:
            with pytest.raises(ProjectError, match="locked by another program"):
                proj.annotate_sentence(1, 0, category="on_record", annotator="amy")
    finally:
        blocker.execute("ROLLBACK")
        blocker.close()
    assert sample.annotations.count() == 0


def test_a_failed_write_is_rolled_back(sample: Project, monkeypatch) -> None:
    from annotator.core.store import annotations as annotation_store

    # created_at NULL fails the insert after the annotator row was written in the same transaction.
    monkeypatch.setattr(annotation_store, "now", lambda: None)
    with pytest.raises(ProjectError, match="NOT NULL"):
        sample.annotations.add(1, 0, 10, category="on_record", annotator="amy")
    assert sample.annotations.annotators() == []
    assert not sample.database.conn.in_transaction


def test_new_project_is_set_up_in_one_transaction(tmp_path: Path, monkeypatch) -> None:
    from annotator.core.store import categories as category_store

    def broken(conn, specs):
        conn.execute("INSERT INTO categories (key, label, color, position) VALUES ('a', 'A', '#000000', 0)")
        raise OSError("interrupted")

    monkeypatch.setattr("annotator.core.store.info.insert_categories", broken)
    with pytest.raises(OSError):
        Project.create(tmp_path / "p.annot")
    monkeypatch.undo()
    with Project.open(tmp_path / "p.annot") as project:
        assert len(project.categories.list()) == 7
    assert category_store
