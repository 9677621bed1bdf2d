"""Speaker frames beyond a capitalised subject before a speech verb.

An institution named by a common noun speaks on the record ("the ministry said", "the regional
government insists"); a speaker can introduce a quote with a colon ("Transport Secretary Ian Moss:
“…”"). Both only find who speaks; classifying a named subject stays with the rules.
"""

from __future__ import annotations

import re
from functools import lru_cache

from annotator.core.pattern_cache import compile_re, made_text, maker_key

_MAKER = maker_key(__file__)  # this module's code, as imported: the key of the pattern texts it writes


def alternation(words: list[str], *, case: bool = False) -> str:
    """A pattern matching any of the words (a space matching any run of spaces), the longest that fits
    first; case-sensitive when `case` (names, lower-case verbs).

    Written as a trie of the words' characters, "(?:s(?:aid|ays)|told)", not a list of alternatives:
    Python's `re` tries a list's alternatives one by one at every position, a trie follows only the
    characters that are there. Siblings start with different characters and a longer word is tried
    before the shorter one it extends, so the match is the one the longest-first list gives.
    """
    return _alternation(tuple(words), case)


@lru_cache(maxsize=64)
def _alternation(words: tuple[str, ...], case: bool) -> str:
    """alternation()'s pattern, made once a process for each list (the rules and the learned detector
    ask for the same speech verbs and outlets), and read from the pattern cache in a new process."""
    return made_text(_MAKER, (str(case), *words), lambda: _trie_pattern(words, case))


def _trie_pattern(words: tuple[str, ...], case: bool) -> str:
    trie: dict = {}
    for word in {" ".join(w.split()) if case else " ".join(w.lower().split()) for w in words if w.strip()}:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}
    body = _render(trie)
    return f"(?:{body})" if case else f"(?i:{body})"


_ESCAPED = {" ": r"\s+", **{c: re.escape(c) for c in "()[]{}?*+-|^$\\.&~#\t\n\r\v\f"}}  # as re.escape


def _render(node: dict) -> str:
    ends = "" in node
    branches = [_ESCAPED.get(char, char) + _render(child)
                for char, child in sorted(node.items()) if char]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 and not ends else "(?:" + "|".join(branches) + ")"
    return body + "?" if ends else body


def institution_pattern(institutions: list[str], speech: str, adverbs: str) -> re.Pattern[str]:
    """ "the city argued", "The regional government, which runs the schools, insists": an institution speaks
    ("the way Ukrainian society has responded" is a manner, no institution speaking)."""
    return compile_re(
        rf"(?:^|(?<=[\s,;:(]))(?P<subj>(?:[Tt]he|[Ii]ts|[Tt]heir|[A-Z][\w.-]*(?:'s|’s))\s+(?!way\s)"  # "Russia's watchdog"
        rf"(?:(?!(?:a|an|beneath|under|above|below|near|behind|inside|outside|around)\s)[\w.'’-]+\s+){{0,3}}?"
        rf"{alternation(institutions)})(?:(?:'s|’s)(?:\s+(?:statement|announcement))?)?(?:,\s+[^,“”]{{2,80}},)?"
        rf"\s+{adverbs}(?:{speech})\b")  # "the ministry's statement said": the ministry speaking


def colon_quote_pattern(name: str) -> re.Pattern[str]:
    """ "Transport Secretary Ian Moss: “…”": a name, maybe a title after a comma, a colon, a quote."""
    return compile_re(rf"(?:^|(?<=[.;]\s))(?P<subj>{name}(?:,\s+[^,:“”\"]{{2,80}})?)\s*:\s*[“\"‘]")


def institution_source(subject: str) -> str:
    """A capitalised institution keeps its name ("the Home Office"); a common noun names nobody."""
    words = subject.split()[1:]
    return " ".join(words) if any(w[:1].isupper() for w in words) else ""
