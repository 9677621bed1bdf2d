"""Full-text search: only matching sentences, case and accents ignored, phrases, prefixes, hostile input."""

from __future__ import annotations

import pytest

from annotator.core.analysis.search import count_matches, match_expression, search_sentences
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


@pytest.fixture
def many(project: Project) -> Project:
    """Three articles of five sentences; 'alpha' is in every other sentence of each."""
    for n in range(3):
        _add(project, "|".join(f"{'Alpha' if i % 2 == 0 else 'Beta'} number {i} of {n}. " for i in range(5)))
    return project


def test_hits_come_in_article_then_sentence_order(many: Project) -> None:
    assert _found(many, "alpha") == [(a, i) for a in (1, 2, 3) for i in (0, 2, 4)]


def test_one_article_scope_finds_only_that_articles_sentences(many: Project) -> None:
    hits = search_sentences(many.database, "alpha", article_id=2)
    assert [(h.article_id, h.idx) for h in hits] == [(2, 0), (2, 2), (2, 4)]
    assert count_matches(many.database, "alpha", article_id=2) == 3
    assert search_sentences(many.database, "alpha", article_id=99) == []


def test_the_last_sentence_of_the_last_article_is_in_its_scope(project: Project) -> None:
    article = _add(project, "|".join(f"Gamma {i}. " for i in range(300)))
    assert [h.idx for h in search_sentences(project.database, "gamma", article_id=article)] == list(range(300))


@pytest.mark.parametrize("page", [1, 2, 4, 9, 10])
def test_pages_after_the_last_hit_add_up_to_the_whole_search(many: Project, page: int) -> None:
    pages, after = [], None
    while hits := search_sentences(many.database, "alpha", after=after, limit=page):
        assert len(hits) <= page
        pages += [(h.article_id, h.idx) for h in hits]
        after = hits[-1].position
    assert pages == _found(many, "alpha")


def test_paging_within_one_article(many: Project) -> None:
    first = search_sentences(many.database, "alpha", article_id=2, limit=2)
    rest = search_sentences(many.database, "alpha", article_id=2, after=first[-1].position)
    assert [(h.article_id, h.idx) for h in first + rest] == [(2, 0), (2, 2), (2, 4)]


def test_a_page_after_an_earlier_article_starts_in_the_scope(many: Project) -> None:
    hits = search_sentences(many.database, "alpha", article_id=3, after=(1, 4))
    assert [(h.article_id, h.idx) for h in hits] == [(3, 0), (3, 2), (3, 4)]


def test_count_matches_counts_every_matching_sentence(many: Project) -> None:
    assert count_matches(many.database, "alpha") == 9
    assert count_matches(many.database, "alpha beta") == 0


def test_a_hit_is_immutable(indexed: Project) -> None:
    hit = search_sentences(indexed.database, "denied")[0]
    with pytest.raises(AttributeError):
        hit.text = "changed"  # type: ignore[misc]
