"""Responses, passive agents and speakers referred back to: the families of attribution the rules
missed on outlets other than Wikinews (issue 21, point 2). The sentences are written for these tests."""

from __future__ import annotations

import pytest

from annotator.core.suggest.suggester import Suggester
from tests.core.suggest.found import categories, sources_of


@pytest.mark.parametrize(("sentence", "category"), [
    ("The Pentagon declined to comment.", "on_record"),
    ("CISA chimed in to deny the report.", "on_record"),
    ("Cyber Command directed questions to the Pentagon.", "on_record"),
    ("The company refused to comment on the report.", "on_record"),
    ("The White House pushed back on the report.", "on_record"),
    ("Senator Jane Roe hit back at her critics on Sunday.", "on_record"),
    ("A spokesperson for the ministry was unable to comment.", "anonymous_official"),
])
def test_a_response_is_the_responders_statement(suggester: Suggester, sentence: str, category: str) -> None:
    assert categories(suggester, sentence) == [{category}]


@pytest.mark.parametrize("sentence", [
    "The White House did not respond to a request for comment.",
    "The ministry was contacted for comment.",
])
def test_newsroom_process_is_no_attribution(suggester: Suggester, sentence: str) -> None:
    assert categories(suggester, sentence, attributed_only=True) == [set()]


@pytest.mark.parametrize(("sentence", "category"), [
    ("The claims were denied by officials in Kyiv.", "anonymous_official"),
    ("The figure has been disputed by Iran.", "on_record"),
    ("The need for reform is further emphasized by Megan Ross, a campaigner at Land Watch:", "on_record"),
    ("The account was rejected by critics of the plan.", "anonymous_other"),
])
def test_the_agent_of_a_passive_speech_verb_speaks(suggester: Suggester, sentence: str, category: str) -> None:
    assert category in categories(suggester, sentence)[0]


def test_a_passive_agent_that_only_acts_is_no_source(suggester: Suggester) -> None:
    found = categories(suggester, "The reporter was interrogated by officials for eight hours.")
    assert "anonymous_official" not in found[0]


@pytest.mark.parametrize(("first", "second", "category"), [
    ("A senior defense official said the pause was temporary.",
     "The official added that no decision had been made.", "anonymous_official"),
    ("People familiar with the matter said talks had stalled.",
     "The source explained that both sides were tired.", "anonymous_other"),
    ("Senator Joan Pike said the bill would pass.", "The senator added that votes were secured.", "on_record"),
])
def test_a_speaker_described_again_carries_the_category(suggester: Suggester, first: str, second: str,
                                                        category: str) -> None:
    assert category in categories(suggester, first, second)[1]


def test_a_described_speaker_keeps_the_earlier_name(suggester: Suggester) -> None:
    found = sources_of(suggester, "Senator Joan Pike said the bill would pass.",
                       "The senator added that votes were secured.")
    assert found[1] == {"Joan Pike, Senator"}


@pytest.mark.parametrize(("sentence", "category"), [
    ("The researchers noted that the question is old.", "anonymous_other"),
    ("Scientists say the mineral may explain the colour.", "anonymous_other"),
    ("The researchers found that ozone cut yields by a tenth.", "document"),
])
def test_researchers_speaking_are_people_their_findings_a_document(suggester: Suggester, sentence: str,
                                                                   category: str) -> None:
    assert category in categories(suggester, sentence)[0]


def test_an_institution_after_a_possessive_speaks_on_record(suggester: Suggester) -> None:
    found = categories(suggester, "Norway’s consumer health watchdog has described the illness as pneumonia.")
    assert found == [{"on_record"}]


@pytest.mark.parametrize(("sentence", "document"), [
    ("Previous studies conducted in other conflict settings have suggested that the rate is higher.", True),
    ("This study systematically includes pre-war trauma in the analysis.", False),
    ("In a study published on Monday, the rate was found to be higher.", True),
])
def test_a_document_is_a_source_when_something_is_taken_from_it(suggester: Suggester, sentence: str,
                                                                document: bool) -> None:
    assert ("document" in categories(suggester, sentence)[0]) is document


def test_a_person_named_before_speaks_after_sentences_that_attribute_nothing(rules_only: Suggester) -> None:
    found = categories(rules_only, "The senator arrived late.", "He said the bill would pass.",
                       "When he said it, nobody laughed.", attributed_only=True)
    assert found == [set(), {"on_record"}, set()]  # the learned detector may still guess the third


def test_a_body_whose_name_holds_a_document_word_speaks_as_itself(suggester: Suggester) -> None:
    sentence = "According to the Congressional Budget Office, the plan would cost $1 trillion."
    assert categories(suggester, sentence, attributed_only=True) == [{"on_record"}]
    assert categories(suggester, "According to the report, incomes rose.", attributed_only=True) == [{"document"}]


