"""Sentences as weighted term sets, and how much two of them say the same thing.

A term weighs its inverse sentence frequency (rare words tell claims apart), more for a name or a
number: "Kikta" or "135" shared by two sentences is stronger evidence than "operations".
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from annotator.core.claims.tokens import Term, terms


@dataclass(frozen=True)
class Weights:
    name_boost: float = 1.5
    number_boost: float = 1.5
    min_shared_terms: int = 2  # fewer shared terms than this is never a match


@dataclass(frozen=True)
class SentenceVector:
    """A sentence's distinct terms with their weights, and the weights' sum."""

    weights: dict[str, float]
    total: float


def term_lists(texts: Sequence[str]) -> list[list[Term]]:
    return [terms(text) for text in texts]


def document_frequencies(lists: Sequence[Sequence[Term]]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for found in lists:
        for text in {term.text for term in found}:
            counts[text] = counts.get(text, 0) + 1
    return counts


def vectors(lists: Sequence[Sequence[Term]], frequencies: dict[str, int], *,
            weights: Weights = Weights()) -> list[SentenceVector]:
    """One vector per sentence; a term's weight is log(N / df) boosted for names and numbers."""
    n = max(len(lists), 2)
    result = []
    for found in lists:
        vector: dict[str, float] = {}
        for term in found:
            weight = math.log(1 + n / frequencies[term.text])
            if term.name:
                weight *= weights.name_boost
            elif term.number:
                weight *= weights.number_boost
            vector[term.text] = max(vector.get(term.text, 0.0), weight)
        result.append(SentenceVector(vector, sum(vector.values())))
    return result


def similarity(a: SentenceVector, b: SentenceVector, *, weights: Weights = Weights()) -> float:
    """Shared weight over the smaller sentence's weight, tempered by the larger's (0..1).

    The geometric mean of the two coverage ratios: a short headline fully inside a long sentence still
    scores well, so one long sentence can match two claims.
    """
    if len(a.weights) > len(b.weights):
        a, b = b, a
    other = b.weights
    shared, common = 0, 0.0
    for term, w in a.weights.items():
        v = other.get(term)
        if v is not None:
            shared += 1
            common += w if w < v else v
    if shared < weights.min_shared_terms or not a.total or not b.total:
        return 0.0
    return math.sqrt((common / a.total) * (common / b.total))
