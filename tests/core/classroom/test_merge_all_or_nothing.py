"""A returned file is checked whole, then merged in one transaction or not at all."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from annotator.core.classroom.files import export_assignment, merge_file
from annotator.core.errors import MergeRefused
from annotator.core.store.project import Project


@pytest.fixture
def returned(sample: Project, tmp_path: Path) -> Path:
    """A student file with a new category, and annotations by two students."""
    path = tmp_path / "returned.annot"
    export_assignment(sample, path)
    with Project.open(path) as student:
        student.categories.add_labelled("Leaked recording")
        student.annotate_sentence(1, 0, category="leaked_recording", annotator="amy")
        student.annotate_sentence(1, 1, category="on_record", annotator="ben")
    return path


def _raw(path: Path, sql: str, params: tuple = ()) -> None:
    conn = sqlite3.connect(path)
    conn.execute(sql, params)
    conn.commit()
    conn.close()


def _snapshot(project: Project) -> tuple:
    return ([c.key for c in project.categories.list(include_archived=True)], project.annotations.list(),
            project.annotations.annotators())


def test_a_span_outside_its_article_refuses_the_whole_file(sample: Project, returned: Path) -> None:
    _raw(returned, "UPDATE annotations SET start = 100000, \"end\" = 100010 WHERE annotator_id ="
                   " (SELECT id FROM annotators WHERE name = 'ben')")
    before = _snapshot(sample)
    with pytest.raises(MergeRefused, match="span 100000-100010 is outside article 1") as caught:
        merge_file(sample, returned)
    assert "nothing was merged" in str(caught.value)
    assert _snapshot(sample) == before


def test_an_annotation_whose_category_is_missing_is_reported_not_dropped(sample: Project, returned: Path) -> None:
    _raw(returned, "UPDATE annotations SET category_id = 999 WHERE annotator_id ="
                   " (SELECT id FROM annotators WHERE name = 'ben')")
    before = _snapshot(sample)
    with pytest.raises(MergeRefused, match="annotation [0-9]+ names category 999, which is not there"):
        merge_file(sample, returned)
    assert _snapshot(sample) == before


def test_an_annotation_on_a_missing_article_is_reported(sample: Project, returned: Path) -> None:
    _raw(returned, "UPDATE annotations SET article_id = 77 WHERE annotator_id ="
                   " (SELECT id FROM annotators WHERE name = 'ben')")
    with pytest.raises(MergeRefused, match="article 77"):
        merge_file(sample, returned)
    assert sample.annotations.count() == 0


def test_a_good_file_is_merged_in_one_transaction(sample: Project, returned: Path, monkeypatch) -> None:
    calls = []
    real_write = sample.database.write

    def counting_write():  # a write opened outside a transaction begins one (inside, a savepoint)
        if not sample.database.conn.in_transaction:
            calls.append(1)
        return real_write()

    monkeypatch.setattr(sample.database, "write", counting_write)
    report = merge_file(sample, returned)
    assert report.added == {"amy": 1, "ben": 1} and report.new_categories == ["leaked_recording"]
    assert len(calls) == 1
    assert [a.category for a in sample.annotations.list(annotator="amy")] == ["leaked_recording"]


def test_a_failure_while_writing_leaves_the_class_project_as_it_was(sample: Project, returned: Path,
                                                                    monkeypatch) -> None:
    from annotator.core.store import annotations as annotation_store

    before = _snapshot(sample)
    monkeypatch.setattr(annotation_store, "_annotator_id", lambda conn, name: 1 / 0)
    with pytest.raises(ZeroDivisionError):
        merge_file(sample, returned)
    assert _snapshot(sample) == before


def test_body_hashes_are_recomputed_from_the_bodies(sample: Project, returned: Path) -> None:
    # The stored hash column may be damaged or edited; matching relies on the bodies themselves.
    _raw(returned, "UPDATE articles SET body_sha256 = CAST(X'FFFE' || CAST(id AS BLOB) AS TEXT)")
    report = merge_file(sample, returned)
    assert report.added == {"amy": 1, "ben": 1}


def test_a_body_changed_under_its_old_hash_does_not_match(sample: Project, returned: Path) -> None:
    _raw(returned, "UPDATE articles SET body = 'Something else entirely.' WHERE id = 1")
    with pytest.raises(MergeRefused, match="outside article 1|not in this project"):
        merge_file(sample, returned)
    assert sample.annotations.count() == 0
