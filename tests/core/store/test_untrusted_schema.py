"""A project file is untrusted: its schema is checked before anything is written (schema_check.py)."""

from __future__ import annotations

import hashlib
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from annotator.core.analysis.search import search_sentences
from annotator.core.analysis.stats import outlet_summary
from annotator.core.errors import ProjectDamaged
from annotator.core.sample import create_sample
from annotator.core.store import backups
from annotator.core.store.project import Project
from annotator.core.store.schema_check import SchemaIncomplete, UnexpectedSchema

ROOT = Path(__file__).parents[3]


@pytest.fixture
def path(tmp_path: Path) -> Path:
    made = tmp_path / "sample.annot"
    project, _ = create_sample(made)
    project.annotate_sentence(1, 0, category="anonymous_official", annotator="amy")
    project.close()
    return made


def tamper(path: Path, *statements: str) -> str:
    """Change the file as another program could (no checks, no triggers of ours turned off); its digest after."""
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA foreign_keys = OFF")
    for statement in statements:
        conn.execute(statement)
    conn.close()
    return digest(path)


def digest(path: Path) -> str:
    return hashlib.sha256(b"".join(Path(f"{path}{s}").read_bytes() for s in ("", "-wal")
                                   if Path(f"{path}{s}").exists())).hexdigest()


def annotator(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "annotator", *args], cwd=ROOT, capture_output=True, text=True,
                          timeout=120)


def test_a_trigger_added_to_the_file_is_refused_before_anything_runs(path: Path) -> None:
    before = tamper(path, "CREATE TRIGGER wipe AFTER INSERT ON annotations BEGIN DELETE FROM articles; END")
    with pytest.raises(UnexpectedSchema, match="trigger wipe"):
        Project.open(path)
    with pytest.raises(UnexpectedSchema):
        Project.open(path, read_only=True)
    done = annotator("annotate", str(path), "1", "2", "on_record", "--annotator", "amy")
    assert done.returncode == 1 and "trigger wipe" in done.stderr and "Traceback" not in done.stderr
    assert digest(path) == before  # nothing written, the trigger never ran
    conn = sqlite3.connect(path)
    assert conn.execute("SELECT count(*) FROM articles").fetchone()[0] == 4
    conn.close()


def test_a_view_added_to_the_file_is_refused(path: Path) -> None:
    tamper(path, "CREATE VIEW everything AS SELECT * FROM articles")
    with pytest.raises(UnexpectedSchema, match="view everything"):
        Project.open(path)


def test_a_renamed_table_is_refused_before_claims_write_a_row(path: Path) -> None:
    before = tamper(path, "ALTER TABLE claims RENAME TO claims_old")
    done = annotator("claims", str(path))
    assert done.returncode == 1 and "table claims is missing" in done.stderr
    assert digest(path) == before


def test_an_altered_table_is_refused(path: Path) -> None:
    tamper(path, "DROP TABLE outlet_aliases",
           "CREATE TABLE outlet_aliases (key TEXT PRIMARY KEY, alias TEXT, outlet TEXT, made_at TEXT, x CHECK (1))")
    with pytest.raises(ProjectDamaged, match="table outlet_aliases was altered"):
        Project.open(path)


def test_an_annotation_of_a_missing_category_is_refused_with_where_it_is(path: Path) -> None:
    tamper(path, "UPDATE annotations SET category_id = 999")
    for args in (["summary", str(path)], ["export", str(path), str(path.parent / "out.csv")]):
        done = annotator(*args)
        assert done.returncode == 1 and "Traceback" not in done.stderr
        assert "annotation 1 names category 999, which is not there" in done.stderr


def test_a_missing_trigger_of_ours_is_named_and_restored_only_when_asked(path: Path) -> None:
    conn = sqlite3.connect(path, isolation_level=None)
    columns = "article_id, start, \"end\", category_id, annotator_id, source_name, note, created_at, updated_at"
    conn.close()
    before = tamper(path, "DROP TRIGGER annotation_added",
                    f"INSERT INTO annotations ({columns}) SELECT article_id, start + 1, \"end\", category_id,"
                    " annotator_id, source_name, note, created_at, updated_at FROM annotations")  # not counted
    with pytest.raises(SchemaIncomplete, match="trigger annotation_added") as refused:
        Project.open(path)
    assert [item.name for item in refused.value.items] == ["annotation_added"]
    assert digest(path) == before
    with Project.open(path, read_only=True) as reader:  # reading needs no trigger
        assert reader.annotations.count() == 2
    done = annotator("annotate", str(path), "1", "3", "on_record", "--annotator", "amy")
    assert done.returncode == 1 and "annotator repair PROJECT" in done.stderr
    kept = len(backups.list_backups(path))
    done = annotator("repair", str(path), "--yes")
    assert done.returncode == 0 and "restored 1 part(s)" in done.stdout
    assert len(backups.list_backups(path)) == kept + 1  # a backup of the file as it was, first
    with Project.open(path) as project:
        assert project.annotations.counts_by_category()["anonymous_official"] == 2  # recounted from the rows
        project.annotate_sentence(1, 3, category="on_record", annotator="amy")
        counts = project.annotations.counts_by_category()
        assert (counts["anonymous_official"], counts["on_record"]) == (2, 1)  # and counted again from now on
        newz9 = next(o for o in outlet_summary(project.database) if o.outlet == "newz9.com")
        assert newz9.annotated_sentences == 2
    assert annotator("repair", str(path), "--yes").stdout.strip().endswith("nothing to repair")


def test_a_dropped_search_index_is_rebuilt_by_a_repair(path: Path) -> None:
    with Project.open(path) as project:
        found = len(search_sentences(project.database, "Pentagon"))
    assert found > 0
    tamper(path, "DROP TABLE sentence_fts")
    with pytest.raises(SchemaIncomplete, match="sentence_fts"):
        Project.open(path)
    with Project.open(path, repair=True) as project:
        assert len(search_sentences(project.database, "Pentagon")) == found


def test_a_students_file_with_a_trigger_is_refused_by_a_merge(path: Path, tmp_path: Path) -> None:
    from annotator.core.classroom.files import export_assignment, merge_file
    from annotator.core.errors import MergeRefused

    returned = tmp_path / "returned.annot"
    with Project.open(path) as project:
        export_assignment(project, returned, keep=(), blind=False)
    tamper(returned, "CREATE TRIGGER wipe AFTER INSERT ON annotations BEGIN DELETE FROM articles; END")
    with Project.open(path) as project:
        with pytest.raises(MergeRefused, match="trigger wipe"):
            merge_file(project, returned)
        assert project.articles.count() == 4


def test_a_file_just_made_and_one_upgraded_pass_the_check(tmp_path: Path, sample: Project) -> None:
    from tests.conftest import copy_as_schema_1

    old = copy_as_schema_1(sample, tmp_path / "old.annot")
    with Project.open(old) as project:  # migrated, then opened again: as we make it
        assert project.articles.count() == sample.articles.count()
    Project.open(old).close()


def test_a_restored_date_trigger_groups_the_claims_afresh(path: Path) -> None:
    from annotator.core.claims.compute import METHOD
    from annotator.core.claims.refresh import ensure_claims
    with Project.open(path) as project:
        ensure_claims(project)
        assert not project.claims.is_stale(METHOD)
    tamper(path, "DROP TRIGGER article_date_regroups_claims", "UPDATE articles SET published = '1999-01-01'")
    with pytest.raises(SchemaIncomplete, match="grouping claims afresh when a date changes"):
        Project.open(path)
    with Project.open(path, repair=True) as project:
        assert project.claims.is_stale(METHOD)  # a date changed while the trigger was missing
