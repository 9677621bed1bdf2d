"""The project's own outlet aliases: which outlet a name means, as a user merged, split or renamed them.

Rows are keyed by the folded name (core/provenance/aliases.py `name_key`), so "The Record" and
"the record" are one row. `put` returns the row it replaced, which is what undo puts back.
"""

from __future__ import annotations

from dataclasses import dataclass

from annotator.core.clock import now
from annotator.core.store.database import Database


@dataclass(frozen=True)
class AliasRow:
    """`alias` (found by `key`) means the outlet `outlet`; alias == outlet splits it off on its own."""

    key: str
    alias: str
    outlet: str


class AliasStore:
    def __init__(self, db: Database) -> None:
        self._db = db

    def all(self) -> list[AliasRow]:
        return [AliasRow(*row) for row in self._db.rows("SELECT key, alias, outlet FROM outlet_aliases ORDER BY key")]

    def get(self, key: str) -> AliasRow | None:
        row = self._db.row("SELECT key, alias, outlet FROM outlet_aliases WHERE key = ?", (key,))
        return AliasRow(*row) if row else None

    def put(self, key: str, row: AliasRow | None) -> AliasRow | None:
        """Set (or, with None, delete) the row of `key`; return the row that was there."""
        with self._db.write() as conn:
            before = conn.execute("SELECT key, alias, outlet FROM outlet_aliases WHERE key = ?", (key,)).fetchone()
            if row is None:
                conn.execute("DELETE FROM outlet_aliases WHERE key = ?", (key,))
            else:
                conn.execute(
                    "INSERT INTO outlet_aliases (key, alias, outlet, made_at) VALUES (?, ?, ?, ?)"
                    " ON CONFLICT (key) DO UPDATE SET alias = excluded.alias, outlet = excluded.outlet,"
                    " made_at = excluded.made_at", (key, row.alias, row.outlet, now()))
        return AliasRow(*before) if before else None
