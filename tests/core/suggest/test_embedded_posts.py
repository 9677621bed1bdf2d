"""Posts embedded in a web page: the post's text, then its byline ("Name (@handle) March 4, 2025"), as an
HTML import keeps them. The byline says whose post the text before it is. The sentences are written
for these tests in the style of a news site quoting posts on X."""

from __future__ import annotations

from pathlib import Path

import pytest

from annotator.core.ingest.html_page import parse_html
from annotator.core.ingest.segment import split_sentences
from annotator.core.suggest.layout import paragraph_numbers
from annotator.core.suggest.suggester import Suggester
from tests.core.suggest.found import in_body


def test_the_text_before_a_post_byline_is_that_named_accounts_post(suggester: Suggester) -> None:
    body = ("The ministry answered on its press account on X, saying that the report was wrong.\n\n"
            "TO BE CLEAR: no order to stop the inspections was ever given. | The work goes on.\n\n"
            "Ministry Press Office (@MinistryPress) March 4, 2025\n\n"
            "Observers still have their doubts.")
    found = in_body(suggester, body)
    for idx in (1, 2, 3):
        assert found[idx].get("on_record") == "Ministry Press Office"
        assert found[idx].get("social_post") == "Ministry Press Office"
    assert "social_post" not in found[4]


def test_a_platform_named_is_no_posts_author(suggester: Suggester) -> None:
    for sentence in ("The Ministry of Health said on X that the report was wrong.",
                     "Soon after, the Ministry of Health clarified the matter on its account on X, saying that “no"
                     " order was given.”"):
        found = in_body(suggester, sentence)
        assert found[0].get("social_post") == found[0].get("on_record") == "Ministry of Health"


def test_a_post_run_into_the_writers_sentence_starts_after_it(suggester: Suggester) -> None:
    body = ("Inspections continue, per people familiar with the work. | "
            "@MinistryPress stopped the inspections last month ahead of the talks, sources say. | Both parties…\n\n"
            "Lena Park (@LenaParkNews) March 3, 2025\n\n"
            "Case closed?")
    found = in_body(suggester, body)
    assert "social_post" not in found[0] and "on_record" not in found[0]
    for idx in (1, 2, 3):
        assert found[idx].get("on_record") == "Lena Park" and found[idx].get("social_post") == "Lena Park"
    assert "anonymous_other" in found[1]  # what the post itself attributes stays
    assert found[4] == {}


def test_a_long_paragraph_before_a_byline_is_not_all_post(suggester: Suggester) -> None:
    body = ("The vote was held on Monday after weeks of talks between the two parties in the capital. | "
            "The count took most of the night and the result was announced at dawn by the commission. | "
            "Turnout was the lowest in two decades, below forty percent in most districts of the north. | "
            "We won. | Thank you all.\n\n"
            "Ana Ruiz (@anaruiz) May 2, 2024")
    found = in_body(suggester, body)
    assert found[3].get("social_post") == "Ana Ruiz" and found[4].get("social_post") == "Ana Ruiz"
    assert all("social_post" not in found[i] for i in (0, 1, 2))


def test_a_handle_only_byline_makes_a_post_by_that_handle(suggester: Suggester) -> None:
    body = "The crowd kept growing. #porttrial\n\n(@harbourwatch) May 2, 2024"
    found = in_body(suggester, body)
    assert found[0].get("social_post") == "@harbourwatch" and "on_record" not in found[0]


@pytest.mark.parametrize("sentence", [
    "The defense secretary wrote on X on Tuesday that the reports were false.",
    "He posted on Facebook that he would resign before the vote.",
])
def test_a_person_referred_back_posting_is_on_record_too(suggester: Suggester, sentence: str) -> None:
    assert set(in_body(suggester, sentence)[0]) == {"on_record", "social_post"}


def test_officials_referred_back_posting_stay_unnamed(suggester: Suggester) -> None:
    assert "on_record" not in in_body(suggester, "The officials wrote on X that the talks had ended.")[0]


def test_a_post_embedded_in_a_saved_web_page_is_its_authors(suggester: Suggester, tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_text(
        "<html><head><title>Inspections go on | Harbour Daily</title></head><body><article>"
        "<h1>Inspections go on</h1>"
        "<p>The port authority answered the reports on Tuesday, a day after they were first published by"
        " several outlets in the region and picked up by the national papers.</p>"
        '<blockquote class="twitter-tweet"><p lang="en" dir="ltr">No inspection has been stopped. We keep'
        ' working as usual. <a href="https://t.co/x1">pic.twitter.com/x1</a></p>&mdash; Port Authority'
        ' (@PortAuthority) <a href="https://twitter.com/PortAuthority/status/1">March 4, 2025</a></blockquote>'
        "<p>The dock workers' union said it would keep watching the terminals closely all week long.</p>"
        "</article></body></html>", encoding="utf-8")
    parsed = parse_html(page.read_text(encoding="utf-8"), page)
    spans = split_sentences(parsed.body)
    texts = [parsed.body[a:b] for a, b in spans]
    post = [i for i, t in enumerate(texts) if "No inspection has been stopped" in t or "We keep working" in t]
    byline = next(i for i, t in enumerate(texts) if "(@PortAuthority)" in t)
    assert post and byline > max(post)
    found: dict[int, dict[str, str]] = {}
    for s in suggester.suggest(texts, paragraphs=paragraph_numbers(parsed.body, spans)):
        found.setdefault(s.idx, {})[s.category] = s.source
    for idx in post + [byline]:
        assert found[idx].get("on_record") == found[idx].get("social_post") == "Port Authority"
    assert "social_post" not in found.get(byline + 1, {})
