"""General attribution frames: wider reporting verbs, institutions as speakers, colon quotes,
outlets and documents as subjects, and what carries across sentences (block and pull quotes)."""

from __future__ import annotations

import pytest

from annotator.core.suggest.suggester import Suggester
from tests.core.suggest.found import categories, sources_of


@pytest.mark.parametrize("sentence", [
    "The World Bank rates the country among the poorest in the region.",
    "Mayor Ana Ruiz has reacted by proposing a new tax on empty homes.",
    "Governor Tom Hale proposes to close two prisons next year.",
    "Finance Minister Lea Kraus reckons the deficit will shrink.",
    "Professor Omar Haddad cautions that the sample was small.",
    "Coach Pia Lind conceded that the team had played badly.",
    "Senator Joan Pike was quoted as saying the bill would pass.",
    "The plan will fail, Senator Joan Pike countered.",
    "“We will rebuild,” vowed Mayor Ana Ruiz.",
])
def test_reporting_verbs_in_any_form_mark_a_named_source(suggester: Suggester, sentence: str) -> None:
    assert "on_record" in categories(suggester, sentence)[0]


@pytest.mark.parametrize("sentence", [
    "However, the Department of Transport, which runs the network, has denied the claims.",
    "The city argued that the fee made the schools commercial businesses.",
    "Police said the driver had been drinking.",
    "The ministry confirmed that two soldiers were injured.",
    "The company announced it would cut 300 jobs.",
    "The regional government insists the road will open in May.",
])
def test_an_institution_speaking_is_on_record(suggester: Suggester, sentence: str) -> None:
    assert "on_record" in categories(suggester, sentence)[0]


def test_an_institution_named_with_the_keeps_its_name(suggester: Suggester) -> None:
    found = sources_of(suggester, "The Department of Transport has denied the claims.")
    assert found[0] == {"Department of Transport"}


@pytest.mark.parametrize("sentence", [
    "Recent reports have revealed that the club owed millions.",
    "Local media have said the mayor will resign.",
    "The minister was reportedly furious about the leak.",
    "It was widely reported that the talks had failed.",
    "Multiple outlets reported that the plant would close.",
])
def test_reports_whose_outlet_is_not_named_are_anonymous_other(suggester: Suggester, sentence: str) -> None:
    found = categories(suggester, sentence)[0]
    assert "anonymous_other" in found and "other_outlet" not in found  # the guidelines: no outlet named


@pytest.mark.parametrize("sentence", [
    "The Daily Courier noted that the vote was close.",
    "The Tribune observed that turnout had fallen.",
    "The Riverside Weekly wrote that the plant would close.",
])
def test_other_outlets_reporting_is_other_outlet(suggester: Suggester, sentence: str) -> None:
    assert "other_outlet" in categories(suggester, sentence)[0]


@pytest.mark.parametrize("sentence", [
    "The report says the decline began in 2010.",
    "Figures published by the statistics office show unemployment fell.",
    "The leaked letter reads that claims may be withdrawn.",
    "The study's authors say the effect is small.",
    "Data released on Monday suggest the economy grew.",
])
def test_a_document_speaking_is_document(suggester: Suggester, sentence: str) -> None:
    assert "document" in categories(suggester, sentence)[0]


@pytest.mark.parametrize("sentence, expected", [
    ("It is understood that the deal was signed last night.", "anonymous_other"),
    ("Researchers say one child in three is affected.", "anonymous_other"),
    ("Scientists warn that the reef may not recover.", "anonymous_other"),
])
def test_unnamed_sources_without_a_determiner(suggester: Suggester, sentence: str, expected: str) -> None:
    assert expected in categories(suggester, sentence)[0]


def test_a_colon_introduces_a_named_speakers_quote(suggester: Suggester) -> None:
    found = categories(suggester, "Transport Secretary Ian Moss: “The trains will run on time.”")
    assert found[0] == {"on_record"}


def test_a_sentence_ending_in_a_colon_is_not_a_heading(suggester: Suggester) -> None:
    found = categories(suggester, "The union, in a statement, rejected the offer:",
                       "“This is not a serious proposal.”")
    assert found == [{"on_record"}, {"on_record"}]


def test_a_first_person_sentence_continues_the_speaker_before(suggester: Suggester) -> None:
    found = sources_of(suggester, "Ana Ruiz, the mayor, said the budget was tight.",
                       "I have asked every department to save five percent.")
    assert found[1] == {"Ana Ruiz, the mayor"}


def test_a_first_person_sentence_without_a_speaker_before_gets_nothing(suggester: Suggester) -> None:
    found = categories(suggester, "The bridge opened in 1990.", "I crossed it every day.")
    assert found[1] == set()


def test_a_pull_quote_takes_the_speaker_of_the_sentence_it_repeats(suggester: Suggester) -> None:
    quote = "We owe the victims an apology and we will give it."
    found = sources_of(suggester, f"“{quote} Nothing less will do,” said Ana Ruiz.",
                       "The council meets on Monday.", quote)
    assert found[2] == {"Ana Ruiz"}


def test_a_pull_quote_takes_the_speaker_named_in_the_line_after_it(suggester: Suggester) -> None:
    found = categories(suggester, "The council meets on Monday.",
                       "This was the hardest decision I have made in office.", "Ana Ruiz, Mayor of Springfield")
    assert found[1] == {"on_record"}


@pytest.mark.parametrize("sentence, expected", [
    ("He described the plan in a post on his blog.", "social_post"),
    ("She asked for donations via a statement on her blog.", "social_post"),
])
def test_a_blog_is_a_social_post(suggester: Suggester, sentence: str, expected: str) -> None:
    assert expected in categories(suggester, sentence)[0]


@pytest.mark.parametrize("sentence", [
    "The city council approved the budget on Tuesday.",
    "The company was founded in 1990 and employs 300 people.",
    "Police arrived at the scene shortly after midnight.",
    "I-95 was closed for several hours.",
])
def test_institutions_acting_are_not_attribution(suggester: Suggester, sentence: str) -> None:
    assert categories(suggester, sentence)[0] == set()


@pytest.mark.parametrize("sentence", [
    "The hashtag trended on Twitter for two days.",
    "U.S. officials met their counterparts in Geneva on Monday.",
    "Google Chrome continues to gain users in Europe.",
    "The union struck for a week, asking the Transport Minister to resign.",
])
def test_a_mention_without_speech_is_not_attribution(suggester: Suggester, sentence: str) -> None:
    assert categories(suggester, sentence)[0] == set()


def test_an_unnamed_official_who_speaks_is_still_found(suggester: Suggester) -> None:
    found = categories(suggester, "U.S. officials said the talks would resume on Monday.")
    assert found[0] == {"anonymous_official"}
