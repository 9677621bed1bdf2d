"""Annotations: spans of an article marked with a category. Every change returns what undoes it."""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence

from annotator.core.clock import now
from annotator.core.codebook import CategorySpec
from annotator.core.store.categories import insert_categories
from annotator.core.store.known_names import annotator_names
from annotator.core.store.database import Database
from annotator.core.errors import AlreadyAnnotated, InvalidValue, NotFound
from annotator.core.records import Annotation, AnnotationChange

# Its columns are the Annotation record's fields, in order (also read by annotation_batch.py).
ANNOTATION_SELECT = """
    SELECT n.id, n.article_id, n.start, n."end", c.key, p.name, n.source_name, n.note,
           n.created_at, n.updated_at
    FROM annotations n
    JOIN categories c ON c.id = n.category_id
    JOIN annotators p ON p.id = n.annotator_id
"""


def _annotation(row: tuple) -> Annotation:
    """A row of ANNOTATION_SELECT as an Annotation (its columns are the record's fields, in order)."""
    return Annotation._make(row)


class AnnotationStore:
    def __init__(self, db: Database) -> None:
        self._db = db

    def add(
        self, article_id: int, start: int, end: int, *, category: str, annotator: str,
        source: str = "", note: str = "",
    ) -> Annotation:
        """Mark body[start:end] of an article; undo with delete(returned.id).

        The same span, category and annotator is stored once: a second time raises AlreadyAnnotated,
        which carries the existing annotation.
        """
        name = _check_annotator(annotator)
        with self._db.write() as conn:
            _check_span(conn, article_id, start, end)
            category_id = _active_category_id(conn, category)
            same = conn.execute(
                'SELECT n.id FROM annotations n JOIN annotators p ON p.id = n.annotator_id WHERE n.article_id = ?'
                ' AND n.start = ? AND n."end" = ? AND n.category_id = ? AND p.name = ?',
                (article_id, start, end, category_id, name)).fetchone()
            if same:
                existing = conn.execute(ANNOTATION_SELECT + " WHERE n.id = ?", same).fetchone()
                raise AlreadyAnnotated(_annotation(existing))
            stamp = now()
            cursor = conn.execute(
                'INSERT INTO annotations (article_id, start, "end", category_id, annotator_id,'
                " source_name, note, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (article_id, start, end, category_id, _annotator_id(conn, name), source.strip(),
                 note, stamp, stamp),
            )
        return self.get(cursor.lastrowid)

    def get(self, annotation_id: int) -> Annotation:
        row = self._db.row(ANNOTATION_SELECT + " WHERE n.id = ?", (annotation_id,))
        if row is None:
            raise NotFound(f"no annotation {annotation_id} in this project")
        return _annotation(row)

    def for_article(self, article_id: int, *, annotator: str | None = None) -> list[Annotation]:
        sql = ANNOTATION_SELECT + " WHERE n.article_id = ?"
        params: tuple = (article_id,)
        if annotator is not None:
            sql, params = sql + " AND p.name = ?", (article_id, annotator)
        rows = self._db.rows(sql + " ORDER BY n.start, n.id", params)
        return [_annotation(row) for row in rows]

    def in_span(self, article_id: int, start: int, end: int, *, annotator: str | None = None) -> list[Annotation]:
        """The article's annotations that overlap body[start:end] (one annotator's, if named)."""
        sql = ANNOTATION_SELECT + ' WHERE n.article_id = ? AND n."end" > ? AND n.start < ?'
        params: tuple = (article_id, start, end)
        if annotator is not None:
            sql, params = sql + " AND p.name = ?", params + (annotator,)
        rows = self._db.rows(sql + " ORDER BY n.start, n.id", params)
        return [_annotation(row) for row in rows]

    def list(self, *, annotator: str | None = None) -> list[Annotation]:
        if annotator is None:
            rows = self._db.rows(ANNOTATION_SELECT + " ORDER BY n.article_id, n.start, n.id")
        else:
            rows = self._db.rows(ANNOTATION_SELECT + " WHERE p.name = ? ORDER BY n.article_id, n.start, n.id",
                                 (annotator,))
        return [_annotation(row) for row in rows]

    def count(self) -> int:
        return self._db.row("SELECT count(*) FROM annotations")[0]

    def update(
        self, annotation_id: int, *, category: str | None = None, source: str | None = None,
        note: str | None = None, updated_at: str | None = None,
    ) -> AnnotationChange:
        """Change category, source or note (stamped now, or `updated_at` when an undo puts an old state back)."""
        with self._db.write() as conn:
            before = self.get(annotation_id)  # read under the write lock: no other writer in between
            # An archived category stays valid on existing annotations, so undo can put it back.
            category_id = _active_category_id(conn, category if category is not None else before.category,
                                              allow_archived=True)
            conn.execute(
                "UPDATE annotations SET category_id = ?, source_name = ?, note = ?, updated_at = ?"
                " WHERE id = ?",
                (category_id, (source if source is not None else before.source).strip(),
                 note if note is not None else before.note, updated_at or now(), annotation_id),
            )
            return AnnotationChange(before=before, after=self.get(annotation_id))

    def delete(self, annotation_id: int) -> Annotation:
        """Remove an annotation; undo with restore(returned)."""
        with self._db.write() as conn:
            annotation = self.get(annotation_id)
            conn.execute("DELETE FROM annotations WHERE id = ?", (annotation_id,))
        return annotation

    def restore(self, annotation: Annotation) -> Annotation:
        """Put back a deleted annotation exactly as it was, under its old id."""
        with self._db.write() as conn:
            if conn.execute("SELECT 1 FROM annotations WHERE id = ?", (annotation.id,)).fetchone():
                raise InvalidValue(f"annotation {annotation.id} exists already")
            _check_span(conn, annotation.article_id, annotation.start, annotation.end)
            conn.execute(
                'INSERT INTO annotations (id, article_id, start, "end", category_id, annotator_id,'
                " source_name, note, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (annotation.id, annotation.article_id, annotation.start, annotation.end,
                 _active_category_id(conn, annotation.category, allow_archived=True),
                 _annotator_id(conn, annotation.annotator), annotation.source, annotation.note,
                 annotation.created_at, annotation.updated_at),
            )
        return self.get(annotation.id)

    def insert_many(self, annotations: list[Annotation], *, new_categories: Sequence[CategorySpec] = ()) -> int:
        """Add annotations made elsewhere (ids ignored, times kept), and any categories they need
        (`new_categories`, added at the end of the codebook), in one transaction: all or nothing."""
        with self._db.write() as conn:
            if new_categories:
                insert_categories(conn, list(new_categories))
            for a in annotations:
                _check_span(conn, a.article_id, a.start, a.end)
                conn.execute(
                    'INSERT INTO annotations (article_id, start, "end", category_id, annotator_id,'
                    " source_name, note, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (a.article_id, a.start, a.end, _active_category_id(conn, a.category, allow_archived=True),
                     _annotator_id(conn, _check_annotator(a.annotator)), a.source, a.note, a.created_at,
                     a.updated_at))
        return len(annotations)

    def with_problems(self) -> tuple[list[Annotation], list[str]]:
        """Every annotation, and what is wrong with those that cannot be read whole.

        `list()` joins each annotation to its category and annotator, so one whose category or
        annotator row is missing (a damaged or hand-edited file) would silently not be there.
        """
        problems = [
            f"annotation {aid} (article {article}, span {start}-{end}) has category {cid}, missing from the"
            f" file's codebook" if no_category else f"annotation {aid} has annotator {pid}, missing from the file"
            for aid, article, start, end, cid, pid, no_category in self._db.rows(
                'SELECT n.id, n.article_id, n.start, n."end", n.category_id, n.annotator_id, c.id IS NULL'
                " FROM annotations n LEFT JOIN categories c ON c.id = n.category_id"
                " LEFT JOIN annotators p ON p.id = n.annotator_id WHERE c.id IS NULL OR p.id IS NULL"
                " ORDER BY n.id")]
        return self.list(), problems

    def counts_by_category(self, *, annotator: str | None = None) -> dict[str, int]:
        """Number of annotations per category key (by `annotator` alone, if named)."""
        return dict(self._db.rows(
            "SELECT c.key, coalesce(u.n, 0) FROM categories c LEFT JOIN category_usage u ON u.category_id = c.id"
            " AND u.annotator_id = CASE WHEN :a IS NULL THEN 0"
            " ELSE coalesce((SELECT id FROM annotators WHERE name = :a), -1) END", {"a": annotator}))

    def annotators(self) -> list[str]:
        return annotator_names(self._db)


