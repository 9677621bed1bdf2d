"""A sentence's stance: denials and rebuttals dispute; refusals, newsroom process and the rest state."""

from __future__ import annotations

import pytest

from annotator.core.claims.stance import Stance, dispute_cue, stance


@pytest.mark.parametrize("text", [
    "The ministry denied that troops had crossed the border.",
    "CISA chimed in to deny the reports on X.",
    "A spokesperson for the agency denies any change in its posture.",
    "Denying the account, the company said no data had been taken.",
    "The Kremlin issued a flat denial on Wednesday.",
    "The governor's office rejected the claims as politically motivated.",
    "The Pentagon rejected those reports outright.",
    "The spokesperson dismissed the allegations.",
    "Officials dismissed the report as baseless speculation.",
    "The minister dismissed it as a fabrication.",
    "The company refuted the account in a statement.",
    "Sean Parnell, Pentagon spokesperson, disputed the characterization.",
    "The union disputes that any deal was reached.",
    "The White House pushed back on the reporting.",
    "Her lawyer contradicted the prosecutor's timeline.",
    "That is simply not true, the spokesperson said.",
    "\"It isn't true,\" he told reporters.",
    "The mayor called the story untrue.",
    "A senior defense official called the report baseless.",
    "\"This is fake news,\" the president wrote on Truth Social.",
    "There is no truth to these rumours, the club said.",
    "The meeting never happened, according to the embassy.",
    "The ministry categorically rules out a merger.",
    "The company said the report was false.",
    "He falsely claimed that the vote had been rigged.",
    "The agency debunked the claim within hours.",
    "REJECTED THE ALLEGATIONS, the statement read.",
])
def test_denials_and_rebuttals_dispute(text: str) -> None:
    assert stance(text) is Stance.DISPUTES, dispute_cue(text)


@pytest.mark.parametrize("text", [
    "The Pentagon did not respond to a request for comment.",
    "The ministry declined to comment.",
    "A senior defense official said the pause was ordered by Hegseth.",
    "The journalist was denied entry at the airport.",
    "The court denied him bail on Tuesday.",
    "She was denied a visa twice.",
    "The hospital denied access to reporters.",
    "The group claimed a distributed denial-of-service attack on the bank.",
    "Denial of service attacks knocked the sites offline.",
    "Troops patrolled the disputed territory of the northern province.",
    "Clashes broke out in a disputed border region.",
    "Trade disputes between the two countries have grown.",
    "Analysts warned the strike could be a false flag operation.",
    "The scanner produced a false positive.",
    "The union rejected the pay offer.",
    "He was dismissed as head of the agency in March.",
    "The undisputed leader of the party spoke first.",
    "The report said the outage lasted four hours.",
    "Officials confirmed that operations had been paused.",
    "It is true that the plant closed in May.",
    "The denier-free zone opened in Paris.",
])
def test_statements_refusals_and_process_do_not(text: str) -> None:
    assert stance(text) is Stance.STATES, dispute_cue(text)


def test_curly_apostrophe_counts_as_one() -> None:
    assert stance("“That isn’t true,” the minister said.") is Stance.DISPUTES
