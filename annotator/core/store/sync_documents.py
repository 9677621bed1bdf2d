"""Local rows as the documents the team server keeps: ids that agree between copies, no local row ids.

Each kind has its uid (an article's body hash, a category's key, an annotation's random uid, ...)
and a JSON document of its state; an annotation's owner is its annotator. `read_many` reads the
current state of many entities of one kind at once (absent: deleted here).
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass

from annotator.core.store.sync_tables import SHARED_SETTINGS

# Upserts are applied in this order (what a later kind names comes first), deletions in reverse.
KINDS = ("setting", "category", "alias", "article", "annotation", "correction")
_CHUNK = 5_000


@dataclass(frozen=True)
class Entity:
    kind: str
    uid: str
    owner: str
    doc: dict | None  # None: deleted


def uid_chunks(uids: list[str]) -> Iterable[str]:
    """`uids` as JSON lists of at most _CHUNK, for `IN (SELECT value FROM json_each(?))`."""
    for at in range(0, len(uids), _CHUNK):
        yield json.dumps(uids[at:at + _CHUNK])


_QUERIES = {
    "setting": "SELECT key, '', value FROM project_info WHERE key IN (SELECT value FROM json_each(?))",
    "category": """SELECT key, '', label, description, color, shortcut, position, archived FROM categories
        WHERE key IN (SELECT value FROM json_each(?))""",
    "alias": "SELECT key, '', alias, outlet, made_at FROM outlet_aliases WHERE key IN (SELECT value FROM json_each(?))",
    "article": """SELECT a.body_sha256, '', o.name, o.homepage, a.title, a.url, a.author, a.published, a.body,
            a.source_file, a.imported_at, a.id
        FROM articles a JOIN outlets o ON o.id = a.outlet_id WHERE a.body_sha256 IN (SELECT value FROM json_each(?))""",
    "annotation": """SELECT n.uid, w.name, a.body_sha256, n.start, n."end", c.key, n.source_name, n.note,
            n.created_at, n.updated_at
        FROM annotations n JOIN articles a ON a.id = n.article_id JOIN categories c ON c.id = n.category_id
        JOIN annotators w ON w.id = n.annotator_id WHERE n.uid IN (SELECT value FROM json_each(?))""",
    "correction": """SELECT r.uid, '', r.action, r.label, a.body_sha256, r.idx, r.made_at, r.id
        FROM claim_corrections r LEFT JOIN articles a ON a.id = r.article_id
        WHERE r.uid IN (SELECT value FROM json_each(?))""",
}


def _doc(conn: sqlite3.Connection, kind: str, row: tuple) -> dict:
    if kind == "setting":
        return {"value": row[2]}
    if kind == "category":
        return dict(zip(("label", "description", "color", "shortcut", "position", "archived"), row[2:]))
    if kind == "alias":
        return dict(zip(("alias", "outlet", "made_at"), row[2:]))
    if kind == "article":
        doc = dict(zip(("outlet", "homepage", "title", "url", "author", "published", "body", "source_file",
                        "imported_at"), row[2:11]))
        doc["sentences"] = conn.execute('SELECT start, "end" FROM sentences WHERE article_id = ? ORDER BY idx',
                                        (row[11],)).fetchall()
        return doc
    if kind == "annotation":
        return dict(zip(("article", "start", "end", "category", "source", "note", "created_at", "updated_at"),
                        row[2:]))
    doc = dict(zip(("action", "label", "article", "idx", "made_at"), row[2:7]))
    doc["sentences"] = conn.execute(
        """SELECT s.side, a.body_sha256, s.idx FROM claim_correction_sentences s JOIN articles a ON a.id = s.article_id
           WHERE s.correction_id = ? ORDER BY s.side, a.body_sha256, s.idx""", (row[7],)).fetchall()
    return doc


def read_many(conn: sqlite3.Connection, kind: str, uids: list[str]) -> dict[str, Entity]:
    """The current state of these entities of `kind`; a uid not in the result is deleted here."""
    found: dict[str, Entity] = {}
    for chunk in uid_chunks(uids):
        for row in conn.execute(_QUERIES[kind], (chunk,)):
            found[row[0]] = Entity(kind, row[0], row[1], _doc(conn, kind, row))
    return found


def all_uids(conn: sqlite3.Connection) -> list[tuple[str, str]]:
    """(kind, uid) of every entity this copy holds that travels, for a first share."""
    marks = ", ".join("?" * len(SHARED_SETTINGS))
    rows = conn.execute(f"SELECT 'setting', key FROM project_info WHERE key IN ({marks})", SHARED_SETTINGS).fetchall()
    rows += conn.execute("SELECT 'category', key FROM categories").fetchall()
    rows += conn.execute("SELECT 'alias', key FROM outlet_aliases").fetchall()
    rows += conn.execute("SELECT 'article', body_sha256 FROM articles").fetchall()
    rows += conn.execute("SELECT 'annotation', uid FROM annotations").fetchall()
    rows += conn.execute("SELECT 'correction', uid FROM claim_corrections").fetchall()
    return rows
