"""Speakers as real news articles write them, in context: a role with its modifiers ("The Libyan
Prime minister said", "The 85-year-old pontiff said"), unnamed people described by a relative clause
("those closest to him say", "Many who saw him say"), an adverb between speaker and verb ("He
particularly praised"), "as NAME explains", and a role taken up after an unrelated unnamed source
(the president is no one of "some observers"). Sentences written for these tests."""

from __future__ import annotations

import pytest

from annotator.core.suggest.suggester import Suggester
from tests.core.suggest.found import in_body

BEFORE = "Fighting ended in the coastal town on Thursday. | "


@pytest.mark.parametrize("sentence", [
    "The Libyan Prime minister said the former leader was captured unharmed.",
    "The 85-year-old pontiff said he is losing the strength to carry on.",
    "The pope told bishops that his health had worsened in recent months.",
    "But the king said the palace would stay open.",
])
def test_a_role_held_by_one_person_speaks_on_the_record(suggester: Suggester, sentence: str) -> None:
    assert set(in_body(suggester, BEFORE + sentence)[1]) == {"on_record"}


@pytest.mark.parametrize(("sentence", "category"), [
    ("Even those closest to him say they did not expect the decision.", "anonymous_other"),
    ("Many who saw him recently say he looked well.", "anonymous_other"),
])
def test_unnamed_people_described_at_length_speak(suggester: Suggester, sentence: str, category: str) -> None:
    assert set(in_body(suggester, BEFORE + sentence)[1]) == {category}


def test_an_adverb_between_a_speaker_and_the_verb_keeps_the_speaker(suggester: Suggester) -> None:
    found = in_body(suggester, "Committee chairman Arne Lund announced the prize on Friday. | "
                               "He particularly praised the work on disarmament. | "
                               "The committee specifically mentioned the outreach to rivals.")
    assert set(found[1]) == {"on_record"} and set(found[2]) == {"on_record"}, found


def test_as_a_named_speaker_explains(suggester: Suggester) -> None:
    found = in_body(suggester, "Hundreds were nominated, but as Lund explains, the winner gave people hope.")[0]
    assert found == {"on_record": "Lund"}, found


def test_a_country_ending_an_apposition_is_no_source(suggester: Suggester) -> None:
    found = in_body(suggester, "Mr. Okafor, the first engineer to hold the top job in the U.S. has strongly "
                               "called for new rules.")[0]
    assert "U.S" not in found.values() and "U.S." not in found.values(), found


def test_a_role_after_unnamed_observers_is_not_one_of_them(suggester: Suggester) -> None:
    found = in_body(suggester, "Some observers say the award is premature. | "
                               "The president says he recognizes that the honor is a surprise to many.")
    assert set(found[1]) == {"on_record"}, found


def test_officials_surprised_by_someone_else_speak_for_nobody(suggester: Suggester) -> None:
    found = in_body(suggester, "The religious leader surprised church officials when he announced his "
                               "resignation on Monday. | He said he was no longer strong enough to lead.")
    assert "anonymous_official" not in found[0] and set(found[1]) == {"on_record"}, found


def test_a_role_takes_up_only_a_speaker_given_that_role(suggester: Suggester) -> None:
    found = in_body(suggester, "Senator Ana Ruiz said the vote was close. | The senator also said she would run again.")
    assert found[1] == {"on_record": "Ana Ruiz, Senator"} or found[1].get("on_record", "").startswith("Ana Ruiz"), found
    found = in_body(suggester, "A Catholic priest, Father Tomas, said the news was shocking. | "
                               "The 85-year-old pontiff said he is losing his strength.")
    assert found[1] == {"on_record": ""}, found


@pytest.mark.parametrize("sentence", ["Two soldiers were killed and three wounded, the ministry said.",
                                      "About 3,000 troops will be deployed, the minister announced."])
def test_people_a_sentence_is_about_are_no_source(suggester: Suggester, sentence: str) -> None:
    found = in_body(suggester, BEFORE + sentence)[1]
    assert set(found) == {"on_record"}, found


@pytest.mark.parametrize(("first", "then", "name"), [
    ("Sen. Ted Cruz said the vote was rigged.", "The senator also said he would appeal.", "Ted Cruz"),
    ("Gov. Andrew Cuomo said the bridge would reopen.", "The governor added that tolls would stay.", "Andrew Cuomo"),
    ("Chancellor Angela Merkel said the euro was safe.", "The chancellor added that talks would go on.",
     "Angela Merkel"),
    ("Sergei Lavrov said Moscow would respond.", "Still, the minister said the talks had failed.", "Sergei Lavrov"),
])
def test_a_title_or_pronoun_takes_up_the_speaker_named_before(suggester: Suggester, first: str, then: str,
                                                              name: str) -> None:
    found = in_body(suggester, f"{first} | {then}")
    assert name in found[1].get("on_record", ""), found


@pytest.mark.parametrize("sentence", ["Residents who fled when the shelling began said the town was empty.",
                                      "Witnesses who were there when it happened said the car did not stop."])
def test_unnamed_people_with_a_relative_clause_still_speak(suggester: Suggester, sentence: str) -> None:
    assert set(in_body(suggester, BEFORE + sentence)[1]) == {"anonymous_other"}
