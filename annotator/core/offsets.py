"""Convert between Python's code-point offsets and Qt's UTF-16 positions in one text."""

from __future__ import annotations

import re
from bisect import bisect_right

_ASTRAL = re.compile("[\U00010000-\U0010FFFF]")


class OffsetMap:
    """Offsets of one text; identity when the text has no character outside the BMP."""

    def __init__(self, text: str) -> None:
        # Found by the regex engine, not a Python loop over every character: opening a long article
        # spent most of its time above Qt's own floor here.
        # isascii() answers at once for most texts; a regex search is several times faster than max().
        plain = not text or text.isascii() or _ASTRAL.search(text) is None
        self._astral = [] if plain else [m.start() for m in _ASTRAL.finditer(text)]
        self.identity = not self._astral  # code points and UTF-16 positions are the same
        # UTF-16 position of each astral character, for the reverse direction.
        self._astral_utf16 = [i + n for n, i in enumerate(self._astral)]

    def to_utf16(self, offset: int) -> int:
        """The UTF-16 position of code-point `offset`."""
        return offset + bisect_right(self._astral, offset - 1) if self._astral else offset

    def from_utf16(self, position: int) -> int:
        """The code-point offset of UTF-16 `position`; inside a surrogate pair, its character."""
        if not self._astral:
            return position
        before = bisect_right(self._astral_utf16, position - 1)
        if before and self._astral_utf16[before - 1] + 1 == position:
            return self._astral[before - 1]
        return position - before
