"""Copies: articles sharing near-identical passages are linked to their group's earliest article."""

from __future__ import annotations

from tests.core.provenance.helpers import article, provenance

WIRE = ("Hundreds of residents were evacuated on Tuesday after the river burst its banks near the town.",
        "Emergency services said the water rose by two metres in less than six hours overnight.",
        "The regional governor declared a state of emergency and asked the army for help.",
        "Forecasters expect more heavy rain over the mountains until the end of the week.")


def test_a_wire_story_carried_by_three_outlets_shows_as_one_source() -> None:
    carried = (WIRE[0].replace("Tuesday", "Tuesday morning"), *WIRE[1:], "Our reporter is on the scene tonight.")
    result = provenance(article(1, "Wire Service", *WIRE, published="2025-05-01"),
                        article(2, "Valley Post", *carried, published="2025-05-02"),
                        article(3, "Coast Radio", "Good evening.", *WIRE[:3], published="2025-05-02"))
    copies = {(e.from_article, e.to_article): e.sentences for e in result.edges if e.kind == "copies"}
    assert copies == {(2, 1): (1, 2, 3, 4), (3, 1): (2, 3, 4)}
    assert result.origins[0].independent_sources == ("Wire Service",)


def test_one_shared_quote_is_not_a_copy() -> None:
    quote = "The minister said the government would not accept any deal that weakened the border controls."
    result = provenance(article(1, "Valley Post", quote, "Other words entirely about the harvest and the weather."),
                        article(2, "Coast Radio", "A different opening about the farmers and their markets.", quote))
    assert [e for e in result.edges if e.kind == "copies"] == []
