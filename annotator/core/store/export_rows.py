"""What the annotation export reads: every annotation with its ids, and the names those ids stand for.

The annotations are streamed from the cursor, so an export of a million rows never holds them all.
"""

from __future__ import annotations

from collections.abc import Iterator

from annotator.core.store.database import Database
from annotator.core.store.selection import Selection, annotation_where


def category_rows(db: Database) -> list[tuple[int, str, str]]:
    """(id, key, label) of every category."""
    return db.rows("SELECT id, key, label FROM categories")


def annotator_rows(db: Database) -> list[tuple[int, str]]:
    """(id, name) of every annotator."""
    return db.rows("SELECT id, name FROM annotators")


def exported_annotations(db: Database, selection: Selection) -> Iterator[tuple]:
    """(article id, start, end, category id, annotator id, source, note, created at, updated at) of the
    annotations the filter's annotator and category keep, in article and text order, one at a time."""
    extra, params = annotation_where(selection)
    sql = ('SELECT n.article_id, n.start, n."end", n.category_id, n.annotator_id, n.source_name, n.note,'
           f" n.created_at, n.updated_at FROM annotations n WHERE 1{extra}"
           " ORDER BY n.article_id, n.start, n.id")
    return db.stream(sql, params)
