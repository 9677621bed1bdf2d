"""The search panel's bold marks the match whether the sentence or the query is composed (NFC) or
decomposed (NFD: "Zu" + U+0308 + "rich"), and keeps a decomposed accent with its letter."""

from __future__ import annotations

import unicodedata

import pytest

from annotator.ui.workspace.search_panel import match_spans, snippet_html


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def nfd(text: str) -> str:
    return unicodedata.normalize("NFD", text)


@pytest.mark.parametrize("text_form", [nfc, nfd], ids=["text-nfc", "text-nfd"])
@pytest.mark.parametrize("query_form", [nfc, nfd], ids=["query-nfc", "query-nfd"])
@pytest.mark.parametrize(("sentence", "query", "bold"), [
    ("Talks were held in Zürich on Monday.", "Zürich", "Zürich"),
    ("Talks were held in Zürich on Monday.", '"in Zürich"', "in Zürich"),
    ("Η συνάντηση έγινε στην Αθήνα.", "Αθήνα", "Αθήνα"),
    ("A quiet café in Besançon.", "café", "café"),
    ("회담은 서울에서 열렸다.", "서울에서", "서울에서"),
], ids=["latin", "phrase", "greek", "final-accent", "hangul"])
def test_the_match_is_bold_in_either_form(text_form, query_form, sentence: str, query: str, bold: str) -> None:
    text = text_form(sentence)
    assert [text[start:end] for start, end in match_spans(text, query_form(query))] == [text_form(bold)]
    assert f"<b>{text_form(bold)}</b>" in snippet_html(text, query_form(query))
