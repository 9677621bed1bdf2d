"""Named sources follow the coding guidelines: whole names, never a fragment, a lone non-name, a place
standing for nobody, or an outlet as an on-record speaker."""

from __future__ import annotations

import pytest

from annotator.core.suggest.suggester import Suggester


@pytest.fixture(scope="module")
def suggester() -> Suggester:
    return Suggester()


def suggested(suggester: Suggester, text: str) -> set[tuple[str, str]]:
    return {(s.category, s.source) for s in suggester.suggest([text])}


def test_an_outlet_is_never_an_on_record_speaker(suggester: Suggester) -> None:
    found = suggested(suggester, "After The Record reported the pause, Record said the order came from Hegseth.")
    assert found == {("other_outlet", "The Record")}


def test_a_place_standing_for_nobody_is_no_named_source(suggester: Suggester) -> None:
    assert suggested(suggester, "Russia denied the report on Tuesday, calling it a provocation.") == {("on_record", "")}


def test_a_person_keeps_their_name_and_title(suggester: Suggester) -> None:
    found = suggested(suggester, "Pentagon spokesperson Sean Parnell said the order stands.")
    assert found == {("on_record", "Sean Parnell, Pentagon spokesperson")}
    found = suggested(suggester, "Former Cyber Command official Jason Kikta explained that such a pause is usual.")
    assert found == {("on_record", "Jason Kikta, former Cyber Command official")}


@pytest.mark.parametrize("source, kept", [
    ("multiple U", ""), ("Subsequent", ""), ("Reportedly", ""), ("the United States", ""), ("Ukraine", ""),
    ("Sean Parnell, Pentagon spokesperson", "Sean Parnell, Pentagon spokesperson"), ("a senior defense official",
                                                                                   "a senior defense official"),
    ("John F. Kennedy", "John F. Kennedy"),
])
def test_the_vetting_keeps_names_and_drops_what_names_nobody(suggester: Suggester, source: str, kept: str) -> None:
    from annotator.core.suggest.hit import Hit

    assert suggester.vetting.vet(Hit("anonymous_official", "cue", 0.9, source)).source == kept


def test_a_named_speaker_of_an_outlet_is_on_record_and_the_outlets_report(suggester: Suggester) -> None:
    assert suggested(suggester, "CNN's Jake Tapper reported that the order stood.") == {
        ("on_record", "Jake Tapper"), ("other_outlet", "CNN")}


def test_a_speaker_of_an_institution_named_in_the_possessive_keeps_both_names(suggester: Suggester) -> None:
    assert ("on_record", "John Mustard, Brown University") in suggested(
        suggester, "Brown University's John Mustard said the sample was new.")


@pytest.mark.parametrize(("sentence", "source"), [
    ("A senior defense official said the pause was temporary.", "A senior defense official"),
    ("Experts said the proposal offered nothing new.", "Experts"),
    ("The pause was confirmed by a senior official.", "a senior official"),
    ("While talks go on, some experts worry that the pause is too long.", "some experts"),
    ("Critics warn this move may embolden the rebels.", "Critics"),
    ("Families of the victims said they wanted answers.", "Families of the victims"),
])
def test_an_unnamed_source_is_written_as_the_text_describes_it(suggester: Suggester, sentence: str,
                                                                source: str) -> None:
    assert source in {s for _, s in suggested(suggester, sentence)}


@pytest.mark.parametrize(("sentence", "source"), [
    ("Secretary of the Air Force James Roche: “No, save it and answer him.”", "James Roche, Secretary of the Air Force"),
    ("Deputy Undersecretary of the Navy for Acquisition Jane Doe: “I read the article with disgust.”",
     "Jane Doe, Deputy Undersecretary of the Navy for Acquisition"),
])
def test_a_titled_name_before_a_colon_and_a_quote_is_its_speaker(suggester: Suggester, sentence: str,
                                                                  source: str) -> None:
    assert ("on_record", source) in suggested(suggester, sentence)


def test_an_outlet_named_post_is_no_social_post(suggester: Suggester) -> None:
    found = suggested(suggester, "The plan will change, according to the Washington Post.")
    assert "social_post" not in {category for category, _ in found}


@pytest.mark.parametrize(("sentence", "expected"), [
    ("A tweet by user @harbourwatch read:", {("social_post", "@harbourwatch")}),
    ("Dock Workers Union, for the port's crane drivers, (@dockunion) tweeted a photo of the picket:",
     {("social_post", "Dock Workers Union"), ("on_record", "Dock Workers Union")}),
    ("@harbourwatch tweeted a photo of the picket.", {("social_post", "@harbourwatch")}),
    ("Twitter user @harbourwatch tweeted a photo of the picket:", {("social_post", "@harbourwatch")}),
    ("Another user @harbourwatch tweeted the photo above and said:", {("social_post", "@harbourwatch")}),
])
def test_who_posts_is_the_posts_source(suggester: Suggester, sentence: str, expected: set) -> None:
    assert suggested(suggester, sentence) == expected


