"""The sentence as the rules read it: without what names someone who is not speaking.

"The prime minister, like Donald Trump, has said": the one compared with in passing is no speaker.
"Sen. Mark Warner, D-Va., the top Democrat …, called": a party and state tag is no name nor title.
"""

from __future__ import annotations

from annotator.core.pattern_cache import compile_re

# "The chancellor, just like the French president, insisted": a subject opening the sentence, compared
_COMPARED = compile_re(r"\s*(?P<head>[^,;:“”\"]{2,60}?),\s+(?:just\s+|much\s+)?(?:like|unlike|as\s+did)\s+"
                       r"[^,;:“”\"()]{2,60},\s+(?=[a-z])")
_GROUP_OPENERS = frozenset({"some", "many", "several", "others", "most", "few", "both"})
# ", D-Va." before a comma or the end, " (R-S.C.)", " (D-New York)": a lawmaker's party and state
_PARTY_TAG = compile_re(r"(?:,\s*|\s*\()(?:[DRI]|Dem|Rep|Ind)-[A-Z][\w.]*(?:\s+[A-Z][\w.]*)?"
                        r"(?:\)|(?=,)|(?=\s*$))")


def read(text: str) -> str:
    """The sentence without a comparison in passing after its subject nor party and state tags."""
    if "-" in text:
        text = _PARTY_TAG.sub("", text)
    if "like " in text or "as did " in text:
        text = without_comparison(text)
    return text


def without_comparison(text: str) -> str:
    """The sentence without a comparison between its opening subject and its verb ("The prime minister,
    like Donald Trump, has said" → "The prime minister has said"); the sentence as it is otherwise, and
    when the subject is a group one of whom is named ("Some, like Anahit Markosian, called", "Scholars,
    like Zeynep Tufekci, argue": the group and the one named both speak)."""
    match = _COMPARED.match(text)
    if match is None:
        return text
    words = match.group("head").split()
    if words[0].lower() in _GROUP_OPENERS or (words[-1][:1].islower() and words[-1].endswith("s")
                                               and not words[-1].endswith("ss")):
        return text
    return f"{match.group('head')} {text[match.end():]}"
