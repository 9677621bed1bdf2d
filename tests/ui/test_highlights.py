"""The sweep that decides which categories cover which stretch of text."""

from __future__ import annotations

from annotator.core.records import Annotation, AnnotationId, ArticleId
from annotator.ui.highlights import segments


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