@pytest.mark.parametrize(("sentence", "source"), [
    ("Opposition activist/blogger Oleg Marin calls this “electoral theft”.", "Oleg Marin, Opposition activist/blogger"),
    ("Economist and blogger Sergei Petrov believes that the governor was forced out.", "Sergei Petrov, blogger"),
    ("Ng E-Jay is unconvinced of the logic of a code of conduct:", "Ng E-Jay"),
    ("Marta Ruiz draws a parallel to the protests of 2011:", "Marta Ruiz"),
    ("Marta Ruiz compares the two budgets:", "Marta Ruiz"),
    ("Marta Ruiz points out the obvious flaw:", "Marta Ruiz"),
])
def test_writers_titled_by_what_they_do_and_a_named_speaker_before_a_colon(suggester: Suggester, sentence: str,
                                                                         source: str) -> None:
    assert ("on_record", source) in suggested(suggester, sentence)


@pytest.mark.parametrize("sentence", ["The agenda is as follows:", "The new rules are:",
                                      "The fighting continued through the night:", "The list continues:"])
def test_a_colon_after_no_name_introduces_no_quote(suggester: Suggester, sentence: str) -> None:
    assert suggested(suggester, sentence) == set()


@pytest.mark.parametrize(("sentence", "expected"), [
    ("HarbourNews.com quotes a “Senate aide” as saying the bill is dead.",
     {("other_outlet", "HarbourNews.com"), ("anonymous_official", "a Senate aide")}),
    ("The Guardian quoted Defense Minister Anna Berg as saying the plan was dead.",
     {("other_outlet", "The Guardian"), ("on_record", "Anna Berg, Defense Minister")}),
])
def test_an_outlet_quoting_someone_as_saying_relays_them(suggester: Suggester, sentence: str, expected: set) -> None:
    assert suggested(suggester, sentence) == expected


def test_an_outlet_after_a_day_in_the_possessive_is_the_outlet(suggester: Suggester) -> None:
    found = suggested(suggester, "The plan will change, according to today's Washington Post.")
    assert found == {("other_outlet", "Washington Post")}


def test_a_clause_after_the_verb_is_no_inverted_speaker(suggester: Suggester) -> None:
    assert suggested(suggester, "They could, for example, say that on this Workers’ Day both sides march.") == set()
    assert suggested(suggester, "The pause stands, said the Pentagon.") == {("on_record", "Pentagon")}


@pytest.mark.parametrize(("sentence", "expected"), [
    ("Some voters, like Jane Roe, said the plan was unfair.",
     {("anonymous_other", "Some voters"), ("on_record", "Jane Roe")}),
    ("Some, like Anahit Marko, called for his resignation.", {("anonymous_other", ""), ("on_record", "Anahit Marko")}),
])
def test_some_like_a_named_one_are_unnamed_and_named(suggester: Suggester, sentence: str, expected: set) -> None:
    assert suggested(suggester, sentence) == expected


@pytest.mark.parametrize(("sentence", "expected"), [
    ("At the dinner Brazilian President Luiz Inácio Lula da Silva said trade would grow.",
     {("on_record", "Luiz Inácio Lula da Silva, Brazilian President")}),
    ("According to official sources Brazil and Chile also discussed energy.",
     {("anonymous_official", "official sources")}),
    ("Central American states Mexico and Panama attended as observers.", set()),
    ("The bloc is a step toward coordination among South American states.", set()),
    ("The European Commission states that the rule applies.", {("on_record", "European Commission")}),
    ("Egeland later recanted his statement.", {("on_record", "Egeland")}),
])
def test_political_news_speakers(suggester: Suggester, sentence: str, expected: set) -> None:
    assert suggested(suggester, sentence) == expected


def test_the_quote_after_a_speaker_who_continues_carries_the_speaker(suggester: Suggester) -> None:
    texts = ["Blogger Anna Petrova writes:", "The park belongs to the people.", "She continues:",
             "There will be no surprises.", "The mayor resigned in May."]
    found = {(s.idx, s.category) for s in suggester.suggest(texts, paragraphs=[0, 1, 2, 3, 4])}
    assert {(i, "on_record") for i in range(4)} <= found and not {c for i, c in found if i == 4}
