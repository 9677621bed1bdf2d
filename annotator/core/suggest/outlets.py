"""Outlets as sources beyond a named outlet before a reporting verb.

An outlet named by a common noun reports ("the broadcaster reported", "the Italian press said");
an outlet's own piece is its reporting, not a document ("The Journal's report said", "a story
published by the Daily Mail"); "the agency" and "the paper" mean the outlet named before them when
the last agency or paper the article mentioned was a news agency or a newspaper ("Yonhap news
agency reported …. The agency said …"), and an institution or a research paper otherwise.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from annotator.core.pattern_cache import compile_re
from annotator.core.suggest.frames import alternation

_PIECES = r"(?:reports?|story|stories|article|articles|investigation|piece|op-ed|editorial|broadcast|exposé|" \
          r"documentary|podcast|newsletter|column|interview)"
_REPORTING = r"(?:reported|reports|reporting|wrote|writes|published|revealed|quoted|cited|learned|obtained)"
DEICTIC_NOUNS = ("agency", "paper", "newspaper", "outlet", "broadcaster", "network", "website", "site",
                 "publication", "magazine", "daily", "tabloid", "channel")  # "the newspaper said": one named before
_DEICTIC = compile_re(  # "the paper reported", "according to the outlet"
    rf"(?:\b(?P<frame>[Aa]ccording\s+to|[Pp]er)\s+t|\b[Tt])he\s+(?P<noun>{'|'.join(DEICTIC_NOUNS)})(?:'s|’s)?"
    r"(?:,\s+[^,]{2,80},)?(?:\s+(?:(?:also|later|first|further|then)\s+)?(?P<verb>[a-z]+)\b)?")
_FRAME_END = compile_re(r"(?:'s|’s)?\s*(?:[,.;:)]|$)")  # "according to the outlet," ends there
_RESEARCH_PAPER = compile_re(r"\b(?:(?:a|an|their|his|her|its|research|white|scientific|academic|working)\s+"
                             r"(?:[\w-]+\s+)?papers?|papers?\s+(?:published|in\s+the\s+journal))\b")
_AGENCY = compile_re(r"\b(?:Agency|agency|agencies)\b")


@dataclass(frozen=True)
class OutletHit:
    """An outlet found as a source: the words that say so, the outlet, and the text it spans."""

    cue: str
    source: str
    start: int
    end: int


_NEWS_PRESS_BEFORE = compile_re(r"(?i:news|press)\s+$")
_THE_BEFORE = compile_re(r"\b[Tt]he\s+$")


class OutletFrames:
    """The outlet frames of one lexicon, compiled once; `outlet` is the rules' outlet pattern."""

    def __init__(self, words: dict[str, list[str]], outlet: str, speech: str, adverbs: str) -> None:
        nouns = alternation(words["outlet_nouns"])
        verbs = rf"(?:{speech}|{_REPORTING})"
        self.noun_subject_re = compile_re(
            rf"(?:^|(?<=[\s,;(]))(?P<subj>(?:[Tt]he|[Aa]n?|[Ii]ts|[Tt]heir)\s+(?:[\w'’-]+\s+){{0,3}}?{nouns})"
            rf"(?:'s|’s)?(?:\s+(?:[A-Z][\w-]*\s+)?(?:website|reporters?|correspondents?|journalists?|{_PIECES}))?"
            rf"\s+{adverbs}{verbs}\b")
        self.piece_re = compile_re(
            rf"\b{_PIECES}\s+(?:(?:first\s+|later\s+)?(?:published|aired|broadcast|run|carried|released)\s+)?"
            rf"(?:by|from|in|on)\s+(?P<outlet>{outlet})"
            rf"|(?P<owner>{outlet})(?:'s|’s|'|’)\s+(?:[A-Z]?[\w-]+\s+)?(?:{_PIECES}|correspondents?|reporters?)\b")
        self.news_agency_re = compile_re(rf"\b{alternation(words['news_agencies'], case=True)}\b|\b(?i:news\s+agenc)")
        self.newspaper_re = compile_re(rf"\b(?i:newspapers?)\b|{outlet}")
        self.verbs_re = compile_re(rf"^{verbs}$")
        self.piece_word_re = compile_re(rf"\b(?:{_PIECES}|correspondents?|reporters?)\b")

    def hits(self, text: str) -> list[OutletHit]:
        """Outlets that a common noun names as speaker, and outlets whose own piece is cited."""
        found = []
        for regex in (self.noun_subject_re, self.piece_re):
            if regex is self.piece_re and not self.piece_word_re.search(text):
                continue
            match = regex.search(text)
            if match:
                name = match.groupdict().get("outlet") or match.groupdict().get("owner") or ""
                found.append(OutletHit(match.group(0), name.strip(), match.start(), match.end()))
        return found

    def deictic(self, text: str, earlier: list[str]) -> OutletHit | None:
        """ "The agency said …" after a news agency, "the paper reported …" after a newspaper."""
        for match in _DEICTIC.finditer(text):
            if match.group("frame") and not _FRAME_END.match(text, match.end("noun")):
                continue  # "according to the network of activists", "per the site of the crash": no outlet
            if not match.group("frame") and not (match.group("verb") and self.verbs_re.match(match.group("verb"))):
                continue
            noun = match.group("noun")
            unnamed = None
            for before in reversed(earlier):
                outlet = self._referent(before, noun)
                if outlet is None:
                    continue
                if not outlet[0]:  # the last such mention is no news outlet ("the agency" of a ministry)
                    return unnamed
                unnamed = OutletHit(match.group(0), outlet[1], match.start(), match.end())
                if outlet[1]:
                    return unnamed
                # "the newspaper" again: read on back to where it was named
            if unnamed is not None:
                return unnamed
        return None

    def _referent(self, text: str, noun: str) -> tuple[bool, str] | None:
        """Whether the last agency (or paper) `text` mentions is a news outlet, with its name when the text
        gives one ("Reuters"; "" for "the news agency"); None if it names none."""
        if noun == "agency":
            mentions = [(m.start(), True, m.group(0)) for m in self.news_agency_re.finditer(text)]
            mentions += [(m.start(), False, "") for m in _AGENCY.finditer(text)
                         if not _NEWS_PRESS_BEFORE.search(text[max(0, m.start() - 6): m.start()])
                         and not _THE_BEFORE.search(text[max(0, m.start() - 4): m.start()])]
        else:
            mentions = [(m.start(), True, m.group(0)) for m in self.newspaper_re.finditer(text)]
            mentions += [(m.start(), False, "") for m in _RESEARCH_PAPER.finditer(text)]
        if not mentions:
            return None
        at, news, name = max(mentions)
        if news and not name[:1].isupper():  # "The Telegraph newspaper": the name just before the word
            named = [(a, n) for a, kind, n in mentions if kind and n[:1].isupper() and a < at
                     and text[a + len(n): at].strip() == ""]
            name = named[-1][1] if named else ""
        return news, name
