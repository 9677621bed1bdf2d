"""Sentences matching an FTS5 MATCH expression, through the index of schema step 4.

A sentence's key in the index is article id * SENTENCE_KEY + idx, so one article, or what follows a
position, is a range of keys that FTS5 applies while it reads the index.
"""

from __future__ import annotations

from annotator.core.store.database import Database
from annotator.core.store.schema import SENTENCE_KEY

# Hits in key order, which is article and sentence order: FTS5 yields its rowids in that order, so
# there is no sort and a LIMIT stops the search early.
_SEARCH = f"""
    SELECT s.article_id, s.idx, s.start, s."end", o.name, a.title, substr(a.body, s.start + 1, s."end" - s.start)
    FROM sentence_fts f JOIN sentences s ON s.article_id = f.rowid / {SENTENCE_KEY} AND s.idx = f.rowid % {SENTENCE_KEY}
    JOIN articles a ON a.id = s.article_id JOIN outlets o ON o.id = a.outlet_id
    WHERE sentence_fts MATCH ? AND f.rowid BETWEEN ? AND ?
    ORDER BY f.rowid LIMIT ?"""

_COUNT = "SELECT count(*) FROM sentence_fts WHERE sentence_fts MATCH ? AND rowid BETWEEN ? AND ?"
_LAST_KEY = 2**63 - 1


def _key_range(article_id: int | None, after: tuple[int, int] | None) -> tuple[int, int]:
    """The keys a search looks at: one article's (or all), after the position `after`."""
    low, high = (0, _LAST_KEY) if article_id is None else (
        article_id * SENTENCE_KEY, article_id * SENTENCE_KEY + SENTENCE_KEY - 1)
    if after is not None:
        low = max(low, after[0] * SENTENCE_KEY + after[1] + 1)
    return low, high


def matching_sentences(db: Database, expression: str, *, article_id: int | None = None,
                       after: tuple[int, int] | None = None, limit: int | None = None) -> list[tuple]:
    """(article id, idx, start, end, outlet, title, text) of the sentences matching `expression`, in
    article and sentence order: of one article when given, after (article id, idx) `after`, at most `limit`."""
    params = (expression, *_key_range(article_id, after), -1 if limit is None else limit)
    return db.rows(_SEARCH, params)


def count_matching(db: Database, expression: str, *, article_id: int | None = None) -> int:
    """How many sentences match `expression` (in one article when `article_id` is given)."""
    return db.row(_COUNT, (expression, *_key_range(article_id, None)))[0]
