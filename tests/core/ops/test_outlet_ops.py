"""Outlet entities: alias, split, merge and rename are undoable and redoable."""

from __future__ import annotations

import pytest

from annotator.core.errors import ChangedElsewhere, InvalidValue
from annotator.core.ops import runner
from annotator.core.ops.outlets import (
    AddOutletAlias, MergeOutlets, RenameOutletEntity, SplitOutletAlias, outlet_book)
from annotator.core.store.outlet_aliases import AliasRow, AliasStore
from annotator.core.store.project import Project


def _resolve(project: Project, name: str) -> str:
    return outlet_book(project).resolve(name)


def _round_trip(project: Project, operation, before: dict[str, str], after: dict[str, str]) -> None:
    assert {n: _resolve(project, n) for n in before} == before
    runner.apply(project, operation)
    assert {n: _resolve(project, n) for n in after} == after
    runner.revert(project, operation)
    assert {n: _resolve(project, n) for n in before} == before
    runner.apply(project, operation)  # redo
    assert {n: _resolve(project, n) for n in after} == after


def test_an_alias_is_added_and_taken_back(project: Project) -> None:
    _round_trip(project, AddOutletAlias("The Record", "TR"), {"TR": "TR"}, {"TR": "The Record"})
    assert "TR" in outlet_book(project).aliases_of("The Record")


def test_an_alias_is_split_off_and_put_back(project: Project) -> None:
    _round_trip(project, SplitOutletAlias("The Record", "Recorded Future News"),
                {"Recorded Future News": "The Record"}, {"Recorded Future News": "Recorded Future News"})


def test_merging_outside_outlets_makes_every_name_mean_one(project: Project) -> None:
    _round_trip(project, MergeOutlets("Bloomberg News", "Reuters"),
                {"Bloomberg": "Bloomberg", "Bloomberg News": "Bloomberg"},
                {"Bloomberg": "Reuters", "Bloomberg News": "Reuters"})


def test_merging_project_outlets_moves_the_articles_and_undo_moves_them_back(sample: Project) -> None:
    before = sorted(sample.articles.outlets())
    operation = MergeOutlets("newz9.com", "Cybernews")
    runner.apply(sample, operation)
    assert "newz9.com" not in sample.articles.outlets()
    assert _resolve(sample, "newz9.com") == "Cybernews"
    runner.revert(sample, operation)
    assert sorted(sample.articles.outlets()) == before
    assert _resolve(sample, "newz9.com") == "newz9.com"


def test_renaming_an_outlet_takes_its_aliases_along(project: Project) -> None:
    _round_trip(project, RenameOutletEntity("The Associated Press", "AP News Agency"),
                {"AP": "The Associated Press"}, {"AP": "AP News Agency", "The Associated Press": "AP News Agency"})


def test_renaming_onto_another_outlet_is_refused(project: Project) -> None:
    with pytest.raises(InvalidValue, match="merge"):
        runner.apply(project, RenameOutletEntity("AP", "Reuters"))
    assert AliasStore(project.database).all() == []


def test_an_alias_that_is_there_already_is_refused(project: Project) -> None:
    with pytest.raises(InvalidValue, match="already"):
        runner.apply(project, AddOutletAlias("The Associated Press", "AP"))


def test_splitting_a_name_that_is_not_an_alias_is_refused(project: Project) -> None:
    with pytest.raises(InvalidValue, match="not an alias"):
        runner.apply(project, SplitOutletAlias("Reuters", "AP"))


def test_undo_after_another_change_of_the_same_name_is_refused(project: Project) -> None:
    operation = AddOutletAlias("The Record", "TR")
    runner.apply(project, operation)
    AliasStore(project.database).put("tr", AliasRow("tr", "TR", "Reuters"))
    with pytest.raises(ChangedElsewhere):
        runner.revert(project, operation)
    assert _resolve(project, "TR") == "Reuters"


def test_another_window_hears_of_an_alias_as_an_outlet_change(project: Project) -> None:
    seen = project.change_log.latest()
    runner.apply(project, AddOutletAlias("The Record", "TR"))
    changes, _ = project.change_log.since(seen)
    assert changes.articles and not changes.annotations
