"""Articles published far apart tell different stories: their sentences are never one claim."""

from __future__ import annotations

from annotator.core.claims.clustering import Thresholds, edges
from annotator.core.claims.compute import METHOD, compute_claims
from annotator.core.claims.features import SentenceVector, Weights
from annotator.core.claims.refresh import ensure_claims
from annotator.core.ops.articles import SetPublished
from annotator.core.records import ParsedArticle, SentenceText
from annotator.core.store.project import Project

QUAKE = ("The U.S. Geological Survey says the magnitude 7.0 earthquake struck near the city at 1:25 a.m.",
         "The U.S. Geological Survey said the 7.0 magnitude earthquake struck near the city early Saturday.")


def _sentences() -> list[SentenceText]:
    return [SentenceText(1, 0, QUAKE[0]), SentenceText(2, 0, QUAKE[1])]


def test_articles_months_apart_share_no_claim() -> None:
    assert compute_claims(_sentences(), dates={1: "2011-03-11", 2: "2013-10-15"}) == []


def test_articles_weeks_apart_still_do() -> None:
    groups = compute_claims(_sentences(), dates={1: "2011-03-11", 2: "2011-05-25"})
    assert [g.members for g in groups] == [((1, 0), (2, 0))]


def test_an_unknown_or_unreadable_date_keeps_the_article_in_every_comparison() -> None:
    for dates in ({1: "2011-03-11", 2: None}, {1: "2011-03-11"}, {1: "2011-03-11", 2: "March 2013"},
                  {1: "2011-03-11", 2: b"2013-01-01"}, None):
        assert [g.members for g in compute_claims(_sentences(), dates=dates)] == [((1, 0), (2, 0))]


def test_an_undated_article_carries_no_claim_across_years() -> None:
    sentences = [SentenceText(1, 0, QUAKE[0]), SentenceText(2, 0, QUAKE[1]), SentenceText(3, 0, QUAKE[0])]
    groups = [g.members for g in compute_claims(sentences, dates={1: "2011-01-01", 2: None, 3: "2012-02-20"})]
    assert groups and not any({(1, 0), (3, 0)} <= set(g) for g in groups), groups


def _two_articles(project: Project, dates: tuple[str, str]) -> list[int]:
    ids = []
    for n, (text, published) in enumerate(zip(QUAKE, dates)):
        article = project.articles.add(ParsedArticle(title=f"Quake {n}", body=text, outlet=f"Outlet {n}",
                                                     published=published), [(0, len(text))])
        ids.append(article.id)
    return ids


def test_stored_claims_follow_the_articles_dates(project: Project) -> None:
    ids = _two_articles(project, ("2011-03-11", "2013-10-15"))
    ensure_claims(project)
    assert project.claims.list() == []
    op = SetPublished([ids[1]], "2011-03-12")
    op.apply(project)
    assert project.claims.is_stale(METHOD)  # a date changed: the claims are grouped afresh
    ensure_claims(project)
    assert len(project.claims.list()) == 1
    op.revert(project)
    assert project.claims.is_stale(METHOD)
    ensure_claims(project)
    assert project.claims.list() == []


def test_giving_an_article_the_date_it_has_keeps_the_claims(project: Project) -> None:
    ids = _two_articles(project, ("2011-03-11", "2011-03-12"))
    ensure_claims(project)
    SetPublished([ids[0]], "2011-03-11").apply(project)
    assert not project.claims.is_stale(METHOD)


def test_a_date_changed_while_claims_are_grouped_leaves_them_stale(project: Project) -> None:
    from annotator.core.claims.refresh import recompute
    ids = _two_articles(project, ("2011-03-11", "2011-03-12"))
    read = project.claims.read_state()
    project.articles.set_many([ids[1]], published="2013-10-15")  # as another window would, mid-grouping
    project.claims.replace([], method=METHOD, read=read)
    assert project.claims.is_stale(METHOD)
    recompute(project)
    assert not project.claims.is_stale(METHOD) and project.claims.list() == []


def test_an_older_story_told_at_length_does_not_crowd_out_a_later_ones_candidates() -> None:
    # 30 sentences of a story told a year earlier hold the same common words; with 5 postings a term the
    # later pair's candidates would all be the older story's sentences, all out of the date window
    thresholds = Thresholds(max_postings=5)
    words = {"quake": 1.0, "struck": 1.0, "city": 1.0, "magnitude": 1.0}
    vectors = [SentenceVector(dict(words), 4.0) for _ in range(32)]
    articles = list(range(32))
    days = [0] * 30 + [400, 401]
    found = edges(vectors, articles, thresholds=thresholds, weights=Weights(), days=days)
    assert (30, 31) in found
    assert not any(i < 30 <= j for i, j in found)
