"""Unnamed groups of people speaking: a quantifier standing for people ("Many feel", "Some saw it as"),
or before a people's name ("Many Russians believe"). The guidelines: unnamed and with no official role
is anonymous non-official; a people is never a named source. Sentences written for these tests."""

from __future__ import annotations

import pytest

from annotator.core.suggest.suggester import Suggester
from tests.core.suggest.found import in_body


@pytest.mark.parametrize(("sentence", "source"), [
    ("Many feel that the government's plan betrays a wish to control the press.", "Many"),
    ("Many say the reform came too late.", "Many"),
    ("Some believe the law will never be enforced.", "Some"),
    ("The film aired days before the vote, and some saw it as a political statement.", "some"),
    ("Many pointed to the use of excessive force by the police during the arrest.", "Many"),
    ("But not everyone believes that the resignations are a ploy to delay elections.", "not everyone"),
    ("Most still think the bridge should be rebuilt where it stood.", "Most"),
    ("Many Russians believe the count was rigged.", "Many Russians"),
    ("Some Tunisians worried that the broadcast would inflame tensions.", "Some Tunisians"),
])
def test_a_quantified_group_speaking_is_anonymous_other(suggester: Suggester, sentence: str, source: str) -> None:
    found = in_body(suggester, sentence)[0]
    assert set(found) == {"anonymous_other"}
    assert found["anonymous_other"] == source


@pytest.mark.parametrize("sentence", [
    "Many died when the bridge collapsed.",
    "Some 300 people were evacuated from the coast.",
    "Most of the ballots were counted by midnight.",
    "Several Russians were arrested at the border.",
    "Some saw the eclipse from the roof of the museum.",
    "“Many feel abandoned by the city,” the mayor said.",
])
def test_a_quantifier_that_speaks_for_nobody_is_no_group_source(suggester: Suggester, sentence: str) -> None:
    assert "anonymous_other" not in in_body(suggester, sentence)[0]


def test_a_named_speaker_is_still_on_record(suggester: Suggester) -> None:
    found = in_body(suggester, "Evans believes the count was rigged.")[0]
    assert set(found) == {"on_record"}


def test_a_plural_noun_after_a_quantifier_is_no_speech(suggester: Suggester) -> None:
    found = in_body(suggester, "Voters in some states have been receiving automated calls about the senator.")[0]
    assert "anonymous_other" not in found


@pytest.mark.parametrize("sentence", ["Several agreed to sell their shares to the state.",
                                      "Many feared for their lives as the water rose."])
def test_a_group_acting_is_no_group_speaking(rules_only: Suggester, sentence: str) -> None:
    assert "anonymous_other" not in in_body(rules_only, sentence)[0]


def test_a_head_of_two_words_in_a_users_cue_file_still_finds_its_speakers(tmp_path) -> None:
    import json

    from annotator.core.resources import resources_dir
    from annotator.core.suggest.cues import load_lexicon

    (tmp_path / "mine.json").write_text(json.dumps({"unnamed_heads": ["whistle-blowers"]}), encoding="utf-8")
    lexicon = load_lexicon([resources_dir() / "cues", tmp_path])
    found = in_body(Suggester(lexicon, use_learned=False), "Two whistle-blowers said the audit was rigged.")[0]
    assert set(found) == {"anonymous_other"}
