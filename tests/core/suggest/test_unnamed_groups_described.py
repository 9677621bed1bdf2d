"""Unnamed groups described as the text describes them: whose they are ("Johnson's supporters", never
the fragment "s supporters"), a country's allies (governments) or a person's (people), "the people"
referred back to after they spoke, and a group told something rather than telling it. Sentences
written for these tests."""

from __future__ import annotations

import pytest

from annotator.core.suggest.suggester import Suggester
from tests.core.suggest.found import in_body


@pytest.mark.parametrize(("sentence", "source"), [
    ("Allies of the prime minister insist she will survive the vote.", "Allies of the prime minister"),
    ("Supporters of the president insist the deal is good.", "Supporters of the president"),
    ("Critics of the plan say it will raise prices.", "Critics of the plan"),
])
def test_allies_and_critics_are_an_unnamed_group(suggester: Suggester, sentence: str, source: str) -> None:
    found = in_body(suggester, sentence)[0]
    assert found.get("anonymous_other", "").lower() == source.lower(), found


@pytest.mark.parametrize(("sentence", "category", "source"), [
    ("Johnson's supporters say he will return.", "anonymous_other", "Johnson's supporters"),
    ("Biden's critics argue the plan is too costly.", "anonymous_other", "Biden's critics"),
    ("The president's aides said he was furious.", "anonymous_official", "The president's aides"),
    ("Trump allies say the indictment is political.", "anonymous_other", "Trump allies"),
])
def test_a_group_named_by_whose_it_is_keeps_the_owner(suggester: Suggester, sentence: str, category: str,
                                                      source: str) -> None:
    """Never a fragment ("s supporters"): the description as the text gives it."""
    assert in_body(suggester, sentence)[0].get(category) == source


@pytest.mark.parametrize(("sentence", "source"), [
    ("Western allies said the sanctions would stay.", "Western allies"),
    ("Ukraine's allies have pledged more air defence systems.", "Ukraine's allies"),
    ("European allies warned that the deal was fragile.", "European allies"),
])
def test_a_countrys_allies_are_governments(suggester: Suggester, sentence: str, source: str) -> None:
    assert in_body(suggester, sentence)[0].get("anonymous_official") == source


@pytest.mark.parametrize(("body", "expected"), [
    ("Two people familiar with the matter said the order came in February. | Hegseth signed off on the order "
     "before the meeting, the people said.",
     [{"anonymous_other": "Two people familiar with the matter"},
      {"anonymous_other": "Two people familiar with the matter"}]),
    ("Hegseth signed off on the order before the meeting, the people said.", [{"anonymous_other": ""}]),
    ("The Guardian reported on Friday that CISA analysts had been told verbally not to follow Russian threats.",
     [{"other_outlet": "The Guardian"}]),
])
def test_the_people_referred_back_to_speak_and_those_told_do_not(suggester: Suggester, body: str,
                                                                  expected: list) -> None:
    """ "the people said" takes up the people described before (the guidelines' anaphoric sources); a
    group that "had been told" something is told it, not telling; "the order …, the people said" is no
    order speaking (a document)."""
    assert in_body(suggester, body) == expected
