"""The search index's rows for an article's sentences, written beside the sentences themselves.

`sentence_fts` (schema step 4) reads its text from the body, but writing its rows by a trigger
made SQLite read the whole body once per sentence (schema step 7 drops that trigger). The store
has the body and the spans in hand, so it passes each sentence's text: storing or deleting an
article costs time in proportion to its length. Every code path that inserts or deletes sentences
calls these in the same transaction.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable

from annotator.core.store.schema import SENTENCE_KEY

_INDEX = "INSERT INTO sentence_fts (rowid, text) VALUES (?, ?)"
_UNINDEX = "INSERT INTO sentence_fts (sentence_fts, rowid, text) VALUES ('delete', ?, ?)"


def _rows(article_id: int, body: str, sentences: Iterable[tuple[int, int, int]]) -> Iterable[tuple[int, str]]:
    return ((article_id * SENTENCE_KEY + idx, body[start:end]) for idx, start, end in sentences)


def index_sentences(conn: sqlite3.Connection, article_id: int, body: str,
                    sentences: Iterable[tuple[int, int, int]]) -> None:
    """Add the (idx, start, end) sentences of the article with this body to the search index."""
    conn.executemany(_INDEX, _rows(article_id, body, sentences))


def delete_sentences(conn: sqlite3.Connection, article_id: int, body: str,
                     sentences: Iterable[tuple[int, int, int]]) -> None:
    """Take the article's (idx, start, end) sentences out of the search index, then out of `sentences`.

    FTS5 removes a row of an external-content index only when given the text it indexed; with the
    sentences gone, the `article_unindexed` trigger that would read them from the body finds none.
    """
    conn.executemany(_UNINDEX, _rows(article_id, body, sentences))
    conn.execute("DELETE FROM sentences WHERE article_id = ?", (article_id,))
