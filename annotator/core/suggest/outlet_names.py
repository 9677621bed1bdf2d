"""Outlets named in a sentence: the outlet pattern of one lexicon (a known outlet, "the X Times", an
agency named in its own language), and the frames in which a named outlet reports or is told
something ("Reuters reported", "told Bloomberg", "remarks to state television", "reported by The
Record"). The rules read them; a deictic outlet ("the newspaper said") is outlets.py's.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from annotator.core.pattern_cache import compile_re
from annotator.core.suggest import sources
from annotator.core.suggest.frames import alternation as _alt
from annotator.core.suggest.hit import Hit
from annotator.core.suggest.outlets import OutletFrames, OutletHit
from annotator.core.suggest.speakers import ADVERBS, CAP

# What comes before an outlet that relays speech: "told X", "reported by The Record", "said on CNN's State
# of the Union", "a memo obtained by CNN"; not "published by The Lancet" (a journal's paper) nor "the news
# appeared on the BBC".
_RELAY_END = compile_re(r"(?:interview|remarks|statement|speaking|spoke|comments?|told|according|reported|said|"
                        r"says|obtained|seen|reviewed|appearing|appearance|writing|wrote|writes)\s+\S*\s*$")
_NOT_OUTLET_WORDS = r"(?:on|in|at|by|for|from|this|that|its|his|her|their|our|my|your|a|an)"  # "on its website"
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"  # "the newspaper Monday": no name
_AGENCY = r"(?:Ag[êe]ncia|Agencia|Agence|Agenzia|Agentstvo|Agentur)"  # a news agency named in its own language


class OutletNames:
    """The outlet patterns of one lexicon, compiled once (`speech` and `media` are the rules' patterns)."""

    def __init__(self, w: dict[str, list[str]], speech: str, media: str) -> None:
        self.names = _alt(w["outlets"], case=True)
        outlet_word = _alt(w["outlet_words"], case=True)
        outlet_generic = (rf"(?:the\s+)?(?:{CAP}\s+){{0,4}}{outlet_word}\b"
                          r"(?:\s+of\s+(?:the\s+)?[A-Z][a-z]+\b)?"
                          rf"|{_AGENCY}\s+{CAP}(?:[\s-]+{CAP})?")  # "Agência Estado", "Agencia Andina"
        # every outlet starts with a capital, a digit or "the": the lookahead skips other positions fast
        self.pattern = rf"(?=[A-Z\d]|the\s)(?:(?:the\s+)?{self.names}(?![\w-])|{outlet_generic})"
        self.outlet_re = compile_re(self.pattern)
        outlet_kinds = _alt(w["outlet_kinds"], case=True)  # "told X television": what follows a name
        self.media_word_re = compile_re(rf"\b{_alt(w['outlet_kinds'] + w['media_words'])}\b")
        # "state news agency TASS", "the Russian daily Kommersant": a kind of outlet, then its name
        self.kind_named_re = compile_re(
            rf"(?:the\s+)?(?:(?!{_NOT_OUTLET_WORDS}\s)[\w'’-]+\s+){{0,3}}?"
            rf"{_alt(w['outlet_kinds'] + w['media_words'], case=True)}"  # as written: "the Daily Mail" is a name
            rf"\s+(?!{_WEEKDAY}\b)(?P<outlet>{CAP}(?:\s+{CAP}){{0,3}})")
        self.frames = OutletFrames(w, self.pattern, speech, ADVERBS)
        self.media_relay_re = compile_re(
            r"\b(?:remarks|interview|told|telling|speaking|spoke|statement|comments?)\s+(?:to|with)?\s*"
            rf"(?:the\s+)?(?P<outlet>(?:(?!{_NOT_OUTLET_WORDS}\s)[\w'’.-]++\s+){{1,3}}"
            rf"{outlet_kinds})\b")  # "remarks to state television", not "a statement on its website"
        self.told_outlet_re = compile_re(
            rf"\b(?:told|telling|tells|to|with|in|on|by|from|per|for)\s+(?P<outlet>{self.pattern})"
            rf"(?:\s+(?:{media}))?", re.UNICODE)
        reporting = _alt(w["reporting_words"], case=True)  # "Reuters reported", "the BBC's analysis"
        self.outlet_frame_re = compile_re(
            rf"(?P<outlet>{self.pattern})(?:'s|’s)?(?:\s+{media})?"
            r"(?:,\s+(?:citing|quoting|which|who|a|an|the|its)\b[^,“”]{2,80},)?"  # "The Record, citing sources,"
            rf"\s+{ADVERBS}(?:[a-z]+\s+)?"
            rf"(?:(?:first\s+)?(?:{reporting}|{speech})|was\s+(?:the\s+)?first\s+to\s+report)\b")

    def mentioned(self, text: str) -> bool:
        """Whether the sentence names an outlet or a kind of media at all (the frames are read only then)."""
        return bool(self.outlet_re.search(text) or self.media_word_re.search(text))

    def hits(self, text: str) -> list[Hit]:
        """The outlet reporting or told something, one a frame, the first that holds."""
        out = []
        frames = ((self.outlet_frame_re, 0.9), (self.media_relay_re, 0.85), (self.told_outlet_re, 0.8))
        for regex, confidence in frames:
            for match in regex.finditer(text):
                name = match.group("outlet")
                if regex is self.told_outlet_re and not _relay_before(text, match.start()):
                    continue
                if _is_person_affiliation(text, match.start()):
                    continue
                out.append(Hit("other_outlet", match.group(0), confidence, sources.clean(name)))
                break
        return out

    @staticmethod
    def over(text: str, hits: list[Hit], outlets: list[OutletHit], classify: Callable[[str], str | None]) -> list[Hit]:
        """The outlets as sources, and no document or institution read in the same words: an outlet's
        report is its reporting, "the Xinhua news agency said" is the outlet speaking."""
        def covered(hit: Hit) -> bool:
            at = text.find(hit.cue)
            return at >= 0 and any(at < o.end and o.start < at + len(hit.cue) for o in outlets) and (
                hit.category == "document" or hit.category == "on_record" and (
                    not hit.source or classify(hit.source.split(",")[0]) == "other_outlet"))
        named = any(o.source for o in outlets)  # "The newspaper said" with the paper named before: that one
        kept = [h for h in hits if not covered(h) and not (named and h.category == "other_outlet" and not h.source)]
        return kept + [Hit("other_outlet", o.cue, 0.85, sources.clean(o.source)) for o in outlets]


def _relay_before(text: str, at: int) -> bool:
    """Speech given to an outlet: "told Bloomberg", "remarks to X television", "an interview with X"."""
    before = text[max(0, at - 60): at + 12].lower()
    word = text[at:].split(None, 1)[0].lower()
    if word in {"told", "telling", "tells", "per"}:
        return True
    lead = before[: before.rfind(" " + word) + 1] if (" " + word) in before else before
    return bool(_RELAY_END.search(lead))


_AT_OF_BEFORE = compile_re(r"\b(?:at|of)\s+$")


def _is_person_affiliation(text: str, at: int) -> bool:
    """ "editor at large at the Saudi Gazette": the outlet employs the speaker, it relays nothing."""
    return bool(_AT_OF_BEFORE.search(text[max(0, at - 4): at]))
