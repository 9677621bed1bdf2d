"""First report and independent sources, for the story and per claim."""

from __future__ import annotations

from annotator.core.provenance.model import ClaimMembers
from tests.core.provenance.helpers import article, provenance


def test_what_the_texts_say_was_first_wins_over_the_dates() -> None:
    result = provenance(article(1, "Valley Post", "The bridge closed, officials said.", published="2025-05-01"),
                        article(2, "Coast Radio", "The closure was first reported by The Record.",
                                published="2025-05-02"),
                        article(3, "Hill Monitor", "The Record broke this story.", published="2025-05-03"))
    story = result.origins[0]
    assert (story.first_reported_by, story.first_by_text, story.first_by_date) == (
        "The Record", "The Record", "Valley Post")


def test_without_such_words_the_earliest_dated_article_is_first() -> None:
    result = provenance(article(1, "Valley Post", "The bridge closed.", published="2025-05-03"),
                        article(2, "Coast Radio", "The bridge closed.", published="2025-05-01"),
                        article(3, "Hill Monitor", "The bridge closed."))
    assert result.origins[0].first_reported_by == "Coast Radio"


def test_outlets_relaying_one_source_count_once() -> None:
    result = provenance(article(1, "Valley Post", "The bridge will close, Reuters reported."),
                        article(2, "Coast Radio", "According to Reuters, the bridge will close."),
                        article(3, "Hill Monitor", "The bridge will close, the mayor said."))
    assert result.origins[0].independent_sources == ("Hill Monitor", "Reuters")


def test_a_claim_counts_only_the_relays_next_to_its_sentences() -> None:
    claim = ClaimMembers(7, "bridge closes", frozenset({(1, 0), (2, 2)}))
    result = provenance(
        article(1, "Valley Post", "The bridge will close, Reuters reported.", published="2025-05-02"),
        article(2, "Coast Radio", "Bloomberg reported on the budget.", "Taxes rise.", "The bridge will close.",
                published="2025-05-01"),
        claims=(claim,))
    origin = next(o for o in result.origins if o.claim == 7)
    assert origin.independent_sources == ("Coast Radio", "Reuters")
    assert origin.first_reported_by == "Coast Radio"
    only = result.for_claim(7)
    assert [(e.from_article, e.to_outlet) for e in only.edges] == [(1, "Reuters")]
    assert [o.claim for o in only.origins] == [7]
