"""Near-duplicates: two articles with the same title and almost the same words.

The .txt and the .html of one article differ by a heading, a byline or a footer, so their bodies
are not identical and the exact duplicate check lets both in. They are both imported; the user is
told which two files look alike.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

SIMILAR_FROM = 0.8  # Jaccard similarity of the two bodies' word sets
_WORD = re.compile(r"\w+")


def _title_key(title: str) -> str:
    return " ".join(_WORD.findall(title.casefold()))


def _words(body: str) -> frozenset[str]:
    return frozenset(_WORD.findall(body.casefold()))


def similarity(a: frozenset[str], b: frozenset[str]) -> float:
    return len(a & b) / len(a | b) if a or b else 1.0


@dataclass
class NearDuplicates:
    """Titles seen so far (in the project and in this batch); bodies are read only on a title match."""

    body_of: Callable[[int], str]  # the stored body of a project article, by id
    _seen: dict[str, list[tuple[str, int | None, frozenset[str] | None]]] = field(default_factory=dict)

    def add_existing(self, title: str, article_id: int, name: str) -> None:
        self._seen.setdefault(_title_key(title), []).append((name, article_id, None))

    def check(self, title: str, body: str, name: str) -> str | None:
        """The name of an earlier article this one nearly repeats, if any; then remember this one."""
        key = _title_key(title)
        words = _words(body)
        match = None
        entries = self._seen.setdefault(key, []) if key else []
        for i, (other, article_id, other_words) in enumerate(entries):
            if other_words is None and article_id is not None:
                other_words = _words(self.body_of(article_id))
                entries[i] = (other, article_id, other_words)
            if other_words is not None and similarity(words, other_words) >= SIMILAR_FROM:
                match = other
                break
        if key:
            entries.append((name, None, words))
        return match
