"""A clause's subject speaking through a participle: "U.S. President Donald Trump is defending his move to
fire the director, saying …", "Judge Ana Ruiz gave a lengthy response, saying …". The speaker is the
name opening the sentence, not the noun just before ", saying" (rules.Rules skips that one). Only a
sentence that names no speaker otherwise is read so: "Interior Ministry officials said …, adding …"
already has its speaker.
"""

from __future__ import annotations

from collections.abc import Callable

from annotator.core.pattern_cache import compile_re
from annotator.core.suggest.hit import SPEAKERS, Hit
from annotator.core.suggest.speakers import CAP

_SAYING = compile_re(
    rf"^\s*(?!(?:A|An|The|This|That|It|In|On|At|After|But|And)\s)(?P<subj>(?:[A-Z][\w.'’-]*\s+){{0,4}}{CAP})"
    rf"\s+(?!said\b|says\b)[a-z]\w*\b[^.;:“”\"]{{0,150}}?,\s+"
    rf"(?:saying|adding|arguing|insisting|noting|warning|claiming|stating|explaining)\b")
_PARTICIPLES = (", saying", ", adding", ", arguing", ", insisting", ", noting", ", warning", ", claiming",
                ", stating", ", explaining")


class ClauseSubjects:
    """The frame, with the rules' way of reading a named subject (`named`: subject, apposition, cue)."""

    def __init__(self, named: Callable[[str, str | None, str], Hit | None]) -> None:
        self._named = named

    def saying(self, text: str, found: list[Hit]) -> list[Hit]:
        """The clause's subject as the speaker, when the sentence names no other."""
        if any(h.category in SPEAKERS for h in found) or not any(p in text for p in _PARTICIPLES):
            return []
        match = _SAYING.match(text)
        hit = self._named(match.group("subj"), None, match.group(0)) if match else None
        return [hit] if hit else []
