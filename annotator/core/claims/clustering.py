"""Group sentences into claims: average-link merging over a sparse similarity graph, then overlap.

Only sentences of different articles are compared. Two groups merge when the mean similarity of
their cross-article pairs (a missing edge counts 0) stays above `merge_at`, so a chain of loose
matches does not snowball into one claim as single-link would. Afterwards a sentence may also join
another group it matches on average above `join_at`: one sentence can carry two claims.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from annotator.core.claims.features import SentenceVector, Weights, similarity
from annotator.core.errors import Cancelled

Progress = Callable[[int, int], bool]  # (done, total) → go on?


@dataclass(frozen=True)
class Thresholds:
    edge_at: float = 0.15  # a pair below this is no edge
    merge_at: float = 0.20  # mean cross-article similarity two groups need to merge
    join_at: float = 0.40  # mean similarity a sentence needs to join a second group
    max_postings: int = 100  # a term in more sentences than this finds no candidates by itself


def edges(vectors: Sequence[SentenceVector], articles: Sequence[int], *, thresholds: Thresholds,
          weights: Weights, progress: Progress | None = None) -> dict[tuple[int, int], float]:
    """(i, j) with i < j, of different articles, similarity at least edge_at.

    Candidates share a term found in at most max_postings sentences, or a pair of commoner terms
    (so two sentences made only of a story's frequent words still meet, within the same cap).
    """
    postings: dict[str, list[int]] = {}
    for i, vector in enumerate(vectors):
        for term in vector.weights:
            postings.setdefault(term, []).append(i)
    common = {t for t, p in postings.items() if len(p) > thresholds.max_postings}
    pair_postings: dict[tuple[str, str], list[int]] = {}
    for i, vector in enumerate(vectors):
        frequent = sorted(t for t in vector.weights if t in common)
        for x in range(len(frequent)):
            for y in range(x + 1, len(frequent)):
                pair_postings.setdefault((frequent[x], frequent[y]), []).append(i)
    found: dict[tuple[int, int], float] = {}
    total = len(vectors)
    for i, vector in enumerate(vectors):
        if progress is not None and i % 200 == 0 and not progress(i, total):
            raise Cancelled()
        candidates: set[int] = set()
        for term in vector.weights:
            if term not in common:
                candidates.update(postings[term])
        frequent = sorted((t for t in vector.weights if t in common), key=lambda t: -vector.weights[t])
        pairs = ((frequent[x], frequent[y]) for x in range(len(frequent)) for y in range(x + 1, len(frequent)))
        for pair in pairs:  # the rarest pairs first, until the sentence has enough candidates
            if len(candidates) >= 2 * thresholds.max_postings:
                break
            candidates.update(pair_postings[min(pair), max(pair)][: thresholds.max_postings])
        for j in candidates:
            if j > i and articles[j] != articles[i]:
                score = similarity(vector, vectors[j], weights=weights)
                if score >= thresholds.edge_at:
                    found[(i, j)] = score
    return found


def _cross_pairs(a: Counter, b: Counter, size_a: int, size_b: int) -> int:
    same = sum(n * b[article] for article, n in a.items() if article in b)
    return size_a * size_b - same


def average_link(n: int, articles: Sequence[int], found: dict[tuple[int, int], float], *,
                 merge_at: float) -> list[list[int]]:
    """Merge groups along edges, strongest first, while their mean cross-article similarity holds."""
    group_of = list(range(n))
    members: dict[int, list[int]] = {i: [i] for i in range(n)}
    arts: dict[int, Counter] = {i: Counter([articles[i]]) for i in range(n)}
    links: dict[int, dict[int, float]] = {i: {} for i in range(n)}
    for (i, j), score in found.items():
        links[i][j] = score
        links[j][i] = score
    for (i, j), _ in sorted(found.items(), key=lambda item: (-item[1], item[0])):
        a, b = group_of[i], group_of[j]
        if a == b:
            continue
        pairs = _cross_pairs(arts[a], arts[b], len(members[a]), len(members[b]))
        if not pairs or links[a].get(b, 0.0) / pairs < merge_at:
            continue
        if len(members[a]) < len(members[b]):
            a, b = b, a
        for k in members[b]:
            group_of[k] = a
        members[a].extend(members.pop(b))
        arts[a].update(arts.pop(b))
        for other, total in links.pop(b).items():
            if other == a:
                continue
            links[a][other] = links[a].get(other, 0.0) + total
            back = links[other]
            back.pop(b, None)
            back[a] = links[a][other]
        links[a].pop(b, None)
    return [sorted(group) for group in members.values()]


def add_overlaps(groups: list[list[int]], articles: Sequence[int], found: dict[tuple[int, int], float], *,
                 join_at: float) -> list[list[int]]:
    """Let a sentence also join each other group whose cross-article members it matches on average."""
    neighbours: dict[int, dict[int, float]] = {}
    for (i, j), score in found.items():
        neighbours.setdefault(i, {})[j] = score
        neighbours.setdefault(j, {})[i] = score
    home: dict[int, set[int]] = {}
    for g, group in enumerate(groups):
        for i in group:
            home.setdefault(i, set()).add(g)
    extra: dict[int, list[int]] = {}
    for i, near in neighbours.items():
        reached = {g for j in near for g in home.get(j, ())} - home.get(i, set())
        for g in reached:
            others = [j for j in groups[g] if articles[j] != articles[i]]
            if len(groups[g]) >= 2 and others and sum(near.get(j, 0.0) for j in others) / len(others) >= join_at:
                extra.setdefault(g, []).append(i)
    return [sorted(set(group) | set(extra.get(g, ()))) for g, group in enumerate(groups)]


def cluster(vectors: Sequence[SentenceVector], articles: Sequence[int], *, thresholds: Thresholds = Thresholds(),
            weights: Weights = Weights(), progress: Progress | None = None) -> tuple[list[list[int]], dict]:
    """Groups of sentence positions spanning at least two articles, and the edges found."""
    found = edges(vectors, articles, thresholds=thresholds, weights=weights, progress=progress)
    groups = average_link(len(vectors), articles, found, merge_at=thresholds.merge_at)
    groups = [g for g in groups if len({articles[i] for i in g}) >= 2]
    groups = add_overlaps(groups, articles, found, join_at=thresholds.join_at)
    return groups, found
