"""What a sentence without a cue of its own takes from the sentences around it.

A block or pull quote names its speaker elsewhere: a first-person sentence goes on the quote of the
speaker before it, a pull quote repeats a sentence whose speaker is known, and a pull quote set apart
is followed by a byline line ("Name, Title"). Words in the first person outside a quotation only
occur in news text inside someone's quote, which is what makes these safe.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import replace

from annotator.core.pattern_cache import compile_re
from annotator.core.suggest.hit import CARRIED, SPEAKERS, Hit, is_carried

SPEAKING = frozenset(SPEAKERS + ("social_post",))
_FIRST_PERSON = compile_re(r"(?:^|[\s“\"‘(])(?:I|I'm|I’m|I've|I’ve|I'd|I’d|I'll|I’ll|[Ww]e|[Mm]y|[Oo]ur|us|me)(?=[\s,.;:!?”\"’)])")
_BYLINE = compile_re(
    r"^\s*(?:[-–—]\s*)?(?P<name>(?:[A-Z][\w'’.-]+\s+){1,3}[A-Z][\w'’.-]+)(?:\s*,\s*(?P<title>[^.!?;“”\"]{2,80}))?\s*$")
_QUOTES = "“”\"‘’'"
_OMISSION = compile_re(r"^\s*[(\[]?\s*(?:\.\s*){3,}[)\]]?\s*$|^\s*[(\[]?…[)\]]?\s*$")
_OPENING_OMISSION = compile_re(r"\s*[(\[]\s*(?:\.\s*){3}[)\]]|\s*[(\[]…[)\]]")
_MIN_WORDS = 6  # a repeated fragment shorter than this is a phrase, not a pull quote


def first_person(text: str) -> bool:
    """Whether the sentence speaks in the first person ("I", "we", "our")."""
    return _FIRST_PERSON.search(text) is not None


def byline(text: str) -> str:
    """The speaker a byline line names ("Ana Ruiz, Mayor of Springfield"), or ""."""
    match = _BYLINE.match(text)
    if match is None:
        return ""
    title = (match.group("title") or "").strip()
    return f"{match.group('name')}, {title}" if title else match.group("name")


def _normal(text: str) -> str:
    return " ".join(text.translate({ord(q): None for q in _QUOTES}).split()).strip(" .,;:!?…").lower()


class QuoteBlock:
    """A quote introduced by an attributed sentence ending in a colon ("Ana Ruiz wrote:"): its
    speakers go on every sentence of the paragraph after it, and of each following paragraph that
    speaks in the first person, until a sentence names a source of its own or a heading comes.
    Without paragraph numbers there is no block (the sentence after the colon still continues it)."""

    def __init__(self, paragraphs: list[int] | None, texts: list[str] | None = None) -> None:
        self._paragraphs = paragraphs
        self._texts = texts or []
        self._speakers: list[Hit] = []
        self._paragraph: int | None = None  # the paragraph the quote runs through, once known
        self._resumes = False  # the sentence before was an omission mark ("...") inside the quote

    def carried(self, idx: int, text: str, confidence: float) -> list[Hit]:
        """The block's speakers for unattributed sentence `idx`, or []."""
        if not self._speakers or self._paragraphs is None or idx >= len(self._paragraphs):
            return []
        paragraph = self._paragraphs[idx]
        omission = _OMISSION.match(text) is not None
        if self._paragraph is None:
            self._paragraph = paragraph
        elif paragraph != self._paragraph:
            if paragraph == self._paragraph + 1 and (first_person(text) or omission or self._resumes):
                self._paragraph = paragraph
            else:
                self._speakers = []
                return []
        self._resumes = omission  # "..." between two passages of one quote: the next passage is the quote's too
        return inherited(self._speakers, idx + 1, confidence)

    def after(self, idx: int, text: str, heading: bool, attributed: list[Hit]) -> None:
        """Open a block after a colon-ended attributed sentence; close it at a heading or a new source."""
        own = [h for h in attributed if not is_carried(h)]
        if heading and not attributed:
            self._speakers = []
        elif attributed and text.rstrip().endswith(":"):  # "Ana Ruiz wrote:", "She continues:"
            self._speakers = [h for h in attributed if h.category in SPEAKING]
            self._paragraph = None
        elif own and self._excerpt_follows(idx):  # "The Armenian Observer blog comments." then "[...] the …"
            self._speakers = [h for h in attributed if h.category in SPEAKING]
            self._paragraph = None
        elif any(h.category == "social_post" for h in own) and self._post_follows(idx):
            self._speakers = [h for h in attributed if h.category in SPEAKING]  # "Kim (@kim) tweeted from the square."
            self._paragraph = None
        elif own:
            self._speakers = []

    def _excerpt_follows(self, idx: int) -> bool:
        """Whether the next paragraph opens with an omission mark ("[...] the activists forced …"): an
        excerpt of what the sentence before attributes."""
        following = self._next_paragraph(idx)
        return bool(following) and _OPENING_OMISSION.match(self._texts[following[0]]) is not None

    def _post_follows(self, idx: int) -> bool:
        """Whether the paragraph after sentence `idx` is the post it announces: a short paragraph that
        speaks in the first person ("We lifted up our candles.")."""
        following = self._next_paragraph(idx)
        return 0 < len(following) <= 4 and any(first_person(self._texts[i]) for i in following)

    def _next_paragraph(self, idx: int) -> list[int]:
        """The sentences of the paragraph after sentence `idx` when `idx` ends its own, else []."""
        paragraphs = self._paragraphs
        end = min(len(paragraphs), len(self._texts)) if paragraphs is not None else 0
        if idx + 1 >= end or paragraphs[idx + 1] == paragraphs[idx]:
            return []
        return [i for i in range(idx + 1, end) if paragraphs[i] == paragraphs[idx + 1]]

