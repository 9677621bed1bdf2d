"""The per-article counts the dashboard, `annotator summary`, the CSV and the reports add up.

Each is one grouped query over the whole project; the annotation counts honour a filter's annotator
and category (see `selection`), and the caller keeps the articles its filter selects.
"""

from __future__ import annotations

from annotator.core.store.database import Database
from annotator.core.store.selection import Selection, annotation_where


def category_keys_by_id(db: Database) -> dict[int, str]:
    """category id → key, in codebook order."""
    return {cid: key for cid, key in db.rows("SELECT id, key FROM categories ORDER BY position, id")}


def sentence_counts(db: Database) -> dict[int, int]:
    """article id → its sentences (articles without sentences are left out)."""
    return dict(db.rows("SELECT article_id, count(*) FROM sentences GROUP BY article_id"))


def annotated_sentence_counts(db: Database, selection: Selection) -> dict[int, int]:
    """article id → its sentences that an annotation the filter keeps overlaps."""
    extra, params = annotation_where(selection)
    return dict(db.rows(
        "SELECT s.article_id, count(*) FROM sentences s WHERE EXISTS (SELECT 1 FROM annotations n"
        ' WHERE n.article_id = s.article_id AND n."end" > s.start AND n.start < s."end"'
        f"{extra}) GROUP BY s.article_id", tuple(params)))


def category_counts(db: Database, selection: Selection) -> list[tuple[int, int, int]]:
    """(article id, category id, annotations) for the annotations the filter keeps."""
    extra, params = annotation_where(selection)
    return db.rows(f"SELECT n.article_id, n.category_id, count(*) FROM annotations n WHERE 1{extra}"
                   " GROUP BY n.article_id, n.category_id", tuple(params))
