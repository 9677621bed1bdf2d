"""The rules' vocabularies live in the cue files: every list ships filled, and a user's file extends them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from annotator.core.resources import resources_dir
from annotator.core.suggest.cues import load_lexicon
from annotator.core.suggest.suggester import Suggester
from tests.core.suggest.found import categories


def test_every_word_list_ships_filled_in_the_default_cues() -> None:
    lexicon = load_lexicon([resources_dir() / "cues"])
    assert [name for name, words in lexicon.words.items() if not words] == []


def test_every_word_list_of_the_default_cues_is_read() -> None:
    shipped = json.loads((resources_dir() / "cues" / "default.json").read_text(encoding="utf-8"))
    lists = {key for key, value in shipped.items() if isinstance(value, list)}
    assert lists == set(load_lexicon([resources_dir() / "cues"]).words)


@pytest.mark.parametrize("extra, sentence, category", [
    ({"document_verbs": ["forecasts"]}, "The report forecasts a sharp drop in exports next year.", "document"),
    ({"bare_unnamed_heads": ["forecasters"]}, "Senior forecasters predicted a sharp drop in rain.",
     "anonymous_other"),
])
def test_a_users_cue_file_extends_the_rules_vocabulary(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, extra: dict, sentence: str, category: str) -> None:
    assert category not in categories(Suggester(), sentence)[0]
    (tmp_path / "mine.json").write_text(json.dumps(extra), encoding="utf-8")
    monkeypatch.setenv("ANNOTATOR_CUES_DIR", str(tmp_path))
    assert category in categories(Suggester(), sentence)[0]
