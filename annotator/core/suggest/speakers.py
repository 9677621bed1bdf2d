"""How a speaker shows in a sentence's text, for the rules (rules.py) and the suggester: the pattern
pieces of a capitalised name and of the adverbs between a subject and its speech verb, a name at the
start of a phrase, a sentence that is only a quotation, and a pronoun that speaks."""

from __future__ import annotations

import re

CAP = r"(?:[A-Z][\w'’&.-]*+|al-[A-Z]?\w+|\d++\w*+)"
NAME = rf"(?:{CAP}(?:\s+(?:of|the|for|and|de|al|&|du|von|van)\s+{CAP}|\s+{CAP}){{0,5}})"
ADVERBS = r"(?:(?:also|further|later|previously|earlier|repeatedly|then|has|have|had|would|will|publicly|" \
           r"privately|again|first|recently|reportedly|separately|quickly)\s+){0,3}"
QUOTED_AS = r"(?:(?:was|were|is|are|has\s+been|have\s+been|had\s+been)\s+quoted\s+as\s+)?"
QUOTE_OPEN = "“‘\""
_DESCRIBED = (r"(?:official|source|spokesperson|spokesman|spokeswoman|person|insider|senator|minister|lawmaker|"
              r"diplomat|aide|officer|expert|analyst|researcher|scientist|professor|author|mayor|governor|"
              r"president|secretary|ambassador|commander|general|lawyer|prosecutor|judge|witness|resident|"
              r"campaigner|activist|blogger|economist|director|chairman|chairwoman|leader|envoy|adviser|"
              r"advisor|employee|executive|chief|representative|congressman|congresswoman|official's\s+aide)")


def leading_name(phrase: str) -> str:
    """The capitalised stretch a phrase starts with ("Defense Secretary Pete Hegseth" of a longer one)."""
    match = re.match(rf"(?:the\s+)?(?:[a-z][\w-]*\s+){{0,2}}{NAME}", phrase)
    return match.group(0) if match else ""


def is_quote_only(text: str) -> bool:
    """A sentence that is a quotation with no speaker of its own."""
    stripped = text.strip()
    return stripped[:1] in QUOTE_OPEN


def described_speaks(text: str, speech: re.Pattern[str]) -> bool:
    """ "The official added", "the source explained", "the senator also said": a speaker described
    before, referred back to by a definite description."""
    return bool(re.search(r"(?:^|[,;:–—]\s*|[”’\"],?\s+)[Tt]he\s+(?:[a-z][\w-]*\s+){0,2}?"
                          + _DESCRIBED + r"\s+" + ADVERBS + speech.pattern, text))


def pronoun_speaks(text: str, speech: re.Pattern[str]) -> bool:
    """ "He said", "She also noted", "They added", '"…," she said', "She continues:": a speaker named before."""
    return bool(re.search(r"(?:^|[,;:–—]\s*|[”’\"],?\s+)(?:[Hh]e|[Ss]he|[Tt]hey|[Ii]t)\s+" + ADVERBS
                          + speech.pattern, text)) or bool(_GOES_ON.match(text))


def person_speaks(text: str, speech: re.Pattern[str]) -> str:
    """ "He said …", "She later told …": a person (he or she, not "they" or "it", which may be a body or
    a group) speaks, named somewhere before; the words that say so, or ""."""
    match = re.search(r"(?:He|She|he|she)\s+" + ADVERBS + speech.pattern, text)
    if match is None or not re.search(r"(?:^\s*|[”’\"],?\s+)$", text[: match.start()]):
        return ""
    return match.group(0)


_GOES_ON = re.compile(r"\s*(?:He|She|They)\s+(?:then\s+)?(?:continues|continued|goes\s+on|went\s+on)\b[^.]{0,20}:\s*$")
