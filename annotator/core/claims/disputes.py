"""Claims that dispute each other: a denial and the statement it denies.

Sentences of different stance (core/claims/stance.py) never join one claim: their edges are kept
aside. After grouping, two claims are linked as disputing each other when those edges would have
merged them had their stances agreed: by the first pass's terms (mean similarity over their
cross-article pairs, a missing edge counting 0, at least `merge_at`, and more than `majority` of
the pairs edges) or, for two groups of two sentences or more, by the looser terms cores merge on.
So a link needs the same evidence a claim does; a denial that shares a story's words with many
statements (as every sentence of a story does) links to none of them.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from annotator.core.claims.clustering import Thresholds
from annotator.core.claims.stance import Stance

Edges = dict[tuple[int, int], float]


def split_by_stance(found: Edges, stances: Sequence[Stance]) -> tuple[Edges, Edges]:
    """The edges between sentences of the same stance, and those between different stances."""
    same: Edges = {}
    cross: Edges = {}
    for (i, j), score in found.items():
        (same if stances[i] is stances[j] else cross)[(i, j)] = score
    return same, cross


def _pairs(a: Sequence[int], b: Sequence[int], articles: Sequence[int]) -> int:
    """How many pairs of a sentence of `a` and one of `b` come from different articles."""
    count_b = Counter(articles[j] for j in b)
    return sum(len(b) - count_b[articles[i]] for i in a)


def disputing(groups: Sequence[Sequence[int]], articles: Sequence[int], cross: Edges, *,
              thresholds: Thresholds = Thresholds()) -> list[tuple[int, int]]:
    """Pairs (a, b), a < b, of groups (by position) that dispute each other, by the module's rule."""
    where: dict[int, list[int]] = {}
    for g, group in enumerate(groups):
        for i in group:
            where.setdefault(i, []).append(g)
    sums: dict[tuple[int, int], tuple[float, int]] = {}
    for (i, j), score in cross.items():
        for a in where.get(i, ()):
            for b in where.get(j, ()):
                if a != b:
                    key = (min(a, b), max(a, b))
                    total, count = sums.get(key, (0.0, 0))
                    sums[key] = (total + score, count + 1)
    links = []
    for (a, b), (total, count) in sorted(sums.items()):
        pairs = _pairs(groups[a], groups[b], articles)
        if pairs and _would_merge(total / pairs, count / pairs, min(len(groups[a]), len(groups[b])), thresholds):
            links.append((a, b))
    return links


def _would_merge(mean: float, share: float, smaller: int, thresholds: Thresholds) -> bool:
    if mean >= thresholds.merge_at and share > thresholds.majority:
        return True
    return smaller >= 2 and mean >= thresholds.core_merge_at and share > thresholds.core_majority
