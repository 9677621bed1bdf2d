"""Which suggestions are still open: those whose sentence does not carry their category yet.

Accepting a suggestion makes the annotation, so an accepted one is no longer open; a rejected one is
left out before this (the store never lists it). The window shows only open suggestions and the
`suggest` command lists only them unless asked for all.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence

from annotator.core.records import Annotation, Sentence, Suggestion


def open_suggestions(suggestions: Iterable[Suggestion], annotations: Iterable[Annotation],
                     sentences: Sequence[Sentence]) -> list[Suggestion]:
    """The suggestions whose sentence does not already carry their category (an accepted one).

    One pass over the annotations (each finds its sentences by bisection), then one over the
    suggestions: linear, where comparing every suggestion with every annotation was quadratic.
    """
    starts = [s.start for s in sentences]
    taken: set[tuple[int, str]] = set()
    for a in annotations:
        first = max(0, bisect_right(starts, a.start) - 1)
        if first < len(sentences) and sentences[first].end <= a.start:
            first += 1  # a.start lies in the gap after that sentence
        for idx in range(first, bisect_left(starts, a.end)):
            taken.add((idx, a.category))
    return [s for s in suggestions if s.idx < len(sentences) and (s.idx, s.category) not in taken]
