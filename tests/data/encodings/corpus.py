"""The encoding test corpus: each file's expected text and how its bytes are made.

Run `python tests/data/encodings/corpus.py` to write the files again; tests read the files.
"""

from __future__ import annotations

from pathlib import Path

HERE = Path(__file__).resolve().parent

ENGLISH = ("The minister said talks would resume next week. “We are not giving up,” she told reporters"
           " in the capital. Señor García, the envoy, agreed.\n")
DAMAGED = ENGLISH + "“It’s a long road,” he said — and left.\n"

# file name → (expected text, encoding, bytes to insert at a position or None)
SAMPLES: dict[str, tuple[str, str]] = {
    "cp1252_smart_quotes.txt": ("He said “it’s over” — and left… The café closed at 5 p.m. on "
                                "Friday; “No comment,” said Müller.\n", "cp1252"),
    "latin1.txt": ("Señor López dijo que la reunión había terminado. El niño está aquí, en "
                   "Málaga, según el portavoz.\n", "latin-1"),
    "koi8r.txt": ("Министр заявил, что переговоры продолжатся на следующей неделе в Москве.\n",
                  "koi8-r"),
    "shift_jis.txt": ("政府は来週、東京で交渉を再開すると発表した。記者会見で大臣が述べた。\n", "shift_jis"),
    "utf16le_no_bom.txt": (ENGLISH, "utf-16-le"),
    "utf16be_no_bom.txt": (ENGLISH, "utf-16-be"),
}
BAD_BYTE_AT = 60  # in the UTF-8 file: one stray 0xFF after this many bytes
BAD_UTF8 = "utf8_one_bad_byte.txt"


def bad_utf8_bytes() -> bytes:
    data = DAMAGED.encode("utf-8")
    return data[:BAD_BYTE_AT] + b"\xff" + data[BAD_BYTE_AT:]


def bad_utf8_text() -> str:
    """What a reader sees: the text with one U+FFFD where the stray byte was."""
    data = DAMAGED.encode("utf-8")
    return data[:BAD_BYTE_AT].decode() + "\ufffd" + data[BAD_BYTE_AT:].decode()


def write_all(folder: Path = HERE) -> None:
    for name, (text, encoding) in SAMPLES.items():
        (folder / name).write_bytes(text.encode(encoding))
    (folder / BAD_UTF8).write_bytes(bad_utf8_bytes())


if __name__ == "__main__":
    write_all()