def _check_annotator(name: str) -> str:
    name = name.strip()
    if not name:
        raise InvalidValue("an annotation needs an annotator name")
    return name


def _check_span(conn: sqlite3.Connection, article_id: int, start: int, end: int) -> None:
    row = conn.execute("SELECT length FROM article_sizes WHERE article_id = ?", (article_id,)).fetchone()
    if row is None:
        raise NotFound(f"no article {article_id} in this project")
    if not 0 <= start < end <= row[0]:
        raise InvalidValue(f"span {start}-{end} is outside article {article_id} (length {row[0]})")


def _active_category_id(conn: sqlite3.Connection, key: str, *, allow_archived: bool = False) -> int:
    row = conn.execute("SELECT id, archived FROM categories WHERE key = ?", (key,)).fetchone()
    if row is None:
        known = ", ".join(r[0] for r in conn.execute(
            "SELECT key FROM categories WHERE archived = 0 ORDER BY position"))
        raise NotFound(f"no category {key!r} in this project (known: {known})")
    if row[1] and not allow_archived:
        raise InvalidValue(f"category {key!r} is archived; restore it before using it")
    return row[0]


def _annotator_id(conn: sqlite3.Connection, name: str) -> int:
    row = conn.execute("SELECT id FROM annotators WHERE name = ?", (name,)).fetchone()
    if row:
        return row[0]
    return conn.execute("INSERT INTO annotators (name) VALUES (?)", (name,)).lastrowid
