"""Reading never writes: an older file is read through an upgraded private copy, and a pending -wal
without its -shm is read from a copy, so nothing new appears beside the file."""

from __future__ import annotations

import shutil
from pathlib import Path

from annotator.core.store.project import Project
from annotator.core.store.schema import LATEST_VERSION


def test_an_older_file_opens_read_only_without_being_upgraded(sample: Project, tmp_path: Path, schema_1_copy) -> None:
    sample.annotate_sentence(1, 2, category="document", annotator="amy")
    (tmp_path / "old").mkdir()
    old = schema_1_copy(sample, tmp_path / "old" / "old.annot")
    before = old.read_bytes()
    with Project.open(old, read_only=True) as project:
        assert project.read_only
        assert [a.annotated_sentences for a in project.articles.list() if a.id == 1] == [1]
        assert project.annotations.counts_by_category()["document"] == 1
        assert project.database.row("PRAGMA user_version")[0] == LATEST_VERSION
    assert old.read_bytes() == before
    assert sorted(p.name for p in old.parent.iterdir()) == ["old.annot"]


def test_a_pending_wal_without_shm_is_read_and_nothing_is_left_beside_it(sample: Project, tmp_path: Path) -> None:
    writer = Project.open(sample.path)
    writer.annotate_sentence(1, 2, category="document", annotator="amy")  # now in the -wal only
    folder = tmp_path / "copy"
    folder.mkdir()
    shutil.copyfile(sample.path, folder / "p.annot")
    shutil.copyfile(f"{sample.path}-wal", folder / "p.annot-wal")
    writer.close()
    with Project.open(folder / "p.annot", read_only=True) as project:
        assert project.annotations.count() == 1
    assert sorted(p.name for p in folder.iterdir()) == ["p.annot", "p.annot-wal"]
