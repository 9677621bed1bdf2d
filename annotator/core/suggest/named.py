"""What a suggestion's named source may be, by the coding guidelines (resources/guide/guidelines.md,
"Named sources"): who is relayed, as the text names them; never a fragment ("multiple U" of "U.S."),
a lone word that is no name ("Subsequent"), a country standing for nobody ("Russia" as a sentence's
subject), nor an outlet as an on-record speaker ("The Record reported" is another outlet's report).
"""

from __future__ import annotations

from dataclasses import replace
from typing import Protocol

from annotator.core.pattern_cache import compile_re
from annotator.core.suggest.groups import QUANTIFIER_WORDS

_POSSESSIVE = compile_re(r"(?P<owner>(?:The\s+)?[A-Z][\w.&-]*(?:\s+[A-Z][\w.&-]*){0,3})['’]s\s+"
                         r"(?P<name>[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){0,3})$")  # "CNN's Jake Tapper"


_CLAUSE = compile_re(r"\bthat\s+(?:the|a|an|his|her|their|its|[A-Z])")  # a reported clause begins
_AND = compile_re(r"\s+(?:and|&)\s+")


class _Hit(Protocol):
    category: str
    source: str
    cue: str


class SourceVetting:
    """The word lists the vetting needs, from the cue lexicon (`places`, `not_names`, `outlets`)."""

    def __init__(self, words: dict[str, list[str]]) -> None:
        self._places = {_folded(p) for p in words.get("places", ())}
        self._not_names = {w.casefold() for w in words.get("not_names", ())}
        self._heads = {w.casefold() for key in ("unnamed_heads", "official_heads", "bare_unnamed_heads")
                       for w in words.get(key, ())}  # "Experts", "Officials": descriptions, not names
        self._outlets: dict[str, str] = {}
        self._bare: dict[str, str] = {}  # "Hill" of "The Hill": a surname too, the outlet only once named
        for name in words.get("outlets", ()):
            self._outlets[_folded(name)] = name
            bare = _without_the(name)
            if bare != name:
                (self._outlets if " " in bare.strip() else self._bare).setdefault(_folded(bare), name)

    def vetted(self, hit: _Hit, text: str = "") -> list[_Hit]:
        """`vet`, and a named speaker of an outlet ("CNN's Jake Tapper reported") is the person on the
        record plus the outlet's report (the guidelines: a named speaker quoted through an outlet).
        `text` is the sentence's: an outlet's name without its "The" is the outlet only where the
        sentence names it whole ("After The Record reported it, Record said"; "Hill said" is a person)."""
        match = _POSSESSIVE.match(hit.source.strip()) if hit.category == "on_record" else None
        if match and _folded(match.group("owner")) in self._outlets:
            outlet = self._outlets[_folded(match.group("owner"))]
            return [self.vet(replace(hit, source=match.group("name")), text),
                    replace(hit, category="other_outlet", source=outlet)]
        if match:  # "Brown University's John Mustard" → "John Mustard, Brown University"
            return [self.vet(replace(hit, source=f"{match.group('name')}, {match.group('owner')}"), text)]
        return [self.vet(hit, text)]

    def _outlet(self, folded: str, text: str) -> str | None:
        """The outlet a folded name is, if any ("Hill" only where the sentence names "The Hill")."""
        outlet = self._outlets.get(folded)
        if outlet is None and folded in self._bare and _folded(self._bare[folded]) in _folded(text):
            outlet = self._bare[folded]
        return outlet

    @staticmethod
    def authored(hits: list[_Hit], text: str = "") -> list[_Hit]:
        """A post whose author the cue did not name ("clarified the matter on its account on X") is the
        post of the sentence's named on-record speaker, unless it is told in the clause the speaker says
        ("Gov. Greg Abbott told reporters that the gunman had posted on Facebook": the gunman's post)."""
        speaker = next((h for h in hits if h.category == "on_record" and h.source), None)
        if speaker is None:
            return hits
        said_at = text.find(speaker.cue) + len(speaker.cue) if speaker.cue in text else -1

        def told(post: _Hit) -> bool:
            at = text.find(post.cue)
            return 0 <= said_at <= at and _CLAUSE.search(text, said_at, at) is not None
        return [replace(h, source=speaker.source) if h.category == "social_post" and not h.source and not told(h)
                else h for h in hits]

    def vet(self, hit: _Hit, text: str = "") -> _Hit:
        """The hit with its source kept, dropped (a fragment, a lone word that is no name, a place), or
        moved to `other_outlet` when an outlet is the speaker (see `vetted` for `text`)."""
        source = hit.source.strip()
        if not source:
            return hit
        words = source.split()
        folded = _folded(source)
        outlet = self._outlet(folded, text)
        if outlet is None and _AND.search(source):  # "The New York Times and The Washington Post"
            each = [self._outlet(_folded(part), text) for part in _AND.split(source)]
            outlet = "; ".join(each) if all(each) else None
        if hit.category == "on_record" and outlet:
            return replace(hit, category="other_outlet", source=outlet)
        if all(p in self._places or _folded(_without_the(p)) in self._places
               for p in (_folded(part) for part in _AND.split(source))):  # "Russia", "Britain and France"
            return replace(hit, source="")  # the category stands (a state may speak); the place names nobody
        owner = _POSSESSIVE.match(source)
        if owner and _folded(owner.group("owner")) in self._places:  # "Britain's Guardian": the Guardian
            return replace(hit, source=owner.group("name"))
        if len(words) > 1 and len(words[-1]) == 1 and words[-1].isupper():  # "multiple U" of "multiple U.S."
            return replace(hit, source="")
        lone = words[0].casefold().strip(".,") if len(words) == 1 else ""
        if lone in self._not_names and lone not in self._heads and not (
                hit.category == "anonymous_other" and lone in QUANTIFIER_WORDS):
            return replace(hit, source="")  # an unnamed source's description ("Experts", "Most") stands
        return hit


def _folded(text: str) -> str:
    return " ".join(text.replace("’", "'").casefold().split()).strip(" .,;:'\"")


def _without_the(name: str) -> str:
    return name[4:] if name[:4].casefold() == "the " else name
