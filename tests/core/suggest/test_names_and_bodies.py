"""Bodies and people as wire and public-broadcaster reports name them: a body whose name ends in a
document word ("the U.S. Geological Survey") is a body speaking, not a document; a named speaker keeps
their name across a relative clause with a comma inside, or a place after it ("Mayor Bob Parker in
Christchurch said"); specialists in the plural ("seismologists said") are unnamed people. Sentences
written for these tests."""

from __future__ import annotations

import pytest

from annotator.core.suggest.suggester import Suggester
from tests.core.suggest.found import in_body


@pytest.mark.parametrize("sentence", [
    "According to the U.S. Geological Survey, the epicenter was at a depth of 24 kilometers.",
    "The quake was centred near the town, according to the United States Geological Survey.",
    "The United States Geological Survey says it was the fifth largest earthquake on record.",
])
def test_a_body_named_like_a_document_speaks_on_the_record(suggester: Suggester, sentence: str) -> None:
    found = in_body(suggester, sentence)[0]
    assert set(found) == {"on_record"} and "Geological Survey" in found["on_record"], found


def test_a_study_still_is_a_document(suggester: Suggester) -> None:
    assert set(in_body(suggester, "A new survey says most households cut spending in March.")[0]) == {"document"}


@pytest.mark.parametrize(("sentence", "name"), [
    ("Prime Minister Ana Ruiz, who flew to the city from the capital, Lima, said the toll would rise.", "Ana Ruiz"),
    ("Mayor Tomas Berg in Riverton said 55 bodies had been identified.", "Tomas Berg"),
])
def test_a_named_speaker_keeps_the_name(suggester: Suggester, sentence: str, name: str) -> None:
    found = in_body(suggester, sentence)[0]
    assert name in found.get("on_record", ""), found


@pytest.mark.parametrize("sentence", [
    "But seismologists said this one struck closer to the surface.",
    "Epidemiologists warn that the numbers are incomplete.",
])
def test_specialists_in_the_plural_are_unnamed_people(suggester: Suggester, sentence: str) -> None:
    assert set(in_body(suggester, sentence)[0]) == {"anonymous_other"}


@pytest.mark.parametrize(("sentence", "name"), [
    ("In Washington, the president's spokesman, Josh Earnest, said the talks would go on.", "Josh Earnest"),
    ("On Tuesday, the company's chief executive, Tim Cook, said sales had grown.", "Tim Cook"),
    ("On Monday, the ministry's spokeswoman, Maria Zakharova, said Moscow would respond.", "Maria Zakharova"),
])
def test_a_place_or_day_opening_the_sentence_is_no_apposition(suggester: Suggester, sentence: str,
                                                              name: str) -> None:
    assert name in in_body(suggester, sentence)[0].get("on_record", ""), in_body(suggester, sentence)


@pytest.mark.parametrize("sentence", [
    "A new U.S. Geological Survey study shows the aquifer is shrinking.",
    "Studies and surveys show that most people support the ban.",
    "The report and its appendix show that the dam was unsafe.",
])
def test_documents_named_with_a_body_or_joined_by_and_are_documents(suggester: Suggester, sentence: str) -> None:
    assert "document" in in_body(suggester, sentence)[0]


@pytest.mark.parametrize(("sentence", "source"), [
    ("The Food and Drug Administration said the drug was safe.", "Food and Drug Administration"),
    ("The Department of Health and Human Services (HHS) said the rule would stand.",
     "Department of Health and Human Services"),
    ("Cybersecurity and Infrastructure Security Agency (CISA) chimed in to deny the report, saying its mission "
     "is unchanged.", "Cybersecurity and Infrastructure Security Agency"),
    ("The Federal Bureau of Investigation (FBI) declined to comment.", "Federal Bureau of Investigation"),
    ("Smith and Jones said the deal was off.", "Smith and Jones"),
])
def test_a_name_with_and_in_it_is_named_whole(suggester: Suggester, sentence: str, source: str) -> None:
    assert in_body(suggester, sentence)[0] == {"on_record": source}


def test_two_countries_speaking_name_nobody(suggester: Suggester) -> None:
    assert in_body(suggester, "Britain and France said they would send troops.")[0] == {"on_record": ""}


def test_a_clause_before_a_speaker_is_still_cut_at_its_and(suggester: Suggester) -> None:
    found = in_body(suggester, "After the talks ended and President Biden said the deal was done, markets rose.")
    assert found[0] == {"on_record": "Biden, President"}


def test_a_pair_of_surnames_takes_the_full_names_given_before(suggester: Suggester) -> None:
    found = in_body(suggester, "President Donald Trump said the report cleared him. | Attorney General William "
                               "Barr said the inquiry was over. | Both Trump and Barr have said they have no "
                               "objection to the hearing.")
    assert found[2] == {"on_record": "Donald Trump and William Barr"}


def test_senators_named_together_keep_their_title(suggester: Suggester) -> None:
    found = in_body(suggester, "Senators Lisa Murkowski and Mitt Romney announced they plan to vote for her.")
    assert found[0] == {"on_record": "Lisa Murkowski and Mitt Romney, Senators"}
