"""One spelling for a name that outlets transliterate differently: "Gaddafi" and "Gadhafi", "Muammar"
and "Moammar" are one term when different articles use them.

Two name terms are variants when they read alike once the letters transliteration varies are
levelled (`sound`): an h after the first letter dropped, doubled letters single, o and u one letter,
e, i and y one letter, a soft c an s and a hard one (and q) a k, z an s, ph an f. The name must be
long enough to leave something to compare (six letters), it is no place or body the word lists know
("Colombia" stays itself beside "Columbia"), and the two spellings never occur in one article, as
names or as words: an outlet keeps to one, so two of them side by side in one article are two words.
Only names are read through the mapping: lower-case "counsel" stays "counsel" where "Counsel" meets
"Council". Endings are left as they are, so "Andrew" and "Andrea", "Robert" and "Roberto", "Estonia"
and "Estonian" stay apart.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from annotator.core.claims.tokens import Term, lexicon

MIN_LENGTH = 6
_LETTERS = str.maketrans({"o": "u", "e": "i", "y": "i", "q": "k", "z": "s"})
_SOFT_C = re.compile(r"c(?=[eiy])")
_DOUBLED = re.compile(r"(.)\1+")


def sound(name: str) -> str:
    """The name with transliteration's variable letters levelled: "gaddafi" and "gadhafi" → "gadafi"."""
    name = _SOFT_C.sub("s", name).replace("c", "k").replace("ph", "f")
    name = name[0] + name[1:].replace("h", "")
    return _DOUBLED.sub(r"\1", name.translate(_LETTERS))


def canonical_names(lists: Sequence[Sequence[Term]], articles: Sequence[int]) -> dict[str, str]:
    """Name term → the spelling it is read as (the one in most sentences), for the variants found."""
    known = lexicon().proper
    count: dict[str, int] = {}
    for found in lists:
        for term in {t.text for t in found if t.name and len(t.text) >= MIN_LENGTH and t.text.isalpha()
                     and t.text not in known}:
            count[term] = count.get(term, 0) + 1
    alike: dict[str, list[str]] = {}
    for term in sorted(count, key=lambda t: (-count[t], t)):  # the commonest spelling first
        alike.setdefault(sound(term), []).append(term)
    groups = [spellings for spellings in alike.values() if len(spellings) > 1]
    if not groups:
        return {}
    spelled = {term for spellings in groups for term in spellings}
    where: dict[str, set[int]] = {term: set() for term in spelled}  # the articles of each, a name or a word
    for found, article in zip(lists, articles):
        for term in {t.text for t in found} & spelled:
            where[term].add(article)
    mapping: dict[str, str] = {}
    for spellings in groups:
        kept: list[tuple[str, set[int]]] = []  # a spelling kept and the articles it now stands for
        for term in spellings:
            home = next((k for k in kept if not k[1] & where[term]), None)
            if home is None:
                kept.append((term, set(where[term])))
            else:
                mapping[term] = home[0]
                home[1].update(where[term])
    return mapping


def merge_variants(lists: Sequence[Sequence[Term]], articles: Sequence[int]) -> Sequence[Sequence[Term]]:
    """The term lists with each variant spelling replaced by its canonical one (the same lists when none)."""
    mapping = canonical_names(lists, articles)
    if not mapping:
        return lists
    return [[replace(t, text=mapping[t.text]) if t.name and t.text in mapping else t for t in found]
            for found in lists]
