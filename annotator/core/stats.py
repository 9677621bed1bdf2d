"""Per-outlet summaries, computed by SQL over the project file."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from annotator.core.database import Database
from annotator.core.records import OutletSummary


@dataclass(frozen=True)
class Filters:
    """Restrict statistics and exports to one annotator and/or one outlet."""

    annotator: str | None = None
    outlet: str | None = None


def _annotation_filter(db: Database, filters: Filters) -> tuple[str, tuple]:
    if filters.annotator is None:
        return "", ()
    row = db.row("SELECT id FROM annotators WHERE name = ?", (filters.annotator,))
    return " AND n.annotator_id = ?", (row[0] if row else -1,)


def outlet_summary(db: Database, filters: Filters = Filters()) -> list[OutletSummary]:
    """One summary per outlet (all outlets, even those with nothing annotated), by name."""
    keys = {cid: key for cid, key in db.rows("SELECT id, key FROM categories ORDER BY position, id")}
    outlet_of = {aid: name for aid, name in db.rows(
        "SELECT a.id, o.name FROM articles a JOIN outlets o ON o.id = a.outlet_id")}
    outlets = sorted(set(outlet_of.values()) if filters.outlet is None
                     else {filters.outlet} & set(outlet_of.values()), key=str.casefold)
    totals = {name: {"articles": 0, "sentences": 0, "annotated": 0, "annotations": 0} for name in outlets}
    by_category: dict[str, dict[str, int]] = {name: dict.fromkeys(keys.values(), 0) for name in outlets}
    for aid, name in outlet_of.items():
        if name in totals:
            totals[name]["articles"] += 1
    for aid, count in db.rows("SELECT article_id, count(*) FROM sentences GROUP BY article_id"):
        _add(totals, outlet_of.get(aid), "sentences", count)
    extra, params = _annotation_filter(db, filters)
    annotated = db.rows(
        "SELECT s.article_id, count(*) FROM sentences s WHERE EXISTS (SELECT 1 FROM annotations n"
        ' WHERE n.article_id = s.article_id AND n."end" > s.start AND n.start < s."end"'
        f"{extra}) GROUP BY s.article_id", params)
    for aid, count in annotated:
        _add(totals, outlet_of.get(aid), "annotated", count)
    counts = db.rows(
        "SELECT n.article_id, n.category_id, count(*) FROM annotations n WHERE 1"
        f"{extra} GROUP BY n.article_id, n.category_id", params)
    per_outlet: dict[str, dict[int, int]] = defaultdict(lambda: defaultdict(int))
    for aid, cid, count in counts:
        name = outlet_of.get(aid)
        if name in totals:
            per_outlet[name][cid] += count
    for name, by_id in per_outlet.items():
        for cid, count in by_id.items():
            by_category[name][keys[cid]] += count
            totals[name]["annotations"] += count
    return [
        OutletSummary(
            outlet=name, articles=totals[name]["articles"], sentences=totals[name]["sentences"],
            annotated_sentences=totals[name]["annotated"], annotations=totals[name]["annotations"],
            by_category=by_category[name],
        )
        for name in outlets
    ]


def _add(totals: dict[str, dict[str, int]], name: str | None, field: str, count: int) -> None:
    if name in totals:
        totals[name][field] += count
