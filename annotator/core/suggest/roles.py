"""An official role or a body that a named owner's possessive gives, speaking: "Japan’s defense minister
estimated", "IVRCL's director of operations said" (an unnamed official: the role is official, the person
unnamed), "the Taliban’s ministry of information and culture said" (a body speaking as itself, on the
record; bodies without "of …" are rules.Rules' institution frame). A party to a conflict opening a
sentence speaks as itself, on the record ("The rebels say", "Insurgents said"), as a named group does,
and so does a body's statement ("A U.S. embassy statement condemned the attack").
"""

from __future__ import annotations


from annotator.core.pattern_cache import compile_re
from annotator.core.suggest import sources
from annotator.core.suggest.frames import alternation
from annotator.core.suggest.hit import Hit
from annotator.core.suggest.speakers import ADVERBS

_ROLES = ("minister", "director", "chief", "secretary", "head", "commander", "spokesman", "spokeswoman",
          "spokesperson", "official", "envoy", "ambassador", "adviser", "advisor", "prosecutor", "governor",
          "representative", "negotiator", "officer", "aide")
_PARTY_NAMES = "rebels|insurgents|militants|guerrillas|separatists"  # opening a sentence, speaking as themselves
ARMED = _PARTY_NAMES + "|fighters|gunmen|extremists"  # parties to a conflict, after a name ("Taleban insurgents")
_PARTIES = rf"(?i:{_PARTY_NAMES})"
_OWNER = r"(?:[Tt]he\s+[\w-]+|[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*){0,2})(?:'s|’s)"
_OF = r"(?:\s+(?:of|for)\s+(?:[\w'’-]+\s+){0,3}?[\w'’-]+)?"  # "of information and culture"


class RoleFrames:
    """Speakers given by a role, a body or a party rather than a name: the frames for one lexicon's
    institutions and speech verbs (patterns), compiled once."""

    def __init__(self, institutions: list[str], speech: str) -> None:
        tail = rf"(?:,\s+[^,“”]{{2,80}},)?\s+{ADVERBS}(?:{speech})\b"
        self._role = compile_re(rf"(?:^|(?<=[\s,;:(]))(?P<subj>{_OWNER}\s+(?:[\w-]+\s+){{0,2}}?"
                                rf"(?:{alternation(list(_ROLES))}){_OF}){tail}")
        self._body = compile_re(rf"(?:^|(?<=[\s,;:(]))(?P<subj>{_OWNER}\s+(?:[\w-]+\s+){{0,2}}?"
                                rf"(?:{alternation(institutions)})\s+(?:of|for)\s+(?:[\w'’-]+\s+){{0,3}}?[\w'’-]+)"
                                rf"{tail}")
        self._statement = compile_re(  # "A U.S. embassy statement condemned the attack"
            rf"^\s*(?:[Aa]n?|[Tt]he)\s+(?P<subj>(?:[\w.'’-]+\s+){{0,3}}?(?:{alternation(institutions)}))\s+"
            rf"(?:statement|communiqu[eé])\s+{ADVERBS}(?:{speech})\b")
        self._party = compile_re(rf"^\s*(?P<subj>(?:[Tt]he\s+)?(?:[A-Z][\w'’-]+\s+)?(?:{_PARTIES}))\s+{ADVERBS}"
                                 rf"(?:{speech})\b")

    def hits(self, text: str) -> list[Hit]:
        """The sentence's possessed roles and bodies that speak, and a party to a conflict speaking."""
        out = []
        for frame in (self._party, self._statement):
            match = frame.match(text)
            if match:
                out.append(Hit("on_record", match.group(0), 0.8, sources.clean(match.group("subj"))))
        if "'s " not in text and "’s " not in text:
            return out
        role = self._role.search(text)
        if role:
            out.append(Hit("anonymous_official", role.group(0), 0.8, sources.described(role.group("subj"))))
        body = self._body.search(text)
        if body:
            out.append(Hit("on_record", body.group(0), 0.8, sources.clean(body.group("subj"))))
        return out
