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


@dataclass(frozen=True)
class SearchHit:
    """A matching sentence (idx from 0; start, end: its span in the body) with its article's outlet and title."""

    article_id: ArticleId
    idx: int
    start: int
    end: int
    outlet: str
    title: str
    text: str


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


_SEARCH = f"""
    WITH hits AS (SELECT rowid AS key FROM sentence_fts WHERE sentence_fts MATCH ?)
    SELECT s.article_id, s.idx, s.start, s."end", o.name, a.title,
           substr(a.body, s.start + 1, s."end" - s.start)
    FROM hits JOIN sentences s ON s.article_id = hits.key / {SENTENCE_KEY} AND s.idx = hits.key % {SENTENCE_KEY}
    JOIN articles a ON a.id = s.article_id JOIN outlets o ON o.id = a.outlet_id
    ORDER BY s.article_id, s.idx"""


def search_sentences(db: Database, query: str, *, limit: int | None = None) -> list[SearchHit]:
    """Every sentence matching `query`, in article and sentence order (at most `limit`)."""
    sql = _SEARCH + (" LIMIT ?" if limit is not None else "")
    params = (match_expression(query),) + ((limit,) if limit is not None else ())
    return [SearchHit(ArticleId(a), idx, start, end, outlet, title, text)
            for a, idx, start, end, outlet, title, text in db.rows(sql, params)]


def count_matches(db: Database, query: str) -> int:
    return db.row("SELECT count(*) FROM sentence_fts WHERE sentence_fts MATCH ?", (match_expression(query),))[0]
