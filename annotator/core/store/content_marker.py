"""A short fingerprint of what a project holds, to tell cheaply whether a backup is still current.

Where the file keeps a change log (schema 5), its newest entry and length mark every change; the
other facts (counts, largest ids, newest edit times, the small tables whole) cover older files and
two histories that reach the same log length after a restore. Derived tables (suggestions, claims,
the search index) are recomputed from these and are left out.
"""

from __future__ import annotations

import hashlib
import sqlite3

# (table, query): each query reads one table in a single pass or by its index, never an article body.
FACTS: list[tuple[str, str]] = [
    # Entries of derived tables (claims grouped, suggestions computed: the window's own background work)
    # are left out; the user's claim corrections and rejected suggestions are counted below.
    ("change_log", "SELECT max(seq), count(*) FROM change_log WHERE what NOT IN ('claims', 'suggestions')"),
    ("change_log", "SELECT * FROM change_log WHERE what NOT IN ('claims', 'suggestions') ORDER BY seq DESC LIMIT 1"),
    ("annotations", 'SELECT count(*), max(id), max(updated_at), total(start), total("end"), total(category_id),'
                    " total(annotator_id), total(length(note)), total(length(source_name)) FROM annotations"),
    ("articles", "SELECT count(*), max(id), total(outlet_id), total(length(title)), total(length(published))"
                 " FROM articles"),
    ("outlets", "SELECT count(*), max(id), total(length(name)) FROM outlets"),
    ("categories", "SELECT * FROM categories ORDER BY id"),
    ("annotators", "SELECT * FROM annotators ORDER BY id"),
    ("project_info", "SELECT * FROM project_info ORDER BY key"),
    ("claim_corrections", "SELECT count(*), max(rowid) FROM claim_corrections"),
    ("rejected_suggestions", "SELECT count(*) FROM rejected_suggestions"),
]


def content_marker(conn: sqlite3.Connection) -> str:
    """A hex digest that changes whenever the project's own content does (not its derived tables)."""
    digest = hashlib.sha256()
    digest.update(repr(conn.execute("PRAGMA user_version").fetchone()).encode())
    tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    for table, query in FACTS:
        if table not in tables:
            continue
        digest.update(table.encode())
        for row in conn.execute(query):
            digest.update(repr(tuple(row)).encode("utf-8", "surrogatepass"))
    return digest.hexdigest()
