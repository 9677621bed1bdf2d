"""What other connections changed: the change_log table (kept by triggers) read as Changes values.

A reader remembers the last `seq` it has seen; `since(seq)` says what was written after it, by
anyone, so a window can re-read only that. A reader so far behind that the log was pruned past it
is told that everything may have changed.
"""

from __future__ import annotations

from annotator.core.changes import EVERYTHING, NOTHING, Changes, Span
from annotator.core.store.database import Database

_PARTS = {
    "article": Changes(articles=True),
    "codebook": Changes(codebook=True),
    "info": Changes(project_info=True),
    "suggestions": Changes(suggestions=True),
    "claims": Changes(claims=True),
}


class ChangeLog:
    def __init__(self, db: Database) -> None:
        self._db = db

    def latest(self) -> int:
        """The newest entry's number (0 when nothing was logged yet)."""
        row = self._db.row("SELECT seq FROM sqlite_sequence WHERE name = 'change_log'")
        return row[0] if row else 0

    def data_version(self) -> int:
        """SQLite's counter of commits made by other connections, for a cheap "anything new?" check."""
        return self._db.row("PRAGMA data_version")[0]

    def since(self, seq: int, upto: int | None = None) -> tuple[Changes, int]:
        """(what changed after `seq` and up to `upto` or the newest entry, the last entry read)."""
        rows = self._db.rows(
            'SELECT seq, what, article_id, start, "end" FROM change_log WHERE seq > ? AND seq <= ? ORDER BY seq',
            (seq, upto if upto is not None else 1 << 62))
        if not rows:
            newest = self.latest()
            if newest < seq:  # the log went back: the file was restored from a backup under us
                return EVERYTHING, newest
            return NOTHING, seq if upto is None else max(seq, upto)
        if rows[0][0] > seq + 1:  # numbers are given in order and never skipped: these were pruned
            return EVERYTHING, rows[-1][0]
        return _changes(rows), rows[-1][0]


def _changes(rows: list[tuple]) -> Changes:
    spans: dict[Span, None] = {}
    parts = NOTHING
    for _seq, what, article_id, start, end in rows:
        if what == "annotation":
            spans[Span(article_id, start, end)] = None
        elif what in _PARTS:
            parts |= _PARTS[what]
        else:  # an upgrade, or an entry of a later version: re-read everything
            return EVERYTHING
    return parts | Changes(spans=tuple(spans))
