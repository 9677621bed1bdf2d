"""The annotations behind a figure, one row each, read lazily for the evidence list."""

from __future__ import annotations

from collections.abc import Iterator

from annotator.core.store.database import Database
from annotator.core.store.selection import Selection, annotation_where


def evidence_rows(db: Database, selection: Selection) -> Iterator[tuple[int, int, int, int, str, str, str, str]]:
    """(annotation id, article id, start, end, category key, source, note, annotator) for each annotation
    the filter's annotator, category and outlet keep, in outlet, article and text order.

    Rows are streamed from the cursor, so a caller that stops early reads no more; the date range is
    the caller's to apply.
    """
    extra, params = annotation_where(selection)
    sql = ('SELECT n.id, n.article_id, n.start, n."end", c.key, n.source_name, n.note, p.name'
           " FROM annotations n JOIN categories c ON c.id = n.category_id"
           " JOIN annotators p ON p.id = n.annotator_id JOIN articles a ON a.id = n.article_id"
           f" JOIN outlets o ON o.id = a.outlet_id WHERE 1{extra}")
    if selection.outlet is not None:
        sql, params = sql + " AND o.name = ?", params + [selection.outlet]
    sql += " ORDER BY o.name COLLATE OUTLET, n.article_id, n.start, n.id"
    return db.stream(sql, params)
