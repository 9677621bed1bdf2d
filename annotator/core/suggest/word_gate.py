"""Cheap word checks before costly patterns.

A pattern that cannot match without one of some words (a document noun, a platform's name) need not
run on a sentence that holds none of them, and most sentences hold none: a lookup in the sentence's
set of words costs far less than a search. The check only ever skips a search that would have found
nothing, so it must never say "absent" of a word the pattern would match:

- words are compared as runs of letters, case folded, as a case-insensitive pattern compares them
  (the dotted and dotless i, which such a pattern takes for an i, are read as one);
- a gated pattern must match each of its words as whole runs of letters: with no letter right before
  the word, nor right after it ("memo" is gated on the run "memo", so "memorandum" needs its own
  word, and a plural "s" the pattern allows is a word of its own: `plural`).

The sentence's words are computed once, however many gates ask (the words of the last few hundred
sentences are kept: an article's are read once before its sentences are, and once with each).
"""

from __future__ import annotations

from collections.abc import Iterable

from annotator.core.pattern_cache import compile_re

_LETTERS = compile_re(r"[^\W\d_]+")
_DOTS = str.maketrans({"ı": "i", "İ": "i"})  # a case-blind pattern's i ("İ".casefold() is "i" and a dot)
_KEPT = 512  # sentences whose words are kept
_kept: dict[str, frozenset[str]] = {}


def letter_runs(text: str) -> list[str]:
    """The runs of letters of `text`, case folded ("U.S. officials" → ["u", "s", "officials"])."""
    return _LETTERS.findall((text if text.isascii() else text.translate(_DOTS)).casefold())


def sentence_words(text: str) -> frozenset[str]:
    """The set of the sentence's letter runs, computed once for a sentence asked about again soon."""
    found = _kept.get(text)
    if found is None:
        if len(_kept) >= _KEPT:
            _kept.clear()  # (another thread reading meanwhile only computes its words again)
        found = _kept[text] = frozenset(letter_runs(text))
    return found


class WordGate:
    """Opens on a sentence that holds the first letter run of any of the words (or of one with an "s"
    added, for a one-run word, when `plural`). A word without letters keeps the gate always open."""

    def __init__(self, *word_lists: Iterable[str], plural: bool = False) -> None:
        keys: set[str] | None = set()
        for word in (w for words in word_lists for w in words):
            runs = letter_runs(word)
            if not runs:
                keys = None
                break
            keys.add(runs[0])
            if plural and len(runs) == 1:
                keys.add(runs[0] + "s")
        self.keys = frozenset(keys) if keys is not None else None

    def open(self, text: str) -> bool:
        """Whether a pattern over the words may match `text` (False only where it cannot)."""
        return self.keys is None or not self.keys.isdisjoint(sentence_words(text))
