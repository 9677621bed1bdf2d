"""Full-text search over every article's sentences, through the FTS5 index of schema step 4.

What a user types becomes an FTS5 MATCH expression that can never be a syntax error: plain words are
ANDed; "a quoted phrase" matches those words in a row; a word ending in * matches as a prefix.
Everything else (AND, OR, NOT, NEAR, brackets, colons, a lone quote) is read as words: each word goes
to FTS5 inside double quotes, so it is never taken for syntax. The index folds case and accents
("zurich" finds "Zürich"), and a hit is one sentence, so a search returns exactly the sentences
that match.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import NamedTuple

from annotator.core.errors import InvalidValue
from annotator.core.records import ArticleId
from annotator.core.store.database import Database
from annotator.core.store.schema import SENTENCE_KEY

_PHRASE_OR_CHUNK = re.compile(r'"([^"]*)"(\*?)|(\S+)')
_WORD = re.compile(r"[^\W_]+")


@dataclass(frozen=True)
class QueryTerm:
    """One ANDed part of a query: a word or a phrase (words in a row), maybe a prefix."""

    words: tuple[str, ...]
    prefix: bool = False

    def fts(self) -> str:
        return '"' + " ".join(self.words) + '"' + ("*" if self.prefix else "")


class SearchHit(NamedTuple):
    """A matching sentence (idx from 0; start, end: its span in the body) with its article's outlet and title.

    A NamedTuple, not a frozen dataclass: a search makes one per hit, tens of thousands at a time,
    and a tuple is made several times faster; it is as immutable.
    """

    article_id: ArticleId
    idx: int
    start: int
    end: int
    outlet: str
    title: str
    text: str

    @property
    def position(self) -> tuple[int, int]:
        """(article_id, idx): where the next page of a search starts after this hit (`after=`)."""
        return self.article_id, self.idx


def parse_query(text: str) -> list[QueryTerm]:
    """The query's terms; raise InvalidValue when it holds no word at all."""
    if text.count('"') % 2:  # a lone quote: read it as a space, not as the start of a phrase
        cut = text.rfind('"')
        text = text[:cut] + " " + text[cut + 1:]
    terms = []
    for match in _PHRASE_OR_CHUNK.finditer(text):
        phrase, phrase_star, chunk = match.groups()
        words = tuple(_WORD.findall(phrase if chunk is None else chunk))
        if words:
            terms.append(QueryTerm(words, bool(phrase_star) if chunk is None else chunk.endswith("*")))
    if not terms:
        raise InvalidValue(f"nothing to search for in {text.strip()!r}: type at least one word")
    return terms


def match_expression(text: str) -> str:
    """The FTS5 MATCH expression for what the user typed: its terms ANDed."""
    return " AND ".join(term.fts() for term in parse_query(text))


# Hits in key order, which is article and sentence order: FTS5 yields its rowids in that order, so
# there is no sort and a LIMIT stops the search early. The key range (one article, or what follows
# the last hit of a page) is a rowid constraint FTS5 applies while it reads the index.
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


def search_sentences(db: Database, query: str, *, article_id: int | None = None,
                     after: tuple[int, int] | None = None, limit: int | None = None) -> list[SearchHit]:
    """The sentences matching `query` in article and sentence order: in one article when `article_id`
    is given, only those after the position `after` (a hit's `position`: the next page), at most `limit`."""
    params = (match_expression(query), *_key_range(article_id, after), -1 if limit is None else limit)
    return list(map(SearchHit._make, db.rows(_SEARCH, params)))


def count_matches(db: Database, query: str, *, article_id: int | None = None) -> int:
    """How many sentences match `query` (in one article when `article_id` is given)."""
    return db.row(_COUNT, (match_expression(query), *_key_range(article_id, None)))[0]
