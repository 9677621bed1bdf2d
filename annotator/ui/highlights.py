"""Which categories cover which stretch of text: the sweep that turns annotations into segments."""

from __future__ import annotations

from collections.abc import Iterable

from annotator.core.records import Annotation


def segments(annotations: Iterable[Annotation], lo: int = 0, hi: int | None = None
             ) -> list[tuple[int, int, list[Annotation]]]:
    """Split [lo, hi) into (start, end, covering annotations in start order); bare text omitted."""
    spans = sorted((a for a in annotations if (hi is None or a.start < hi) and a.end > lo),
                   key=lambda a: (a.start, a.id))
    if not spans:
        return []
    points = sorted({lo, *(max(lo, a.start) for a in spans),
                     *(a.end if hi is None else min(hi, a.end) for a in spans)})
    out: list[tuple[int, int, list[Annotation]]] = []
    active: list[Annotation] = []
    i = 0
    for start, end in zip(points, points[1:]):
        while i < len(spans) and max(lo, spans[i].start) <= start:
            active.append(spans[i])
            i += 1
        active = [a for a in active if a.end > start]
        if active:
            out.append((start, end, list(active)))
    return out
