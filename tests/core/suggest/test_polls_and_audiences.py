"""Shares of a population that say or think something are a poll's findings (the guidelines: a poll is a
document); people spoken to are no source; a speaker named before and taken up after "But" still
speaks; a plural noun before "show" or "say" is no verb. Sentences written for these tests."""

from __future__ import annotations

import pytest

from annotator.core.suggest.suggester import Suggester
from tests.core.suggest.found import in_body


@pytest.mark.parametrize("sentence", [
    "Seventy-one percent of Hispanics said they supported him.",
    "Of those asked, ninety-three percent of African Americans reported voting for the president.",
    "About 40% of Republicans say they would back him again.",
    "A majority of Americans say the economy is the most important issue.",
    "Nearly two-thirds of voters believe the country is on the wrong track.",
    "Six in 10 adults think the law goes too far.",
    "Half of likely voters approve of the governor's handling of the floods.",
])
def test_a_share_of_a_population_saying_something_is_a_poll(suggester: Suggester, sentence: str) -> None:
    found = in_body(suggester, sentence)[0]
    assert set(found) == {"document"}, found


@pytest.mark.parametrize(("sentence", "expected"), [
    ("The senator said 80 percent of Americans think the war was a mistake.", {"on_record", "document"}),
    ("Half of the 20 senators said they would oppose the bill.", None),  # a count of lawmakers, not a poll
    ("Prices rose 4 percent of their value, the ministry said.", {"on_record"}),
])
def test_a_share_that_is_no_poll_keeps_its_reading(suggester: Suggester, sentence: str, expected) -> None:
    found = in_body(suggester, sentence)[0]
    assert "document" not in found if expected is None else set(found) == expected, found


@pytest.mark.parametrize("sentence", [
    "The former governor, speaking to supporters in Boston, conceded the election an hour later.",
    "The minister told reporters the talks would resume on Monday.",
    "Speaking to residents of the flooded town, the mayor promised new levees.",
])
def test_people_spoken_to_are_no_source(suggester: Suggester, sentence: str) -> None:
    found = in_body(suggester, sentence)[0]
    assert "anonymous_other" not in found and "anonymous_official" not in found, found


def test_unnamed_people_after_according_to_still_speak(suggester: Suggester) -> None:
    assert "anonymous_other" in in_body(suggester, "The bridge was unsafe, according to residents of the town.")[0]


def test_a_speaker_taken_up_after_but_still_speaks(suggester: Suggester) -> None:
    found = in_body(suggester, "The president spoke of deep differences in the country. | "
                               "But he said Americans share certain hopes and dreams.")
    assert found[1] == {"on_record": ""} or set(found[1]) == {"on_record"}, found


@pytest.mark.parametrize("sentence", [
    "Britain has voted to leave the European Union, forecasts show, with nearly all votes counted.",
    "The economy of the European Union, estimates suggest, will shrink this year.",
])
def test_a_plural_noun_before_a_speech_verb_names_no_speaker(suggester: Suggester, sentence: str) -> None:
    found = in_body(suggester, sentence)[0]
    assert "on_record" not in found, found


@pytest.mark.parametrize("sentence", [
    "President Xi Jinping rejected the ruling and said China's sovereignty would not be affected.",
    "Prime Minister Ana Ruiz dismissed the report and said the dam was safe.",
])
def test_a_document_a_speaker_acts_on_is_no_source(suggester: Suggester, sentence: str) -> None:
    found = in_body(suggester, sentence)[0]
    assert set(found) == {"on_record"}, found


def test_a_document_that_says_something_still_is_one(suggester: Suggester) -> None:
    assert "document" in in_body(suggester, "The report, released on Monday, said the dam could fail.")[0]


@pytest.mark.parametrize("sentence", [
    "About 40 percent of the claims were rejected by insurers.",
    "Fifteen percent of emergency calls go unanswered.",
    "Ninety percent of the reports were false.",
    "Ten percent of the proceeds will go back to the community.",
    "A majority of House Democrats opposed the bill, which passed 220-210.",
    "Half of Senate Republicans backed the measure.",
])
def test_a_share_of_things_or_of_lawmakers_is_no_poll(suggester: Suggester, sentence: str) -> None:
    assert "document" not in in_body(suggester, sentence)[0]


@pytest.mark.parametrize("sentence", ["One in five Americans says the economy is getting worse.",
                                      "Three out of 10 voters say they have not decided."])
def test_one_in_five_is_a_share_too(suggester: Suggester, sentence: str) -> None:
    assert set(in_body(suggester, sentence)[0]) == {"document"}
