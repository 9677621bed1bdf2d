"""Undo and redo of claim corrections when the claims were recomputed in between (articles came, or
the method changed, and claim ids may have moved)."""

from __future__ import annotations

from collections import Counter

import pytest

from annotator.core.claims import refresh
from annotator.core.claims.compute import ClaimGroup
from annotator.core.claims.refresh import claims_in_memory, ensure_claims, recompute
from annotator.core.ops.claims import MergeClaims, NameClaim, RemoveFromClaim
from annotator.core.records import ParsedArticle
from annotator.core.store.project import Project

Members = frozenset[tuple[int, int]]


def _members(project: Project, claim_id: int) -> Members:
    return frozenset((s.article_id, s.idx) for s in project.claims.get(claim_id).sentences)


def _shown(project: Project) -> Counter[Members]:
    """The claims as the user sees them, by their sentences (ids aside)."""
    return Counter(frozenset((s.article_id, s.idx) for s in c.sentences) for c in project.claims.list())


def _next_recompute(project: Project) -> Counter[Members]:
    """What the next recomputation would show: the stored corrections replayed on a fresh grouping."""
    return Counter(c.members for c in claims_in_memory(project))


def _assert_sound(project: Project) -> None:
    """No sentence listed twice in a claim, no claim shown twice, every claim spans two articles."""
    for claim in project.claims.list():
        sentences = [(s.article_id, s.idx) for s in claim.sentences]
        assert len(sentences) == len(set(sentences)), f"claim {claim.id} lists a sentence twice"
        assert len({a for a, _ in sentences}) >= 2, f"claim {claim.id} lies within one article"
    assert all(n == 1 for n in _shown(project).values()), "the same claim is shown twice"


def _import_echo(project: Project, sentence: tuple[int, int]) -> None:
    """Import a one-sentence article repeating `sentence`, so the claims stating it grow."""
    text = next(s.text for s in project.claims.texts() if (s.article_id, s.idx) == sentence)
    project.articles.add(ParsedArticle(title="Echo", body=text, outlet="Echo Wire"), [(0, len(text))])


def _change(project: Project, between: str, echo: tuple[int, int], request) -> None:
    """Something that makes the claims recompute differently: an import, or another method."""
    if between == "import":
        _import_echo(project, echo)
    else:
        request.getfixturevalue("new_method")


@pytest.fixture
def new_method(monkeypatch):
    """Make the next recomputations group differently: a claim no old claim overlaps comes first."""
    real = refresh.compute_claims

    def changed(texts, **kwargs):
        groups = real(texts, **kwargs)
        used = {m for g in groups for m in g.members}
        free = sorted({(s.article_id, s.idx) for s in texts} - used)
        by_article: dict[int, tuple[int, int]] = {}
        for member in free:
            by_article.setdefault(member[0], member)
        fresh = tuple(sorted(by_article.values()))
        return [ClaimGroup(fresh, "A new grouping")] + groups

    monkeypatch.setattr(refresh, "compute_claims", changed)


@pytest.mark.parametrize("between", ["import", "method"])
def test_take_out_recompute_undo_puts_the_sentence_back_once(sample: Project, between: str, request) -> None:
    ensure_claims(sample)
    claim = sample.claims.list()[0]
    out = max((s.article_id, s.idx) for s in claim.sentences)
    op = RemoveFromClaim(claim.id, *out)
    op.apply(sample)
    _change(sample, between, min(_members(sample, claim.id)), request)
    recompute(sample)
    grown = _members(sample, claim.id)
    assert out not in grown
    op.revert(sample)
    _assert_sound(sample)
    assert _members(sample, claim.id) == grown | {out}
    assert sample.claims.corrections() == []
    assert _shown(sample) == _next_recompute(sample)
    op.apply(sample)  # redo
    _assert_sound(sample)
    assert _members(sample, claim.id) == grown
    recompute(sample)
    assert out not in _members(sample, claim.id)


