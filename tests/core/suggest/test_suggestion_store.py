"""Stored suggestions: computed, recomputed when the cues change, rejected ones never back; the ops."""

from __future__ import annotations

import json

import pytest

from annotator.core.ops.suggestions import AcceptSuggestion, RejectSuggestion
from annotator.core.records import ParsedArticle
from annotator.core.ingest.segment import split_sentences
from annotator.core.store.project import Project
from annotator.core.suggest.refresh import refresh_suggestions

BODY = ("The talks stalled on Monday, two officials said on condition of anonymity.\n"
        "Pentagon spokesperson Sean Parnell said the review was complete.\n"
        "The bridge was closed in 2019.")


@pytest.fixture
def project(tmp_path):
    with Project.create(tmp_path / "p.annot") as project:
        article = project.articles.add(ParsedArticle(title="Talks", body=BODY, outlet="Daily"), split_sentences(BODY))
        project.article_id = article.id
        yield project


def test_refresh_stores_each_sentences_suggestions_with_cue_and_source(project) -> None:
    changes = refresh_suggestions(project)
    assert changes.suggestions
    found = [(s.idx, s.category, s.source) for s in project.suggestions.for_article(project.article_id)]
    assert found == [(0, "anonymous_official", "two officials"), (1, "on_record", "Sean Parnell, Pentagon spokesperson")]
    assert project.suggestions.for_sentence(project.article_id, 1)[0].cue


def test_refresh_does_nothing_until_the_cues_change(project, tmp_path, monkeypatch) -> None:
    refresh_suggestions(project)
    assert not refresh_suggestions(project).suggestions
    cues = tmp_path / "cues"
    cues.mkdir()
    (cues / "x.json").write_text(json.dumps({"categories": {"document": {"cues": ["the bridge"]}}}), encoding="utf-8")
    monkeypatch.setenv("ANNOTATOR_CUES_DIR", str(cues))
    assert refresh_suggestions(project).suggestions
    assert "document" in {s.category for s in project.suggestions.for_sentence(project.article_id, 2)}


def test_a_rejected_suggestion_never_comes_back(project, tmp_path, monkeypatch) -> None:
    refresh_suggestions(project)
    suggestion = project.suggestions.for_sentence(project.article_id, 0)[0]
    op = RejectSuggestion(suggestion)
    assert op.apply(project).suggestions
    assert project.suggestions.for_sentence(project.article_id, 0) == []
    cues = tmp_path / "cues"
    cues.mkdir()
    (cues / "x.json").write_text("{}", encoding="utf-8")
    monkeypatch.setenv("ANNOTATOR_CUES_DIR", str(cues))
    refresh_suggestions(project)  # a new lexicon recomputes everything
    assert project.suggestions.for_sentence(project.article_id, 0) == []
    op.revert(project)
    assert project.suggestions.for_sentence(project.article_id, 0) == [suggestion]


def test_accept_makes_an_annotation_with_the_source_and_undo_removes_it(project) -> None:
    refresh_suggestions(project)
    suggestion = project.suggestions.for_sentence(project.article_id, 1)[0]
    op = AcceptSuggestion(suggestion, annotator="ana")
    changes = op.apply(project)
    [annotation] = project.annotations.for_article(project.article_id)
    assert (annotation.category, annotation.source) == ("on_record", "Sean Parnell, Pentagon spokesperson")
    assert changes.added == (annotation,) and changes.suggestions
    assert op.revert(project).removed == (annotation,)
    assert project.annotations.for_article(project.article_id) == []
    op.apply(project)  # redo
    assert project.annotations.for_article(project.article_id) == [annotation]


def test_a_blind_assignment_has_suggestions_off_unless_written_with_them(project) -> None:
    project.info.set_value("blind", "1")
    assert not project.suggestions.enabled
    assert not refresh_suggestions(project).suggestions
    project.info.set_value("suggestions", "1")
    assert project.suggestions.enabled
