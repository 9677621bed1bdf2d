"""Group sentences into claims: majority-link merging over a sparse similarity graph, cores joined, then overlap.

Only sentences of different articles are compared. Two groups merge when most of their cross-article
pairs are edges (share above `majority`) and the mean similarity of those pairs (a missing edge
counts 0) stays above `merge_at`. So a chain of loose matches does not snowball into one claim as
single-link would, while a claim told in many wordings, each matching most of the others, still comes
out whole. With many outlets a claim comes in a few wordings, each repeated by several of them: each
wording merges into a tight core, but two cores match in fewer pairs than majority-link asks. So a
second pass merges cores (groups of two sentences or more) on looser terms, `core_merge_at` and
`core_majority`, for the broad claims only; a single sentence still joins nothing on them, and cores
linked by a few strong pairs stay apart, so no chain forms. Afterwards a sentence may also join
another group it matches on average above `join_at`: one sentence can carry two claims.

Claims come at two levels: the broad groups at `merge_at` and, inside them, the narrower groups
that hold at the stricter `fine_merge_at` ("the pause was ordered" and, within it, "Hegseth
himself ordered it"); a narrow group nearly the same as a broad one is listed once.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from itertools import islice

from annotator.core.claims.features import SentenceVector, Weights, similarity
from annotator.core.errors import Cancelled

Progress = Callable[[int, int], bool]  # (done, total) → go on?


@dataclass(frozen=True)
class Thresholds:
    edge_at: float = 0.18  # a pair below this is no edge
    merge_at: float = 0.21  # mean cross-article similarity two groups need to merge
    majority: float = 0.5  # share of cross-article pairs that must be edges for two groups to merge
    fine_merge_at: float = 0.27  # the same for the narrower claims inside broad ones (≤ merge_at: none)
    same_claim: float = 0.8  # a narrow group this close (Jaccard) to a broad one is not listed again
    core_merge_at: float = 0.17  # the same, for two groups of two sentences or more (cores), in a second pass
    core_majority: float = 0.3  # the share of edges two cores need to merge
    join_at: float = 0.30  # mean similarity a sentence needs to join a second group
    max_postings: int = 100  # a term in more sentences than this finds no candidates by itself
    max_days_apart: int = 90  # articles published further apart tell different stories: never compared


def edges(vectors: Sequence[SentenceVector], articles: Sequence[int], *, thresholds: Thresholds,
          weights: Weights, progress: Progress | None = None,
          days: Sequence[int | None] | None = None) -> dict[tuple[int, int], float]:
    """(i, j) with i < j, of different articles, similarity at least edge_at; with `days` (each sentence's
    article's publication day, None when unknown), not of articles published more than max_days_apart
    days apart.

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
    dated = [d for d in days or () if d is not None]
    windowed = bool(dated) and max(dated) - min(dated) > thresholds.max_days_apart  # else every pair is near
    for i, vector in enumerate(vectors):
        if progress is not None and i % 200 == 0 and not progress(i, total):
            raise Cancelled()
        day = days[i] if windowed else None

        def near(j: int) -> bool:  # published within the window of sentence i's article, or undated
            return day is None or days[j] is None or abs(days[j] - day) <= thresholds.max_days_apart

        candidates: set[int] = set()
        for term in vector.weights:
            if term not in common:
                candidates.update(postings[term] if day is None else filter(near, postings[term]))
        frequent = sorted((t for t in vector.weights if t in common), key=lambda t: -vector.weights[t])
        pairs = ((frequent[x], frequent[y]) for x in range(len(frequent)) for y in range(x + 1, len(frequent)))
        for pair in pairs:  # the rarest pairs first, until the sentence has enough candidates in its window
            if len(candidates) >= 2 * thresholds.max_postings:
                break
            listed = pair_postings[min(pair), max(pair)]
            candidates.update(islice(listed if day is None else filter(near, listed), thresholds.max_postings))
        for j in candidates:
            if j > i and articles[j] != articles[i]:
                score = similarity(vector, vectors[j], weights=weights)
                if score >= thresholds.edge_at:
                    found[(i, j)] = score
    return found


def cross_pairs(a: Counter, b: Counter, size_a: int, size_b: int) -> int:
    """How many pairs of a sentence of group a and one of group b come from different articles (the
    groups given as counts of their sentences per article, and their sizes)."""
    if len(a) > len(b):  # over the group of fewer articles: the same sum, fewer steps
        a, b = b, a
    same = sum(n * b[article] for article, n in a.items() if article in b)
    return size_a * size_b - same


def merges(total: float, count: int, pairs: int, *, merge_at: float, majority: float) -> bool:
    """Whether two groups merge whose `pairs` cross-article pairs hold `count` edges of similarity `total`:
    the mean similarity (a missing edge counting 0) reaches merge_at and more than `majority` of the
    pairs are edges."""
    return bool(pairs) and total / pairs >= merge_at and count > majority * pairs


def average_link(n: int, articles: Sequence[int], found: dict[tuple[int, int], float], *,
                 merge_at: float, majority: float = 0.0, start: Sequence[Sequence[int]] | None = None,
                 min_size: int = 1, order: Sequence[tuple[tuple[int, int], float]] | None = None) -> list[list[int]]:
    """Merge groups along edges, strongest first, while most of their cross-article pairs are edges
    (share above majority; 0 drops the condition) and their mean cross-article similarity holds.

    The groups start as single sentences, or as `start` (disjoint, covering 0..n-1); groups smaller
    than min_size take part in no merge. `order` is `strongest(found)` when the caller has it already.
    """
    group_of = list(range(n))
    for group in start or ():
        for i in group:
            group_of[i] = group[0]
    members: dict[int, list[int]] = {}
    arts: dict[int, Counter] = {}
    for i in range(n):
        members.setdefault(group_of[i], []).append(i)
        arts.setdefault(group_of[i], Counter())[articles[i]] += 1
    links: dict[int, dict[int, tuple[float, int]]] = {g: {} for g in members}  # (sum, edges)
    for (i, j), score in found.items():
        a, b = group_of[i], group_of[j]
        if a != b:
            total, count = links[a].get(b, (0.0, 0))
            links[a][b] = links[b][a] = (total + score, count + 1)
    for (i, j), _ in order if order is not None else strongest(found):
        a, b = group_of[i], group_of[j]
        if a == b or len(members[a]) < min_size or len(members[b]) < min_size:
            continue
        total, count = links[a].get(b, (0.0, 0))
        if total < merge_at * count:  # every edge is a cross pair, so the mean is at most total / count
            continue
        pairs = cross_pairs(arts[a], arts[b], len(members[a]), len(members[b]))
        if not merges(total, count, pairs, merge_at=merge_at, majority=majority):
            continue
        if len(members[a]) < len(members[b]):
            a, b = b, a
        for k in members[b]:
            group_of[k] = a
        members[a].extend(members.pop(b))
        arts[a].update(arts.pop(b))
        for other, (total, count) in links.pop(b).items():
            if other == a:
                continue
            old_total, old_count = links[a].get(other, (0.0, 0))
            links[a][other] = (old_total + total, old_count + count)
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


def strongest(found: dict[tuple[int, int], float]) -> list[tuple[tuple[int, int], float]]:
    """The edges, strongest first (ties by pair): the order every merge takes them in."""
    return sorted(found.items(), key=lambda item: (-item[1], item[0]))


def _level(n: int, articles: Sequence[int], found: dict[tuple[int, int], float], *, merge_at: float,
           thresholds: Thresholds, cores: bool, order: Sequence[tuple[tuple[int, int], float]]) -> list[list[int]]:
    groups = average_link(n, articles, found, merge_at=merge_at, majority=thresholds.majority, order=order)
    if cores:  # a claim told in several wordings: each wording's core, then the cores joined
        groups = average_link(n, articles, found, merge_at=thresholds.core_merge_at,
                              majority=thresholds.core_majority, start=groups, min_size=2, order=order)
    groups = [g for g in groups if len({articles[i] for i in g}) >= 2]
    return add_overlaps(groups, articles, found, join_at=thresholds.join_at)


def _jaccard(a: list[int], b: list[int]) -> float:
    return len(set(a) & set(b)) / len(set(a) | set(b))


def group_edges(n: int, articles: Sequence[int], found: dict[tuple[int, int], float], *,
                thresholds: Thresholds = Thresholds()) -> list[list[int]]:
    """The broad groups, then the narrow ones not already listed; each spans two articles or more."""
    order = strongest(found)  # sorted once for the three merges
    broad = _level(n, articles, found, merge_at=thresholds.merge_at, thresholds=thresholds, cores=True, order=order)
    if thresholds.fine_merge_at <= thresholds.merge_at:
        return broad
    narrow = _level(n, articles, found, merge_at=thresholds.fine_merge_at, thresholds=thresholds, cores=False,
                    order=order)
    broad_of: dict[int, list[int]] = {}
    for k, group in enumerate(broad):
        for i in group:
            broad_of.setdefault(i, []).append(k)

    def listed(group: list[int]) -> bool:
        near = {k for i in group for k in broad_of.get(i, ())}
        return any(_jaccard(group, broad[k]) >= thresholds.same_claim for k in near)

    return broad + [g for g in narrow if not listed(g)]
