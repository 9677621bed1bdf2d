"""The annotated sentences behind a number: what a click on the dashboard or a report lists."""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass

from annotator.core.store.articles import text_and_sentence_starts
from annotator.core.store.database import Database
from annotator.core.store.evidence_rows import evidence_rows
from annotator.core.store.selection import selected_articles
from annotator.core.records import AnnotationId, ArticleId
from annotator.core.analysis.stats import Filters


@dataclass(frozen=True)
class Evidence:
    annotation_id: AnnotationId
    outlet: str
    article_id: ArticleId
    title: str
    sentence: int  # counted from 1, as in the CSV
    start: int
    end: int
    text: str
    category: str
    source: str
    note: str
    annotator: str


def annotated_sentences(db: Database, filters: Filters = Filters(), *, limit: int | None = None) -> list[Evidence]:
    """Annotations the filters keep, with their text, in outlet, article and text order (the first `limit`)."""
    articles = selected_articles(db, filters)
    bodies: dict[int, tuple[str, list[int]]] = {}
    out: list[Evidence] = []
    for annotation_id, aid, start, end, key, source, note, annotator in evidence_rows(db, filters):
        if aid not in articles:  # outside the date range
            continue
        if aid not in bodies:
            bodies[aid] = text_and_sentence_starts(db, aid)
        body, starts = bodies[aid]
        outlet, title, _ = articles[aid]
        out.append(Evidence(AnnotationId(annotation_id), outlet, ArticleId(aid), title,
                            bisect_right(starts, start), start, end, body[start:end], key, source, note,
                            annotator))
        if limit is not None and len(out) >= limit:
            break
    return out