def test_take_out_that_dropped_the_claim_recompute_undo_brings_it_back(sample: Project, new_method) -> None:
    ensure_claims(sample)
    claim = min(sample.claims.list(), key=lambda c: (len(c.sentences), c.id))
    assert len(claim.sentences) == 2
    first, second = ((s.article_id, s.idx) for s in claim.sentences)
    op = RemoveFromClaim(claim.id, *second)
    op.apply(sample)
    recompute(sample)
    shown = _shown(sample)
    op.revert(sample)
    _assert_sound(sample)
    assert _shown(sample) == shown + Counter([frozenset({first, second})])
    assert _shown(sample) == _next_recompute(sample)
    op.apply(sample)  # redo
    assert _shown(sample) == shown
    recompute(sample)
    assert _shown(sample) == shown


@pytest.mark.parametrize("between", ["import", "method"])
def test_merge_recompute_undo_splits_the_claims_again(sample: Project, between: str, request) -> None:
    ensure_claims(sample)
    keep, other = sample.claims.list()[3], sample.claims.list()[7]
    keep_members = {(s.article_id, s.idx) for s in keep.sentences}
    other_members = {(s.article_id, s.idx) for s in other.sentences}
    op = MergeClaims(keep.id, other.id)
    op.apply(sample)
    _change(sample, between, max(keep_members), request)
    recompute(sample)
    merged = _members(sample, keep.id)
    assert merged >= keep_members | other_members
    op.revert(sample)
    _assert_sound(sample)
    shown = _shown(sample)
    assert frozenset(other_members) in shown
    assert _members(sample, keep.id) >= keep_members
    assert not _members(sample, keep.id) >= other_members
    assert sample.claims.corrections() == []
    assert _shown(sample) == _next_recompute(sample)
    op.apply(sample)  # redo
    _assert_sound(sample)
    assert _members(sample, keep.id) == merged
    recompute(sample)
    assert _members(sample, keep.id) == merged


@pytest.mark.parametrize("between", ["import", "method"])
def test_name_recompute_undo_gives_the_old_name_back(sample: Project, between: str, request) -> None:
    ensure_claims(sample)
    claim = sample.claims.list()[1]
    op = NameClaim(claim.id, "Officials confirm")
    op.apply(sample)
    _change(sample, between, min(_members(sample, claim.id)), request)
    recompute(sample)
    assert sample.claims.get(claim.id).label == "Officials confirm"
    op.revert(sample)
    _assert_sound(sample)
    restored = sample.claims.get(claim.id)
    assert (restored.label, restored.named) == (claim.label, False)
    assert sample.claims.corrections() == []
    assert _shown(sample) == _next_recompute(sample)
    assert all(not c.named for c in claims_in_memory(sample))  # the old computed label may differ
    op.apply(sample)  # redo
    assert sample.claims.get(claim.id).label == "Officials confirm"
    recompute(sample)
    assert sample.claims.get(claim.id).label == "Officials confirm"


@pytest.mark.parametrize("between", ["import", "method"])
def test_two_corrections_recompute_undo_both_shows_the_plain_grouping(sample: Project, between: str,
                                                                       request) -> None:
    ensure_claims(sample)
    keep, other = sample.claims.list()[3], sample.claims.list()[7]
    keep_members = {(s.article_id, s.idx) for s in keep.sentences}
    merge = MergeClaims(keep.id, other.id)
    merge.apply(sample)
    out = max(_members(sample, keep.id))
    take_out = RemoveFromClaim(keep.id, *out)
    take_out.apply(sample)
    _change(sample, between, min(keep_members), request)
    recompute(sample)
    take_out.revert(sample)
    _assert_sound(sample)
    assert out in _members(sample, keep.id)
    merge.revert(sample)
    _assert_sound(sample)
    assert sample.claims.corrections() == []
    assert _shown(sample) == _next_recompute(sample)
    merge.apply(sample)  # redo both
    take_out.apply(sample)
    _assert_sound(sample)
    shown = _shown(sample)
    recompute(sample)
    assert _shown(sample) == shown
    assert out not in _members(sample, keep.id)


def test_undo_without_recompute_still_restores_exactly(sample: Project) -> None:
    ensure_claims(sample)
    before = sample.claims.list()
    keep, other = before[2:4]
    ops = [MergeClaims(keep.id, other.id), NameClaim(keep.id, "Both"),
           RemoveFromClaim(keep.id, *max((s.article_id, s.idx) for s in keep.sentences))]
    for op in ops:
        op.apply(sample)
    for op in reversed(ops):
        op.revert(sample)
    assert sample.claims.list() == before
