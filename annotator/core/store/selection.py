"""Which articles and annotations a filter keeps, written as SQL conditions with ? parameters.

A filter is any object with the fields of the statistics' `Filters` (the store imports no analysis):
an annotator's name, a category key, an outlet's name and a publication range. Dates are compared as
ISO strings; with a bound set, articles without an ISO date drop out.
"""

from __future__ import annotations

from typing import Protocol

from annotator.core.store.database import Database


class Selection(Protocol):
    """What a filter names; None leaves that field free."""

    @property
    def annotator(self) -> str | None: ...

    @property
    def outlet(self) -> str | None: ...

    @property
    def category(self) -> str | None: ...

    @property
    def published_from(self) -> str | None: ...

    @property
    def published_to(self) -> str | None: ...


def annotation_where(selection: Selection, alias: str = "n") -> tuple[str, list]:
    """SQL conditions (starting with AND) and parameters for the annotator and category filters."""
    sql, params = "", []
    if selection.annotator is not None:
        sql += f" AND {alias}.annotator_id = (SELECT id FROM annotators WHERE name = ?)"
        params.append(selection.annotator)
    if selection.category is not None:
        sql += f" AND {alias}.category_id = (SELECT id FROM categories WHERE key = ?)"
        params.append(selection.category)
    return sql, params


def selected_articles(db: Database, selection: Selection, *, with_url: bool = False) -> dict[int, tuple]:
    """article id → (outlet, title, published[, url]) for the articles the filter keeps."""
    sql = (f"SELECT a.id, o.name, a.title, a.published{', a.url' if with_url else ''} FROM articles a"
           " JOIN outlets o ON o.id = a.outlet_id WHERE 1")
    params: list = []
    if selection.outlet is not None:
        sql, params = sql + " AND o.name = ?", params + [selection.outlet]
    if selection.published_from or selection.published_to:
        sql += " AND a.published GLOB '[0-9][0-9][0-9][0-9]-*'"
    if selection.published_from:
        sql, params = sql + " AND a.published >= ?", params + [selection.published_from]
    if selection.published_to:
        # "2025-03-31" must keep "2025-03-31T18:00": compare against the day's end.
        sql, params = sql + " AND a.published <= ?", params + [selection.published_to + "\uffff"]
    return {row[0]: row[1:] for row in db.rows(sql, tuple(params))}
