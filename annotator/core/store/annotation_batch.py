"""Many annotations at once: what a batch import checks its rows against, and one `executemany` to write them.

A batch names its ids as one JSON array bound to one parameter (`json_each`), so ten thousand ids
are one query, below any limit on the number of parameters.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence

from annotator.core.records import Annotation
from annotator.core.store.annotations import ANNOTATION_SELECT
from annotator.core.store.database import Database

_INSERT = ('INSERT INTO annotations (article_id, start, "end", category_id, annotator_id, source_name, note,'
           " created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
_INSERT_WITH_ID = ('INSERT INTO annotations (id, article_id, start, "end", category_id, annotator_id, source_name,'
                   " note, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")

# A row ready to store: (article id, start, end, category key, annotator name, source, note, created, updated).
NewRow = tuple[int, int, int, str, str, str, str, str, str]


def _ids(values: Iterable[int]) -> str:
    return json.dumps(sorted(set(values)))


def article_lengths(db: Database, article_ids: Iterable[int]) -> dict[int, int]:
    """The body length of each of these articles that exists."""
    return dict(db.rows("SELECT article_id, length FROM article_sizes WHERE article_id IN"
                        " (SELECT value FROM json_each(?))", (_ids(article_ids),)))


def sentence_spans(db: Database, article_ids: Iterable[int]) -> dict[int, list[tuple[int, int]]]:
    """Each article's sentences as (start, end), in order (index 0 is sentence 1)."""
    spans: dict[int, list[tuple[int, int]]] = {}
    for article_id, start, end in db.stream(
            'SELECT article_id, start, "end" FROM sentences WHERE article_id IN (SELECT value FROM json_each(?))'
            " ORDER BY article_id, idx", (_ids(article_ids),)):
        spans.setdefault(article_id, []).append((start, end))
    return spans


def category_states(db: Database) -> dict[str, bool]:
    """Every category key and whether it is archived."""
    return {key: bool(archived) for key, archived in db.rows("SELECT key, archived FROM categories")}


def existing_marks(db: Database, article_ids: Iterable[int]) -> set[tuple[int, int, int, str, str]]:
    """(article id, start, end, category key, annotator) of every annotation in these articles."""
    return set(db.rows(
        'SELECT n.article_id, n.start, n."end", c.key, p.name FROM annotations n'
        " JOIN categories c ON c.id = n.category_id JOIN annotators p ON p.id = n.annotator_id"
        " WHERE n.article_id IN (SELECT value FROM json_each(?))", (_ids(article_ids),)))


def _name_ids(conn, names: Iterable[str]) -> dict[str, int]:
    conn.executemany("INSERT INTO annotators (name) VALUES (?) ON CONFLICT (name) DO NOTHING",
                     [(name,) for name in sorted(set(names))])
    return dict(conn.execute("SELECT name, id FROM annotators"))


def insert_rows(db: Database, rows: Sequence[NewRow]) -> list[Annotation]:
    """Store checked rows with one `executemany` in one transaction; return them as stored.

    The caller has checked spans and categories; the new rows are those above the table's
    AUTOINCREMENT counter as it stood, since the write lock keeps every other writer out meanwhile.
    """
    with db.write() as conn:
        before = conn.execute("SELECT coalesce((SELECT seq FROM sqlite_sequence WHERE name = 'annotations'),"
                              " (SELECT max(id) FROM annotations), 0)").fetchone()[0]
        people = _name_ids(conn, (row[4] for row in rows))
        categories = dict(conn.execute("SELECT key, id FROM categories"))
        conn.executemany(_INSERT, [(a, s, e, categories[key], people[who], source, note, made, changed)
                                   for a, s, e, key, who, source, note, made, changed in rows])
        rows = conn.execute(ANNOTATION_SELECT + " WHERE n.id > ? ORDER BY n.id", (before,))
        return [Annotation._make(row) for row in rows]


def restore_rows(db: Database, annotations: Sequence[Annotation]) -> None:
    """Put annotations back under their own ids (redo of a batch), with one `executemany`."""
    with db.write() as conn:
        people = _name_ids(conn, (a.annotator for a in annotations))
        categories = dict(conn.execute("SELECT key, id FROM categories"))
        conn.executemany(_INSERT_WITH_ID, [
            (a.id, a.article_id, a.start, a.end, categories[a.category], people[a.annotator], a.source, a.note,
             a.created_at, a.updated_at) for a in annotations])


def stored(db: Database, ids: Iterable[int]) -> dict[int, Annotation]:
    """The annotations of these ids that exist, as they are now."""
    return {row[0]: Annotation._make(row) for row in db.rows(
        ANNOTATION_SELECT + " WHERE n.id IN (SELECT value FROM json_each(?))", (_ids(ids),))}


def delete_ids(db: Database, ids: Iterable[int]) -> None:
    with db.write() as conn:
        conn.execute("DELETE FROM annotations WHERE id IN (SELECT value FROM json_each(?))", (_ids(ids),))

