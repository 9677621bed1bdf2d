"""Per-article and per-outlet summaries, added up from the store's per-article counts.

The outlet figures are sums of the article figures, so the dashboard, `annotator summary`, the CSV
and the reports all read the same numbers from one place.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from annotator.core.store.database import Database, outlet_order
from annotator.core.store.known_names import annotator_names, category_keys, outlet_names
from annotator.core.store.selection import selected_articles
from annotator.core.store.summary_queries import (
    annotated_sentence_counts, category_counts, category_keys_by_id, sentence_counts,
)
from annotator.core.ingest.dates import is_iso_date
from annotator.core.errors import InvalidValue, NotFound
from annotator.core.records import ArticleId, ArticleSummary, OutletSummary

ANONYMOUS_KEYS = ("anonymous_official", "anonymous_other")
UNATTRIBUTED_KEY = "unattributed"


@dataclass(frozen=True)
class Filters:
    """Restrict statistics and exports: one annotator, category or outlet, a publication range.

    Dates are compared as ISO strings (2025-03-04); with a date bound set, articles without an ISO
    date (undated, or a form such as 03/04/2025 that could be read two ways) drop out.
    """

    annotator: str | None = None
    outlet: str | None = None
    category: str | None = None
    published_from: str | None = None
    published_to: str | None = None


def check_filters(db: Database, filters: Filters) -> Filters:
    """Refuse a filter naming a category, annotator or outlet the project does not have."""
    for value, names, what in [
        (filters.category, category_keys, "category"),
        (filters.annotator, annotator_names, "annotator"),
        (filters.outlet, outlet_names, "outlet"),
    ]:
        known = names(db) if value is not None else []
        if value is not None and value not in known:
            raise NotFound(f"no {what} {value!r} in this project (known: {', '.join(known) or 'none'})")
    for bound in (filters.published_from, filters.published_to):
        if bound and not is_iso_date(bound):
            raise InvalidValue(f"date {bound!r} must be written YYYY-MM-DD (or YYYY-MM, YYYY)")
        if bound and not is_calendar_date(bound):
            raise InvalidValue(f"date {bound!r} is not a date on the calendar")
    return filters


def is_calendar_date(bound: str) -> bool:
    """YYYY, YYYY-MM or YYYY-MM-DD naming a real year, month or day (no month 13, no 30 February)."""
    parts = bound.split("-")
    try:
        date(int(parts[0]), int(parts[1]) if len(parts) > 1 else 1, int(parts[2]) if len(parts) > 2 else 1)
    except ValueError:
        return False
    return True


def anonymous_share(by_category: dict[str, int]) -> float:
    """Share of attributed claims (all but unattributed ones) that rest on anonymous sources."""
    attributed = sum(by_category.values()) - by_category.get(UNATTRIBUTED_KEY, 0)
    anonymous = sum(by_category.get(k, 0) for k in ANONYMOUS_KEYS)
    return anonymous / attributed if attributed else 0.0


def shown_anonymous_share(by_category: dict[str, int], filters: Filters) -> float | None:
    """The anonymous share where it means something, else None (shown as "—", null in JSON).

    It means nothing with no attributed claims, or under a category filter (it would be 0% or 100%).
    """
    attributed = sum(by_category.values()) - by_category.get(UNATTRIBUTED_KEY, 0)
    if filters.category is not None or not attributed:
        return None
    return anonymous_share(by_category)


def article_summary(db: Database, filters: Filters = Filters()) -> list[ArticleSummary]:
    """One summary per article the filters keep, by outlet then id."""
    keys = category_keys_by_id(db)
    articles = selected_articles(db, filters)
    sentences = sentence_counts(db)
    annotated = annotated_sentence_counts(db, filters)
    counts: dict[int, dict[str, int]] = defaultdict(dict)
    for aid, cid, count in category_counts(db, filters):
        counts[aid][keys[cid]] = count
    out = []
    for aid, (outlet, title, published) in articles.items():
        by_category = {key: counts.get(aid, {}).get(key, 0) for key in keys.values()}
        out.append(ArticleSummary(
            article_id=ArticleId(aid), outlet=outlet, title=title, published=published,
            sentences=sentences.get(aid, 0), annotated_sentences=annotated.get(aid, 0),
            annotations=sum(by_category.values()), by_category=by_category))
    out.sort(key=lambda a: (outlet_order(a.outlet), a.article_id))
    return out


def outlet_summary(db: Database, filters: Filters = Filters(),
                   articles: list[ArticleSummary] | None = None) -> list[OutletSummary]:
    """One summary per outlet (those with nothing annotated too), by name: sums of its articles."""
    rows = article_summary(db, filters) if articles is None else articles
    keys = category_keys(db)
    grouped: dict[str, list[ArticleSummary]] = defaultdict(list)
    for row in rows:
        grouped[row.outlet].append(row)
    return [
        OutletSummary(
            outlet=name, articles=len(items), sentences=sum(a.sentences for a in items),
            annotated_sentences=sum(a.annotated_sentences for a in items),
            annotations=sum(a.annotations for a in items),
            by_category={k: sum(a.by_category.get(k, 0) for a in items) for k in keys})
        for name, items in sorted(grouped.items(), key=lambda kv: outlet_order(kv[0]))
    ]
