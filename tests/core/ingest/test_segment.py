"""Sentence splitting of news text: each case lists the sentences a reader sees."""

from __future__ import annotations

import pytest

from annotator.core.ingest.segment import split_sentences


def sentences(text: str) -> list[str]:
    return [text[start:end] for start, end in split_sentences(text)]


ONE_SENTENCE = [
    "According to reports, U.S. Defense Secretary Pete Hegseth authorized the decision, which impacts"
    " hacking operations conducted by U.S. Cyber Command, the Pentagon’s division responsible for"
    " cyber warfare.",
    "Sen. Chuck Schumer, D-N.Y., called it a critical strategic mistake.",
    "Sen. Ed Markey, D-Mass., said the pause was reckless.",
    "Rep. Jim Himes, D-Conn., the top Democrat on the committee, objected.",
    "Gen. Mark Milley testified before the committee on Tuesday.",
    "Lt. Gen. Timothy Haugh leads U.S. Cyber Command.",
    "Lt. Col. Sarah Jones declined to comment.",
    "Mr. Waltz dismissed the idea of a policy shift.",
    "Mrs. Clinton and Ms. Jacobs were not available.",
    "Dr. Anne Neuberger spoke at the briefing.",
    "The rally was held in St. Petersburg on Sunday.",
    "The order was given at 3 p.m. on Friday.",
    "The meeting ended at 10:30 a.m. in the Oval Office.",
    "The memo was dated Jan. 15 and circulated widely.",
    "The operation began in Sept. 2023 and ended in Dec. 2024.",
    "Gov. Kathy Hochul, D-N.Y., said the state was prepared.",
    "Sgt. Maj. Daniel Smith confirmed the figures.",
    "Adm. Frank Bradley gave the order.",
    "The U.S. and the U.K. signed the agreement.",
    "The ruling in Smith v. Jones was cited.",
    "“Is this a stand-down?” a reporter asked.",
    "“No!” the spokesperson said, shaking her head.",
    "He asked, “Why now?” and the room fell silent.",
    "TO BE CLEAR: @SecDef has neither canceled nor delayed any cyber operations directed against"
    " malicious Russian targets. https://t.co/OxGK0aQXN1",
    "undefined DOD Rapid Response (@DODResponse) March 4, 2025",
    "undefined Jennifer Jacobs (@JenniferJJacobs) March 3, 2025",
    "The company, Acme Inc., denied the report.",
    "Officials at No. 10 Downing Street declined to comment.",
    "The figure was about 3.5 percent, officials said.",
    "She emphasized that “CISA remains committed to addressing all cyber threats to U.S. critical"
    " infrastructure, including from Russia,” and stated that there has been no shift.",
    "Pause in US Cyber-Operations Against Russia Raises Concerns Amid Diplomatic Efforts**",
    "Contradictions and Concerns",
    "A Shift in U.S. Cyber Policy?",
    "Prof. Thomas Rid of Johns Hopkins University disagreed.",
    "Émile Zoë said “héllo” to the 😀 crowd.",
]


@pytest.mark.parametrize("text", ONE_SENTENCE)
def test_news_sentence_stays_whole(text: str) -> None:
    assert sentences(text) == [text]


SEVERAL = [
    ("The US paused operations. Officials confirmed it.",
     ["The US paused operations.", "Officials confirmed it."]),
    ("Much ado about nothing? The Pentagon said late Tuesday that nothing had stopped.",
     ["Much ado about nothing?", "The Pentagon said late Tuesday that nothing had stopped."]),
    ("“Is it over?” she asked. Nobody answered.",
     ["“Is it over?” she asked.", "Nobody answered."]),
    ("He said it was “a free pass!” Then he left.",
     ["He said it was “a free pass!”", "Then he left."]),
    ("The vote came at 4 p.m. Reporters were waiting outside.",
     ["The vote came at 4 p.m.", "Reporters were waiting outside."]),
    ("Heading without a full stop\nThe body follows here. And goes on.",
     ["Heading without a full stop", "The body follows here.", "And goes on."]),
    ("Cybersecurity operations related to Russia continue, per people familiar with the actions."
     " @SecDef Hegseth last month ordered a pause, per sources.",
     ["Cybersecurity operations related to Russia continue, per people familiar with the actions.",
      "@SecDef Hegseth last month ordered a pause, per sources."]),
    ("Critics warn this move may embolden Russian aggression.**\nNext line",
     ["Critics warn this move may embolden Russian aggression.**", "Next line"]),
    ("Your email address will not be published. Required fields are markedmarked",
     ["Your email address will not be published.", "Required fields are markedmarked"]),
    ("Mike Waltz spoke. Lt. Col. Smith agreed.", ["Mike Waltz spoke.", "Lt. Col. Smith agreed."]),
    ("Sen. Schumer objected. Rep. Jordan did not.", ["Sen. Schumer objected.", "Rep. Jordan did not."]),
    ("\n\nFirst.\n\n\nSecond.\n", ["First.", "Second."]),
    ("The senator said no. The committee disagreed.", ["The senator said no.", "The committee disagreed."]),
    ("The maker is Apple Inc. The company declined to comment.",
     ["The maker is Apple Inc.", "The company declined to comment."]),
    ("iPhone sales rose. eBay fell.", ["iPhone sales rose.", "eBay fell."]),
    ("The case is Vol. 3 of the series. It ends there.", ["The case is Vol. 3 of the series.", "It ends there."]),
]


