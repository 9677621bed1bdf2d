"""Suggested categories per sentence, the fingerprint each article was suggested with, and rejections.

A rejection is kept by sentence and category, apart from the suggestions, so recomputing (a new cue
lexicon) never brings a rejected suggestion back. Suggestions for a category the codebook does not
have are not stored.
"""

from __future__ import annotations

from collections.abc import Iterable

from annotator.core.clock import now
from annotator.core.records import Suggestion
from annotator.core.store.database import Database

ENABLED_SETTING = "suggestions"  # project_info: "1" lets a blind assignment show suggestions


_SELECT = """SELECT s.article_id, s.idx, c.key, s.confidence, s.cue, s.source FROM suggestions s
    JOIN categories c ON c.id = s.category_id"""
_NOT_REJECTED = """NOT EXISTS (SELECT 1 FROM rejected_suggestions r WHERE r.article_id = s.article_id
    AND r.idx = s.idx AND r.category_id = s.category_id)"""


class SuggestionStore:
    def __init__(self, db: Database) -> None:
        self._db = db

    @property
    def enabled(self) -> bool:
        """Off in a blind classroom assignment unless it was written with --suggestions."""
        values = dict(self._db.rows("SELECT key, value FROM project_info WHERE key IN ('blind', ?)",
                                    (ENABLED_SETTING,)))
        if ENABLED_SETTING in values:
            return values[ENABLED_SETTING] == "1"
        return values.get("blind") != "1"

    def stale(self, fingerprint: str, article_ids: Iterable[int] | None = None) -> list[int]:
        """The articles (of `article_ids`, or all) not yet suggested with this lexicon fingerprint."""
        rows = self._db.rows(
            "SELECT a.id FROM articles a LEFT JOIN suggested_articles g ON g.article_id = a.id"
            " WHERE g.fingerprint IS NULL OR g.fingerprint != ? ORDER BY a.id", (fingerprint,))
        wanted = None if article_ids is None else set(article_ids)
        return [r[0] for r in rows if wanted is None or r[0] in wanted]

    def replace(self, fingerprint: str, results: dict[int, list[Suggestion]]) -> int:
        """Store the suggestions of some articles, replacing their old ones, in one transaction."""
        stamp, stored = now(), 0
        with self._db.write() as conn:
            keys = dict(conn.execute("SELECT key, id FROM categories").fetchall())
            for article_id, suggestions in results.items():
                conn.execute("DELETE FROM suggestions WHERE article_id = ?", (article_id,))
                rows = [(s.article_id, s.idx, keys[s.category], s.confidence, s.cue, s.source)
                        for s in suggestions if s.category in keys]
                conn.executemany("INSERT OR REPLACE INTO suggestions (article_id, idx, category_id, confidence,"
                                 " cue, source) VALUES (?, ?, ?, ?, ?, ?)", rows)
                conn.execute("INSERT INTO suggested_articles (article_id, fingerprint, computed_at) VALUES (?, ?, ?)"
                             " ON CONFLICT (article_id) DO UPDATE SET fingerprint = excluded.fingerprint,"
                             " computed_at = excluded.computed_at", (article_id, fingerprint, stamp))
                stored += len(rows)
        return stored

    def for_article(self, article_id: int, *, min_confidence: float = 0.0,
                    include_rejected: bool = False) -> list[Suggestion]:
        """An article's suggestions by sentence, then confidence (highest first); rejected ones left out."""
        where = " WHERE s.article_id = ? AND s.confidence >= ?" + ("" if include_rejected else f" AND {_NOT_REJECTED}")
        rows = self._db.rows(_SELECT + where + " ORDER BY s.idx, s.confidence DESC, c.position",
                             (article_id, min_confidence))
        return [Suggestion(*row) for row in rows]

    def for_sentence(self, article_id: int, idx: int) -> list[Suggestion]:
        """A sentence's suggestions that were not rejected, most confident first (what the window offers)."""
        return [s for s in self.for_article(article_id) if s.idx == idx]

    def all(self, *, min_confidence: float = 0.0) -> list[Suggestion]:
        rows = self._db.rows(_SELECT + f" WHERE s.confidence >= ? AND {_NOT_REJECTED}"
                             " ORDER BY s.article_id, s.idx, s.confidence DESC, c.position", (min_confidence,))
        return [Suggestion(*row) for row in rows]

    def reject(self, article_id: int, idx: int, category: str) -> None:
        """Never offer `category` for this sentence again; undo with unreject."""
        with self._db.write() as conn:
            conn.execute("INSERT OR IGNORE INTO rejected_suggestions (article_id, idx, category_id, rejected_at)"
                         " SELECT ?, ?, id, ? FROM categories WHERE key = ?", (article_id, idx, now(), category))

    def unreject(self, article_id: int, idx: int, category: str) -> None:
        with self._db.write() as conn:
            conn.execute("DELETE FROM rejected_suggestions WHERE article_id = ? AND idx = ?"
                         " AND category_id = (SELECT id FROM categories WHERE key = ?)", (article_id, idx, category))

    def is_rejected(self, article_id: int, idx: int, category: str) -> bool:
        return self._db.row(
            "SELECT 1 FROM rejected_suggestions r JOIN categories c ON c.id = r.category_id"
            " WHERE r.article_id = ? AND r.idx = ? AND c.key = ?", (article_id, idx, category)) is not None