@pytest.mark.parametrize(("sentence", "category"), [
    ("The governor vowed to veto the measure.", "on_record"),
    ("The candidate has denied any wrongdoing.", "on_record"),
    ("The official added that the plan was dead.", "anonymous_official"),
    ("The source explained that the deal had collapsed.", "anonymous_other"),
])
def test_a_speaker_referred_to_by_a_role_after_sentences_that_attribute_nothing(
        suggester: Suggester, sentence: str, category: str) -> None:
    assert categories(suggester, "Rain fell on the capital.", sentence, attributed_only=True)[1] == {category}


@pytest.mark.parametrize(("sentence", "source"), [
    ("Rights groups say hundreds have been detained.", "Rights groups"),
    ("Environmental groups said the ruling was a victory.", "Environmental groups"),
    ("The move was criticized by civil rights groups.", "civil rights groups"),
    ("The ruling was welcomed by environmental campaigners.", "environmental campaigners"),
])
def test_groups_and_campaigners_without_a_determiner_speak_unnamed(suggester: Suggester, sentence: str,
                                                                  source: str) -> None:
    assert categories(suggester, sentence, attributed_only=True) == [{"anonymous_other"}]
    assert sources_of(suggester, sentence) == [{source}]


@pytest.mark.parametrize("sentence", [
    "Doctors treated twenty people at the scene.",
    "The move drew criticism from opponents; Senator Jane Roe called it a mistake.",
])
def test_a_group_that_does_not_speak_in_its_own_clause_is_no_source(suggester: Suggester, sentence: str) -> None:
    assert "anonymous_other" not in categories(suggester, sentence)[0]


@pytest.mark.parametrize(("sentence", "category"), [
    ("Opponents of the proposal point out that benefits would fall.", "anonymous_other"),
    ("The movement claims to pursue land reform.", "on_record"),
])
def test_phrasal_speech_verbs_and_movements_speak(suggester: Suggester, sentence: str, category: str) -> None:
    assert categories(suggester, sentence, attributed_only=True) == [{category}]


def test_an_unnamed_group_in_another_clause_is_no_source(suggester: Suggester) -> None:
    sentence = "Lawmakers voted on the proposal in October, although industry experts say the deal was dead."
    assert categories(suggester, sentence, attributed_only=True) == [{"anonymous_other"}]
    assert sources_of(suggester, sentence) == [{"industry experts"}]


@pytest.mark.parametrize(("sentence", "expected"), [
    ("One college football player described looking out for his teammates.", {"anonymous_other"}),
    ("The workshop leaders explained that the rule had changed.", {"anonymous_other"}),
    ("Unfortunately, believing the rumour made things worse.", set()),
    ("The Harbour Project is a study of more than 5,000 boats.", set()),
])
def test_unnamed_people_speak_and_adverbs_and_definitions_do_not(suggester: Suggester, sentence: str,
                                                                 expected: set[str]) -> None:
    assert categories(suggester, sentence, attributed_only=True) == [expected]


def test_a_description_of_a_named_speaker_is_no_second_source(suggester: Suggester) -> None:
    sentence = "Valeska Paris, an Australian woman and former member, has claimed that she was held."
    assert categories(suggester, sentence, attributed_only=True) == [{"on_record"}]


def test_accepting_something_is_no_statement_accepting_that_is(suggester: Suggester) -> None:
    assert categories(suggester, "On Monday, Medvedev accepted the resignations of two governors.",
                      attributed_only=True) == [set()]
    assert categories(suggester, "Medvedev accepted that the reform had failed.", attributed_only=True) == [
        {"on_record"}]


@pytest.mark.parametrize(("sentence", "category"), [
    ("Putin saw it as a provocation.", "on_record"),
    ("Critics viewed the move as a capitulation.", "anonymous_other"),
])
def test_seeing_something_as_is_a_stated_view(suggester: Suggester, sentence: str, category: str) -> None:
    assert categories(suggester, sentence, attributed_only=True) == [{category}]


@pytest.mark.parametrize(("sentence", "category"), [
    ("In comparison, there was a $500 million pledge made recently by the government of Japan.", "on_record"),
    ("Promises made by officials were broken.", "anonymous_official"),
])
def test_who_made_a_pledge_or_statement_speaks(suggester: Suggester, sentence: str, category: str) -> None:
    assert categories(suggester, sentence, attributed_only=True) == [{category}]


def test_a_response_across_a_no_break_space_is_still_read(suggester: Suggester) -> None:
    assert categories(suggester, "The ministry did\u00a0not wish to comment on the report.",
                      attributed_only=True) == [{"on_record"}]
