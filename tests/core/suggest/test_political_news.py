"""Forms of political news: parties' members speaking as a group, a clause's subject speaking through
", saying", a statement inside a quote, posts described without the word "post". The sentences are
written for these tests in the style of a public broadcaster's reports on Congress and the White House."""

from __future__ import annotations

import pytest

from annotator.core.suggest.suggester import Suggester
from tests.core.suggest.found import in_body


@pytest.mark.parametrize("sentence", [
    "Democrats defended the new law, saying it protects patients from unfair practices.",
    "Republicans called the law a government take-over of health care.",
    "Senate Democrats praised the nominee's breadth of experience ahead of the vote.",
    "House Democrats have accused the attorney general of misrepresenting the report.",
    "For more than a week, most Republicans had argued that the next president should pick the judge.",
    "Lawmakers made clear they plan to give the spending proposal tough scrutiny.",
])
def test_a_partys_members_speaking_as_a_group_are_unnamed_officials(suggester: Suggester, sentence: str) -> None:
    assert set(in_body(suggester, sentence)[0]) == {"anonymous_official"}


def test_a_party_speaking_as_a_body_is_on_record(suggester: Suggester) -> None:
    assert set(in_body(suggester, "The Democratic Party said it would appeal the ruling.")[0]) == {"on_record"}


@pytest.mark.parametrize(("sentence", "name"), [
    ("U.S. President Donald Trump is defending his move to fire the director, saying “he wasn't doing a good"
     " job.”", "Donald Trump"),
    ("Judge Ana Ruiz gave a lengthy response, saying she often explained the sentences to defendants.", "Ana Ruiz"),
])
def test_the_subject_of_a_clause_speaks_through_saying(suggester: Suggester, sentence: str, name: str) -> None:
    found = in_body(suggester, sentence)[0]
    assert set(found) == {"on_record"} and found["on_record"].startswith(name)


def test_a_document_word_inside_a_quote_is_no_document(suggester: Suggester) -> None:
    body = ("The president sent his budget to Congress on Monday. | "
            "“Today we submit a budget that shows we can balance the books in five years,” the president said.")
    assert set(in_body(suggester, body)[1]) == {"on_record"}


@pytest.mark.parametrize("sentence", [
    "Earlier, on the Twitter social media platform, the president contended that the director had lost the"
    " confidence of everyone.",
    "In a series of Wednesday morning tweets, Trump said the director would be replaced by someone better.",
])
def test_a_named_or_referred_speaker_posting_is_on_record_and_a_post(suggester: Suggester, sentence: str) -> None:
    assert set(in_body(suggester, sentence)[0]) == {"on_record", "social_post"}


def test_saying_after_a_named_speaker_adds_no_second_one(suggester: Suggester) -> None:
    found = in_body(suggester, "Interior Ministry officials said the attacks were coordinated, adding that some"
                               " militants were foreigners.")[0]
    assert set(found) == {"anonymous_official"}


def test_taking_into_account_is_no_account_posting(suggester: Suggester) -> None:
    found = in_body(suggester, "“We are thinking through the way forward in Iraq to take into account all the"
                               " differing views,” he said.")[0]
    assert "social_post" not in found


@pytest.mark.parametrize(("sentence", "category"), [
    ("The federal government hits its borrowing limit soon, and the Obama administration is warning of dire"
     " consequences.", "on_record"),
    ("Three House leaders are demanding that the secretary turn over all the documents by Thursday.",
     "anonymous_official"),
])
def test_speaking_in_the_progressive_is_speaking(suggester: Suggester, sentence: str, category: str) -> None:
    assert category in in_body(suggester, sentence)[0]


def test_being_told_is_no_speaking(suggester: Suggester) -> None:
    assert "on_record" not in in_body(suggester, "The minister was told about the plan on Monday.")[0]
