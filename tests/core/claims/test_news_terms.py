"""Claim terms for the ways outlets reword one fact: places, titles, numbers, names."""

from __future__ import annotations

import pytest

from annotator.core.claims.tokens import terms


def _texts(sentence: str) -> set[str]:
    return {t.text for t in terms(sentence)}


@pytest.mark.parametrize("a, b", [
    ("Russian hackers", "hackers in Russia"),
    ("the Kremlin denied it", "Moscow denied it"),
    ("Ukrainian troops", "troops of Ukraine"),
    ("North Korean artillery", "artillery of North Korea"),
    ("Pyongyang fired", "North Korea fired"),
    ("Seoul answered", "South Korea answered"),
    ("Indonesian navy", "navy of Indonesia"),
    ("Americans were told", "the U.S. was told"),
    ("the USA", "the United States"),
])
def test_country_demonym_and_capital_meet_at_one_term(a: str, b: str) -> None:
    assert _texts(a) == _texts(b)


def test_north_and_south_korea_stay_apart() -> None:
    assert not _texts("North Korea") & _texts("South Korea")


@pytest.mark.parametrize("a, b", [
    ("Defense Secretary Hegseth", "the Pentagon chief Hegseth"),
    ("Secretary of Defense Hegseth", "defence secretary Hegseth"),
    ("the foreign minister", "the Secretary of State"),
    ("a department spokesman", "a department spokeswoman"),
    ("Prime Minister Najib", "premier Najib"),
])
def test_officials_titles_meet_at_one_term(a: str, b: str) -> None:
    assert _texts(a) == _texts(b)


@pytest.mark.parametrize("words, digits", [
    ("two hundred and thirty-eight", "238"),
    ("thirty-six shells", "36 shells"),
    ("one hundred and seven", "107"),
    ("seven hundred", "700"),
    ("8,000 migrants", "eight thousand migrants"),
    ("an eleven-year lull", "an 11-year lull"),
])
def test_numbers_written_as_words_read_as_digits(words: str, digits: str) -> None:
    assert _texts(words) == _texts(digits)


def test_a_name_is_not_read_as_a_synonym() -> None:
    assert "order" in _texts("Hegseth ordered a pause")
    assert "order" not in _texts("Hegseth told Cyber Command to pause")


def test_a_capitalised_verb_of_a_headline_still_meets_its_lower_case_form() -> None:
    assert "order" in _texts("Hegseth Orders Cyber Pause Against Russia")


@pytest.mark.parametrize("a, b", [
    ("the army resumed broadcasts", "the army restarted broadcasts"),
    ("the crane toppled", "the crane collapsed"),
    ("fishermen rescued 700", "fishermen saved 700"),
    ("they refuted the report", "they rejected the report"),
    ("officials admitted the order", "officials acknowledged the order"),
    ("47 were killed", "47 died"),
    ("a cyberattack on the grid", "a cyber attack on the grid"),
    ("the US seeks a rapprochement", "the US seeks improved relations"),
    ("personnel safety is a priority", "protection of personnel is a priority"),
])
def test_news_verbs_meet_at_one_term(a: str, b: str) -> None:
    assert _texts(a) == _texts(b)


def test_the_pronoun_us_is_not_the_country() -> None:
    assert not _texts("they told us") & _texts("the US")


@pytest.mark.parametrize("a, b", [
    ("the pope will resign", "the pope will step down"),
    ("a strong quake", "a strong temblor"),
    ("Obama won the prize", "Obama was awarded the prize"),
    ("the news shocked leaders", "the news surprised leaders"),
    ("rebels seized the town", "insurgents took control of the town"),
    ("people were trapped", "people were buried"),
    ("the court ruling", "the verdict"),
])
def test_general_news_verbs_meet_at_one_term(a: str, b: str) -> None:
    assert _texts(a) == _texts(b)