@pytest.mark.parametrize(("text", "expected"), SEVERAL)
def test_news_text_splits_where_a_reader_would(text: str, expected: list[str]) -> None:
    assert sentences(text) == expected


def test_spans_are_ordered_disjoint_and_cover_all_text() -> None:
    text = "\nTitle line\n\nOne. Two? “Three!” Four…\r\n  indented five.\n"
    spans = split_sentences(text)
    covered = set()
    previous_end = 0
    for start, end in spans:
        assert previous_end <= start < end
        assert text[start:end] == text[start:end].strip()
        covered.update(range(start, end))
        previous_end = end
    assert all(i in covered for i, ch in enumerate(text) if not ch.isspace())


def test_empty_and_blank_text_have_no_sentences() -> None:
    assert split_sentences("") == []
    assert split_sentences(" \n\t\n") == []


def test_offsets_count_code_points_with_emoji() -> None:
    text = "🇺🇸 flags 😀 here. Next one."
    assert sentences(text) == ["🇺🇸 flags 😀 here.", "Next one."]


@pytest.mark.parametrize(("text", "expected"), [
    ("Trump wrote on X. “And we are doing it for him.”",
     ["Trump wrote on X.", "“And we are doing it for him.”"]),
    ("The minister posted on X. The post was deleted within an hour.",
     ["The minister posted on X.", "The post was deleted within an hour."]),
    ('He wrote on X. "We won," he said.', ["He wrote on X.", '"We won," he said.']),
    ("The video was shared on X. It has since been viewed a million times.",
     ["The video was shared on X.", "It has since been viewed a million times."]),
    ("She answered in a post on X. ‘Never,’ it read.", ["She answered in a post on X.", "‘Never,’ it read."]),
])
def test_a_capital_letter_after_a_lowercase_word_ends_a_sentence(text: str, expected: list[str]) -> None:
    assert sentences(text) == expected


@pytest.mark.parametrize("text", [
    "President George W. Bush spoke at the ceremony.",
    "The report by John F. Kennedy Jr. was cited.",
    "Analyst Mary J. Blige-Smith disagreed.",
    "It was signed by Franklin D. Roosevelt in 1935.",
])
def test_an_initial_after_a_name_stays_inside_the_sentence(text: str) -> None:
    assert sentences(text) == [text]


@pytest.mark.parametrize("text", [
    "“This is the end.\" Gimenez went on.",
    "\"This is the end.” Gimenez went on.",
    "“This is the end.’ Gimenez went on.",
    "“We are not done yet,\" she said. ‘This is the end.” Gimenez went on.",
])
def test_a_quote_closed_with_another_mark_splits_after_the_mark(text: str) -> None:
    *_, last = sentences(text)
    assert last == "Gimenez went on."
    assert sentences(text)[-2].endswith("end." + text[text.index("end.") + 4])


CURLY_QUOTES = [
    "“We are doing it. We will keep doing it,” the spokesman said. Nobody answered.",
    "The official said: “We are doing it. We will keep doing it.” Nobody answered.",
    "“There is no pause. There has been no order. The work goes on,” the department said on Tuesday.",
    "He called it “a mistake. A big one.” The senator disagreed.",
    "“We did it,” she said. “We will do it again. And again.” Then she left.",
    "Officials said “the pause is over. Work resumed Monday.” Critics were unconvinced.",
    "The 12” pipe burst. “We fixed it. It works now,” he said.",
    "A 6” gap opened. “Stay back. Wait for the crew,” the officer said.",
]


@pytest.mark.parametrize("curly", CURLY_QUOTES)
def test_straight_and_curly_quotes_split_alike(curly: str) -> None:
    straight = curly.replace("“", '"').replace("”", '"')
    assert split_sentences(straight) == split_sentences(curly)


def test_multi_sentence_quote_in_straight_quotes_is_one_sentence() -> None:
    text = '"We are doing it. We will keep doing it," the spokesman said. Nobody answered.'
    assert sentences(text) == ['"We are doing it. We will keep doing it," the spokesman said.', "Nobody answered."]


def test_overlong_line_is_split_as_its_paragraphs_would_be() -> None:
    paragraph = " ".join(text for text in ONE_SENTENCE if "\n" not in text and not text.startswith("undefined"))
    normal = sentences(paragraph)
    long_line = " ".join([paragraph] * 40)
    assert len(long_line) > 40_000
    assert sentences(long_line) == normal * 40
