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
# a state as party tags give it: AP's abbreviations, postal codes, names ("D-Va.", "R-S.C.", "D-NY", "D-New York")
_STATES = (
    r"Ala\.|Ariz\.|Ark\.|Calif\.|Colo\.|Conn\.|Del\.|Fla\.|Ga\.|Ill\.|Ind\.|Kan\.|Ky\.|La\.|Md\.|Mass\.|"
    r"Mich\.|Minn\.|Miss\.|Mo\.|Mont\.|Neb\.|Nev\.|N\.H\.|N\.J\.|N\.M\.|N\.Y\.|N\.C\.|N\.D\.|Okla\.|Ore\.|"
    r"Pa\.|R\.I\.|S\.C\.|S\.D\.|Tenn\.|Vt\.|Va\.|Wash\.|W\.Va\.|Wis\.|Wyo\.|"
    r"A[LKZR]|C[AOT]|D[EC]|FL|GA|HI|I[DLNA]|K[SY]|LA|M[EDAINSOT]|N[EVHJMYCD]|O[HKR]|PA|RI|S[CD]|T[NX]|UT|V[TA]|"
    r"W[AVIY]|Alabama|Alaska|Arizona|Arkansas|California|Colorado|Connecticut|Delaware|Florida|Georgia|Hawaii|"
    r"Idaho|Illinois|Indiana|Iowa|Kansas|Kentucky|Louisiana|Maine|Maryland|Massachusetts|Michigan|Minnesota|"
    r"Mississippi|Missouri|Montana|Nebraska|Nevada|New\s+Hampshire|New\s+Jersey|New\s+Mexico|New\s+York|"
    r"North\s+Carolina|North\s+Dakota|Ohio|Oklahoma|Oregon|Pennsylvania|Rhode\s+Island|South\s+Carolina|"
    r"South\s+Dakota|Tennessee|Texas|Utah|Vermont|Virginia|Washington|West\s+Virginia|Wisconsin|Wyoming")
# ", D-Va." before a comma or the end, " (R-S.C.)", " (D-New York)": a lawmaker's party and state
_PARTY_TAG = compile_re(rf"(?:,\s*|\s*\()(?:[DRI]|Dem|Rep|Ind)-(?:{_STATES})(?:\)|(?=,)|(?=\s*$))")


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
    last = words[-1]
    plural = last.endswith("s") and not last.endswith("ss") and (last[:1].islower() or len(words) == 1)
    if words[0].lower() in _GROUP_OPENERS or plural:  # "Scholars, like Zeynep Tufekci, argue": a group
        return text
    return f"{match.group('head')} {text[match.end():]}"