def carried_over(hits: list[Hit], idx: int, confidence: float) -> list[Hit]:
    """`hits` carried to the sentence after sentence `idx` (from 1) with a lower confidence."""
    return [replace(h, confidence=round(h.confidence * confidence, 2), cue=f"{CARRIED} {idx}") for h in hits]


def inherited(hits: list[Hit], idx: int, confidence: float) -> list[Hit]:
    """The speakers of `hits`, carried to sentence `idx` with a lower confidence."""
    return carried_over([h for h in hits if h.category in SPEAKING], idx, confidence)


def pull_quotes(texts: list[str], found: list[list[Hit]], headings: list[bool], confidence: float) -> None:
    """Give unattributed quote sentences the speaker of the sentence they repeat or of the byline after them."""
    _repeats(texts, found, headings, confidence)
    for idx in range(len(texts) - 1, 0, -1):
        name = byline(texts[idx]) if headings[idx] and not found[idx] else ""
        if not name:
            continue
        before = idx - 1
        while before >= 0 and before >= idx - 3 and not found[before] and not headings[before] and (
                first_person(texts[before]) or texts[before].lstrip()[:1] in _QUOTES):
            found[before] = [Hit("on_record", f"byline: {name}", round(0.8 * confidence, 2), name)]
            before -= 1


def _repeats(texts: list[str], found: list[list[Hit]], headings: list[bool], confidence: float) -> None:
    """An unattributed sentence found inside an attributed one repeats it: a pull quote."""
    speaking = [i for i, hits in enumerate(found) if any(h.category in SPEAKING for h in hits)]
    if not speaking:
        return
    starts, parts, at = [], [], 0
    for i in speaking:
        starts.append(at)
        parts.append(_normal(texts[i]))
        at += len(parts[-1]) + 1
    haystack = "\n".join(parts)
    for idx, text in enumerate(texts):
        if found[idx] or headings[idx]:
            continue
        needle = _normal(text)
        if len(needle.split()) < _MIN_WORDS:
            continue
        where = haystack.find(needle)
        if where >= 0:
            source = speaking[bisect_right(starts, where) - 1]
            found[idx] = inherited(found[source], source + 1, confidence)
