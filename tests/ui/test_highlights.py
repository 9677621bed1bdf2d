"""The sweep that decides which categories cover which stretch of text."""

from __future__ import annotations

from annotator.core.records import Annotation, AnnotationId, ArticleId
from annotator.ui.workspace.highlights import segments


def ann(i: int, start: int, end: int, category: str = "c") -> Annotation:
    return Annotation(AnnotationId(i), ArticleId(1), start, end, category, "amy", "", "", "t", "t")


def test_overlapping_annotations_split_into_segments() -> None:
    a, b = ann(1, 0, 10, "x"), ann(2, 5, 15, "y")
    assert [(s, e, [c.id for c in cov]) for s, e, cov in segments([b, a])] == [
        (0, 5, [1]), (5, 10, [1, 2]), (10, 15, [2])]


def test_range_clips_segments_and_skips_gaps() -> None:
    a, b = ann(1, 0, 4), ann(2, 8, 12)
    assert [(s, e) for s, e, _ in segments([a, b], 2, 10)] == [(2, 4), (8, 10)]
    assert segments([a], 5, 7) == []


def brute_force(annotations: list[Annotation], lo: int, hi: int) -> list[tuple[int, int, list[int]]]:
    """Character by character: the annotations covering each position, runs of equal coverage merged."""
    out: list[tuple[int, int, list[int]]] = []
    for pos in range(lo, hi):
        covering = [a.id for a in sorted(annotations, key=lambda a: (a.start, a.id)) if a.start <= pos < a.end]
        if not covering:
            continue
        if out and out[-1][1] == pos and out[-1][2] == covering:
            out[-1] = (out[-1][0], pos + 1, covering)
        else:
            out.append((pos, pos + 1, covering))
    return out


def test_segments_match_a_character_by_character_reading_on_random_layouts() -> None:
    import random

    rng = random.Random(7)
    for _ in range(400):
        marks = []
        for i in range(rng.randint(0, 12)):
            start = rng.randint(0, 60)
            marks.append(ann(i + 1, start, start + rng.randint(1, 15)))
        lo = rng.randint(0, 30)
        hi = rng.randint(lo, 80)
        got = [(s, e, [c.id for c in cov]) for s, e, cov in segments(marks, lo, hi)]
        assert got == brute_force(marks, lo, hi), (marks, lo, hi)
