"""What a whole sentence is, for the suggester's carrying from one sentence to the next: newsroom
process, which takes nothing ("did not respond to a request for comment", the guidelines); a wire
dateline opening a story; a clause that goes on to a colon; hearsay with no teller, which takes up the
sentence before; an unnamed report a speaker may speak of.
"""

from __future__ import annotations

from annotator.core.pattern_cache import compile_re
from annotator.core.suggest.hit import Hit

_NEWSROOM = compile_re(
    r"(?i)\b(?:did\s+not|didn['’]t|has\s+not|have\s+not|had\s+not)\s+(?:yet\s+|immediately\s+)?"
    r"(?:respond(?:ed)?|repl(?:y|ied)|returned?)\s+(?:to\s+)?(?:\S+\s+){0,5}?"
    r"(?:requests?|inquir\w*|quer\w*|messages?|calls?|e-?mails?)\b(?:\s+for\s+comment)?"
    r"|\b(?:could|can)\s*not\s+(?:immediately\s+)?be\s+reached\s+for\s+comment\b"
    r"|\b(?:was|were|has\s+been|have\s+been)\s+contacted\s+for\s+comment\b"
    r"|\b(?:has|have)\s+reached\s+out\s+to\s+(?:\S+\s+){1,5}?for\s+comment\b")
_GOES_ON_TO_COLON = compile_re(  # a clause of six words or more, no list or reading guide of the writer's
    r"(?!\s*(?:Here|Below|Above|The\s+following|These\s+are|This\s+is|They\s+are|Among\s+them)\b)"
    r"\s*(?:\S+\s+){5,}\S+:\s*$")
_WIRE_DATELINE = compile_re(  # "WASHINGTON (AP) — ", "KYIV, Ukraine (Reuters) - ", "LONDON — ": a place
    r"^\s*[A-Z][A-Z.'’-]+(?:\s+[A-Z][A-Z.'’-]+){0,3}(?:,\s+[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){0,2})?"
    r"(?:,?\s+[A-Z][a-z]{2,8}\.?\s+\d{1,2})?\s*(?:\([A-Za-z .-]{2,30}\)\s*)?[—–-]{1,2}\s+")
_NEWSROOM_WORDS = ("respond", "repl", "return", "reached", "contacted")


def newsroom(text: str) -> bool:
    """Whether the sentence is newsroom process ("did not respond to a request for comment")."""
    return any(word in text for word in _NEWSROOM_WORDS) and _NEWSROOM.search(text) is not None


_HEARSAY = compile_re(r"(?i)\b(?:said|reported|rumou?red)\s+to\s+(?:be|have)\b")  # "is said to": who says it?
_REPORTS = compile_re(r"(?i)\breports?\b|speculation|\brumou?rs?\b")


def hearsay_only(hits: list[Hit]) -> bool:
    """Whether a sentence's only attribution is hearsay with no teller ("The man is said to have …"),
    which the guidelines read as carried from the sentence before when that one has a source."""
    return bool(hits) and all(h.category == "anonymous_other" and _HEARSAY.search(h.cue) for h in hits)


def unnamed_report(hit: Hit) -> bool:
    """An unnamed report the sentence relays ("denies earlier reports that …"): someone else may speak of it."""
    return hit.category == "anonymous_other" and not hit.source and _REPORTS.search(hit.cue) is not None


def goes_on_to_colon(text: str) -> bool:
    """A clause of six words or more ending in a colon, not a list or reading guide of the writer's
    ("Instead, the government should free up the mainstream media:", not "The timeline so far:")."""
    return _GOES_ON_TO_COLON.match(text) is not None


def without_dateline(text: str) -> str:
    """The sentence without a wire dateline opening it ("WASHINGTON (AP) — President …")."""
    return _WIRE_DATELINE.sub("", text, count=1)
