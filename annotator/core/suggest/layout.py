"""Where an article's sentences stand in its text: the paragraph each one is in."""

from __future__ import annotations

from collections.abc import Sequence


def paragraph_numbers(body: str, spans: Sequence[tuple[int, int]]) -> list[int]:
    """Each sentence's paragraph, from 0: a line break between two sentences starts a new one."""
    numbers: list[int] = []
    paragraph, end = 0, 0
    for i, (start, stop) in enumerate(spans):
        if i and "\n" in body[end:start]:
            paragraph += 1
        numbers.append(paragraph)
        end = stop
    return numbers
