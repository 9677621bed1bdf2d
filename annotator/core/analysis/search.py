"""Full-text search over every article's sentences, through the FTS5 index of schema step 4.

What a user types becomes an FTS5 MATCH expression that can never be a syntax error: plain words are
ANDed; "a quoted phrase" matches those words in a row; a word ending in * matches as a prefix.
Everything else (AND, OR, NOT, NEAR, brackets, colons, a lone quote) is read as words: each word goes
to FTS5 inside double quotes, so it is never taken for syntax. The index folds case and accents
("zurich" finds "Zürich"), and a hit is one sentence, so a search returns exactly the sentences
that match. A query is at most MAX_QUERY_CHARS long: a longer one is refused, never cut.

A query is read in NFC, however it was typed (macOS and some PDFs give "Zu" + U+0308 + "rich"). The
index folds only some accents of composed letters (Latin ones; not Greek tonos, not Hangul
syllables), and always drops a combining accent from a decomposed text: so a term whose NFD form
differs matches either form, and an article stored in NFD (older projects) is found as one in NFC.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import NamedTuple

from annotator.core.errors import InvalidValue
from annotator.core.records import ArticleId
from annotator.core.store.database import Database
from annotator.core.store.sentence_search import count_matching, matching_sentences

MAX_QUERY_CHARS = 2_000  # a long sentence pasted in quotes fits; the window and the command line refuse more
_PHRASE_OR_CHUNK = re.compile(r'"([^"]*)"(\*?)|(\S+)')
# a word's letters and digits with their combining accents (as typed in NFD, or with no composed form)
_MARKS = "\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f"
_WORD = re.compile(rf"[^\W_](?:[^\W_]|[{_MARKS}])*")


@dataclass(frozen=True)
class QueryTerm:
    """One ANDed part of a query: a word or a phrase (words in a row), maybe a prefix."""

    words: tuple[str, ...]
    prefix: bool = False

    def fts(self) -> str:
        """The term as FTS5 reads it: its phrase, or its NFC and NFD phrases ORed when they differ."""
        composed = self._phrase(" ".join(self.words))
        decomposed = self._phrase(unicodedata.normalize("NFD", " ".join(self.words)))
        return composed if composed == decomposed else f"({composed} OR {decomposed})"

    def _phrase(self, words: str) -> str:
        return '"' + words + '"' + ("*" if self.prefix else "")


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
    """The query's terms, in NFC; raise InvalidValue when it holds no word at all or is too long."""
    if len(text) > MAX_QUERY_CHARS:
        raise InvalidValue(f"the query is {len(text):,} characters long; the limit is {MAX_QUERY_CHARS:,}:"
                           " search for a shorter part of it")
    text = unicodedata.normalize("NFC", text)
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


def search_sentences(db: Database, query: str, *, article_id: int | None = None,
                     after: tuple[int, int] | None = None, limit: int | None = None) -> list[SearchHit]:
    """The sentences matching `query` in article and sentence order: in one article when `article_id`
    is given, only those after the position `after` (a hit's `position`: the next page), at most `limit`."""
    rows = matching_sentences(db, match_expression(query), article_id=article_id, after=after, limit=limit)
    return list(map(SearchHit._make, rows))


def count_matches(db: Database, query: str, *, article_id: int | None = None) -> int:
    """How many sentences match `query` (in one article when `article_id` is given)."""
    return count_matching(db, match_expression(query), article_id=article_id)
