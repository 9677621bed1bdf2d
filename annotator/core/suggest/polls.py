"""A share of a population saying or thinking something: a poll's finding, so a document (the guidelines:
a poll is a document), whoever the share is of.

"Seventy-one percent of Hispanics said …", "About 40% of Republicans say …", "A majority of Americans
believe …", "Six in 10 adults think …": the speaker the rules would read ("Hispanics" on the record,
"Republicans" as officials) is a poll's respondents, and goes. A number share ("40 percent of …")
speaks for a poll whatever follows it; "six in 10" or a word share ("half of", "a majority of",
"two-thirds of") only of a population ("voters", "Americans", "those surveyed"): "half of the 20
senators said" counts lawmakers, and keeps its reading. The poll is not named here: its name, where
the sentence gives it ("a Gallup poll found"), comes from the document frames.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from annotator.core.pattern_cache import compile_re
from annotator.core.suggest.hit import SPEAKERS, Hit

_HEDGE = (r"(?:(?:[Aa]bout|[Nn]early|[Aa]lmost|[Mm]ore\s+than|[Ll]ess\s+than|[Ff]ewer\s+than|[Oo]ver|[Rr]oughly|"
          r"[Aa]round|[Jj]ust|[Oo]nly|[Ss]ome|[Aa]t\s+least)\s+)?")
_NUMBER_SHARE = r"(?:\d+(?:[.,]\d+)?\s*(?:%|percent\b|per\s+cent\b)|[A-Za-z]+(?:-[a-z]+)?\s+(?:percent|per\s+cent)\b)"
_IN_TEN = (r"(?:[Oo]ne|[Tt]wo|[Tt]hree|[Ff]our|[Ff]ive|[Ss]ix|[Ss]even|[Ee]ight|[Nn]ine|\d)\s+(?:in|out\s+of)\s+"
           r"(?:every\s+)?(?:10|ten|[Ff]ive|5|[Ff]our|4|[Tt]hree|3)\b")
_WORD_SHARE = (r"(?:(?:[Aa]|[Tt]he)\s+(?:(?:large|slim|narrow|clear|small|solid|bare|growing)\s+)?"
               r"(?:majority|minority|plurality)|[Hh]alf|(?:[Oo]ne|[Tt]wo)[-\s](?:thirds?|quarters?|fifths?)|"
               r"[Tt]hree[-\s](?:quarters|fifths)|[Aa]\s+(?:third|quarter|fifth))")
# A population a poll samples; party members are left out ("A majority of House Democrats opposed the bill"
# is a vote), so are words before a population ("Senate Republicans")
_POPULATION = (r"(?:(?:(?:all|likely|registered|eligible|young|younger|older|white|Black|black|Hispanic|Latino)\s+)?"
               r"(?:voters|respondents|adults|Americans|people|citizens|residents|parents|teens|teenagers|women|men|"
               r"consumers|households)|those\s+(?:asked|surveyed|polled|questioned|interviewed)|"
               r"(?!Republicans|Democrats)[A-Z][a-z]+(?:ans|ics|ese|is))\b")
# What a share of respondents does: verbs only, none that is also a noun ("percent of emergency calls go",
# "of the claims were rejected" hold no poll)
_VERBS = (r"say|says|said|told|reported|believe|believes|believed|think|thinks|thought|support|supports|supported|"
          r"oppose|opposes|opposed|approve|approves|approved|disapprove|disapproves|disapproved|favou?r|favou?rs|"
          r"favou?red|back|backed|want|wants|wanted|trust|trusts|trusted|prefer|prefers|preferred|expect|expects|"
          r"expected|feel|feels|felt|agree|agrees|agreed|disagree|disagrees|disagreed|fear|fears|feared|worry|"
          r"worries|worried|blame|blames|blamed|view|views|viewed|consider|considers|considered")
_ADVERBS = r"(?:(?:also|still|now|already|would|will|do|did|not|strongly|somewhat)\s+)*"
_LEAD_WORDS = ("%", "cent", "majorit", "minorit", "pluralit", "half", "third", "quarter", "fifth")
_COUNTS = ("10", "ten", "five", "5", "four", "4", "three", "3")
_IN_N = compile_re(r"(?i)\b(?:in|out\s+of)\s+(?:every\s+)?(?:10|ten|five|5|four|4|three|3)\b")


def _may_hold_share(text: str) -> bool:
    """Whether a share of a population may be named ("percent", "a majority", "six in 10"): a test of
    substrings first, for most sentences hold none."""
    low = text.lower()
    return any(w in low for w in _LEAD_WORDS) or (any(c in low for c in _COUNTS) and _IN_N.search(text) is not None)


@dataclass(frozen=True)
class PollFrames:
    """The frame, compiled once."""

    frame: re.Pattern[str]

    @classmethod
    def compile(cls) -> PollFrames:
        # a word of the group: no verb, no pronoun, no article ("39 percent of these are rated" is no poll)
        word = (r"(?!(?:is|are|was|were|be|been|being|has|have|had|will|would|these|those|them|it|the|a|an|its|"
                r"their|his|her)\b)[\w'’-]+")
        share = (rf"{_HEDGE}{_NUMBER_SHARE}\s+of\s+(?:the\s+|all\s+)?(?:{word}\s+){{0,3}}?{word}"
                 rf"|{_HEDGE}{_WORD_SHARE}\s+of\s+(?:the\s+|all\s+)?{_POPULATION}"
                 rf"|{_HEDGE}{_IN_TEN}\s+(?:of\s+)?(?:the\s+|all\s+)?{_POPULATION}")
        return cls(compile_re(rf"(?<![\w-])(?P<share>{share})\s+{_ADVERBS}(?:{_VERBS})\b"))

    def apply(self, text: str, hits: list[Hit]) -> list[Hit]:
        """`hits` with the poll's document hit added and the share's speaker read by the rules gone."""
        if not _may_hold_share(text):
            return hits
        match = self.frame.search(text)
        if match is None:
            return hits
        start, end = match.span()
        kept = [h for h in hits if not (h.category in SPEAKERS and _within(text, h.cue, start, end))]
        if any(h.category == "document" for h in kept):
            return kept
        return kept + [Hit("document", match.group(0), 0.8, "")]


def _within(text: str, cue: str, start: int, end: int) -> bool:
    at = text.find(cue)
    return at >= 0 and at < end and at + len(cue) > start
