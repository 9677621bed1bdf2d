"""Which suggestions are still open: not those whose sentence carries their category; found in linear time."""

from __future__ import annotations

import random

from annotator.core.records import Annotation, Sentence, Suggestion
from annotator.core.suggest.open import open_suggestions


def naive(suggestions, annotations, sentences):
    return [s for s in suggestions if s.idx < len(sentences) and not any(
        a.category == s.category and a.start < sentences[s.idx].end and a.end > sentences[s.idx].start
        for a in annotations)]


def test_open_suggestions_match_the_definition_on_random_articles() -> None:
    rng = random.Random(5)
    keys = ["on_record", "document", "social_post"]
    for _ in range(200):
        sentences, at = [], 0
        for idx in range(rng.randrange(1, 30)):
            at += rng.randrange(0, 3)  # gaps between sentences, sometimes none
            length = rng.randrange(1, 40)
            sentences.append(Sentence(1, idx, at, at + length))
            at += length
        annotations = []
        for n in range(rng.randrange(0, 15)):
            start = rng.randrange(0, at)
            annotations.append(Annotation(n, 1, start, min(at, start + rng.randrange(1, 60)), rng.choice(keys),
                                          "amy", "", "", "", ""))
        suggestions = [Suggestion(1, rng.randrange(len(sentences) + 2), rng.choice(keys), 0.5, "cue", "")
                       for _ in range(rng.randrange(0, 20))]
        assert open_suggestions(suggestions, annotations, sentences) == naive(suggestions, annotations, sentences)


def test_a_suggestion_closes_when_its_sentence_carries_its_category() -> None:
    sentences = [Sentence(1, 0, 0, 10), Sentence(1, 1, 11, 20), Sentence(1, 2, 21, 30)]
    said, report, post = (Suggestion(1, 0, "on_record", 0.9, "said"), Suggestion(1, 1, "document", 0.8, "report"),
                          Suggestion(1, 2, "social_post", 0.7, "tweeted"))
    marks = [Annotation(1, 1, 2, 8, "on_record", "amy", "", "", "", ""),  # part of sentence 0: accepted
             Annotation(2, 1, 11, 20, "on_record", "ben", "", "", "", "")]  # another category: still open
    assert open_suggestions([said, report, post], marks, sentences) == [report, post]
