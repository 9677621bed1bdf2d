"""One category a sentence's cue suggests: what every sentence frame returns."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Hit:
    """One category a sentence's cue suggests."""

    category: str
    cue: str
    confidence: float
    source: str = ""


# how a frame module asks the rules to read a named subject: (subject, apposition or None, cue) -> a hit
NamedHit = Callable[[str, "str | None", str], "Hit | None"]
SPEAKERS = ("on_record", "anonymous_official", "anonymous_other")  # the categories of someone speaking
UNNAMED = ("anonymous_official", "anonymous_other")
CARRIED = "continues sentence"  # how a hit carried over from an earlier sentence begins its cue


def is_carried(hit: Hit) -> bool:
    """Whether the hit was carried over from an earlier sentence rather than read in its own."""
    return hit.cue.startswith(CARRIED)


def best_per_category(hits: list[Hit]) -> list[Hit]:
    """One hit per category: the most confident, with a named source preferred on ties."""
    best: dict[str, Hit] = {}
    for hit in hits:
        kept = best.get(hit.category)
        if kept is None or (hit.confidence, bool(hit.source)) > (kept.confidence, bool(kept.source)):
            best[hit.category] = hit if hit.source or kept is None or not kept.source else Hit(
                hit.category, hit.cue, hit.confidence, kept.source)
        elif hit.source and not kept.source:  # the more confident cue, the source another cue named
            best[hit.category] = Hit(kept.category, kept.cue, kept.confidence, hit.source)
    return list(best.values())
