"""Agreement statistics against reference implementations and published worked examples."""

from __future__ import annotations

import random

import pytest

from annotator.core.classroom.agreement import cohen_kappa, fleiss_kappa, krippendorff_alpha, precision_recall_f1

nltk_agreement = pytest.importorskip("nltk.metrics.agreement")
krippendorff = pytest.importorskip("krippendorff")

LABELS = ["anonymous_official", "on_record", "social_post", "none", "on_record+social_post"]


def nltk_task(columns: list[list[str]]):
    data = [(f"r{r}", f"u{u}", label) for r, column in enumerate(columns) for u, label in enumerate(column)]
    return nltk_agreement.AnnotationTask(data=data)


@pytest.mark.parametrize("seed", range(12))
def test_cohen_kappa_matches_nltk(seed: int) -> None:
    rng = random.Random(seed)
    a = [rng.choice(LABELS) for _ in range(60)]
    b = [x if rng.random() < 0.6 else rng.choice(LABELS) for x in a]
    assert cohen_kappa(a, b) == pytest.approx(nltk_task([a, b]).kappa_pairwise("r0", "r1"), abs=1e-9)


@pytest.mark.parametrize("seed", range(12))
def test_fleiss_kappa_matches_nltk_multi_pi(seed: int) -> None:
    rng = random.Random(100 + seed)
    truth = [rng.choice(LABELS) for _ in range(50)]
    columns = [[t if rng.random() < 0.7 else rng.choice(LABELS) for t in truth] for _ in range(4)]
    units = [list(u) for u in zip(*columns)]
    assert fleiss_kappa(units) == pytest.approx(nltk_task(columns).pi(), abs=1e-9)


@pytest.mark.parametrize("seed", range(12))
def test_krippendorff_alpha_matches_the_reference_package(seed: int) -> None:
    rng = random.Random(200 + seed)
    truth = [rng.randrange(5) for _ in range(40)]
    columns = [[(t if rng.random() < 0.65 else rng.randrange(5)) if rng.random() > 0.15 else None
                for t in truth] for _ in range(3)]
    units = [list(u) for u in zip(*columns)]
    matrix = [[float("nan") if v is None else float(v) for v in column] for column in columns]
    expected = krippendorff.alpha(reliability_data=matrix, level_of_measurement="nominal")
    assert krippendorff_alpha(units) == pytest.approx(expected, abs=1e-9)


def test_krippendorff_published_example() -> None:
    # Krippendorff (2011), "Computing Krippendorff's alpha-reliability", nominal example: 0.743.
    rows = [
        [1, 2, 3, 3, 2, 1, 4, 1, 2, None, None, None],
        [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, None, 3],
        [None, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, None],
        [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, None],
    ]
    assert round(krippendorff_alpha([list(u) for u in zip(*rows)]), 3) == 0.743


def test_fleiss_published_example() -> None:
    # Fleiss (1971) as worked on Wikipedia: 10 subjects, 14 raters, 5 categories; kappa 0.210.
    counts = [[0, 0, 0, 0, 14], [0, 2, 6, 4, 2], [0, 0, 3, 5, 6], [0, 3, 9, 2, 0], [2, 2, 8, 1, 1],
              [7, 7, 0, 0, 0], [3, 2, 6, 3, 0], [2, 5, 3, 2, 2], [6, 5, 2, 1, 0], [0, 2, 2, 3, 7]]
    units = [[c for c, n in enumerate(row) for _ in range(n)] for row in counts]
    assert round(fleiss_kappa(units), 3) == 0.210


def test_degenerate_cases() -> None:
    assert cohen_kappa(["a", "a"], ["a", "a"]) == 1.0
    assert fleiss_kappa([["a", "a"], ["a", "a"]]) == 1.0
    with pytest.raises(ValueError):
        cohen_kappa([], [])
    with pytest.raises(ValueError):
        fleiss_kappa([["a", "b"], ["a"]])


def test_precision_recall_f1_by_hand() -> None:
    truth = [True, True, False, False, True]
    guess = [True, False, True, False, True]
    p, r, f = precision_recall_f1(truth, guess)
    assert (p, r) == (2 / 3, 2 / 3) and f == pytest.approx(2 / 3)
    assert precision_recall_f1([False], [False]) == (0.0, 0.0, 0.0)
