"""Copies: articles that reuse another's text, found by their near-identical sentences.

Two sentences are near-identical when their word 3-shingles overlap by SAME_SENTENCE (a changed
word, a different dateline or spelling leaves them so); two articles are copies when they share
at least COPY_MIN_SENTENCES such sentences and at least COPY_SHARE of the shorter one's sentences
(a quote two outlets both ran is not a copy). Copies form groups (a wire story and every outlet that
carried it); each member is linked to the group's original: the earliest published, then the first
imported.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass

from annotator.core.provenance.model import ArticleText

SAME_SENTENCE = 0.6
COPY_MIN_SENTENCES = 2
COPY_SHARE = 0.3
MIN_WORDS = 6  # shorter sentences ("Good evening.") say nothing about copying
_COMMON = 40  # a shingle in more distinct sentences than this is a phrase everyone writes
_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class Copy:
    """`copy` reuses the text of `original`; `sentences`: numbers from 1 in `copy` it shares."""

    copy: int
    original: int
    sentences: tuple[int, ...]


def _shingles(words: list[str]) -> frozenset[tuple[str, ...]]:
    return frozenset(tuple(words[i:i + 3]) for i in range(len(words) - 2))


def shared_sentences(articles: list[ArticleText]) -> dict[tuple[int, int], set[tuple[int, int]]]:
    """For each pair of articles (a < b), the pairs of sentence numbers (in a, in b) that match."""
    texts: dict[frozenset, list[tuple[int, int]]] = defaultdict(list)
    for article in articles:
        for n, sentence in enumerate(article.sentences, start=1):
            words = _WORD.findall(sentence.casefold())
            if len(words) >= MIN_WORDS:
                texts[_shingles(words)].append((article.id, n))
    distinct = list(texts)
    index: dict[tuple[str, ...], list[int]] = defaultdict(list)
    for i, shingles in enumerate(distinct):
        for shingle in shingles:
            index[shingle].append(i)
    pairs: dict[tuple[int, int], set[tuple[int, int]]] = defaultdict(set)
    for i, shingles in enumerate(distinct):
        for j in _similar(i, shingles, distinct, index):
            _pair_up(texts[distinct[i]], texts[distinct[j]], pairs)
        _pair_up(texts[shingles], texts[shingles], pairs)
    return pairs


def _similar(i: int, shingles: frozenset, distinct: list[frozenset], index: dict) -> list[int]:
    counts: dict[int, int] = defaultdict(int)
    for shingle in shingles:
        posting = index[shingle]
        if len(posting) <= _COMMON:
            for j in posting:
                if j > i:
                    counts[j] += 1
    return [j for j, shared in counts.items()
            if shared / (len(shingles) + len(distinct[j]) - shared) >= SAME_SENTENCE]


def _pair_up(left: list[tuple[int, int]], right: list[tuple[int, int]], pairs: dict) -> None:
    for a, na in left:
        for b, nb in right:
            if a < b:
                pairs[(a, b)].add((na, nb))
            elif b < a:
                pairs[(b, a)].add((nb, na))


def find_copies(articles: list[ArticleText]) -> list[Copy]:
    """Each copy linked to its group's original, with the sentences it shares with it."""
    by_id = {a.id: a for a in articles}
    linked: dict[tuple[int, int], set[tuple[int, int]]] = {}
    for (a, b), matches in shared_sentences(articles).items():
        shorter = min(len(by_id[a].sentences), len(by_id[b].sentences))
        count = min(len({na for na, _ in matches}), len({nb for _, nb in matches}))
        if count >= COPY_MIN_SENTENCES and count >= COPY_SHARE * shorter:
            linked[(a, b)] = matches
    groups = _groups(linked)
    copies = []
    for group in groups:
        original = min(group, key=lambda i: (by_id[i].published is None, by_id[i].published or "", i))
        for member in sorted(group - {original}):
            partner = original if _key(member, original) in linked else max(
                (o for o in group if _key(member, o) in linked), key=lambda o: len(linked[_key(member, o)]))
            matches = linked[_key(member, partner)]
            mine = sorted({(na if member < partner else nb) for na, nb in matches})
            copies.append(Copy(member, partner, tuple(mine)))
    return copies


def _key(a: int, b: int) -> tuple[int, int]:
    return (a, b) if a < b else (b, a)


def _groups(linked: dict[tuple[int, int], object]) -> list[set[int]]:
    parent: dict[int, int] = {}

    def root(x: int) -> int:
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for a, b in linked:
        parent[root(a)] = root(b)
    groups: dict[int, set[int]] = defaultdict(set)
    for x in list(parent):
        groups[root(x)].add(x)
    return list(groups.values())
