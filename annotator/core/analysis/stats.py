"""Per-article and per-outlet summaries, computed by SQL over the project file.

The outlet figures are sums of the article figures, so the dashboard, `annotator summary`, the CSV
and the reports all read the same numbers from one place.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from annotator.core.store.database import Database, outlet_order
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
    for value, sql, what in [
        (filters.category, "SELECT key FROM categories ORDER BY position", "category"),
        (filters.annotator, "SELECT name FROM annotators ORDER BY name", "annotator"),
        (filters.outlet, "SELECT name FROM outlets", "outlet"),
    ]:
        known = [row[0] for row in db.rows(sql)] if value is not None else []
        if what == "outlet":
            known.sort(key=outlet_order)
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


def annotation_where(filters: Filters, alias: str = "n") -> tuple[str, list]:
    """SQL conditions (starting with AND) and parameters for the annotator and category filters."""
    sql, params = "", []
    if filters.annotator is not None:
        sql += f" AND {alias}.annotator_id = (SELECT id FROM annotators WHERE name = ?)"
        params.append(filters.annotator)
    if filters.category is not None:
        sql += f" AND {alias}.category_id = (SELECT id FROM categories WHERE key = ?)"
        params.append(filters.category)
    return sql, params


def selected_articles(db: Database, filters: Filters, *, with_url: bool = False) -> dict[int, tuple]:
    """article id → (outlet, title, published[, url]) for the articles the filters keep."""
    sql = (f"SELECT a.id, o.name, a.title, a.published{', a.url' if with_url else ''} FROM articles a"
           " JOIN outlets o ON o.id = a.outlet_id WHERE 1")
    params: list = []
    if filters.outlet is not None:
        sql, params = sql + " AND o.name = ?", params + [filters.outlet]
    if filters.published_from or filters.published_to:
        sql += " AND a.published GLOB '[0-9][0-9][0-9][0-9]-*'"
    if filters.published_from:
        sql, params = sql + " AND a.published >= ?", params + [filters.published_from]
    if filters.published_to:
        # "2025-03-31" must keep "2025-03-31T18:00": compare against the day's end.
        sql, params = sql + " AND a.published <= ?", params + [filters.published_to + "\uffff"]
    return {row[0]: row[1:] for row in db.rows(sql, tuple(params))}


def article_summary(db: Database, filters: Filters = Filters()) -> list[ArticleSummary]:
    """One summary per article the filters keep, by outlet then id."""
    keys = {cid: key for cid, key in db.rows("SELECT id, key FROM categories ORDER BY position, id")}
    articles = selected_articles(db, filters)
    sentences = dict(db.rows("SELECT article_id, count(*) FROM sentences GROUP BY article_id"))
    extra, params = annotation_where(filters)
    annotated = dict(db.rows(
        "SELECT s.article_id, count(*) FROM sentences s WHERE EXISTS (SELECT 1 FROM annotations n"
        ' WHERE n.article_id = s.article_id AND n."end" > s.start AND n.start < s."end"'
        f"{extra}) GROUP BY s.article_id", tuple(params)))
    counts: dict[int, dict[str, int]] = defaultdict(dict)
    for aid, cid, count in db.rows(
            f"SELECT n.article_id, n.category_id, count(*) FROM annotations n WHERE 1{extra}"
            " GROUP BY n.article_id, n.category_id", tuple(params)):
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
    keys = [key for (key,) in db.rows("SELECT key FROM categories ORDER BY position, id")]
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
