"""Several speakers named in a list speak together ("Apple, Google, Microsoft and Amazon said": all
four, not the last two); a speaker compared in passing ("The prime minister, like Donald Trump, has
said") is not the one speaking, the head before the comparison is; a lawmaker's party and state tag
("D-Va.") is no name, and an abbreviated title ("Texas Gov.") goes after the name. Sentences written
for these tests."""

from __future__ import annotations

import pytest

from annotator.core.suggest.suggester import Suggester
from tests.core.suggest.found import in_body


@pytest.mark.parametrize(("sentence", "category", "source"), [
    ("Apple, Google, Microsoft and Amazon said they would comply with the order.", "on_record",
     "Apple, Google, Microsoft and Amazon"),
    ("Microsoft, Google and Meta declined to comment.", "on_record", "Microsoft, Google and Meta"),
    ("Pfizer, Moderna and Novavax said in statements that supplies were on track.", "on_record",
     "Pfizer, Moderna and Novavax"),
])
def test_a_list_of_names_speaks_whole(suggester: Suggester, sentence: str, category: str, source: str) -> None:
    assert in_body(suggester, sentence)[0].get(category) == source


@pytest.mark.parametrize(("sentence", "source"), [
    ("On Tuesday, Microsoft and Amazon said they would comply.", "Microsoft and Amazon"),
    ("In Brussels, Siemens and Bosch said the talks would go on.", "Siemens and Bosch"),
    ("Meanwhile, Apple and Google said they would appeal.", "Apple and Google"),
])
def test_a_time_place_or_connective_before_the_pair_is_no_name(suggester: Suggester, sentence: str,
                                                                 source: str) -> None:
    assert in_body(suggester, sentence)[0].get("on_record") == source


@pytest.mark.parametrize("sentence", [
    "The prime minister, like Donald Trump, has said the tariffs will stay.",
    "The prime minister, unlike his predecessor, has said the tariffs will stay.",
    "The senator, like many Republicans, said the bill was flawed.",
    "The chancellor, just like the French president, insisted the deal was fair.",
])
def test_a_speaker_compared_in_passing_does_not_speak(suggester: Suggester, sentence: str) -> None:
    found = in_body(suggester, sentence)[0]
    assert set(found) == {"on_record"}, found
    assert not any(name in found["on_record"] for name in ("Trump", "predecessor", "Republicans", "French")), found


def test_a_country_compared_with_another_speaks_alone(suggester: Suggester) -> None:
    found = in_body(suggester, "Germany, like France, said it would not send troops.")[0]
    assert set(found) == {"on_record"} and "France" not in found["on_record"], found


def test_a_group_with_one_named_among_them_still_is_both(suggester: Suggester) -> None:
    found = in_body(suggester, "Some, like Anahit Markosian, called for a boycott of the vote.")[0]
    assert found.get("anonymous_other") is not None and "Anahit Markosian" in found.get("on_record", ""), found


@pytest.mark.parametrize(("sentence", "name"), [
    ('Sen. Mark Warner, D-Va., the top Democrat on the Senate Intelligence Committee, called the breach "alarming."',
     "Mark Warner"),
    ("Rep. Jim Himes (D-Conn.) said the briefing was troubling.", "Jim Himes"),
    ("Sen. Lindsey Graham, R-S.C., said he would support the bill.", "Lindsey Graham"),
    ("The bill is dead, said Rep. Nancy Mace, R-S.C.", "Nancy Mace"),
    ("Sen. Kirsten Gillibrand (D-New York) told reporters the vote was close.", "Kirsten Gillibrand"),
])
def test_a_party_and_state_tag_is_no_name(suggester: Suggester, sentence: str, name: str) -> None:
    found = in_body(suggester, sentence)[0]
    assert found.get("on_record", "").startswith(name), found


@pytest.mark.parametrize(("sentence", "source"), [
    ("Texas Gov. Greg Abbott said the border would stay closed.", "Greg Abbott, Texas Gov."),
    ("Lt. Gov. Dan Patrick said the session would continue.", "Dan Patrick, Lt. Gov."),
    ("Gen. Mark Milley said the withdrawal was a strategic failure.", "Mark Milley, Gen."),
])
def test_an_abbreviated_title_goes_after_the_name(suggester: Suggester, sentence: str, source: str) -> None:
    assert in_body(suggester, sentence)[0].get("on_record") == source


def test_a_party_tag_removed_leaves_the_guidelines_their_cue(suggester: Suggester) -> None:
    """The guideline pass reads the sentence the rules read: "added the amendment" is no speech there
    either, with the tag or without it."""
    for sentence in ("Rep. Nancy Mace (R-S.C.) added the amendment to the package.",
                     "Rep. Nancy Mace added the amendment to the package."):
        assert in_body(suggester, sentence)[0] == {}
