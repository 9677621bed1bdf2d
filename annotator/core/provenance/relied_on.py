"""What a relayed outlet itself relied on, where the sentence says so: "…, citing unnamed officials",
"a senior defense official told Bloomberg", "confirmed to CNN … by officials speaking on condition of
anonymity", "a leaked letter seen by Sky News", "according to Yonhap, quoting KCNA"."""

from __future__ import annotations

import re

from annotator.core.suggest import sources

_CITING = re.compile(r"\b(?:citing|quoting|according\s+to)\s+(?P<who>[^,;.:“”\"]{3,90})")
_BY_AFTER = re.compile(r"^[^.;]*?\bby\s+(?P<who>(?:an?\s+|the\s+|two\s+|three\s+|several\s+|multiple\s+)?"
                       r"(?:[\w'’-]+\s+){0,6}?(?:officials?|sources?|people|spokesperson|spokesman|spokeswoman|"
                       r"aides?|diplomats?|investigators?)\b[^,;.]*)")
_TOLD = re.compile(r"\b(?:told|tell|tells|telling|confirmed\s+to|said\s+to|stated\s+to|spoke\s+to|speaking\s+to|"
                   r"in\s+remarks\s+to|remarks\s+to)\s+(?:the\s+)?$", re.IGNORECASE)
_SEEN = re.compile(r"\b(?:seen|obtained|reviewed|published)\s+by\s+(?:the\s+)?$")
_PASSIVE = re.compile(r"\b(?:was|were|been|is|are|being|be)\s*$")  # "was confirmed to CNN by officials"
_LEAD = re.compile(r"^(?:but|and|so|now|meanwhile|however|earlier|later|then|also|on\s+\w+day)\b[\s,]*", re.IGNORECASE)
_NOUN_PHRASE = re.compile(r"(?P<np>(?:[Aa]n?|[Tt]he)\s+(?:[\w'’-]+\s+){0,4}?[\w'’-]+)\s*$")


def relied_on(text: str, start: int, end: int) -> str | None:
    """What the outlet named at text[start:end] relied on, if the sentence says; else None."""
    before, after = text[:start], text[end:]
    if _TOLD.search(before[-40:]):
        head = before[: _TOLD.search(before[-40:]).start() + max(0, len(before) - 40)]
        speaker = None if _PASSIVE.search(head) else _speaker(head)
        if speaker:
            return speaker
        match = _BY_AFTER.match(after)
        if match:
            return _tidy(match.group("who"))
    if _SEEN.search(before[-30:]):
        head = before[: _SEEN.search(before[-30:]).start() + max(0, len(before) - 30)]
        match = _NOUN_PHRASE.search(head.strip())
        if match:
            return _tidy(match.group("np"))
    match = _CITING.search(after)
    if match and match.start() < 120:
        return _tidy(match.group("who"))
    return None


def _speaker(head: str) -> str | None:
    """The subject before "told": "Name, title," or the last clause's words."""
    head = head.rstrip(" ,")
    if not head:
        return None
    found = sources.appositive(head + ",")
    if found and head.endswith(found.split(", ", 1)[1]):
        return found
    clause = re.split(r"[,;:(]\s*", head)[-1]
    clause = _LEAD.sub("", clause.strip())
    words = clause.split()
    if not words or len(words) > 10:
        return None
    return _tidy(sources.name_with_title(clause))


def _tidy(text: str) -> str | None:
    text = " ".join(text.split()).strip(" ,;:.“”\"'’()")
    return text or None
