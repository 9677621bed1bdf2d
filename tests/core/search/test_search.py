"""Full-text search: only matching sentences, case and accents ignored, phrases, prefixes, hostile input."""

from __future__ import annotations

import pytest

from annotator.core.analysis.search import match_expression, search_sentences
from annotator.core.errors import InvalidValue
from annotator.core.records import ParsedArticle
from annotator.core.store.project import Project


def _add(project: Project, body: str, title: str = "T") -> int:
    spans, start = [], 0
    for part in body.split("|"):
        spans.append((start, start + len(part)))
        start += len(part)
    return project.articles.add(ParsedArticle(title=title, body=body.replace("|", ""), outlet="Wire"), spans).id


def _found(project: Project, query: str) -> list[tuple[int, int]]:
    return [(h.article_id, h.idx) for h in search_sentences(project.database, query)]


@pytest.fixture
def indexed(project: Project) -> Project:
    _add(project, "Talks were held in Zürich. |The pause was ordered by Hegseth. |Nothing else.")
    _add(project, "Officials in ZURICH denied it. |Pausing operations is rare.")
    return project


@pytest.mark.parametrize("query, expected", [
    ("zurich", [(1, 0), (2, 0)]),
    ("ZÜRICH", [(1, 0), (2, 0)]),
    ("paus*", [(1, 1), (2, 1)]),
    ('"ordered by hegseth"', [(1, 1)]),
    ('"hegseth by ordered"', []),
    ("pause hegseth", [(1, 1)]),
    ("pause officials", []),
])
def test_search_returns_exactly_the_matching_sentences(indexed: Project, query: str, expected) -> None:
    assert _found(indexed, query) == expected


@pytest.mark.parametrize("query", ['"', 'AND(', "NEAR(a b)", "a:b", "*", 'pause "', "OR", "-pause", "^x", "'; DROP"])
def test_hostile_queries_never_raise_a_syntax_error(indexed: Project, query: str) -> None:
    try:
        search_sentences(indexed.database, query)
    except InvalidValue:
        pass


@pytest.mark.parametrize("query", ["", "   ", '"', "***", "()"])
def test_a_query_without_words_is_an_invalid_value(query: str) -> None:
    with pytest.raises(InvalidValue):
        match_expression(query)


def test_the_hit_carries_outlet_title_and_text(indexed: Project) -> None:
    hit = search_sentences(indexed.database, "denied")[0]
    assert (hit.outlet, hit.title, hit.text) == ("Wire", "T", "Officials in ZURICH denied it. ")


def test_new_articles_are_searchable_at_once(indexed: Project) -> None:
    article = _add(indexed, "A fresh report from Genève.")
    assert _found(indexed, "geneve") == [(article, 0)]


def test_a_retitled_article_shows_its_new_title(indexed: Project) -> None:
    indexed.articles.edit(1, title="New title")
    assert search_sentences(indexed.database, "hegseth")[0].title == "New title"
