"""What the suggester proposes for a few sentences, per sentence: the rule tests' one way of asking."""

from __future__ import annotations

from annotator.core.suggest.suggester import Suggester


def categories(suggester: Suggester, *sentences: str, attributed_only: bool = False) -> list[set[str]]:
    """Each sentence's suggested category keys (without `unattributed` when `attributed_only`)."""
    found: list[set[str]] = [set() for _ in sentences]
    for s in suggester.suggest(list(sentences)):
        if not (attributed_only and s.category == "unattributed"):
            found[s.idx].add(s.category)
    return found


def sources_of(suggester: Suggester, *sentences: str) -> list[set[str]]:
    """Each sentence's suggested named sources."""
    found: list[set[str]] = [set() for _ in sentences]
    for s in suggester.suggest(list(sentences)):
        found[s.idx].add(s.source)
    return found
