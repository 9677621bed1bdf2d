"""Which categories cover which stretch of text: the sweep that turns annotations into segments."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from annotator.core.records import Annotation

Segment = tuple[int, int, list[Annotation]]


def segments(annotations: Iterable[Annotation], lo: int = 0, hi: int | None = None) -> list[Segment]:
    """Split [lo, hi) into (start, end, covering annotations in start order); bare text omitted.

    Annotations are taken in clusters of overlapping ones: most stand alone (a sentence, one
    category), and are a segment each without the sweep.
    """
    spans = sorted((a for a in annotations if (hi is None or a.start < hi) and a.end > lo),
                   key=lambda a: (a.start, a.id))
    out: list[Segment] = []
    cluster: list[Annotation] = []
    reach = lo  # the furthest end in the cluster
    for a in spans:
        if cluster and a.start >= reach:
            _add(cluster, lo, hi, out)
            cluster = []
        cluster.append(a)
        reach = max(reach, a.end) if len(cluster) > 1 else a.end
    if cluster:
        _add(cluster, lo, hi, out)
    return out


def _add(cluster: list[Annotation], lo: int, hi: int | None, out: list[Segment]) -> None:
    if len(cluster) == 1:
        a = cluster[0]
        start, end = max(lo, a.start), a.end if hi is None else min(hi, a.end)
        if start < end:  # empty only when the range itself is
            out.append((start, end, [a]))
    else:
        out.extend(_sweep(cluster, lo, hi))


def _sweep(spans: Sequence[Annotation], lo: int, hi: int | None) -> list[Segment]:
    """The segments of overlapping annotations (in start order): a stop at every start and end."""
    points = sorted({*(max(lo, a.start) for a in spans), *(a.end if hi is None else min(hi, a.end) for a in spans)})
    out: list[Segment] = []
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
