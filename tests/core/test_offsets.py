"""Code points (Python) against UTF-16 units (Qt), with emoji and accents."""

from __future__ import annotations

import pytest

from annotator.core.offsets import OffsetMap


@pytest.mark.parametrize("text", ["plain ascii", "Émile, Zoë, naïve — “quotes”", "a😀b", "😀😀 flags 🇺🇸 end 𝔘", ""])
def test_round_trip_matches_utf16_encoding(text: str) -> None:
    offsets = OffsetMap(text)
    for i in range(len(text) + 1):
        utf16 = len(text[:i].encode("utf-16-le")) // 2
        assert offsets.to_utf16(i) == utf16
        assert offsets.from_utf16(utf16) == i


def test_position_inside_a_surrogate_pair_maps_to_its_character() -> None:
    offsets = OffsetMap("a😀b")
    assert offsets.from_utf16(2) == 1


def test_astral_characters_are_found_anywhere_in_a_long_text() -> None:
    text = ("Plain words and “quotes”. " * 2000) + "😀" + ("more text " * 500) + "𝔘 end"
    offsets = OffsetMap(text)
    for i in (0, 52000, text.index("😀"), text.index("😀") + 1, len(text)):
        assert offsets.to_utf16(i) == len(text[:i].encode("utf-16-le")) // 2
