"""Editing an article's outlet, title and date, and renaming or merging outlets: one transaction each,
returning what changed so an undo can put it back."""

from __future__ import annotations

import pytest

from annotator.core.errors import InvalidValue, NotFound
from annotator.core.records import ArticleChange, OutletChange
from annotator.core.store.project import Project


def test_edit_returns_before_and_after_and_restore_undoes_it(sample: Project) -> None:
    original = sample.articles.get(2)
    change = sample.articles.edit(2, outlet="Reuters", title="  A better title ", published="2025-03-04")
    assert isinstance(change, ArticleChange) and change.before == original
    assert (change.after.outlet, change.after.title, change.after.published) == ("Reuters", "A better title", "2025-03-04")
    assert sample.articles.get(2) == change.after
    assert "Unknown outlet" not in sample.articles.outlets()  # left empty, so gone
    sample.articles.restore(change.before)
    assert sample.articles.get(2) == original
    assert "Reuters" not in sample.articles.outlets()


def test_edit_changes_only_what_is_named_and_can_clear_the_date(sample: Project) -> None:
    sample.articles.edit(1, published="2025-03-04")
    change = sample.articles.edit(1, published="")
    assert change.after.published is None
    assert (change.after.title, change.after.outlet) == (change.before.title, change.before.outlet)


@pytest.mark.parametrize(("fields", "message"), [
    ({"title": "  "}, "title"), ({"outlet": ""}, "outlet"), ({"published": "2025-02-30"}, "not a date"),
    ({"published": "4 March 2025"}, "YYYY-MM-DD"),
])
def test_edit_refuses_bad_values_and_changes_nothing(sample: Project, fields, message) -> None:
    before = sample.articles.get(1)
    with pytest.raises(InvalidValue, match=message):
        sample.articles.edit(1, **fields)
    assert sample.articles.get(1) == before


def test_edit_of_a_missing_article_is_not_found(sample: Project) -> None:
    with pytest.raises(NotFound):
        sample.articles.edit(99, title="x")


def test_rename_outlet_keeps_its_articles(sample: Project) -> None:
    change = sample.articles.rename_outlet("Unknown outlet", "The Record")
    assert change == OutletChange(old="Unknown outlet", new="The Record", article_ids=(2,), merged=False)
    assert sample.articles.get(2).outlet == "The Record"
    sample.articles.restore_outlet(change)
    assert sample.articles.get(2).outlet == "Unknown outlet"
    assert "The Record" not in sample.articles.outlets()


def test_rename_onto_an_existing_outlet_merges_and_undo_splits_again(sample: Project) -> None:
    change = sample.articles.rename_outlet("Unknown outlet", "newz9.com")
    assert change.merged and change.article_ids == (2,)
    assert [a.id for a in sample.articles.list(outlet="newz9.com")] == [1, 2]
    assert "Unknown outlet" not in sample.articles.outlets()
    sample.articles.restore_outlet(change)
    assert [a.id for a in sample.articles.list(outlet="newz9.com")] == [1]
    assert sample.articles.get(2).outlet == "Unknown outlet"


def test_rename_outlet_refuses_unknown_or_empty_names(sample: Project) -> None:
    with pytest.raises(NotFound, match="no outlet 'BBC'"):
        sample.articles.rename_outlet("BBC", "B")
    with pytest.raises(InvalidValue):
        sample.articles.rename_outlet("Cybernews", " ")
    with pytest.raises(InvalidValue, match="already"):
        sample.articles.rename_outlet("Cybernews", "Cybernews")


def test_a_change_of_case_is_a_rename(sample: Project) -> None:
    change = sample.articles.rename_outlet("Cybernews", "CyberNews")
    assert not change.merged and sample.articles.get(3).outlet == "CyberNews"
