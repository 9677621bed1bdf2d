"""How sentences are grouped into claims: majority links instead of chains, two sentences in."""

from __future__ import annotations

import pytest

from annotator.core.claims.clustering import Thresholds, average_link, group_edges
from annotator.core.claims.compute import compute_claims
from annotator.core.records import SentenceText
from tests.core.claims.labelled import load


def _grouped(a: str, b: str) -> bool:
    """Whether two sentences of different articles come out as one claim."""
    pair = [SentenceText(1, 0, a), SentenceText(2, 0, b)]
    return any(len(g.members) == 2 for g in compute_claims(pair))


@pytest.mark.parametrize("a, b", [
    ("Defense Secretary Pete Hegseth ordered Cyber Command to pause offensive operations against Russia.",
     "The Pentagon chief told Cyber Command to halt its offensive operations against Moscow, officials said."),
    ("At least 107 people were killed when a crane collapsed into the Grand Mosque in Mecca.",
     "One hundred and seven worshippers died after a crane toppled onto Mecca's Grand Mosque."),
    ("Hegseth denied that the pause had been ordered.",
     "The defence secretary refuted reports that Hegseth had ordered a halt."),
    ("North Korea gave Seoul 48 hours to switch off the loudspeakers.",
     "Pyongyang threatened to attack within forty-eight hours unless South Korea stopped the broadcasts."),
])
def test_reworded_sentences_of_one_claim_are_grouped(a: str, b: str) -> None:
    assert _grouped(a, b)


@pytest.mark.parametrize("a, b", [
    ("Hegseth ordered Cyber Command to pause offensive operations against Russia.",
     "The agency said its work on threats from Russia continues unchanged."),
    ("Fishermen rescued more than 700 migrants off Aceh on Friday.",
     "Malaysia and Indonesia turn migrant boats away, the UN said."),
])
def test_sentences_sharing_a_few_story_words_are_not_grouped(a: str, b: str) -> None:
    assert not _grouped(a, b)


def _groups(n: int, edges: dict[tuple[int, int], float]) -> list[list[int]]:
    groups = average_link(n, list(range(n)), edges, merge_at=0.1, majority=0.5)
    return sorted(g for g in groups if len(g) > 1)


def test_a_chain_of_loose_matches_does_not_make_one_claim() -> None:
    chain = {(0, 1): 0.5, (1, 2): 0.5, (2, 3): 0.5, (3, 4): 0.5}
    assert all(len(g) <= 2 for g in _groups(5, chain))


def test_a_sentence_matching_most_members_of_a_claim_joins_it() -> None:
    core = {(i, j): 0.5 for i in range(4) for j in range(i + 1, 4)}
    late = {(0, 4): 0.2, (1, 4): 0.2, (2, 4): 0.2}  # matches three of four, weakly
    assert _groups(5, core | late) == [[0, 1, 2, 3, 4]]


def test_two_halves_of_a_big_claim_merge_when_most_pairs_match() -> None:
    halves = {(i, j): 0.4 for i in range(4) for j in range(i + 1, 4)}
    halves |= {(i, j): 0.4 for i in range(4, 8) for j in range(i + 1, 8)}
    across = {(i, j): 0.2 for i in range(4) for j in range(4, 8) if (i + j) % 4}  # 12 of 16 pairs
    assert _groups(8, halves | across) == [list(range(8))]


def test_a_sentence_matching_one_member_of_a_claim_stays_out() -> None:
    core = {(i, j): 0.5 for i in range(4) for j in range(i + 1, 4)}
    assert not any({0, 1, 2, 4} <= set(g) for g in _groups(5, core | {(3, 4): 0.6}))


def test_a_tight_claim_inside_a_broad_one_is_listed_too() -> None:
    tight = {(0, 1): 0.6, (0, 2): 0.6, (1, 2): 0.6, (3, 4): 0.6}
    loose = {(i, j): 0.3 for i in range(3) for j in (3, 4)}
    thresholds = Thresholds(merge_at=0.2, fine_merge_at=0.4, join_at=0.9)
    groups = sorted(group_edges(5, list(range(5)), tight | loose, thresholds=thresholds))
    assert groups == [[0, 1, 2], [0, 1, 2, 3, 4], [3, 4]]


def test_a_claim_found_at_both_levels_is_listed_once() -> None:
    tight = {(0, 1): 0.6, (0, 2): 0.6, (1, 2): 0.6}
    thresholds = Thresholds(merge_at=0.2, fine_merge_at=0.4, join_at=0.9)
    assert group_edges(3, [0, 1, 2], tight, thresholds=thresholds) == [[0, 1, 2]]


def test_each_listed_claim_has_a_label_of_its_own() -> None:
    sentences, _, _ = load("seed")
    labels = [g.label for g in compute_claims(sentences)]
    assert len(labels) == len(set(labels))


def _two_wordings(across: float, share: int) -> dict[tuple[int, int], float]:
    """Two tight groups of four (one wording each) and `share` of their 16 cross pairs at `across`."""
    edges = {(i, j): 0.6 for i in range(4) for j in range(i + 1, 4)}
    edges |= {(i, j): 0.6 for i in range(4, 8) for j in range(i + 1, 8)}
    cross = [(i, 4 + (i + k) % 4) for k in range(4) for i in range(4)]  # spread over the sentences
    return edges | {pair: across for pair in cross[:share]}


def test_two_wordings_of_a_claim_told_by_many_outlets_come_out_as_one_group() -> None:
    # half the cross pairs match, well: too few for majority-link, enough for the cores to join
    thresholds = Thresholds(merge_at=0.21, majority=0.5, core_merge_at=0.15, core_majority=0.3, fine_merge_at=0.0)
    groups = group_edges(8, list(range(8)), _two_wordings(0.35, 8), thresholds=thresholds)
    assert [list(range(8))] == [g for g in groups if len(g) > 4]


def test_groups_linked_by_a_few_pairs_stay_apart() -> None:
    thresholds = Thresholds(merge_at=0.21, majority=0.5, core_merge_at=0.15, core_majority=0.3, fine_merge_at=0.0)
    groups = group_edges(8, list(range(8)), _two_wordings(0.6, 3), thresholds=thresholds)
    assert sorted(groups) == [[0, 1, 2, 3], [4, 5, 6, 7]]


def test_a_loose_sentence_does_not_join_a_core_it_barely_matches() -> None:
    core = {(i, j): 0.5 for i in range(6) for j in range(i + 1, 6)}
    thresholds = Thresholds(core_merge_at=0.15, core_majority=0.3, fine_merge_at=0.0, join_at=0.9)
    groups = group_edges(7, list(range(7)), core | {(0, 6): 0.5}, thresholds=thresholds)
    assert groups == [[0, 1, 2, 3, 4, 5]]


def test_a_chain_of_cores_does_not_make_one_claim() -> None:
    edges: dict[tuple[int, int], float] = {}
    for start in (0, 3, 6):  # three tight cores of three; neighbours linked by one strong pair
        edges |= {(start + a, start + b): 0.6 for a in range(3) for b in range(a + 1, 3)}
    edges |= {(2, 3): 0.6, (5, 6): 0.6}
    thresholds = Thresholds(core_merge_at=0.15, core_majority=0.3, fine_merge_at=0.0, join_at=0.9)
    assert sorted(group_edges(9, list(range(9)), edges, thresholds=thresholds)) == [[0, 1, 2], [3, 4, 5], [6, 7, 8]]
