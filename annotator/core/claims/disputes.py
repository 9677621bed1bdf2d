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

from annotator.core.claims.clustering import Thresholds, cross_pairs, merges
from annotator.core.claims.stance import Stance

Edges = dict[tuple[int, int], float]


def split_by_stance(found: Edges, stances: Sequence[Stance]) -> tuple[Edges, Edges]:
    """The edges between sentences of the same stance, and those between different stances."""
    same: Edges = {}
    cross: Edges = {}
    for (i, j), score in found.items():
        (same if stances[i] is stances[j] else cross)[(i, j)] = score
    return same, cross


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
        pairs = cross_pairs(Counter(articles[i] for i in groups[a]), Counter(articles[j] for j in groups[b]),
                            len(groups[a]), len(groups[b]))
        cores = min(len(groups[a]), len(groups[b])) >= 2
        if merges(total, count, pairs, merge_at=thresholds.merge_at, majority=thresholds.majority) or (
                cores and merges(total, count, pairs, merge_at=thresholds.core_merge_at,
                                 majority=thresholds.core_majority)):
            links.append((a, b))
    return links
