"""The phrase cues of a lexicon matched in time linear in the text, whatever the number of cues.

For each category and confidence (a group), the first match in a sentence is what one alternation of
all its phrases (longest first, cues.phrase_pattern's guards) would find: the leftmost position where
any phrase matches, and there the first phrase in that order. Trying every phrase at every position
costs text × phrases; instead the phrases sit in one trie of their whitespace-separated tokens (a
token compared by a case-blind key; `*` is any one token), walked from each position where a phrase
may start. The trie names the few phrases that can match there, and only those are tried, in their
order, with their own pattern (compiled when first needed). So a 200,000-phrase cue file costs a
trie walk per position, not 200,000 attempts. A group of up to ALTERNATION_UP_TO phrases (the
shipped cues) keeps the one compiled alternation: its search runs in C, faster than a walk in Python,
and its cost per position is bounded by that number. Its search is led by the same phrases written
as one trie of characters (`any_phrase_pattern`): the trie finds the leftmost position where any
phrase matches, which is where the alternation's search would match, and only there is the
alternation tried, to pick the phrase its order gives. One trie of every group's phrases goes first:
most sentences hold no phrase at all, and no group's search need start before its first match.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable

from annotator.core.pattern_cache import compile_re, made_text, maker_key
from annotator.core.suggest.cues import phrase_body

_START = compile_re(r"(?<![\w@])(?=\S)")  # where a phrase may begin: its guard, then no space
_TOKEN = compile_re(r"\S+")
_WORD_CHAR = compile_re(r"\w")
_ANY = None  # the trie key of `*`
_END = "end"
_NEXT = "next"
_MAKER = maker_key(__file__)  # this module's code, as imported: the key of the pattern texts it writes
ALTERNATION_UP_TO = 2000  # phrases in a group matched by one alternation; more go to the trie


_FOLDING = str.maketrans("iksIKS", "??????")  # letters with a non-ASCII case partner (ı, K, ſ, İ)


def token_key(token: str) -> str:
    """A key equal for any two tokens a case-insensitive pattern matches: ASCII letters lower-cased,
    and every character that may fold to or from another script's (i, k, s, any non-ASCII) as "?"."""
    if token.isascii():
        return token.lower().translate(_FOLDING)
    return "".join("?" if not ch.isascii() else ch for ch in token).lower().translate(_FOLDING)


def any_phrase_pattern(phrases: Iterable[str]) -> re.Pattern[str]:
    """A pattern that matches where any of the phrases matches (guards and case as phrase_pattern's),
    though not always with the phrase the longest-first alternation would choose there.

    The phrases' tokens are spelt out character by character in a trie (a space between tokens is
    `\\s+`, a `*` token is `\\S+`), so the regex engine follows only the characters that are there
    instead of trying every phrase at every position. The text is read from the pattern cache in a
    new process (pattern_cache.made_text).
    """
    phrases = list(phrases)
    return compile_re(made_text(_MAKER, phrases, lambda: _trie_pattern(phrases)), re.IGNORECASE)


def _trie_pattern(phrases: list[str]) -> str:
    trie: dict = {}
    for phrase in phrases:
        node = trie
        for position, token in enumerate(phrase.split()):
            keys = [_ANY] if token == "*" else list(token)
            for key in ([" "] if position else []) + keys:
                node = node.setdefault(key, {})
        node[_END] = {}
    return r"(?<![\w@])(?:" + _render(trie) + r")(?![\w])"


def _render(node: dict) -> str:
    ends = _END in node
    branches = [(r"\s+" if key == " " else r"\S+" if key is _ANY else re.escape(key)) + _render(child)
                for key, child in sorted(node.items(), key=lambda item: str(item[0])) if key != _END]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 and not ends else "(?:" + "|".join(branches) + ")"
    return body + "?" if ends else body


