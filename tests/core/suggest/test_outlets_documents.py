"""Other outlets and documents as sources: outlets named by a common noun or a news-name pattern,
an outlet's own report, "the agency" or "the paper" meaning the outlet named before, and documents
that speak after an aside or in the words of a lawsuit."""

from __future__ import annotations

import pytest

from annotator.core.suggest.suggester import Suggester
from tests.core.suggest.found import categories as found_categories


@pytest.mark.parametrize("sentence", [
    "The broadcaster reported that the test had failed.",
    "The tabloid claimed that the singer had married.",
    "The magazine said the singer had married.",
    "The pope was ill, the Italian press reported.",
    "The state broadcaster's website said the talks had ended.",
])
def test_an_outlet_named_by_a_common_noun_is_other_outlet(suggester: Suggester, sentence: str) -> None:
    assert categories(suggester, sentence) == [{"other_outlet"}]


@pytest.mark.parametrize("sentence", [
    "The Korean Central News Agency said the test was a success.",
    "The Xinhua news agency said the talks had ended.",
])
def test_a_news_agency_speaking_is_an_outlet_not_an_institution(suggester: Suggester, sentence: str) -> None:
    assert categories(suggester, sentence) == [{"other_outlet"}]


@pytest.mark.parametrize("sentence", [
    "The Times of London reported the claim on Sunday.",
    "The minister told the Asahi Shimbun that the test was a failure.",
    "The test was a success, according to the JoongAng Ilbo newspaper.",
    "The test was a success, Yonhap reported.",
])
def test_news_names_are_recognised_as_outlets(suggester: Suggester, sentence: str) -> None:
    found = categories(suggester, sentence)[0]  # "The minister told …": the minister on the record besides
    assert "other_outlet" in found and found <= {"other_outlet", "on_record"}


@pytest.mark.parametrize("sentence", [
    "The Wall Street Journal's report said the order came from Hegseth.",
    "The New York Times' report said the order came from Hegseth.",
    "The claim was first made in a report by the Financial Times.",
    "The claim appeared in a story published by the Daily Mail.",
    "The pope was ill, the BBC's Rome correspondent reported.",
])
def test_an_outlets_own_report_is_other_outlet_not_a_document(suggester: Suggester, sentence: str) -> None:
    assert categories(suggester, sentence) == [{"other_outlet"}]


def test_the_agency_after_a_news_agency_is_that_outlet(suggester: Suggester) -> None:
    found = categories(suggester, "Yonhap news agency reported that the missile flew 600 kilometres.",
                       "The agency said the launch was the third this month.")
    assert found[1] == {"other_outlet"}


def test_the_agency_after_a_government_agency_speaks_on_record(suggester: Suggester) -> None:
    found = categories(suggester, "The Environmental Protection Agency issued new rules on Monday.",
                       "The agency said the rules would cut emissions.")
    assert found[1] == {"on_record"}


def test_the_paper_after_a_newspaper_is_that_outlet(suggester: Suggester) -> None:
    found = categories(suggester, "The Guardian reported that the memo excluded Russia.",
                       "The paper said the memo was written in February.")
    assert found[1] == {"other_outlet"}


def test_the_paper_after_a_research_paper_is_not_an_outlet(suggester: Suggester) -> None:
    found = categories(suggester, "The method was described in a paper in Nature last year.",
                       "The paper said the yields would fall by a tenth.")
    assert "other_outlet" not in found[1]


@pytest.mark.parametrize("sentence", [
    "The memo, dated March 3, orders the agency to stop work.",
    "The documents, obtained by the newspaper, show the agency knew.",
    "The report, published on Tuesday, found that the river was polluted.",
    "The letter, which was seen by the BBC, asks the board to resign.",
])
def test_a_document_speaks_after_an_aside(suggester: Suggester, sentence: str) -> None:
    assert "document" in categories(suggester, sentence)[0]


@pytest.mark.parametrize("sentence", [
    "The lawsuit alleges that the company misled investors.",
    "The indictment accuses him of fraud.",
    "The complaint claims the firm hid its losses.",
])
def test_a_legal_document_alleging_is_document(suggester: Suggester, sentence: str) -> None:
    assert categories(suggester, sentence) == [{"document"}]


@pytest.mark.parametrize("sentence", [
    "The memo, dated March 3, was leaked to reporters.",
    "The report, which runs to 40 pages, is due next week.",
])
def test_a_document_written_about_after_an_aside_is_not_a_source(suggester: Suggester, sentence: str) -> None:
    assert "document" not in categories(suggester, sentence)[0]


@pytest.mark.parametrize("sentence", [
    "The test was a success, reported the BBC.",
    "The test was a success, reports the Korea Times.",
])
def test_an_outlet_after_its_reporting_verb_is_other_outlet(suggester: Suggester, sentence: str) -> None:
    assert categories(suggester, sentence) == [{"other_outlet"}]


def test_a_news_of_name_is_an_outlet_not_a_person(suggester: Suggester) -> None:
    assert categories(suggester, "News of the World claimed the singer had married.") == [{"other_outlet"}]


def test_state_media_unnamed_are_anonymous_other(suggester: Suggester) -> None:
    # the guidelines: a report whose outlet is not named is anonymous, non-official
    assert categories(suggester, "Chinese state media said the test was a success.") == [{"anonymous_other"}]


def test_a_weekday_before_a_speech_verb_is_not_a_speaker(suggester: Suggester) -> None:
    assert "on_record" not in categories(suggester, "The email, sent on Monday, told staff to stay home.")[0]


@pytest.mark.parametrize("sentence", [
    "The guidelines state that homeopathic remedies must be labelled.",
    "The regulations require that remedies be labelled.",
    "The leaked cables reveal that the ambassador disliked the minister.",
    "The manifesto promises lower taxes.",
])
def test_rules_cables_and_manifestos_are_documents(suggester: Suggester, sentence: str) -> None:
    assert categories(suggester, sentence) == [{"document"}]


def test_a_record_label_speaking_is_not_a_document(suggester: Suggester) -> None:
    assert "document" not in categories(suggester, "The record label said the album would be delayed.")[0]


@pytest.mark.parametrize("sentence", [
    "Of those surveyed, 40 percent said they back the plan.",
    "Forty percent of respondents said they back the plan.",
])
def test_what_a_surveys_respondents_said_is_document(suggester: Suggester, sentence: str) -> None:
    assert "document" in categories(suggester, sentence)[0]


@pytest.mark.parametrize("sentence", [
    "The report calls for a ban on homeopathic remedies.",
    "The committee's report recommended that funding end.",
    "The figures, released by the Office for National Statistics, point to a decline.",
])
def test_a_document_recommending_or_pointing_is_document(suggester: Suggester, sentence: str) -> None:
    assert "document" in categories(suggester, sentence)[0]


def categories(suggester: Suggester, *sentences: str) -> list[set[str]]:
    return found_categories(suggester, *sentences, attributed_only=True)


@pytest.mark.parametrize("sentence", [
    "The released emails show that officials of the ministry were biased against the bidder.",
    "According to emails seen by the committee, the contract was promised in May.",
    "A common currency and a regional parliament are proposed in the Lima declaration.",
])
def test_emails_and_declarations_are_documents(suggester: Suggester, sentence: str) -> None:
    assert "document" in categories(suggester, sentence)[0]


def test_a_name_ending_like_a_verb_is_no_documents_verb(suggester: Suggester) -> None:
    sentence = "Emails exchanged among United States Air Force officials have been entered into the record."
    assert "document" not in categories(suggester, sentence)[0]
