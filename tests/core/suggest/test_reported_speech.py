"""Reported speech in security and defence news: a title before an inverted speaker's name, who speaks
and who is only spoken of inside a quote or a reported clause, reports by outlets left unnamed. The
sentences are written for these tests in the style of a public broadcaster's cyber-security reports."""

from __future__ import annotations

import pytest

from annotator.core.suggest.suggester import Suggester
from tests.core.suggest.found import in_body


@pytest.mark.parametrize(("sentence", "name"), [
    ("“The good news is that the site fixed the page quickly,” said senior technology consultant at Sophos"
     " anti-virus, Graham Cluley.", "Graham Cluley"),
    ("“I deleted the contributions of these editors”, said Scientizzle, the administrator who blocked them.",
     "Scientizzle"),
])
def test_an_inverted_speaker_with_a_title_is_named(suggester: Suggester, sentence: str, name: str) -> None:
    found = in_body(suggester, sentence)[0]
    assert set(found) == {"on_record"} and found["on_record"].startswith(name)


def test_officials_inside_a_quote_are_no_source(suggester: Suggester) -> None:
    body = ("The agencies issued a joint statement on Friday. | "
            "“We believe that only Russia's senior-most officials could have authorized this,” the statement"
            " added.")
    assert set(in_body(suggester, body)[1]) == {"on_record"}


def test_unnamed_officials_telling_outlets_are_officials_and_unnamed_reports(suggester: Suggester) -> None:
    found = in_body(suggester, "Law enforcement officials told various media outlets that they thought Chinese"
                               " hackers were behind the attack.")[0]
    assert set(found) == {"anonymous_official", "anonymous_other"}


def test_a_clause_after_according_to_is_not_its_speaker(suggester: Suggester) -> None:
    found = in_body(suggester, "The secretary was briefed on the morning of April 6, the day the story was"
                               " published, according to Meagher.")[0]
    assert "April 6" not in found.values() and "on_record" in found


def test_the_subject_of_a_reported_clause_is_no_speaker(suggester: Suggester) -> None:
    found = in_body(suggester, "Yahoo News, which first reported the breaches, quoted sources who say Arizona"
                               " and Illinois were targeted.")[0]
    assert "on_record" not in found


@pytest.mark.parametrize("sentence", [
    "Clapper went on to say that China also had hacked the government.",
    "WikiLeaks has declined to say who its source was.",
])
def test_going_on_to_say_and_declining_to_say_are_statements(suggester: Suggester, sentence: str) -> None:
    assert "on_record" in in_body(suggester, sentence)[0]



@pytest.mark.parametrize("sentence", [
    "The submarine in question is believed to be an attack submarine of an old class.",
    "Its round shape is believed to bring good luck.",
])
def test_a_hedge_is_no_unnamed_report(suggester: Suggester, sentence: str) -> None:
    assert in_body(suggester, sentence)[0] == {}  # the labelled sets call "is believed to" the writer's own


def test_a_countrys_possessive_is_no_part_of_an_outlets_name(suggester: Suggester) -> None:
    found = in_body(suggester, "Britain's Guardian newspaper disclosed details of another program on Friday.")[0]
    assert found == {"other_outlet": "Guardian"}


def test_an_inverted_named_speaker_ends_without_the_full_stop(suggester: Suggester) -> None:
    found = in_body(suggester, "“The site fixed it quickly,” said senior consultant at Sophos, Graham Cluley.")[0]
    assert found["on_record"] == "Graham Cluley, senior consultant at Sophos"


def test_the_way_a_society_responded_is_no_institution_speaking(suggester: Suggester) -> None:
    found = in_body(suggester, "Resilience is a word used to describe the way Ukrainian society has responded to"
                               " the war.")[0]
    assert found == {}
