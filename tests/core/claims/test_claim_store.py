"""Stored claims: recomputed when stale, corrected by undoable operations that survive recomputation."""

from __future__ import annotations

from annotator.core.claims.compute import METHOD
from annotator.core.claims.refresh import RecomputeClaims, ensure_claims, recompute
from annotator.core.ops.claims import MergeClaims, NameClaim, RemoveFromClaim
from annotator.core.records import Claim, ClaimSentence, ParsedArticle
from annotator.core.records import outlet_order
from annotator.core.store.project import Project


def _members(project: Project, claim_id: int) -> set[tuple[int, int]]:
    return {(s.article_id, s.idx) for s in project.claims.get(claim_id).sentences}


def test_claims_are_computed_once_until_articles_change(sample: Project) -> None:
    assert sample.claims.is_stale(METHOD)
    assert ensure_claims(sample).claims
    assert not sample.claims.is_stale(METHOD)
    assert not ensure_claims(sample).claims
    assert all(len(c.outlets) >= 2 for c in sample.claims.list())


def test_min_outlets_filters_and_orders(sample: Project) -> None:
    ensure_claims(sample)
    claims = sample.claims.list(min_outlets=3)
    assert claims and all(len(c.outlets) >= 3 for c in claims)


def test_sentence_categories_come_with_the_claim(sample: Project) -> None:
    ensure_claims(sample)
    sentence = sample.claims.list()[0].sentences[0]
    sample.annotate_sentence(sentence.article_id, sentence.idx, category="unattributed", annotator="ana")
    claim = sample.claims.of_sentence(sentence.article_id, sentence.idx)[0]
    assert "unattributed" in next(s for s in claim.sentences if s.idx == sentence.idx
                                  and s.article_id == sentence.article_id).categories


def test_a_claims_outlets_sort_as_every_listing_does() -> None:
    names = ["bbc", "Reuters", "BBC", "ap", "Élan", "elan"]
    claim = Claim(1, "x", False, tuple(ClaimSentence(n, 0, name, ()) for n, name in enumerate(names)))
    assert claim.outlets == tuple(sorted(names, key=outlet_order))


def test_merge_applies_reverts_and_applies_again(sample: Project) -> None:
    ensure_claims(sample)
    first, second = sample.claims.list()[:2]
    before = sample.claims.list()
    op = MergeClaims(first.id, second.id)
    assert op.apply(sample).claims
    assert _members(sample, first.id) >= {(s.article_id, s.idx) for s in second.sentences}
    op.revert(sample)
    assert sample.claims.list() == before
    op.apply(sample)
    assert len(sample.claims.list()) == len(before) - 1


def test_corrections_survive_recomputation(sample: Project) -> None:
    ensure_claims(sample)
    first, second, third = sample.claims.list()[:3]
    MergeClaims(first.id, second.id).apply(sample)
    NameClaim(third.id, "Officials confirm").apply(sample)
    out = max(first.sentences, key=lambda s: s.idx)
    RemoveFromClaim(first.id, out.article_id, out.idx).apply(sample)
    recompute(sample)
    assert (out.article_id, out.idx) not in _members(sample, first.id)
    assert _members(sample, first.id) >= {(s.article_id, s.idx) for s in second.sentences} - {(out.article_id, out.idx)}
    assert sample.claims.get(third.id).label == "Officials confirm"


def test_undone_correction_is_not_replayed(sample: Project) -> None:
    ensure_claims(sample)
    claim = sample.claims.list()[0]
    op = NameClaim(claim.id, "Temporary")
    op.apply(sample)
    op.revert(sample)
    recompute(sample)
    assert all(c.label != "Temporary" for c in sample.claims.list())


def test_recompute_operation_cancelled_stores_nothing(sample: Project) -> None:
    op = RecomputeClaims()
    op.cancel.set()
    assert not op.apply(sample).claims
    assert sample.claims.list() == []


def test_recompute_after_an_import_keeps_ids_without_a_clash(sample: Project) -> None:
    ensure_claims(sample)
    before = {c.id for c in sample.claims.list()}
    text = next(t.text for t in sample.claims.texts() if (t.article_id, t.idx) == (1, 4))
    sample.articles.add(ParsedArticle(title="Echo", body=text, outlet="Echo Wire"), [(0, len(text))])
    recompute(sample)  # a new claim once took id 1 from SQLite while a later claim kept id 1
    after = sample.claims.list()
    assert len({c.id for c in after}) == len(after)
    assert all(c.id in before or c.id > max(before) for c in after)
