"""Splitting takes time in proportion to the text, even a line with no sentence end.

The work is counted, not timed: pysbd's time grows with the square of the length of what it is
given, so the work of a split is the sum of the squares of the texts handed to it.
"""

from __future__ import annotations

import random

import pytest

from annotator.core.ingest import segment
from annotator.core.ingest.segment import CHUNK, split_sentences

WORDS = ("the officials said that talks were held in Zurich on Monday and that the pause ordered by"
         " Hegseth (a senior official) was under review").split()


def _no_end(size: int, seed: int = 1) -> str:
    """Words, commas and parentheses, with no . ? or !, about `size` characters on one line."""
    rng = random.Random(seed)
    words, length = [], 0
    while length < size:
        words.append(rng.choice(WORDS) + ("," if rng.random() < 0.1 else ""))
        length += len(words[-1]) + 1
    return " ".join(words)[:size].strip()


class _CountingSegmenter:
    """pysbd, counting the square of the length of each text it is given."""

    def __init__(self, real) -> None:
        self.real, self.work, self.longest = real, 0, 0

    def segment(self, text: str) -> list[str]:
        self.work += len(text) ** 2
        self.longest = max(self.longest, len(text))
        return self.real.segment(text)


@pytest.fixture
def counted(monkeypatch) -> _CountingSegmenter:
    counting = _CountingSegmenter(segment._segmenter())
    monkeypatch.setattr(segment, "_segmenter", lambda: counting)
    return counting


def _work_per_character(counted: _CountingSegmenter, text: str) -> float:
    counted.work = 0
    split_sentences(text)
    return counted.work / len(text)


def test_a_line_without_sentence_ends_stays_one_sentence() -> None:
    text = _no_end(100_000)
    assert split_sentences(text) == [(0, len(text))]


def test_a_line_without_sentence_ends_is_split_in_work_proportional_to_its_length(counted) -> None:
    small = _work_per_character(counted, _no_end(50_000))
    large = _work_per_character(counted, _no_end(200_000))
    assert large <= 1.2 * small, f"work per character grows {large / small:.1f} times for 4 times the text"
    assert counted.longest <= 4 * CHUNK + 100


def test_a_line_without_sentence_ends_or_parentheses_is_not_given_to_pysbd(counted) -> None:
    text = _no_end(100_000).replace("(", "").replace(")", "")
    assert split_sentences(text) == [(0, len(text))]
    assert counted.work == 0


def test_sentences_between_long_runs_without_ends_are_found(counted) -> None:
    run = "Talks " + _no_end(20_000)  # a capital: a lower-case word would continue the sentence before
    text = f"He spoke first. {run}. Then she answered. {run} and it ended. Nobody stayed."
    found = [text[s:e] for s, e in split_sentences(text)]
    assert found == ["He spoke first.", f"{run}.", "Then she answered.", f"{run} and it ended.", "Nobody stayed."]
    assert counted.longest <= 4 * CHUNK + 100


def test_many_lines_without_ends_are_one_sentence_each() -> None:
    lines = [_no_end(300, seed) for seed in range(200)]
    text = "\n".join(lines)
    assert [text[s:e] for s, e in split_sentences(text)] == lines


TRICKY = ["a", "b", "i", "ii", "iv", "1", "2", "3", "12", "(", "(a", "(1", "(iv", "-", "—", "–", '"', "“", "”",
          "'", "‘", "’", "«", "»", ",", ";", ":", "…", "*", "_", "&✂&", "&⎋&", "ȸ", "Mr", "Jan", "U", "S",
          "No", "The", "He", "said", "officials", "\t", " ", "https://t", "co/x", "@Sec", "#tag", "3:30", "⁃", "「",
          "」", "（", "）", "°", "ʼ", "،"]


def test_pysbd_keeps_whole_every_text_the_splitter_does_not_give_it() -> None:
    rng = random.Random(22)
    checked = 0
    for _ in range(3000):
        text = " ".join(rng.choice(TRICKY) for _ in range(rng.randrange(1, 40)))
        if segment._PYSBD_SPLITS.search(text):
            continue
        checked += 1
        assert segment._locate(text, segment._segmenter().segment(text)) == segment._locate(text, [text]), text
    assert checked > 1000
