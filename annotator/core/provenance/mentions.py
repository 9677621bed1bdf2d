"""Outlets named in a sentence: by a name the alias list or the project knows, by a name that looks like
an outlet's ("Lakeshore Gazette", "Channel 9 News"), by a name before an outlet kind ("the al-Arabiya
channel"), or by a phrase that points back ("the paper", "the outlet", "the agency").

Finding a name says nothing about relaying; edges.py decides that from the words around it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from annotator.core.provenance.aliases import OutletBook
from annotator.core.suggest.cues import Lexicon
from annotator.core.suggest.frames import alternation

_LEADING = frozenset("""The A An In On At But And However This That It As When While After Also Then Of For
By To From With According Per Citing Quoting Like Unlike Both Meanwhile Later Earlier""".split())
DEICTIC_NOUNS = ("paper", "newspaper", "outlet", "agency", "news agency", "broadcaster", "network", "site",
                 "website", "magazine", "channel", "daily", "publication", "tabloid", "wire service")
_NOT_ALONE = frozenset({"Vice", "Insider", "Fox", "Mirror"})  # "Vice President …", "an Insider …", a surname
# Outlet words that are also surnames: "X Post" names an outlet only as "the X Post" (or longer).
_SURNAME_WORDS = frozenset("""Post Star Sun Mail Press Globe Mirror Express Monitor Reporter Observer Examiner
Independent Sentinel Dispatch Courier Bulletin Inquirer""".split())
_CONTINUED = re.compile(r"\s+[A-Z][a-z]")
_KINDS = r"(?:channel|television|TV|radio|newspaper|daily|broadcaster|news\s+agency|magazine)"
# Words one of which a sentence must hold for a pattern to be worth running there (a substring test
# costs far less than a regex scan, and most sentences name no outlet).
_KIND_WORDS = ("channel", "television", "TV", "radio", "newspaper", "daily", "broadcaster", "agency", "magazine")


@dataclass(frozen=True)
class Mention:
    """An outlet named at text[start:end]: `name` as written (None for "the paper" and the like)."""

    start: int
    end: int
    name: str | None
    how: str  # "named", "looks", "kind", "deictic"


def _alternation(names: list[str]) -> str:
    """Any of the names, case as written, the longest that fits first (a trie: see frames.alternation)."""
    return alternation(names, case=True)


class MentionFinder:
    """The patterns of one outlet book and lexicon, compiled once."""

    def __init__(self, book: OutletBook, lexicon: Lexicon) -> None:
        words = lexicon.words
        known = sorted(set(book.names()) | set(words["outlets"]), key=lambda n: (-len(n), n))
        known = [n for n in known if len(n) > 1 and n not in _NOT_ALONE]
        self._named = re.compile(rf"(?<![\w@#/.-])(?:[Tt]he\s+)?(?P<name>{_alternation(known)})(?![\w-])")
        after = sorted(book.after_spellings(), key=len, reverse=True)
        self._after_re = (re.compile(rf"(?<![\w-])(?:[Tt]he\s+)?(?P<name>{_alternation(after)})(?![\w-])")
                          if after else None)
        self._after_words = tuple({a.split()[0] for a in after if a.split()})
        outlet_words = sorted(words["outlet_words"], key=len, reverse=True)
        self._looks = re.compile(
            rf"(?<![\w-])(?P<name>(?:[A-Z][\w'’.&-]*\s+|\d+\s+){{1,4}}(?:{_alternation(outlet_words)}))(?![\w-])")
        self._kind = re.compile(
            rf"\b(?:told|tells|tell|telling|to|with|according\s+to)\s+(?:the\s+)?"
            rf"(?P<name>(?:[\w'’.-]+\s+){{0,2}}?[\w'’.-]+)\s+{_KINDS}\b")
        nouns = "|".join(n.replace(" ", r"\s+") for n in DEICTIC_NOUNS)
        self._deictic = re.compile(rf"\b[Tt]he\s+(?P<noun>{nouns})(?:'s|’s)?\b")
        self._deictic_words = tuple({n.split()[0] for n in DEICTIC_NOUNS})

    def find(self, text: str) -> list[Mention]:
        """The outlets a sentence names, in order, none overlapping (a known name wins)."""
        found: list[Mention] = []
        taken: list[tuple[int, int]] = []

        def add(start: int, end: int, name: str | None, how: str) -> None:
            if any(start < e and end > s for s, e in taken):
                return
            taken.append((start, end))
            found.append(Mention(start, end, name, how))

        for match in self._named.finditer(text):
            add(match.start(), match.end(), match.group("name"), "named")
        for match in self._looks.finditer(text):
            words = match.group("name").split()
            cut = 0
            while cut < len(words) - 1 and words[cut] in _LEADING:
                cut += 1
            if len(words) - cut < 2 or _CONTINUED.match(text, match.end()):
                continue  # "White House Press Secretary": the name goes on, it is not an outlet's
            name = " ".join(words[cut:])
            start = match.start() + match.group(0).index(words[cut])
            if (words[-1] in _SURNAME_WORDS and len(words) - cut == 2
                    and not re.search(r"\b[Tt]he\s+$", text[max(0, start - 4): start])):
                continue  # "Emily Post said": a person, unless "the Denver Post"
            add(start, match.end(), name, "looks")
        if self._after_re is not None and _holds_any(text, self._after_words):
            for match in self._after_re.finditer(text):
                add(match.start(), match.end(), match.group("name"), "after")
        if _holds_any(text, _KIND_WORDS):
            for match in self._kind.finditer(text):
                name = match.group("name")
                if name[:1].isupper() or name.lower().startswith(("al-", "el-")):
                    add(match.start("name"), match.end("name"), name, "kind")
        if _holds_any(text, self._deictic_words):
            for match in self._deictic.finditer(text):
                add(match.start(), match.end(), None, "deictic")
        return sorted(found, key=lambda m: m.start)


def _holds_any(text: str, words: tuple[str, ...]) -> bool:
    return any(word in text for word in words)
