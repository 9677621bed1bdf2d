"""Read an article file as text: refuse empty, binary or oversized files; detect the encoding."""

from __future__ import annotations

from pathlib import Path

from charset_normalizer import from_bytes

from annotator.core.errors import ImportRefused

MAX_BYTES = 5 * 1024 * 1024
_BOMS = (b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")


def read_text(path: Path) -> str:
    """The file's text with line endings normalised to \\n; nothing else is changed."""
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise ImportRefused(path, f"too large ({size / 1024 / 1024:.1f} MB; the limit is 5 MB of text)")
        data = path.read_bytes()
    except OSError as error:
        raise ImportRefused(path, f"cannot be read ({error.strerror or error})") from error
    text = decode(path, data)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise ImportRefused(path, "is empty")
    return text


def decode(path: Path, data: bytes) -> str:
    if not data.strip():
        raise ImportRefused(path, "is empty")
    if not data.startswith(_BOMS) and b"\x00" in data:
        raise ImportRefused(path, "is a binary file, not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    best = from_bytes(data).best()
    if best is None:
        raise ImportRefused(path, "is not text in any encoding that could be recognised")
    text = str(best)
    if _looks_binary(text) or "\x00" in text:
        raise ImportRefused(path, "is a binary file, not text")
    return text.lstrip("\ufeff")


def _looks_binary(text: str) -> bool:
    sample = text[:8192]
    controls = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\n\r\t\f")
    return controls > len(sample) // 100
