"""Headlines, captions and promotions are display text, not claims (the coding guidelines)."""

from __future__ import annotations

import pytest

from annotator.core.claims.compute import compute_claims, is_display_text
from annotator.core.records import SentenceText

STATED = "The ministry said the bridge would reopen on Monday after repairs to its main span."


@pytest.mark.parametrize("text", [
    "Bridge to reopen on Monday after repairs", "Photo: The bridge seen from the east bank.",
    "Sign up for our morning newsletter to get the news first.", "Related: How the bridge was built",
    "What the closure means for commuters",
])
def test_display_text_is_recognised(text: str) -> None:
    assert is_display_text(text)


def test_a_stated_sentence_is_not_display_text() -> None:
    assert not is_display_text(STATED) and not is_display_text("“It will reopen on Monday,” she said.")


def test_the_same_headline_in_two_outlets_is_no_claim_but_the_same_statement_is() -> None:
    sentences = [SentenceText(article, idx, text) for article in (1, 2) for idx, text in enumerate([
        "Bridge to reopen on Monday after repairs", STATED,
        "Sign up for our morning newsletter to get the news first."])]
    groups = compute_claims(sentences)
    assert [g.members for g in groups] == [((1, 1), (2, 1))]
