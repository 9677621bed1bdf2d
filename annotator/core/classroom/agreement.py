"""Agreement statistics over nominal labels: Cohen's kappa, Fleiss' kappa, Krippendorff's alpha.

Plain functions over lists of hashable labels, checked in the tests against reference
implementations (NLTK, the krippendorff package) to 1e-9.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable, Sequence
from itertools import permutations

Label = Hashable


def _chance_corrected(observed: float, expected: float) -> float:
    if expected == 1.0:  # everyone used one label throughout: agreement is complete, or undefined
        return 1.0 if observed == 1.0 else 0.0
    return (observed - expected) / (1.0 - expected)


def cohen_kappa(a: Sequence[Label], b: Sequence[Label]) -> float:
    """Cohen's kappa of two raters who labelled the same units."""
    if len(a) != len(b) or not a:
        raise ValueError("two equally long, non-empty label lists are needed")
    n = len(a)
    observed = sum(x == y for x, y in zip(a, b)) / n
    count_a, count_b = Counter(a), Counter(b)
    expected = sum(count_a[k] * count_b[k] for k in count_a) / (n * n)
    return _chance_corrected(observed, expected)


def fleiss_kappa(units: Sequence[Sequence[Label]]) -> float:
    """Fleiss' kappa: every unit labelled by the same number (at least two) of raters."""
    if not units:
        raise ValueError("no units")
    raters = len(units[0])
    if raters < 2 or any(len(u) != raters for u in units):
        raise ValueError("every unit needs the same number of ratings, at least two")
    totals: Counter = Counter()
    agreement = 0.0
    for unit in units:
        counts = Counter(unit)
        totals.update(counts)
        agreement += (sum(c * c for c in counts.values()) - raters) / (raters * (raters - 1))
    observed = agreement / len(units)
    ratings = len(units) * raters
    expected = sum((c / ratings) ** 2 for c in totals.values())
    return _chance_corrected(observed, expected)


def krippendorff_alpha(units: Sequence[Sequence[Label | None]]) -> float:
    """Krippendorff's alpha for nominal data; None marks a missing rating.

    Units with fewer than two ratings are not pairable and are left out.
    """
    coincidence: Counter = Counter()
    for unit in units:
        values = [v for v in unit if v is not None]
        if len(values) < 2:
            continue
        weight = 1.0 / (len(values) - 1)
        for x, y in permutations(values, 2):
            coincidence[(x, y)] += weight
    marginals: Counter = Counter()
    for (x, _), value in coincidence.items():
        marginals[x] += value
    n = sum(marginals.values())
    if n <= 1:
        raise ValueError("no pairable ratings")
    disagree_observed = sum(v for (x, y), v in coincidence.items() if x != y)
    disagree_expected = sum(marginals[x] * marginals[y] for x in marginals for y in marginals if x != y)
    if disagree_expected == 0:
        return 1.0 if disagree_observed == 0 else 0.0
    return 1.0 - (n - 1) * disagree_observed / disagree_expected


def precision_recall_f1(truth: Sequence[bool], guess: Sequence[bool]) -> tuple[float, float, float]:
    """Precision, recall and F1 of binary guesses against the truth (0 where undefined)."""
    tp = sum(t and g for t, g in zip(truth, guess))
    fp = sum(g and not t for t, g in zip(truth, guess))
    fn = sum(t and not g for t, g in zip(truth, guess))
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1
