"""Speaker frames beyond a capitalised subject before a speech verb.

An institution named by a common noun speaks on the record ("the ministry said", "the regional
government insists"); a speaker can introduce a quote with a colon ("Transport Secretary Ian Moss:
“…”"). Both only find who speaks; classifying a named subject stays with the rules.
"""

from __future__ import annotations

import re


def alternation(words: list[str], *, case: bool = False) -> str:
    """An alternation of the words, longest first; case-sensitive when `case` (names, lower-case verbs)."""
    ordered = sorted({w for w in words if w}, key=len, reverse=True)
    body = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in ordered)
    return f"(?:{body})" if case else f"(?i:{body})"


def institution_pattern(institutions: list[str], speech: str, adverbs: str) -> re.Pattern[str]:
    """ "the city argued", "The regional government, which runs the schools, insists": an institution speaks."""
    return re.compile(
        rf"(?:^|(?<=[\s,;:(]))(?P<subj>(?:[Tt]he|[Ii]ts|[Tt]heir)\s+(?:[\w.'’-]+\s+){{0,3}}?"
        rf"{alternation(institutions)})(?:'s|’s)?(?:,\s+[^,“”]{{2,80}},)?\s+{adverbs}(?:{speech})\b")


def colon_quote_pattern(name: str) -> re.Pattern[str]:
    """ "Transport Secretary Ian Moss: “…”": a name, maybe a title after a comma, a colon, a quote."""
    return re.compile(rf"(?:^|(?<=[.;]\s))(?P<subj>{name}(?:,\s+[^,:“”\"]{{2,80}})?)\s*:\s*[“\"‘]")


def institution_source(subject: str) -> str:
    """A capitalised institution keeps its name ("the Home Office"); a common noun names nobody."""
    words = subject.split()[1:]
    return " ".join(words) if any(w[:1].isupper() for w in words) else ""
