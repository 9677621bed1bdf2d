"""Article and outlet edits undo and redo exactly."""

from __future__ import annotations

from annotator.core.ops.articles import EditArticle, RenameOutlet
from annotator.core.store.project import Project


def listing(project: Project) -> list[tuple]:
    return [(a.id, a.outlet, a.title, a.published) for a in project.articles.list()]


def test_edit_article_undoes_and_redoes(sample: Project) -> None:
    before = listing(sample)
    edit = EditArticle(1, outlet="Newz Nine", title="A better title", published="2025-03-04")
    assert edit.apply(sample).articles
    after = listing(sample)
    assert (1, "Newz Nine", "A better title", "2025-03-04") in after
    edit.revert(sample)
    assert listing(sample) == before and "Newz Nine" not in sample.articles.outlets()
    edit.apply(sample)
    assert listing(sample) == after


def test_renaming_into_an_existing_outlet_merges_and_undo_splits_again(sample: Project) -> None:
    before = listing(sample)
    outlets = sample.articles.outlets()
    merge = RenameOutlet(outlets[0], outlets[1])
    merge.apply(sample)
    assert outlets[0] not in sample.articles.outlets()
    merge.revert(sample)
    assert listing(sample) == before
    rename = RenameOutlet(outlets[0], "Renamed outlet")
    rename.apply(sample)
    assert "Renamed outlet" in sample.articles.outlets()
    rename.revert(sample)
    assert listing(sample) == before
