"""Words of a sentence as claim terms: folded, stemmed, mapped onto news synonyms; names and numbers marked.

The word lists live in resources/claims/synonyms.json so they can be read and extended without code.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from annotator.core.resources import resources_dir

_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*|\d+(?:[.,]\d+)*")
_APOSTROPHE_S = re.compile(r"['’]s$")


@dataclass(frozen=True)
class Term:
    """One term of a sentence; `name` when written with a capital inside the sentence, `number` for digits."""

    text: str
    name: bool = False
    number: bool = False


def fold(text: str) -> str:
    """Lower case without accents: "Zürich" → "zurich"."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def stem(word: str) -> str:
    """A light English suffix stripper: enough to meet "paused", "pauses", "pausing" at "paus"."""
    if len(word) <= 3 or word.isdigit():
        return word
    for suffix, replacement in (("ies", "y"), ("ied", "y"), ("sses", "ss"), ("ing", ""), ("ed", ""),
                                ("es", ""), ("s", ""), ("ly", "")):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3 and not word.endswith("ss"):
            word = word[: -len(suffix)] + replacement
            break
    if len(word) > 3 and word[-1] == word[-2] and word[-1] not in "lsz":
        word = word[:-1]
    if len(word) > 3 and word.endswith("e"):
        word = word[:-1]
    return word


@dataclass(frozen=True)
class Lexicon:
    stopwords: frozenset[str]
    numbers: dict[str, str]
    words: dict[str, str]  # stem → synonym group name
    phrases: dict[tuple[str, ...], str]  # stems of a phrase → group name
    longest_phrase: int


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    data = json.loads((resources_dir() / "claims" / "synonyms.json").read_text(encoding="utf-8"))
    words: dict[str, str] = {}
    phrases: dict[tuple[str, ...], str] = {}
    for group in data["synonyms"]:
        name = stem(fold(group[0]))
        for entry in group:
            stems = tuple(stem(w) for w in _WORD.findall(fold(entry).replace("-", " ")))
            if len(stems) == 1:
                words.setdefault(stems[0], name)
            elif stems:
                phrases.setdefault(stems, name)
    return Lexicon(frozenset(data["stopwords"]), data["numbers"], words, phrases,
                   max((len(p) for p in phrases), default=1))


def _raw_words(text: str) -> list[tuple[str, bool]]:
    """(folded word, capitalised inside the sentence) in order; possessive 's dropped."""
    found = []
    for position, match in enumerate(_WORD.finditer(text.replace("-", " "))):
        word = _APOSTROPHE_S.sub("", match.group())
        capital = position > 0 and word[:1].isupper()
        found.append((fold(word).replace("’", "'"), capital))
    return found


def terms(text: str) -> list[Term]:
    """The claim terms of a sentence, in order (repeats kept); stopwords dropped, synonyms merged."""
    lex = lexicon()
    words = _raw_words(text)
    stems = [stem(lex.numbers.get(w, w).replace(",", "")) for w, _ in words]
    result: list[Term] = []
    i = 0
    while i < len(words):
        for size in range(min(lex.longest_phrase, len(words) - i), 1, -1):
            group = lex.phrases.get(tuple(stems[i:i + size]))
            if group is not None:
                result.append(Term(group))
                i += size
                break
        else:
            word, capital = words[i]
            if word not in lex.stopwords:
                text_ = stems[i]
                number = text_[:1].isdigit()
                result.append(Term(lex.words.get(text_, text_), name=capital and not number, number=number))
            i += 1
    return result