class PhraseMatcher:
    """The groups' phrases (category, confidence, phrases) in one trie; see the module."""

    def __init__(self, groups: Iterable[tuple[str, float, list[str]]], *,
                 alternation_up_to: int = ALTERNATION_UP_TO) -> None:
        self.groups: list[tuple[str, float]] = []
        self._alternations: dict[int, re.Pattern[str]] = {}
        self._finders: dict[int, re.Pattern[str]] = {}  # where a group's alternation will match
        self._phrases: list[str] = []
        self._patterns: dict[int, re.Pattern[str]] = {}
        self._root: dict = {}
        self._keys: dict[str, str] = {}  # token -> key, while the trie is built
        alternated: list[str] = []
        self._longest = 1
        for group, (category, confidence, phrases) in enumerate(groups):
            self.groups.append((category, confidence))
            bodies = sorted(((phrase_body(p), p) for p in phrases), key=lambda pair: len(pair[0]), reverse=True)
            if len(bodies) <= alternation_up_to:
                self._alternations[group] = compile_re(
                    r"(?<![\w@])(?:" + "|".join(body for body, _ in bodies) + r")(?![\w])", re.IGNORECASE)
                self._finders[group] = any_phrase_pattern(phrases)
                alternated += phrases
                continue
            for rank, (_body, phrase) in enumerate(bodies):
                self._add(group, rank, phrase)
        self._keys = {}
        self._any_finder = any_phrase_pattern(alternated)  # where the first phrase of any group is

    def _add(self, group: int, rank: int, phrase: str) -> None:
        tokens = phrase.split()
        index = len(self._phrases)
        self._phrases.append(phrase)
        node = self._root
        for position, token in enumerate(tokens):
            key = _ANY if token == "*" else self._keys.get(token) or self._keys.setdefault(token, token_key(token))
            if key is not _ANY:
                self._longest = max(self._longest, len(token))
            if position == len(tokens) - 1:
                node.setdefault((_END, key), []).append((group, rank, index))
            else:
                node = node.setdefault((_NEXT, key), {})

    def first_matches(self, text: str) -> list[re.Match[str] | None]:
        """For each group, in order, its first match in `text` (None where it has none)."""
        found: list[re.Match[str] | None] = [None] * len(self.groups)
        first = self._any_finder.search(text) if self._alternations else None
        for group, alternation in self._alternations.items() if first else ():
            where = self._finders[group].search(text, first.start())  # no group matches before
            found[group] = alternation.match(text, where.start()) if where else None
        if not self._root:
            return found
        spans = [(m.start(), m.end()) for m in _TOKEN.finditer(text)]
        starts = [s for s, _ in spans]
        missing = len(self.groups) - len(self._alternations)
        for start in _START.finditer(text):
            at = start.start()
            candidates = self._candidates(text, at, spans, bisect.bisect_right(starts, at) - 1)
            if not candidates:
                continue
            candidates.sort()
            for group, _rank, index in candidates:
                if found[group] is not None or group in self._alternations:
                    continue
                match = self._pattern(index).match(text, at)
                if match:
                    found[group] = match
                    missing -= 1
            if not missing:
                break
        return found

    def _candidates(self, text: str, at: int, spans: list[tuple[int, int]], chunk: int) -> list[tuple[int, int, int]]:
        """The phrases whose tokens fit the text's tokens from `at` (a superset of those that match)."""
        out: list[tuple[int, int, int]] = []
        nodes = [self._root]
        begin = at
        while nodes and chunk < len(spans):
            end = spans[chunk][1]
            token = text[begin:end]
            prefix_keys = self._prefix_keys(token)
            whole = token_key(token) if len(token) <= self._longest else "\0"
            following = []
            for node in nodes:
                for key in prefix_keys:
                    out.extend(node.get((_END, key), ()))
                out.extend(node.get((_END, _ANY), ()))
                for key in (whole, _ANY):
                    child = node.get((_NEXT, key))
                    if child is not None:
                        following.append(child)
            nodes = following
            chunk += 1
            begin = spans[chunk][0] if chunk < len(spans) else len(text)
        return out

    def _prefix_keys(self, token: str) -> set[str]:
        """The keys of the token's beginnings that a phrase's last token may match: those followed
        by no word character (the guard after a phrase), up to the lexicon's longest token."""
        keys = set()
        for length in range(1, min(len(token), self._longest) + 1):
            if length == len(token) or not _WORD_CHAR.match(token, length):
                keys.add(token_key(token[:length]))
        return keys

    def _pattern(self, index: int) -> re.Pattern[str]:
        pattern = self._patterns.get(index)
        if pattern is None:
            pattern = compile_re(r"(?<![\w@])(?:" + phrase_body(self._phrases[index]) + r")(?![\w])", re.IGNORECASE)
            self._patterns[index] = pattern
        return pattern
