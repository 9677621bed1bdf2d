"""Which suggestions are still open is found in linear time and agrees with the plain definition."""

from __future__ import annotations

import random

from annotator.core.records import Annotation, Sentence
from annotator.core.store.suggestions import Suggestion
from annotator.ui.suggestions.suggestion_layer import open_suggestions


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
