"""Deleting articles: everything they own goes, and undo brings every row back exactly."""

from __future__ import annotations

import pytest

from annotator.core.claims.compute import METHOD
from annotator.core.claims.refresh import ensure_claims
from annotator.core.errors import ChangedElsewhere, InvalidValue
from annotator.core.ops import runner
from annotator.core.ops.articles import DeleteArticles, SetOutlet, SetPublished
from annotator.core.store.project import Project
from annotator.core.store.schema import SENTENCE_KEY
from annotator.core.suggest.refresh import refresh_suggestions

# Every table an article's rows live in, or that counts them; the claims are regrouped, the log grows.
SKIPPED = {"change_log", "claims", "claim_members", "claim_runs", "sqlite_sequence"}


def everything(project: Project) -> dict[str, list[tuple]]:
    conn = project.database.conn
    tables = [name for (name,) in conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sentence_fts%'")]
    return {t: sorted(map(tuple, conn.execute(f"SELECT * FROM {t}")), key=repr) for t in tables if t not in SKIPPED}


def indexed(project: Project, word: str) -> list[int]:
    return [key for (key,) in project.database.conn.execute(
        "SELECT rowid FROM sentence_fts WHERE sentence_fts MATCH ?", (word,))]


def annotated(sample: Project) -> Project:
    for idx, category, who in ((0, "anonymous_official", "amy"), (2, "on_record", "amy"), (2, "document", "bo")):
        sample.annotate_sentence(1, idx, category=category, annotator=who, source="a source")
    sample.annotate_sentence(2, 1, category="on_record", annotator="amy")
    refresh_suggestions(sample)
    found = sample.suggestions.for_article(1)
    assert found, "the sample article has suggestions"
    sample.suggestions.reject(1, found[0].idx, found[0].category)
    ensure_claims(sample)
    return sample


def test_delete_removes_every_row_of_the_article_and_undo_restores_them_exactly(sample: Project) -> None:
    project = annotated(sample)
    before, found = everything(project), indexed(project, "Kikta")
    assert {key // SENTENCE_KEY for key in found} == {1}
    operation = DeleteArticles([1])
    runner.apply(project, operation)
    after = everything(project)
    assert sorted(a.id for a in project.articles.list()) == [2, 3, 4]
    for table in ("sentences", "annotations", "suggestions", "suggested_articles", "rejected_suggestions",
                  "sentence_marks", "article_progress", "article_sizes"):
        assert all(row[0] != 1 for row in after[table]), table
    assert all(row[1] != 1 for row in after["annotations"])
    assert "newz9.com" not in project.articles.outlets()  # its only article is gone
    assert indexed(project, "Kikta") == []  # the search index forgot its sentences
    assert project.claims.is_stale(METHOD)
    runner.revert(project, operation)
    assert everything(project) == before
    assert indexed(project, "Kikta") == found
    assert project.claims.is_stale(METHOD)  # grouped afresh with it
    runner.apply(project, operation)  # redo
    assert everything(project) == after


def test_delete_counts_for_the_confirmation_and_deletes_several_as_one_step(sample: Project) -> None:
    project = annotated(sample)
    count = project.articles.annotation_count([1, 2])
    assert (count.annotations, count.annotators) == (4, 2)
    before = everything(project)
    operation = DeleteArticles([1, 2])
    runner.apply(project, operation)
    assert project.articles.count() == 2
    runner.revert(project, operation)
    assert everything(project) == before


def test_undo_of_a_delete_refuses_when_the_article_came_back_meanwhile(sample: Project) -> None:
    parsed, spans = sample.articles.parsed(1), [(s.start, s.end) for s in sample.articles.sentences(1)]
    operation = DeleteArticles([1])
    runner.apply(sample, operation)
    sample.articles.add(parsed, spans)  # imported again from another window
    with pytest.raises(ChangedElsewhere, match="imported again"):
        runner.revert(sample, operation)
    assert sample.articles.count() == 4


def test_set_outlet_and_date_of_several_articles_is_one_undo_step(sample: Project) -> None:
    before = [(a.id, a.outlet, a.published) for a in sample.articles.list()]
    move = SetOutlet([1, 2], " The  Record ")
    runner.apply(sample, move)
    assert {a.id: a.outlet for a in sample.articles.list()}[2] == "The Record"
    assert {a.id: a.outlet for a in sample.articles.list()}[1] == "The Record"
    assert "Unknown outlet" not in sample.articles.outlets()
    date = SetPublished([1, 3], "2025-03-04")
    runner.apply(sample, date)
    assert {a.id: a.published for a in sample.articles.list()}[3] == "2025-03-04"
    runner.revert(sample, date)
    runner.revert(sample, move)
    assert [(a.id, a.outlet, a.published) for a in sample.articles.list()] == before


def test_set_date_refuses_a_bad_date_and_changes_nothing(sample: Project) -> None:
    with pytest.raises(InvalidValue, match="YYYY-MM-DD"):
        runner.apply(sample, SetPublished([1, 2], "4 March"))
    assert all(a.published is None for a in sample.articles.list())


def test_undo_of_set_outlet_refuses_when_an_article_was_edited_elsewhere(sample: Project) -> None:
    move = SetOutlet([1, 2], "The Record")
    runner.apply(sample, move)
    sample.articles.edit(2, outlet="Elsewhere")
    with pytest.raises(ChangedElsewhere):
        runner.revert(sample, move)
    assert {a.id: a.outlet for a in sample.articles.list()}[1] == "The Record"
