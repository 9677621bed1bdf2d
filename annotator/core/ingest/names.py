"""File names as text that can always be printed and stored."""

from __future__ import annotations

import os
from pathlib import Path


def display_name(path: Path | str) -> str:
    """`path` as printable text: bytes that are not UTF-8 are shown as \\xNN, not as surrogates.

    On Linux a name such as b"caf\\xe9.txt" gives a str with a lone surrogate, which cannot be
    written to the terminal or to SQLite; this gives "caf\\\\xe9.txt" instead.
    """
    return os.fsencode(path).decode("utf-8", errors="backslashreplace")
