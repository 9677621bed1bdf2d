"""Claim matching on the hand-labelled sets: quality floors, and the pieces it is made of."""

from __future__ import annotations

import pytest

from annotator.core.errors import Cancelled
from annotator.core.claims.clustering import add_overlaps
from annotator.core.claims.compute import compute_claims
from annotator.core.claims.evaluate import score
from annotator.core.claims.tokens import fold, terms
from annotator.core.records import SentenceText
from tests.core.claims.labelled import dates, load


@pytest.mark.parametrize("name, min_f1, min_found", [("seed", 0.55, 9), ("paraphrase", 0.9, 8), ("retold", 0.6, 23),
                                                     ("scale", 0.65, 21)])
def test_matching_keeps_its_measured_quality(name: str, min_f1: float, min_found: int) -> None:
    sentences, gold, _ = load(name)
    result = score(gold, [g.members for g in compute_claims(sentences, dates=dates(name))])
    assert result.f1 >= min_f1 and result.found >= min_found, result


def test_synonyms_and_stems_meet_at_one_term() -> None:
    assert [t.text for t in terms("halted")] == [t.text for t in terms("pauses")] == [t.text for t in terms("stand down")]
    assert [t.text for t in terms("denied")] == [t.text for t in terms("rejects")]


def test_numbers_in_words_and_digits_are_one_term() -> None:
    assert [t.text for t in terms("twelve percent")] == [t.text for t in terms("12 per cent")]


def test_fold_removes_case_and_accents() -> None:
    assert fold("Zürich ÉTÉ") == "zurich ete"


def test_sentences_of_one_article_are_never_grouped_alone() -> None:
    same = [SentenceText(1, 0, "Hegseth ordered a pause of cyber operations against Russia."),
            SentenceText(1, 1, "Hegseth ordered a pause of cyber operations against Russia again.")]
    assert compute_claims(same) == []


def test_one_sentence_may_state_two_claims() -> None:
    # sentence 0 (article 1) matches both the group {1, 2} and the group {3, 4}
    articles = [1, 2, 3, 4, 5]
    edges = {(1, 2): 0.9, (3, 4): 0.9, (0, 1): 0.5, (0, 2): 0.5, (0, 3): 0.5, (0, 4): 0.5}
    groups = add_overlaps([[0, 1, 2], [3, 4]], articles, edges, join_at=0.4)
    assert groups == [[0, 1, 2], [0, 3, 4]]


def test_progress_false_cancels() -> None:
    sentences, _, _ = load("paraphrase")
    with pytest.raises(Cancelled):
        compute_claims(sentences, progress=lambda done, total: False)
