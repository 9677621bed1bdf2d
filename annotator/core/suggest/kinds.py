"""What kind of source a noun phrase names: an outlet, an unnamed official or other, a document, a
platform, or someone named. The lexicon's word lists, and the patterns built on them compiled once
with the rules (a pattern built inside a call is hashed again at every call and compiled at the first)."""

from __future__ import annotations

import re

from annotator.core.pattern_cache import compile_re

_TWO_NAMES = compile_re(r"\b[A-Z][a-z]+\s+[A-Z][a-z]+")


# Bodies whose names end in a document word: "the U.S. Geological Survey" speaks, it is no survey.
SURVEY_BODIES = compile_re(r"\b(?:Geological|Ordnance)\s+Survey\b")
# A body named for what it studies: "the Institute for the Study of War", "the Center for Strategic and
# International Studies" speak; the document word is part of the name. The name so far, before the word:
_BODY_HEADS = (r"\b(?:Institute|Center|Centre|Council|Society|Foundation|Office|Department|Agency|Commission|Bureau|"
               r"Association|School|University|Project|Committee|Board|Forum|Fund|Programme|Program)\s+(?:for|of|on)\s+"
               r"(?:the\s+)?")
_BODY_NAME_BEFORE = compile_re(_BODY_HEADS + r"(?:[A-Z][\w'’.-]*\s+(?:and\s+|&\s+|of\s+|on\s+)?){0,5}$")
_BODY_NAME = compile_re(_BODY_HEADS + r"[A-Z]")
_BLOCS = frozenset({"Western", "NATO", "EU", "Allied", "Coalition", "Gulf", "Arab", "Baltic", "Nordic", "G7", "G20"})
_COUNTRY_ADJECTIVE = compile_re(r"(?:an|ern|ese|ish|ic|i)$")  # "Ukrainian", "Japanese", "British", "Israeli"
_CAPITAL_HEADS = frozenset({"Democrats", "Republicans", "MPs", "MEPs", "Tories", "Tory"})  # capitalised always


def in_body_name(text: str, at: int) -> bool:
    """Whether the capitalised word at `at` belongs to a body's name ("Study" of "the Institute for the
    Study of War")."""
    return text[at: at + 1].isupper() and _BODY_NAME_BEFORE.search(text, max(0, at - 120), at) is not None


class SourceKinds:
    """The noun phrase kinds of one lexicon."""

    def __init__(self, w: dict[str, list[str]], *, outlet: str, media: str, doc: str, platform: str) -> None:
        self.official_heads = {x.lower() for x in w["official_heads"]}
        self.official_mods = {x.lower() for x in w["official_modifiers"]}
        self.places = frozenset(w["places"])
        self.unnamed_heads = {x.lower() for x in w["unnamed_heads"]}
        self._outlet_phrase = compile_re(rf"\s*{outlet}\s*(?:{media})?\s*")
        self._media_word = compile_re(rf"\b(?i:{media})\b")
        self._doc_word = compile_re(rf"\b(?:{doc})s?\b")
        self._platform_phrase = compile_re(rf"\s*(?:{platform})\s*")
        self.platform_lead = compile_re(rf"\s*{platform}\b")  # "according to X", "per Telegram"
        # "the latest CNN/ORC poll": a poll named by its pollsters
        self.doc_head = compile_re(rf"(?:the\s+)?(?:[\w'’./&-]+\s+){{0,6}}?(?:{doc})s?\b", re.IGNORECASE)

    def is_official(self, phrase: str) -> bool:
        """Whether an unnamed speaker has an official role: "officials", "senior sources", "House leaders"."""
        words = [w.lower().strip(".,") for w in phrase.split()]
        head = words[-1] if words else ""
        return head in self.official_heads or (
            head in {"source", "sources", "leader", "leaders"} and any(w in self.official_mods for w in words[:-1])
        ) or head in {"ally", "allies"} and any(self._country(w) for w in phrase.split()[:-1])

    def _country(self, word: str) -> bool:
        """ "Ukraine's", "Western", "NATO", "European": a country, a bloc or their adjective (whose allies
        are governments; a person's allies are people)."""
        bare = word.strip(".,").removesuffix("'s").removesuffix("’s")
        if bare != word.strip(".,"):  # a possessive: a country's ("Ukraine's"), not a person's ("Erdogan's")
            return bare in self.places or bare in _BLOCS
        return bare in self.places or bare in _BLOCS or bare[:1].isupper() and bool(_COUNTRY_ADJECTIVE.search(bare))

    def classify(self, phrase: str) -> str | None:
        """What kind of source a noun phrase names: outlet, document, platform, unnamed, or named."""
        phrase = phrase.strip(" .,;:")
        if self._outlet_phrase.fullmatch(phrase) or self._media_word.search(phrase):
            return "other_outlet"
        lowered = phrase.lower()
        head = lowered.split()[-1].strip(".,") if lowered.split() else ""
        words = phrase.split()
        if len(words) >= 2 and words[-1][:1].isupper() and any(w[:1].isupper() for w in words[:-1]) and (
                words[-1].strip(".,") not in _CAPITAL_HEADS) and head in self.official_heads | self.unnamed_heads:
            return "on_record"  # "Ukraine's General Staff": a body's name, no unnamed staff
        if _BODY_NAME.search(phrase):
            return "on_record"  # "Institute for the Study of War": a body, no study
        if head in self.official_heads:
            return "anonymous_official"
        if head in self.unnamed_heads:
            return "anonymous_other"
        if self._doc_word.search(lowered) and not _TWO_NAMES.search(phrase):
            return "document"
        if self._platform_phrase.fullmatch(phrase):
            return "social_post"
        if not any(w[:1].isupper() for w in phrase.split()):
            return None
        return "on_record"
