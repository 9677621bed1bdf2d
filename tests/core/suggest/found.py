"""What the suggester proposes for a few sentences, per sentence: the rule tests' one way of asking."""

from __future__ import annotations

from annotator.core.suggest.layout import paragraph_numbers
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


def in_body(suggester: Suggester, body: str, outlet: str = "") -> list[dict[str, str]]:
    """Each sentence's suggested categories with their sources, for a body whose sentences are
    separated by ' | ' and paragraphs by '\\n\\n'."""
    texts, spans, at = [], [], 0
    for paragraph in body.split("\n\n"):
        for sentence in paragraph.split(" | "):
            start = body.index(sentence, at)
            spans.append((start, start + len(sentence)))
            texts.append(sentence)
            at = start + len(sentence)
    found: list[dict[str, str]] = [{} for _ in texts]
    for s in suggester.suggest(texts, paragraphs=paragraph_numbers(body, spans), outlet=outlet):
        found[s.idx][s.category] = s.source
    return found
