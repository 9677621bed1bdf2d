"""A group's phrases are found where the longest-first alternation finds them, and as it finds them:
the character trie that leads the search only says where to try the alternation."""

from __future__ import annotations

import json
import random
import re
from pathlib import Path

import pytest

from annotator.core.resources import resources_dir
from annotator.core.suggest.cues import load_lexicon, phrase_body
from annotator.core.suggest.phrases import PhraseMatcher, any_phrase_pattern

LABELS = Path(__file__).resolve().parents[2] / "data" / "suggest" / "labels.jsonl"
TRICKY = ["Reuters, citing (AP) sources: “officials said” — ſaid the KELVIN K ıd İd.",
          "@officials said x officials said, and ex-officials said",
          "officials  said\tin a\nstatement; said-in a statement, in a statement2 in a statement"]


def _alternation(phrases: list[str]) -> re.Pattern[str]:
    """The reference: one alternation, longest pattern first."""
    bodies = sorted((phrase_body(p) for p in phrases), key=len, reverse=True)
    return re.compile(r"(?<![\w@])(?:" + "|".join(bodies) + r")(?![\w])", re.IGNORECASE)


def _texts() -> list[str]:
    return [json.loads(line)["text"] for line in LABELS.read_text(encoding="utf-8").splitlines()] + TRICKY


def _groups() -> dict[tuple[str, float], list[str]]:
    groups: dict[tuple[str, float], list[str]] = {}
    for cue in load_lexicon([resources_dir() / "cues"]).phrases:
        groups.setdefault((cue.category, cue.confidence), []).append(cue.phrase)
    rng = random.Random(11)
    words = sorted({w for text in _texts() for w in text.split()})
    groups[("extra", 0.5)] = [" ".join(rng.choice([*words, "*"]) for _ in range(rng.randint(1, 3)))
                              for _ in range(300)] + ["said", "said *", "* said", "(AP)", "ſaid", "k", "in a"]
    return groups


@pytest.mark.parametrize("phrases", [["said"], ["in a", "in a statement", "said in a statement"],
                                     ["* said", "officials *", "x"], ["ſaid", "k", "(AP)"]])
def test_the_trie_matches_where_some_phrase_matches(phrases: list[str]) -> None:
    finder, reference = any_phrase_pattern(phrases), _alternation(phrases)
    for text in _texts():
        found, expected = finder.search(text), reference.search(text)
        assert (found and found.start()) == (expected and expected.start()), text


def test_the_matcher_finds_the_phrase_the_alternation_found() -> None:
    groups = _groups()
    matcher = PhraseMatcher((c, conf, phrases) for (c, conf), phrases in groups.items())
    references = [_alternation(phrases) for phrases in groups.values()]
    for text in _texts():
        for reference, match in zip(references, matcher.first_matches(text)):
            expected = reference.search(text)
            assert (match and (match.span(), match.group(0))) == (expected and (expected.span(), expected.group(0))), text
