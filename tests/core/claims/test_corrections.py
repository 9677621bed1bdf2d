"""The correction algebra on plain rows: what a merge, a take-out and a name do, their undo, kept ids."""

from __future__ import annotations

import pytest

from annotator.core.claims.corrections import (
    DraftClaim, best_match, check_merge, claim_name, keep_ids, merged, numbered, relinked, removed, renamed,
    replay, undone,
)
from annotator.core.errors import InvalidValue, NotFound
from annotator.core.records import ClaimEdit, ClaimRow, Correction, NewClaim

A = ClaimRow(1, "Rates rise", False, ((1, 0), (2, 0)))
B = ClaimRow(2, "Bank acts", True, ((3, 1), (4, 2)))


def test_merge_joins_the_sentences_under_the_kept_id_and_takes_the_only_name() -> None:
    correction, before, after = merged(A, B)
    assert before == (A, B)
    assert after == (ClaimRow(1, "Bank acts", True, ((1, 0), (2, 0), (3, 1), (4, 2))),)
    assert (correction.action, correction.first, correction.second) == ("merge", frozenset(A.members),
                                                                        frozenset(B.members))


def test_a_claim_is_not_merged_with_itself() -> None:
    with pytest.raises(InvalidValue):
        check_merge(3, 3)


@pytest.mark.parametrize(("row", "after"), [
    (ClaimRow(1, "x", False, ((1, 0), (2, 0), (3, 0))), (ClaimRow(1, "x", False, ((1, 0), (3, 0))),)),
    (A, ()),  # left within one article: the claim goes
])
def test_taking_a_sentence_out_leaves_the_rest(row: ClaimRow, after: tuple[ClaimRow, ...]) -> None:
    correction, _, left = removed(row, 2, 0)
    assert left == after and correction.sentence == (2, 0)


def test_taking_out_a_sentence_the_claim_lacks_is_refused() -> None:
    with pytest.raises(NotFound):
        removed(A, 9, 9)


def test_a_name_is_tidied_and_a_blank_one_refused() -> None:
    assert claim_name("  Rates \n rise ") == "Rates rise"
    with pytest.raises(InvalidValue):
        claim_name(" \t")
    assert renamed(A, "New")[2] == (ClaimRow(1, "New", True, A.members),)


def test_undo_without_recomputation_puts_the_rows_back_as_they_were() -> None:
    correction, before, after = merged(A, B)
    edit = ClaimEdit(7, correction, before, after)
    assert undone(edit, list(after)) == ([A, B], [1])


def test_undo_after_recomputation_splits_the_merged_claim_again() -> None:
    correction, before, after = merged(A, B)
    edit = ClaimEdit(7, correction, before, after)
    recomputed = [ClaimRow(5, "Bank acts", True, after[0].members)]  # the merged claim took a new id
    put, delete = undone(edit, recomputed)
    assert put == [ClaimRow(5, "Rates rise", False, A.members), ClaimRow(2, "Bank acts", True, B.members)]
    assert delete == []


C = ClaimRow(3, "Bank denies", False, ((5, 0), (6, 0)))


def test_undo_of_a_merge_links_the_claim_merged_away_again() -> None:
    correction, before, after = merged(A, B)
    edit = ClaimEdit(7, correction, before, after, cut=((1, A), (1, C)))
    put, delete = undone(edit, [*after, C])
    assert relinked(edit, put, delete, [*after, C]) == [(1, A.id), (1, C.id)]


def test_undo_after_recomputation_links_to_what_the_disputing_claim_is_now() -> None:
    correction, before, after = merged(A, B)
    edit = ClaimEdit(7, correction, before, after, cut=((1, C),))
    rows = [ClaimRow(5, "Bank acts", True, after[0].members), ClaimRow(9, "Bank denies", False, C.members)]
    put, delete = undone(edit, rows)
    assert relinked(edit, put, delete, rows) == [(1, 9)]
    assert relinked(edit, put, delete, rows[:1]) == []  # the disputing claim is gone


def test_a_new_claim_keeps_the_id_of_the_old_one_it_overlaps_most() -> None:
    new = [NewClaim(frozenset({(3, 1), (4, 2), (5, 0)}), "b"), NewClaim(frozenset({(8, 0), (9, 0)}), "c"),
           NewClaim(frozenset({(1, 0), (2, 0)}), "a")]
    assert keep_ids(new, [A, B]) == [2, 3, 1]
    assert [row.id for row in numbered(new, [A, B])] == [2, 3, 1]
    assert numbered(new, [A, B])[0].members == ((3, 1), (4, 2), (5, 0))


# A broad claim and a narrow one nested in it, as stored; a fresh grouping in which the broad claim
# holds every sentence of the narrow one, and the narrow one changed a little.
BROAD = frozenset({(1, 0), (2, 0), (2, 1), (3, 1), (3, 2), (4, 0)})
NARROW = frozenset({(2, 0), (2, 1), (3, 2), (4, 0)})
FRESH_BROAD = BROAD | {(5, 0)}
FRESH_NARROW = frozenset({(2, 0), (3, 2), (4, 0), (2, 4), (5, 0)})


def _fresh() -> list[DraftClaim]:
    return [DraftClaim(set(FRESH_BROAD), "broad"), DraftClaim(set(FRESH_NARROW), "narrow")]


def test_a_correction_of_a_nested_claim_stays_on_the_nested_claim() -> None:
    fresh = _fresh()
    assert best_match(NARROW, fresh) is fresh[0]  # by overlap alone, the broad claim holds it all
    assert best_match(NARROW, fresh, stored=[BROAD, NARROW]) is fresh[1]
    assert best_match(BROAD, fresh, stored=[BROAD, NARROW]) is fresh[0]


def test_a_name_replayed_on_nested_claims_goes_to_the_narrow_one() -> None:
    named = replay(_fresh(), [Correction("name", NARROW, label="Officials confirm")], stored=[BROAD, NARROW])
    assert [(d.label, d.named) for d in named] == [("broad", False), ("Officials confirm", True)]


def test_undo_of_a_name_finds_the_nested_claim_by_its_id() -> None:
    before = ClaimRow(2, "narrow", False, tuple(sorted(NARROW)))
    correction, _, after = renamed(before, "Officials confirm")
    rows = [ClaimRow(1, "broad", False, tuple(sorted(FRESH_BROAD))),
            ClaimRow(2, "Officials confirm", True, tuple(sorted(FRESH_NARROW)))]
    put, _ = undone(ClaimEdit(7, correction, (before,), after), rows)
    assert put == [ClaimRow(2, "narrow", False, tuple(sorted(FRESH_NARROW)))]
