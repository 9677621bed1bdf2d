"""A denial and the statement it denies: two claims, linked as disputing each other."""

from __future__ import annotations

from annotator.core.claims.clustering import Thresholds
from annotator.core.claims.compute import compute_claims
from annotator.core.claims.disputes import disputing, split_by_stance
from annotator.core.claims.evaluate import links_found, score
from annotator.core.claims.stance import Stance
from annotator.core.records import SentenceText
from tests.core.claims.labelled import gold_disputes, load

S, D = Stance.STATES, Stance.DISPUTES


def test_edges_across_stances_are_kept_aside() -> None:
    same, cross = split_by_stance({(0, 1): 0.5, (1, 2): 0.4}, [S, S, D])
    assert same == {(0, 1): 0.5} and cross == {(1, 2): 0.4}


def test_groups_that_would_have_merged_but_for_stance_dispute_each_other() -> None:
    cross = {(i, j): 0.4 for i in (0, 1) for j in (2, 3)}
    assert disputing([[0, 1], [2, 3]], [1, 2, 3, 4], cross) == [(0, 1)]


def test_a_denial_sharing_one_pair_with_a_claim_does_not_dispute_it() -> None:
    cross = {(0, 3): 0.6}  # one of nine pairs
    assert disputing([[0, 1, 2], [3, 4, 5]], [1, 2, 3, 4, 5, 6], cross, thresholds=Thresholds()) == []


def test_a_denial_is_a_claim_of_its_own_disputing_the_statement() -> None:
    sentences = [SentenceText(1, 0, "The Pentagon paused offensive cyber operations against Russia, officials said."),
                 SentenceText(2, 0, "The Pentagon has paused its offensive cyber operations against Russia."),
                 SentenceText(3, 0, "The Pentagon denied that it had paused offensive cyber operations against Russia."),
                 SentenceText(4, 0, "The Pentagon denied it paused its offensive cyber operations against Russia.")]
    claims = compute_claims(sentences)
    members = sorted(c.members for c in claims)
    assert members == [((1, 0), (2, 0)), ((3, 0), (4, 0))]
    assert [c.disputes for c in claims] == [(1,), (0,)]


def test_on_the_disputes_set_denials_come_apart_and_are_linked() -> None:
    sentences, gold, _ = load("disputes")
    claims = compute_claims(sentences)
    groups = [c.members for c in claims]
    links = [(a, b) for a, c in enumerate(claims) for b in c.disputes if a < b]
    result = score(gold, groups)
    # measured: P 0.85 R 0.95 F1 0.89, 18/18 claims, 6/6 links (before stances: F1 0.64, 13/18, no links)
    assert result.f1 >= 0.8 and result.found >= 16
    assert links_found(gold, gold_disputes("disputes"), groups, links) >= 5
    assert len(links) <= 8  # no link between unrelated claims
