"""The project's own facts (name, creation time, answer key, blind mode); setting up a new project."""

from __future__ import annotations

from annotator.core.store.categories import insert_categories
from annotator.core.clock import now
from annotator.core.codebook import CategorySpec
from annotator.core.store.database import Database


class InfoStore:
    def __init__(self, db: Database) -> None:
        self._db = db

    def is_initialised(self) -> bool:
        return self._db.row("SELECT count(*) FROM project_info")[0] > 0

    def value(self, key: str) -> str | None:
        row = self._db.row("SELECT value FROM project_info WHERE key = ?", (key,))
        return row[0] if row else None

    def set_value(self, key: str, value: str | None) -> None:
        """Set (or, with None, remove) one of the project's own settings, such as its answer key."""
        with self._db.write() as conn:
            if value is None:
                conn.execute("DELETE FROM project_info WHERE key = ?", (key,))
            else:
                conn.execute("INSERT INTO project_info (key, value) VALUES (?, ?)"
                             " ON CONFLICT(key) DO UPDATE SET value = excluded.value", (key, value))

    def initialise(self, name: str, codebook: list[CategorySpec]) -> None:
        """Record the project's name and its codebook in one transaction: all or nothing."""
        with self._db.write() as conn:
            conn.executemany("INSERT INTO project_info (key, value) VALUES (?, ?)",
                             [("name", name), ("created_at", now())])
            insert_categories(conn, codebook)
