"""One category a sentence's cue suggests: what every sentence frame returns."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Hit:
    """One category a sentence's cue suggests."""

    category: str
    cue: str
    confidence: float
    source: str = ""
