"""Hearsay without a named teller: "was reported to", "is said to", speculation and rumours with what
they say, earlier reports denied, are unnamed reports (anonymous, non-official) by the guidelines, and a
"was said to" right after an attributed sentence carries that sentence's attribution instead. A bare
surname is a person, not the outlet whose name it ends ("Hill", not "The Hill"), unless the outlet was
just named."""

from __future__ import annotations

import pytest

from annotator.core.suggest.suggester import Suggester


def suggested(suggester: Suggester, text: str) -> set[tuple[str, str]]:
    return {(s.category, s.source) for s in suggester.suggest([text])}


@pytest.mark.parametrize("sentence", [
    "Sporadic fighting was reported to be continuing in the north.",
    "The minister is said to be furious about the leak.",
    "The rebels were reported to have retreated across the border.",
    "The singer is rumoured to be planning a comeback tour.",
    "There is speculation that the president will resign before the summer.",
    "Rumors that the president had died spread quickly on Sunday.",
])
def test_hearsay_with_no_teller_is_an_unnamed_report(suggester: Suggester, sentence: str) -> None:
    assert suggested(suggester, sentence) == {("anonymous_other", "")}


@pytest.mark.parametrize("sentence", [
    "The storm is expected to reach the coast on Friday.",
    "Speculation helps no one.",
    "He appeared in public amid intense speculation about his health.",
    "The company was said by its founder to be profitable.",
])
def test_a_forecast_or_a_bare_mention_of_speculation_is_no_report(suggester: Suggester, sentence: str) -> None:
    assert not {c for c, _ in suggested(suggester, sentence)} & {"anonymous_other"}


def test_was_said_to_after_an_attributed_sentence_carries_it(suggester: Suggester) -> None:
    found = suggester.suggest(["Police spokesman John Hale said the suspect fled on foot.",
                               "The man is said to have driven north after midnight."])
    second = {(s.category, s.source) for s in found if s.idx == 1}
    assert second == {("on_record", "John Hale, Police spokesman")}


@pytest.mark.parametrize(("sentence", "expected"), [
    ("He also denies earlier reports rebels retreated to bases in Sudan.", {("on_record", ""), ("anonymous_other", "")}),
    ("The ministry denied reports that the rebels had retreated.", {("on_record", ""), ("anonymous_other", "")}),
])
def test_reports_denied_with_what_they_said_are_unnamed_reports_too(suggester: Suggester, sentence: str,
                                                                     expected: set) -> None:
    assert suggested(suggester, sentence) == expected


def test_a_surname_is_a_person_not_the_outlet_it_ends(suggester: Suggester) -> None:
    found = suggested(suggester, "Hill had no comment on speculation North Korea might conduct more tests.")
    assert ("on_record", "Hill") in found and not {c for c, _ in found} & {"other_outlet"}


def test_an_outlet_named_before_may_be_referred_to_without_its_article(suggester: Suggester) -> None:
    found = suggester.suggest(["The Hill reported the vote count on Monday.", "Hill said the count was final."])
    assert {(s.category, s.source) for s in found if s.idx == 1} == {("other_outlet", "The Hill")}


def test_an_agency_named_in_its_own_language_is_an_outlet(suggester: Suggester) -> None:
    found = suggested(suggester, "According to Agência Estado, members of the movement are accused of the killing.")
    assert found == {("other_outlet", "Agência Estado")}


def test_log_files_are_a_document(suggester: Suggester) -> None:
    assert suggested(suggester, "The page was deleted on October 31, according to log files.") == {("document", "")}


@pytest.mark.parametrize("sentence", [
    "According to multiple U.S. outlets, the order came from the secretary himself.",
    "The order came from the secretary himself, according to several news organizations.",
])
def test_outlets_left_unnamed_are_unnamed_reports(suggester: Suggester, sentence: str) -> None:
    found = suggested(suggester, sentence)
    assert {c for c, _ in found} == {"anonymous_other"} and {s for _, s in found} <= {"", "several news organizations"}


@pytest.mark.parametrize("sentence", [
    "The theft was reported to police on Tuesday morning.",
    "The attack was reported to authorities within minutes.",
])
def test_reported_to_the_police_is_no_hearsay(suggester: Suggester, sentence: str) -> None:
    assert "anonymous_other" not in {c for c, _ in suggested(suggester, sentence)}
