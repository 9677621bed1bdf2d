"""How well predicted claims match hand-made ones: pair F1, claims found, and dispute links found."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

Member = tuple[int, int]  # (article_id, idx)


@dataclass(frozen=True)
class Score:
    precision: float
    recall: float
    f1: float
    found: int  # gold claims found
    claims: int  # gold claims


def cross_pairs(groups: Iterable[Sequence[Member]]) -> set[tuple[Member, Member]]:
    """Unordered pairs of sentences of different articles that some group puts together."""
    pairs = set()
    for group in groups:
        members = sorted(set(group))
        for x, a in enumerate(members):
            for b in members[x + 1:]:
                if a[0] != b[0]:
                    pairs.add((a, b))
    return pairs


def matches(gold: Sequence[Member], group: Sequence[Member]) -> bool:
    """The group holds at least half of the claim's sentences, from two articles or more, and at least
    half of the group's sentences belong to the claim."""
    wanted = set(gold)
    hit = wanted & set(group)
    return len({m[0] for m in hit}) >= 2 and len(hit) * 2 >= len(wanted) and len(hit) * 2 >= len(set(group))


def is_found(gold: Sequence[Member], predicted: Iterable[Sequence[Member]]) -> bool:
    """Some predicted group matches the claim (see `matches`)."""
    return any(matches(gold, group) for group in predicted)


def links_found(gold: Sequence[Sequence[Member]], gold_links: Iterable[tuple[int, int]],
                predicted: Sequence[Sequence[Member]], predicted_links: Iterable[tuple[int, int]]) -> int:
    """How many gold links (positions in `gold`) a predicted link (positions in `predicted`) joins: one end
    matching each of the two claims."""
    predicted_links = [(a, b) for a, b in predicted_links]
    found = 0
    for x, y in gold_links:
        found += any((matches(gold[x], predicted[a]) and matches(gold[y], predicted[b]))
                     or (matches(gold[x], predicted[b]) and matches(gold[y], predicted[a]))
                     for a, b in predicted_links)
    return found


def score(gold: Sequence[Sequence[Member]], predicted: Sequence[Sequence[Member]]) -> Score:
    truth, guess = cross_pairs(gold), cross_pairs(predicted)
    right = len(truth & guess)
    precision = right / len(guess) if guess else 0.0
    recall = right / len(truth) if truth else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    found = sum(is_found(claim, predicted) for claim in gold)
    return Score(precision, recall, f1, found, len(gold))
