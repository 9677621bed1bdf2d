"""A sentence's stance: whether it denies or disputes something, or states it.

A denial ("The Pentagon denied that it had paused operations") shares nearly all its words with the
statement it denies, so word overlap alone puts the two in one claim; the stance keeps them apart.
Cues are verbs of denial and rebuttal ("denied", "rejected the claims", "dismissed them as false",
"refuted", "pushed back on") and words saying that something is false ("not true", "baseless",
"fake news", "never happened"), matched case-blind on whole words. Refusals that are no dispute of
a claim are left out: "denied entry", "denied bail", "denial-of-service", "a disputed territory",
"a false flag", "did not respond".
"""

from __future__ import annotations

import re
from enum import Enum


class Stance(Enum):
    STATES = "states"
    DISPUTES = "disputes"


_CLAIM_NOUNS = (r"(?:claims?|reports?|reporting|allegations?|accusations?|suggestions?|assertions?|"
                r"characteri[sz]ations?|accounts?|stor(?:y|ies)|rumou?rs?|notion|idea|speculation)")
_FALSITY = (r"(?:false|untrue|baseless|groundless|unfounded|nonsense|fabricat\w*|fake|a hoax|hoax|absurd|"
            r"ridiculous|inaccurate|incorrect|misleading|speculation|rumou?rs?|fiction|lies|a lie)")
_WORDS = r"(?:\W+\w+){0,%d}?\W+"  # up to n words between two cues

# What a denial verb refuses when it is no dispute of a claim: "denied entry", "denied him a visa".
_REFUSED = (r"(?:entry|access|admission|bail|parole|visas?|permission|permits?|service|benefits?|"
            r"treatment|care|coverage|asylum|boarding|credit|a loan|loans|the request|requests?|"
            r"tenure|a hearing|a fair|the right|rights?|funding|medical|citizenship|residency|passports?|the vote|justice|"
            r"food|water|aid|education|employment|jobs?|housing|licen[cs]es?|recognition|protection|legal)")
_OBJECT = r"(?:\s+(?:him|her|them|us|me|it|the\s+\w+|their|his|its|our|a|an))?"

_CUES = [
    # deny, denied, denies, denying, denial, except a refusal ("denied entry", "was denied him a visa")
    rf"\b(?:den(?:y|ies|ied|ying)|denials?)\b(?!{_OBJECT}\s+{_REFUSED}\b)(?![\s-]+of[\s-]+service)",
    rf"\breject(?:s|ed|ing)?\b{_WORDS % 4}{_CLAIM_NOUNS}\b",
    rf"\bdismiss(?:es|ed|ing)?\b{_WORDS % 4}{_CLAIM_NOUNS}\b",
    rf"\bdismiss(?:es|ed|ing)?\b{_WORDS % 8}as\W+(?:\w+\W+){{0,2}}?{_FALSITY}\b",
    r"\b(?:refut\w*|rebut(?:s|ted|ting)?|debunk\w*|contradict(?:s|ed|ing)?)\b",
    r"\b(?<!the\s)(?<!a\s)(?<!an\s)disput(?:ed|ing)\b(?!\s+(?:territory|territories|region|border|area|island|"
    r"islands|land|waters|sea|seat|seats|election|vote|ballots?|zone|district|city|province|property))",
    rf"\bdisputes\s+(?:that|the|this|these|those|such|his|her|their|its|{_CLAIM_NOUNS})\b",
    r"\bpush(?:es|ed|ing)?\s+back\s+(?:on|against)\b",
    r"(?:\b(?:not|never|hardly)|n't)\s+(?:\w+\s+)?true\b",
    r"\b(?:untrue|baseless|groundless|unfounded|categorically)\b",
    r"\bfalse(?:ly)?\s+(?:claims?|claimed|reports?|reported|allegations?|alleged|accus\w+|information|narratives?|"
    r"stor(?:y|ies)|statements?|stated|said|suggest\w*|assert\w*|rumou?rs?)\b",
    r"\b(?:is|was|are|were|be|been|being|as|it|them|that|totally|completely|entirely|patently|demonstrably|simply|"
    r"utterly|wholly|absolutely)\s+false\b",
    r"\bfake\s+news\b",
    r"\bno\s+truth\b",
    r"\bnever\s+(?:happened|took\s+place|occurred)\b",
    r"\b(?:did|does|do|has|have|had)\s*(?:not|n't)\s+(?:happen|take\s+place|occur)\b",
]
_DISPUTE = re.compile("|".join(f"(?:{cue})" for cue in _CUES), re.IGNORECASE)


def stance(text: str) -> Stance:
    """Whether the sentence denies or disputes something (DISPUTES) or states it (STATES)."""
    text = text.replace("\u2019", "'")
    return Stance.DISPUTES if _DISPUTE.search(text) else Stance.STATES


def dispute_cue(text: str) -> str | None:
    """The words that make the sentence a denial (None for a statement): for tests and tooltips."""
    found = _DISPUTE.search(text.replace("\u2019", "'"))
    return found.group(0) if found else None
