"""Words of a sentence as claim terms: folded, stemmed, mapped onto news synonyms; names and numbers marked.

The word lists live in resources/claims/synonyms.json so they can be read and extended without code;
news_words.py adds places, titles, verbs and number words. A capitalised word inside a sentence is a
name: it meets only the proper-noun groups ("Moscow" is Russia, but "Cyber Command" is not an
order), and lower-case "us" is the pronoun, not the country.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from annotator.core.claims import news_words
from annotator.core.resources import resources_dir

_WORD = re.compile(r"\d+(?:[.,]\d+)+|[^\W_]+(?:['’][^\W_]+)*")
_APOSTROPHE_S = re.compile(r"['’]s$")


@dataclass(frozen=True)
class Term:
    """One term of a sentence; `name` when written with a capital inside the sentence, `number` for digits."""

    text: str
    name: bool = False
    number: bool = False


_UNDECOMPOSED = str.maketrans({"ø": "o", "Ø": "O", "æ": "ae", "Æ": "Ae", "œ": "oe", "Œ": "Oe", "ł": "l",
                               "Ł": "L", "đ": "d", "Đ": "D", "ð": "d", "þ": "th", "ı": "i"})


def fold(text: str) -> str:
    """Lower case without accents: "Zürich" → "zurich", "Thorbjørn" → "thorbjorn"."""
    decomposed = unicodedata.normalize("NFKD", text).translate(_UNDECOMPOSED)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def stem(word: str) -> str:
    """A light English suffix stripper: enough to meet "paused", "pauses", "pausing" at "paus"."""
    if len(word) <= 3 or word.isdigit():
        return word
    if len(word) >= 7:  # British -ise spellings meet American -ize ones
        word = re.sub(r"is(e|ed|es|ing|ation|ations)$", r"iz\1", word)
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
    proper: frozenset[str]  # group names a capitalised word may be read as


def _stems(entry: str) -> tuple[str, ...]:
    return tuple(stem(w) for w in _WORD.findall(fold(entry).replace("-", " ")))


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    data = json.loads((resources_dir() / "claims" / "synonyms.json").read_text(encoding="utf-8"))
    words: dict[str, str] = {}
    phrases: dict[tuple[str, ...], str] = {}
    proper_groups = news_words.PLACES + news_words.INSTITUTIONS + news_words.TITLES
    proper = {"_".join(_stems(group[0])) for group in proper_groups} | {"pentagon"}
    groups = data["synonyms"] + proper_groups + news_words.VERBS
    for group in groups:
        name = "_".join(_stems(group[0]))
        for entry in group:
            stems = _stems(entry)
            if len(stems) == 1:
                words.setdefault(stems[0], name)
            elif stems:
                phrases.setdefault(stems, name)
    stopwords = frozenset(data["stopwords"]) | frozenset(news_words.STOPWORDS)
    return Lexicon(stopwords, data["numbers"], words, phrases, max((len(p) for p in phrases), default=1),
                   frozenset(proper))


def _number_words(words: list[tuple[str, bool]]) -> list[tuple[str, bool]]:
    """Runs of two or more number words as one digit string: "two hundred and thirty eight" → "238"."""
    units, scales = news_words.UNITS, news_words.SCALES
    result: list[tuple[str, bool]] = []
    i = 0
    while i < len(words):
        j, total, current = i, 0, 0
        while j < len(words):
            word = words[j][0]
            if word in units:
                current += units[word]
            elif word == "hundred":
                current = (current or 1) * 100
            elif word in scales:
                total, current = total + (current or 1) * scales[word], 0
            elif not (word == "and" and j > i and j + 1 < len(words) and words[j + 1][0] in units):
                break
            j += 1
        if j - i >= 2 or (j - i == 1 and words[i][0] in scales):
            result.append((str(total + current), False))
            i = j
        else:
            result.append(words[i])
            i += 1
    return result


def _raw_words(text: str) -> list[tuple[str, bool]]:
    """(folded word, capitalised inside the sentence) in order; possessive 's dropped."""
    raw = [_APOSTROPHE_S.sub("", m.group()) for m in _WORD.finditer(text.replace("-", " "))]
    found = []
    for position, word in enumerate(raw):
        if word == "us":  # the pronoun; the country is written US or U.S.
            continue
        capital = position > 0 and word[:1].isupper()
        folded = fold(word).replace("’", "'")
        prefix = next((p for p in news_words.PREFIXES if folded.startswith(p) and len(folded) > len(p) + 2), None)
        if prefix:
            found.extend([(prefix, capital), (folded[len(prefix):], False)])
        else:
            found.append((folded, capital))
    return _number_words(found)


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
                result.append(Term(group, name=any(capital for _, capital in words[i:i + size])))
                i += size
                break
        else:
            word, capital = words[i]
            if word not in lex.stopwords:
                text_ = stems[i]
                number = text_[:1].isdigit()
                group = lex.words.get(text_, text_)
                if capital and group not in lex.proper:
                    group = text_
                result.append(Term(group, name=capital and not number, number=number))
            i += 1
    return result
