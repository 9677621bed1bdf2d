"""The sentence rules on varied phrasings, and named-source extraction."""

from __future__ import annotations

import pytest

from annotator.core.suggest.suggester import Suggester
from tests.core.suggest.found import categories


@pytest.mark.parametrize("sentence, expected", [
    ("The strikes were delayed, two officials said, speaking on condition of anonymity.", "anonymous_official"),
    ("A senior State Department official said the talks had stalled.", "anonymous_official"),
    ("According to a Western diplomat, the envoy left early.", "anonymous_official"),
    ("The company is weighing a sale, according to people familiar with the matter.", "anonymous_other"),
    ("A person close to the singer said she would not attend.", "anonymous_other"),
    ("Critics say the plan will raise prices.", "anonymous_other"),
    ("Pentagon spokesperson Sean Parnell said the review was complete.", "on_record"),
    ("“We will not back down,” said Maria Lopez, the mayor of Springfield.", "on_record"),
    ("In a statement, the ministry denied any wrongdoing.", "on_record"),
    ("The Record first reported the pause last week.", "other_outlet"),
    ("The minister told Reuters the deal was close.", "other_outlet"),
    ("The move was announced on Friday, according to The Guardian.", "other_outlet"),
    ("The president wrote on Truth Social that the meeting went well.", "social_post"),
    ("The ministry posted a video on Telegram showing the launch.", "social_post"),
    ("A memo seen by the newspaper lists new priorities.", "document"),
    ("A recent poll found only a quarter of voters favoured the change.", "document"),
    ("According to court documents, the firm paid $2 million.", "document"),
])
def test_rule_suggests_the_category_of_the_cue(suggester: Suggester, sentence: str, expected: str) -> None:
    assert expected in categories(suggester, sentence)[0]


@pytest.mark.parametrize("sentence", [
    "The bridge was closed for repairs in 2019.",
    "Prices rose by three percent over the year.",
    "The United States has paused its operations against Russia.",
])
def test_sentence_without_cue_gets_no_attribution(suggester: Suggester, sentence: str) -> None:
    assert categories(suggester, sentence)[0] == set()


def test_a_continuing_quote_inherits_the_attribution_before_it(suggester: Suggester) -> None:
    found = categories(suggester, "“We are ready,” Defense Minister Anna Berg said at a briefing.",
                       "“Nothing will change that.”")
    assert found[1] == {"on_record"}


def test_a_pronoun_speaker_inherits_the_source_named_before(suggester: Suggester) -> None:
    out = suggester.suggest(["Former Cyber Command official Jason Kikta explained that the pause was usual.",
                             "He added that access could be lost."])
    assert [(s.idx, s.category, s.source) for s in out] == [
        (0, "on_record", "Jason Kikta, former Cyber Command official"),
        (1, "on_record", "Jason Kikta, former Cyber Command official")]


@pytest.mark.parametrize("sentence, source", [
    ("Pentagon spokesperson Sean Parnell said the review was complete.", "Sean Parnell, Pentagon spokesperson"),
    ("Senate Minority Leader Chuck Schumer called it a mistake.", "Chuck Schumer, Senate Minority Leader"),
    ("The priority remains safety, according to Defense Secretary Pete Hegseth.", "Pete Hegseth, Defense Secretary"),
])
def test_named_source_is_written_name_then_title(suggester: Suggester, sentence: str, source: str) -> None:
    assert [s.source for s in suggester.suggest([sentence]) if s.category == "on_record"] == [source]


def test_a_users_category_gets_suggestions_from_its_own_cues(tmp_path, monkeypatch) -> None:
    (tmp_path / "mine.json").write_text(
        '{"categories": {"leaked_video": {"confidence": 0.7, "cues": ["a video obtained by"]}}}', encoding="utf-8")
    monkeypatch.setenv("ANNOTATOR_CUES_DIR", str(tmp_path))
    out = Suggester().suggest(["A video obtained by the paper shows the raid."])
    assert ("leaked_video", 0.7) in [(s.category, s.confidence) for s in out]
