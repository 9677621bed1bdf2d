"""A speaker given as a description and a name side by side: one named speaker, the description their title.

"A spokesman for the ministry, John Doe, said …", "Chad's communications minister, Moussa Doumgor,
says", "A Defense Department spokesman (Bryan Whitman) called …" and "…,” said senior consultant at
Sophos, Graham Cluley." name John Doe, Moussa Doumgor, Bryan Whitman and Graham Cluley, on the record;
the description ("a spokesman for the ministry") is no second, unnamed source (the coding guidelines:
an unnamed source is one the text does not name). A person named with where they work ("Bruce Bennett
from the RAND Corporation told VOA") is that person, the organisation their title; one named with a
relative clause ("Edward Snowden, who wrote …") speaks.
"""

from __future__ import annotations

import re

from annotator.core.pattern_cache import compile_re
from annotator.core.suggest import sources
from annotator.core.suggest.guideline_pass import BODY_NAME_WORDS
from annotator.core.suggest.hit import UNNAMED, Hit
from annotator.core.suggest.speakers import ADVERBS, NAME

_PERSON = r"[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){1,2}"  # "Bong Young-shik", "Bruce Bennett"
_BODY = compile_re(rf"\b(?:{BODY_NAME_WORDS}|Ministry|Army|Police|Government|Embassy|Times|News|Post)\b")
_DESCRIPTION = r"(?:[Aa]n?|[Tt]he|[Oo]ne(?!\s+of\b))\s+[^,;:()“”\"]{2,100}?"  # not "One of the organisers"
_POSSESSED = r"(?:[Tt]he\s+)?[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}['’]s\s+[^,;:()“”\"]{2,60}?"


_ARTICLE = compile_re(r"^(?:[Aa]n?|[Tt]he|[Oo]ne)\s+")


class Appositions:
    """The apposition frames for one list of speech verbs (a pattern), compiled once."""

    def __init__(self, speech: str) -> None:
        verb = rf"\s+{ADVERBS}(?P<verb>{speech})\b"
        self._bracketed = compile_re(  # "A Defense Department spokesman (Bryan Whitman) called"
            rf"(?P<desc>\b{_DESCRIPTION}|\b{_POSSESSED})\s*\((?P<name>{NAME})\){verb}")
        self._comma = compile_re(  # "A spokesman for the ministry, John Doe, said"
            rf"^\s*(?:(?:But|And|Meanwhile|However|Still|Separately),?\s+)?(?P<desc>{_DESCRIPTION}|{_POSSESSED}),\s+"
            rf"(?P<name>{NAME}),{verb}")
        self._affiliated = compile_re(  # "Bruce Bennett from the RAND Corporation told", "… in Seoul, doubts"
            rf"(?P<name>{_PERSON})\s+(?:from|of|at|with)\s+(?:the\s+)?(?P<org>{NAME})(?:\s+in\s+{NAME})?,?{verb}")
        self._said_described = compile_re(  # "…,” said senior technology consultant at Sophos, Graham Cluley."
            rf"(?:[”’\"],?|,)\s+(?:{speech})\s+(?P<desc>(?:the\s+)?[a-z][^,“”\"]{{2,80}}),\s+(?P<name>{NAME})"
            r"\s*[.!]?\s*$")
        self._who = compile_re(rf"(?P<name>{NAME}),\s+who\s+{ADVERBS}(?:{speech})\b")  # "Edward Snowden, who wrote"

    def apply(self, text: str, hits: list[Hit]) -> list[Hit]:
        """The sentence's hits with its speakers named in apposition as one named speaker each."""
        return self.named(text, self.affiliated(text, hits))

    def affiliated(self, text: str, hits: list[Hit]) -> list[Hit]:
        """A person named with where they work ("Bruce Bennett from the RAND Corporation told VOA"): the
        person on the record, the organisation their title, no speaker read in the organisation or place."""
        match = self._affiliated.search(text) if (" from " in text or " of " in text or " at " in text
                                                  or " with " in text) else None
        name = match.group("name") if match else ""
        if match is None or _BODY.search(name) or any(  # "Assistant Secretary of …"
                w.lower() in sources.ROLE_NOUNS for w in name.split()) or (
                name.split()[0] in {"The", "A", "An"}):  # "The Joint Chiefs of Staff": a body's name
            return hits
        start, end = match.end("name"), match.start("verb")
        kept = [h for h in hits if not (h.category == "on_record" and h.source and h.source in text[start:end])]
        return [Hit("on_record", match.group(0), 0.85, f"{match.group('name')}, {match.group('org')}")] + kept

    def named(self, text: str, hits: list[Hit]) -> list[Hit]:
        """The sentence's hits with a described-and-named speaker as one named, on-record source, and a
        named speaker of a relative clause ("Critics include Edward Snowden, who wrote …")."""
        who = self._who.search(text) if " who " in text else None
        if who is not None and len(who.group("name").split()) >= 2 and not any(
                h.category == "on_record" and h.source for h in hits):
            hits = [Hit("on_record", who.group(0), 0.8, who.group("name"))] + [
                h for h in hits if not (h.category == "on_record" and not h.source)]
        match = self._bracketed.search(text) if "(" in text else None
        if match is None and "," in text:
            match = self._comma.match(text) or self._said_described.search(text)
        if match is None or len(match.group("name").split()) < 2:
            return hits
        start, end = match.span("desc")
        description = _ARTICLE.sub("", match.group("desc").strip())
        source = f"{match.group('name').rstrip('.')}, {description}"  # "Graham Cluley." ends its sentence

        def described(hit: Hit) -> bool:  # the description read as a source of its own, or its bare role
            at = text.find(hit.cue)
            inside = at >= 0 and start <= at < end
            return (hit.category in UNNAMED and inside) or (
                hit.category == "on_record" and (not hit.source or inside or hit.source == match.group("name")))

        kept = [h for h in hits if not described(h)]
        return [Hit("on_record", match.group(0), 0.85, source)] + kept
