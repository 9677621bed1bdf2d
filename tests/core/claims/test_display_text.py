"""Headlines, captions, credits and promotions are display text, and no claim (the coding guidelines)."""

from __future__ import annotations

import pytest

from annotator.core.claims.compute import compute_claims
from annotator.core.display_text import is_display_text
from annotator.core.records import SentenceText

STATED = "The ministry said the bridge would reopen on Monday after repairs to its main span."


@pytest.mark.parametrize("text", [
    "Bridge to reopen on Monday after repairs", "By Jane Doe", "Monday, May 18, 2015",
    "The bridge seen from the east bank. Photo: Reuters.", "Jane Doe contributed to this report.",
    "Sign up for our morning newsletter to get the news first.", "Related: How the bridge was built.",
    "I'm Mario Ritter.", "The bridge seen from the east bank. Photo: Jane Doe.",
    "The minister speaks at the bridge on Monday. (AP Photo/Alex Brandon)",
    "Photo by Foko Madagascar, used with the author's authorization",
    "VOA's Al Pessin reports from the Pentagon.", "Our correspondent Jane Doe has more.",
    "Jane Doe reported this story from Kyiv, Ukraine.", "Reuters contributed to this report.",
])
def test_display_text_is_recognised(text: str) -> None:
    assert is_display_text(text)


@pytest.mark.parametrize("text", [STATED, "“It will reopen on Monday,” she said.", "The minister told reporters:",
                                  "The newsletter's editor said the bridge would reopen on Monday.",
                                  "The agency's Jane Doe reports from the bridge that it will reopen.",
                                  "The Washington Post, which first reported the story, said the order was issued.",
                                  "The site that reported the story has since deleted it."])
def test_a_stated_sentence_is_not_display_text(text: str) -> None:
    assert not is_display_text(text)


def test_the_same_headline_in_two_outlets_is_no_claim_but_the_same_statement_is() -> None:
    sentences = [SentenceText(article, idx, text) for article in (1, 2) for idx, text in enumerate([
        "Bridge to reopen on Monday after repairs", STATED,
        "Sign up for our morning newsletter to get the news first."])]
    assert [g.members for g in compute_claims(sentences)] == [((1, 1), (2, 1))]


@pytest.mark.parametrize("text", [
    "From Washington, this is VOA News.", "This is IN THE NEWS in VOA Special English.",
    "This is the BBC World Service.", "You're listening to Morning Edition from NPR News.",
])
def test_a_broadcasts_sign_on_is_display_text(text: str) -> None:
    assert is_display_text(text)


@pytest.mark.parametrize("text", ["This is the worst disaster Japan has faced since the war.",
                                  "This is a setback for the talks, the minister said."])
def test_a_sentence_opening_with_this_is_is_no_sign_on(text: str) -> None:
    assert not is_display_text(text)


def test_credit_words_inside_a_quote_make_no_credit() -> None:
    assert not is_display_text("“The site quickly identified and edited the article on their page,” said the"
                               " consultant, Graham Cluley.")


@pytest.mark.parametrize("text", [
    "VOA White House Correspondent Scott Stearns has the story.",
    "VOA's Jeffrey Young has this week's Political Wrap.",
    "VOA's Paula Wolfson reports from the White House that the president will send the plan on Monday.",
    "VOA's Kent Klein has more on the story.",
])
def test_a_correspondents_credit_in_its_usual_forms_is_display_text(text: str) -> None:
    assert is_display_text(text)


@pytest.mark.parametrize("text", ["The minister has more than twenty advisers on the council.",
                                  "Jane Doe reports that the bridge will reopen on Monday.",
                                  "Jane Doe has the support of the whole party."])
def test_a_sentence_about_someone_having_or_reporting_is_no_credit(text: str) -> None:
    assert not is_display_text(text)
