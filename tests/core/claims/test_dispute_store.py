"""Stored dispute links: written with the claims, read with them, gone with either claim."""

from __future__ import annotations

from annotator.core.claims.refresh import recompute
from annotator.core.ops import runner
from annotator.core.ops.claims import MergeClaims, RemoveFromClaim
from annotator.core.records import ParsedArticle
from annotator.core.store.project import Project

STORY = [
    ("Ledger", "The Pentagon paused offensive cyber operations against Russia, officials said."),
    ("Wire", "The Pentagon has paused its offensive cyber operations against Russia."),
    ("Post", "The Pentagon denied that it had paused offensive cyber operations against Russia."),
    ("Metro", "The Pentagon denied it paused its offensive cyber operations against Russia."),
    ("Daily", "A spokesperson denied that the Pentagon had paused offensive cyber operations against Russia."),
]


def _story(project: Project) -> Project:
    for outlet, text in STORY:
        project.articles.add(ParsedArticle(title=outlet, body=text, outlet=outlet), [(0, len(text))])
    recompute(project)
    return project


def _by_outlets(project: Project) -> dict[tuple[str, ...], object]:
    return {c.outlets: c for c in project.claims.list()}


def test_a_denial_and_its_statement_are_stored_as_disputing_each_other(project: Project) -> None:
    claims = _by_outlets(_story(project))
    statement, denial = claims[("Ledger", "Wire")], claims[("Daily", "Metro", "Post")]
    assert statement.disputes == ((denial.id, denial.label),)
    assert denial.disputed_by == (statement.label,)
    rows = project.database.rows("SELECT claim_id, other_id FROM claim_disputes ORDER BY 1")
    assert sorted(rows) == sorted([(statement.id, denial.id), (denial.id, statement.id)])


def test_a_link_stays_when_a_sentence_is_taken_out_and_goes_with_a_merged_claim(project: Project) -> None:
    claims = _by_outlets(_story(project))
    statement, denial = claims[("Ledger", "Wire")], claims[("Daily", "Metro", "Post")]
    taken = denial.sentences[0]
    RemoveFromClaim(denial.id, taken.article_id, taken.idx).apply(project)
    assert project.claims.get(statement.id).disputes == ((denial.id, denial.label),)
    MergeClaims(statement.id, denial.id).apply(project)  # the user says they are one claim after all
    assert project.claims.get(statement.id).disputes == ()
    assert project.database.rows("SELECT * FROM claim_disputes") == []


def test_a_recomputation_replays_the_merge_and_stores_no_link(project: Project) -> None:
    claims = _by_outlets(_story(project))
    statement, denial = claims[("Ledger", "Wire")], claims[("Daily", "Metro", "Post")]
    MergeClaims(statement.id, denial.id).apply(project)
    recompute(project)
    assert [len(c.outlets) for c in project.claims.list()] == [5]
    assert project.database.rows("SELECT * FROM claim_disputes") == []


def test_the_links_are_in_the_change_log(project: Project) -> None:
    _story(project)
    logged = project.database.row("SELECT count(*) FROM change_log WHERE what = 'claims'")[0]
    assert logged >= 2  # the run, and the link


THIRD = [
    ("Ledger", "Officials in Kyiv reported a fresh wave of drone strikes on the port of Odesa overnight."),
    ("Wire", "A fresh wave of drone strikes hit the port of Odesa overnight, officials in Kyiv reported."),
]


def _links(project: Project) -> list[tuple[int, int]]:
    return sorted(project.database.rows("SELECT claim_id, other_id FROM claim_disputes"))


def test_undoing_a_merge_of_the_two_disputing_claims_brings_their_link_back_at_once(project: Project) -> None:
    claims = _by_outlets(_story(project))
    statement, denial = claims[("Ledger", "Wire")], claims[("Daily", "Metro", "Post")]
    linked = _links(project)
    merge = MergeClaims(statement.id, denial.id)
    runner.apply(project, merge)
    runner.revert(project, merge)
    assert _links(project) == linked
    assert project.claims.get(statement.id).disputes == ((denial.id, denial.label),)


