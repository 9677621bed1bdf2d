"""Unnamed groups of people speaking: a quantifier standing for people, alone or before a people's name.

"Many feel that …", "some saw it as …", "Many pointed to …", "not everyone believes …", "Many Russians
believe …", "Many who saw him say …", "those closest to him say …": unnamed, with no official role, so
anonymous non-official (the guidelines), the source the group as written. A people's name after a
quantifier is no named source, so the on-record reading of "Russians" goes. A quantifier before a
number ("Some 300 people") or a noun ("Most of the ballots") and one whose verb is no speech ("Many
died") speaks for nobody.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from annotator.core.pattern_cache import compile_re
from annotator.core.suggest import sources
from annotator.core.suggest.hit import UNNAMED, Hit
from annotator.core.suggest.word_gate import WordGate

QUANTIFIER_WORDS = frozenset({"many", "some", "most", "few", "several"})  # an unnamed group's source
_QUANTIFIER = (r"(?:[Mm]any|[Ss]ome|[Mm]ost|[Ff]ew|[Ss]everal|[Nn]ot\s+everyone|[Nn]ot\s+all|[Mm]any\s+others|"
               r"[Tt]hose\s+(?:closest|close|nearest)\s+to\s+(?:him|her|them|the\s+[\w-]+))")
_WHO = r"(?:\s+who(?:\s+[\w'’-]+){1,4}?)?"  # "Many who saw him recently say"
_PEOPLE = r"[A-Z][a-z]+(?:ans|ians|ese|is|ers|ites|ards|ks|ns)"  # "Russians", "Chinese", "Israelis", "Kurds"
# beliefs and views besides the lexicon's speech verbs: a group's view is how it is reported
_VIEWS = (r"feel|felt|think|thought|fear|feared|worry|worried|wonder|wondered|agree|agreed|disagree|"
          r"disagreed|doubt|doubted|question|questioned|complain|complained|blame|blamed|"
          r"(?:see|saw|view|viewed|regard|regarded)\s+(?:it|this|that|them|him|her|the\s+\w+)\s+as|"
          r"point(?:ed)?\s+to")
_ADVERBS = r"(?:(?:also|still|even|now|already|have|had|would|will|clearly|privately|openly)\s+)*"
_LEAD = compile_re(rf"(?:^|[\s,;:(])(?:{_QUANTIFIER})\s")  # the cheap test before the frame
_GATE = WordGate(["many", "some", "most", "few", "several", "not", "those"])  # the cheaper one before it


@dataclass(frozen=True)
class GroupFrames:
    """The frame, compiled with the lexicon's speech verbs."""

    frame: re.Pattern[str]

    @classmethod
    def compile(cls, speech: str) -> GroupFrames:
        return cls(compile_re(
            rf"(?:^|(?<=[\s,;:(]))(?P<np>{_QUANTIFIER}(?:\s+{_PEOPLE})?){_WHO}\s+{_ADVERBS}"
            rf"(?P<verb>{speech}|{_VIEWS})\b(?!\s+(?:by|to|for)\b)"))  # "agreed to sell", "feared for"

    def apply(self, text: str, hits: list[Hit]) -> list[Hit]:
        """`hits` with a quantified group's hit added; an on-record hit read in the group's words goes."""
        if not _GATE.open(text) or not _LEAD.search(text):
            return hits
        match = self.frame.search(text)
        if match is None or sources.quoted(text, match.start()):
            return hits  # "“Many feel abandoned,” the mayor said": the mayor's words
        verb = match.group("verb").split()[0]
        if verb.endswith("s") and not verb.endswith("ss") and not match.group("np").lower().startswith("not every"):
            return hits  # "voters in some states": a plural takes "say", so "states" is a noun
        np = " ".join(match.group("np").split())
        if any(h.category in UNNAMED and np.split()[-1] in h.cue for h in hits):
            return hits  # "most Republicans had argued": read already, as lawmakers
        kept = [h for h in hits if not (h.category == "on_record" and h.cue in match.group(0))]
        return kept + [Hit("anonymous_other", match.group(0), 0.75, np)]
