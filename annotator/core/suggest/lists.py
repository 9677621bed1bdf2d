"""Names in a list: "Apple, Google, Microsoft and Amazon said". The frames read the pair the verb
follows ("Microsoft and Amazon"); the names listed before it speak too."""

from __future__ import annotations

from annotator.core.pattern_cache import compile_re

# "Apple, Google, " right before the pair, opening the sentence or a clause after ";", ":", a dash
_LISTED = compile_re(
    r"(?:^|(?<=[;:—–(“\"]))\s*(?P<items>(?:[A-Z][\w'’.&-]*(?:\s+[A-Z][\w'’.&-]*){0,3},\s+)+)$")

_NOT_LISTED = frozenset({"Unlike", "Like", "Besides", "Including", "Except", "Beyond", "Apart", "Alongside"})


def with_listed(text: str, source: str, not_names: frozenset[str]) -> str:
    """`source`, a pair of names ("Microsoft and Amazon"), with the names listed right before it in
    `text` ("Apple, Google, Microsoft and Amazon"); `source` as it is when no list comes before it or
    what comes before is a time, a place or a connective ("On Tuesday, ", "In Brussels, ",
    "Meanwhile, ": words of `not_names`)."""
    at = text.find(source) if " and " in source else -1
    found = _LISTED.search(text, 0, at) if at > 0 else None
    if found is None:
        return source
    items = [item.strip() for item in found.group("items").split(",") if item.strip()]
    while items and len(items[0].split()) == 1 and (items[0] in not_names or items[0].endswith("ly")):
        items = items[1:]  # "Meanwhile, Pfizer, Moderna and Novavax said": the connective is no name
    if not items or any(word in not_names or word in _NOT_LISTED for item in items for word in item.split()) or any(
            len(item.split()) == 1 and item.endswith("ly") for item in items):
        return source
    return ", ".join(items) + ", " + source
