"""Names that outlets transliterate differently are one term across articles, and only then."""

from __future__ import annotations

from annotator.core.claims.compute import compute_claims
from annotator.core.claims.features import term_lists
from annotator.core.claims.name_variants import canonical_names, sound
from annotator.core.claims.tokens import fold
from annotator.core.records import SentenceText


def _mapping(texts_by_article: dict[int, list[str]]) -> dict[str, str]:
    texts = [(a, t) for a, ts in texts_by_article.items() for t in ts]
    return canonical_names(term_lists([t for _, t in texts]), [a for a, _ in texts])


def test_transliterated_spellings_level_to_one_sound() -> None:
    assert sound("gaddafi") == sound("gadhafi")
    assert sound("muammar") == sound("moammar")
    assert sound("defence") == sound("defense")
    assert fold("Thorbjørn") == fold("Thorbjorn") == "thorbjorn"


def test_endings_and_other_letters_keep_names_apart() -> None:
    assert sound("andrew") != sound("andrea")
    assert sound("robert") != sound("roberto")
    assert sound("martin") != sound("morton")
    assert sound("project") != sound("protect")


def test_the_spelling_of_most_sentences_is_kept_for_the_others() -> None:
    mapping = _mapping({1: ["Former leader Muammar Gaddafi was killed in Sirte."],
                        2: ["Former leader Moammar Gadhafi is dead, officials in Sirte said.",
                            "Officials said Gadhafi was found hiding."]})
    assert mapping == {"gaddafi": "gadhafi", "muammar": "moammar"}


def test_two_spellings_in_one_article_are_two_names() -> None:
    assert _mapping({1: ["Leader Gaddafi met Gadhafi's cousin."], 2: ["Gadhafi spoke."]}) == {}


def test_short_names_are_left_alone() -> None:
    assert _mapping({1: ["Then Obama spoke."], 2: ["Then Obamo spoke."]}) == {}


def test_a_claim_told_in_two_spellings_is_one_claim() -> None:
    sentences = [SentenceText(1, 0, "Libyan forces killed Muammar Gaddafi in Sirte."),
                 SentenceText(1, 1, "The weather in Tripoli was mild."),
                 SentenceText(2, 0, "Moammar Gadhafi is dead, his family said."),
                 SentenceText(2, 1, "Celebrations went on late into the night.")]
    groups = [g.members for g in compute_claims(sentences)]
    assert ((1, 0), (2, 0)) in groups


def test_a_known_place_is_never_a_variant() -> None:
    assert _mapping({1: ["Talks were held in Colombia this week."], 2: ["Talks were held at Columbia this week."]}) == {}


def test_a_word_that_is_no_name_keeps_its_meaning() -> None:
    lists = term_lists(["The Security Council met on Monday.", "The counsel for the defence objected.",
                        "The Security Counsel met again."])
    from annotator.core.claims.name_variants import merge_variants
    merged = merge_variants(lists, [1, 1, 2])
    assert "counsel" in {t.text for t in merged[1]}  # lower-case, in an article that also says "Council"
