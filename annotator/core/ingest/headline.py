"""Whether a line reads as a headline; shared by the readers that take a title from the text."""

from __future__ import annotations


def reads_as_headline(line: str) -> bool:
    """20 words or fewer, at most 160 characters, and no closing full stop, comma or colon."""
    words = line.split()
    return 0 < len(words) <= 20 and len(line) <= 160 and not line.rstrip("*_ ").endswith((".", ",", ";", ":"))