def test_undoing_a_merge_brings_back_the_links_of_the_claim_merged_away(project: Project) -> None:
    for outlet, text in THIRD:
        project.articles.add(ParsedArticle(title=outlet, body=text, outlet=outlet), [(0, len(text))])
    claims = _by_outlets(_story(project))
    statement, denial = claims[("Ledger", "Wire")], claims[("Daily", "Metro", "Post")]
    strikes = next(c for c in project.claims.list() if "Odesa" in c.label)
    merge = MergeClaims(strikes.id, denial.id)
    runner.apply(project, merge)
    assert [i for i, _ in project.claims.get(statement.id).disputes] == [strikes.id]  # the link moved
    runner.revert(project, merge)
    assert project.claims.get(denial.id).disputes == ((statement.id, statement.label),)
    assert project.claims.get(statement.id).disputes == ((denial.id, denial.label),)


def test_undoing_a_take_out_that_dropped_a_disputing_claim_brings_its_link_back(project: Project) -> None:
    claims = _by_outlets(_story(project))
    statement, denial = claims[("Ledger", "Wire")], claims[("Daily", "Metro", "Post")]
    taken = statement.sentences[0]
    take_out = RemoveFromClaim(statement.id, taken.article_id, taken.idx)
    runner.apply(project, take_out)  # the statement is left in one article: it goes, and its link with it
    assert project.claims.get(denial.id).disputes == ()
    runner.revert(project, take_out)
    assert project.claims.get(denial.id).disputes == ((statement.id, statement.label),)


def test_undoing_a_merge_after_a_recomputation_brings_the_link_back(project: Project) -> None:
    claims = _by_outlets(_story(project))
    statement, denial = claims[("Ledger", "Wire")], claims[("Daily", "Metro", "Post")]
    merge = MergeClaims(statement.id, denial.id)
    runner.apply(project, merge)
    recompute(project)
    runner.revert(project, merge)
    now = _by_outlets(project)
    statement, denial = now[("Ledger", "Wire")], now[("Daily", "Metro", "Post")]
    assert project.claims.get(statement.id).disputes == ((denial.id, denial.label),)


def _with_third(project: Project):
    for outlet, text in THIRD:
        project.articles.add(ParsedArticle(title=outlet, body=text, outlet=outlet), [(0, len(text))])
    claims = _by_outlets(_story(project))
    statement, denial = claims[("Ledger", "Wire")], claims[("Daily", "Metro", "Post")]
    strikes = next(c for c in project.claims.list() if "Odesa" in c.label)
    return statement, denial, strikes


def test_a_merge_moves_the_links_of_the_claim_merged_away_onto_the_kept_one(project: Project) -> None:
    statement, denial, strikes = _with_third(project)
    merge = MergeClaims(strikes.id, denial.id)
    runner.apply(project, merge)
    assert project.claims.get(strikes.id).disputes == ((statement.id, statement.label),)
    assert project.claims.get(statement.id).disputes == ((strikes.id, project.claims.get(strikes.id).label),)
    runner.revert(project, merge)
    assert project.claims.get(strikes.id).disputes == ()  # the moved link goes with the undo
    assert project.claims.get(denial.id).disputes == ((statement.id, statement.label),)


def test_undoing_a_merge_keeps_the_kept_claims_own_links(project: Project) -> None:
    statement, denial, strikes = _with_third(project)
    merge = MergeClaims(statement.id, strikes.id)
    runner.apply(project, merge)
    assert project.claims.get(statement.id).disputes == ((denial.id, denial.label),)
    runner.revert(project, merge)
    assert project.claims.get(statement.id).disputes == ((denial.id, denial.label),)
    assert project.claims.get(denial.id).disputes == ((statement.id, statement.label),)
