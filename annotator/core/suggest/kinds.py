"""What kind of source a noun phrase names: an outlet, an unnamed official or other, a document, a
platform, or someone named. The lexicon's word lists, and the patterns built on them compiled once
with the rules (a pattern built inside a call is hashed again at every call and compiled at the first)."""

from __future__ import annotations

import re

from annotator.core.pattern_cache import compile_re

_TWO_NAMES = compile_re(r"\b[A-Z][a-z]+\s+[A-Z][a-z]+")


# Bodies whose names end in a document word: "the U.S. Geological Survey" speaks, it is no survey.
SURVEY_BODIES = compile_re(r"\b(?:Geological|Ordnance)\s+Survey\b")

class SourceKinds:
    """The noun phrase kinds of one lexicon."""

    def __init__(self, w: dict[str, list[str]], *, outlet: str, media: str, doc: str, platform: str) -> None:
        self.official_heads = {x.lower() for x in w["official_heads"]}
        self.official_mods = {x.lower() for x in w["official_modifiers"]}
        self.unnamed_heads = {x.lower() for x in w["unnamed_heads"]}
        self._outlet_phrase = compile_re(rf"\s*{outlet}\s*(?:{media})?\s*")
        self._media_word = compile_re(rf"\b(?i:{media})\b")
        self._doc_word = compile_re(rf"\b(?:{doc})s?\b")
        self._platform_phrase = compile_re(rf"\s*(?:{platform})\s*")
        self.platform_lead = compile_re(rf"\s*{platform}\b")  # "according to X", "per Telegram"
        self.doc_head = compile_re(rf"(?:the\s+)?(?:[\w'’.-]+\s+){{0,6}}?(?:{doc})s?\b", re.IGNORECASE)

    def is_official(self, phrase: str) -> bool:
        """Whether an unnamed speaker has an official role: "officials", "senior sources", "House leaders"."""
        words = [w.lower().strip(".,") for w in phrase.split()]
        head = words[-1] if words else ""
        return head in self.official_heads or (
            head in {"source", "sources", "leader", "leaders"} and any(w in self.official_mods for w in words[:-1]))

    def classify(self, phrase: str) -> str | None:
        """What kind of source a noun phrase names: outlet, document, platform, unnamed, or named."""
        phrase = phrase.strip(" .,;:")
        if self._outlet_phrase.fullmatch(phrase) or self._media_word.search(phrase):
            return "other_outlet"
        lowered = phrase.lower()
        head = lowered.split()[-1].strip(".,") if lowered.split() else ""
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
