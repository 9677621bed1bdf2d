"""Read an article file as text: refuse empty, binary or oversized files; detect the encoding.

Decoding tries, in order (the first that fits wins):
1. strict UTF-8, with or without its byte-order mark;
2. a byte-order mark: UTF-32 or UTF-16, little or big endian;
3. UTF-16 without a mark, told by its NUL bytes: text in a Latin script has a NUL in most odd
   positions in little endian (even positions in big endian) and almost none in the others;
4. UTF-8 with its damaged sequences replaced by U+FFFD, when they are rare (at most one per
   1,000 bytes; one is always allowed) and outnumbered by well-formed multi-byte sequences. That
   is UTF-8 with a bad byte, not 8-bit text; the replacements are reported as a warning;
5. the charset the file declares, when its bytes decode under it without error and without control
   characters: an XML declaration's encoding at its start, or a `<meta charset>` or http-equiv
   Content-Type among its first SNIFF_BYTES bytes (as browsers look for them). Names are read as
   browsers read them: ISO-8859-1 and ASCII as Windows-1252, Shift_JIS as CP932, EUC-KR as CP949,
   GB2312 and GBK as GB18030. A name Python does not know, or one a page in bytes cannot be
   (UTF-16, UTF-7, ...), is no declaration: the steps below guess;
6. Windows-1252 (a superset of Latin-1's letters) when every byte is defined there and the text
   reads as a Western European language: at most 40% of its letters carry accents;
7. charset-normalizer's guess (KOI8-R, Shift-JIS, ...), from MIN_GUESS_BYTES on; shorter files
   give a detector too little to go on.
The result must read as text: no control characters, at least MIN_LETTERS letters and, for the
guesses of steps 6 and 7 and for any file under SHORT_BYTES, mostly words: letters, digits,
spaces and ordinary punctuation. Tiny random binary files fail these tests and are refused.
(UTF-16 without a mark in a script without NUL bytes, such as Chinese, is not recognised.)
"""

from __future__ import annotations

import codecs
import functools
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from charset_normalizer import from_bytes

from annotator.core.errors import ImportRefused

MAX_BYTES = 5 * 1024 * 1024
MIN_LETTERS = 4
MIN_GUESS_BYTES = 32
SHORT_BYTES = 64  # shorter files must also read as words, whatever their encoding
BAD_UTF8_PER_BYTES = 1000
MAX_ACCENTED = 0.4  # of a Windows-1252 text's letters; KOI8-R read so has nearly all accented
MAX_RARE = 0.1  # of a guessed text's visible characters: more is a wrong decoding (see rare_share)
SNIFF_BYTES = 1024  # where a <meta> charset declaration is looked for, as a browser's prescan does
_BOMS = (  # UTF-32 before UTF-16: FF FE 00 00 starts with the UTF-16 LE mark
    (codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_BOM_PREFIXES = tuple(bom for bom, _ in _BOMS)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")
_ORDINARY_PUNCT = set(".,;:!?¡¿'\"()-–—…“”‘’‚„«»/%&$€£、。，．・：；！？「」『』（）〈〉《》【】〔〕～")
_XML_ENCODING = re.compile(rb"""^<\?xml\s[^>]*?\bencoding\s*=\s*["']([A-Za-z0-9._:-]{1,40})["']""")
_META_CHARSET = re.compile(rb"""<meta\b[^>]*?\bcharset\s*=\s*["']?\s*([A-Za-z0-9._:-]{1,40})""", re.IGNORECASE)
# Python's name of a codec → the one browsers decode that label with (the WHATWG Encoding Standard)
_AS_BROWSERS_READ = {"iso8859-1": "cp1252", "ascii": "cp1252", "iso8859-9": "cp1254", "iso8859-11": "cp874",
                     "tis-620": "cp874", "gb2312": "gb18030", "gbk": "gb18030", "shift_jis": "cp932",
                     "euc_kr": "cp949", "big5": "big5hkscs"}
_NOT_DECLARABLE = ("utf-16", "utf-32", "utf-7", "idna", "punycode", "unicode-escape", "raw-unicode-escape",
                   "undefined", "utf-8-sig")
_RARE_BLOCKS = re.compile("[\ufffd\ue000-\uf8ff\uf900-\ufaff\uff61-\uff9f\u3131-\u318e\u3400-\u4dbf"
                          "\u2500-\u259f\U00020000-\U0003ffff\U000f0000-\U0010ffff]")
_UNSPACED_SCRIPTS = ("CJK", "HIRAGANA", "KATAKANA", "HANGUL", "THAI", "LAO", "KHMER", "MYANMAR")


@dataclass(frozen=True)
class Decoded:
    """A file's text and how it was read; `replaced` counts bytes sequences that became U+FFFD."""

    text: str
    encoding: str
    replaced: int = 0
    guessed: bool = False

    def warnings(self) -> list[str]:
        notes = []
        if self.replaced:
            notes.append(f"{self.replaced} damaged byte sequence(s) could not be read as {self.encoding}"
                         " and were replaced with \ufffd")
        if self.guessed:
            notes.append(f"its encoding was guessed as {self.encoding}; check that the text reads correctly")
        return notes


def check_file_size(path: Path) -> int:
    """A document file's size, refused when it cannot be read, is over the limit or is empty."""
    try:
        size = path.stat().st_size
    except OSError as error:
        raise ImportRefused(path, f"cannot be read ({error.strerror or error})") from error
    if size > MAX_BYTES:
        raise ImportRefused(path, f"too large ({size / 1024 / 1024:.1f} MB; the limit is 5 MB)")
    if not size:
        raise ImportRefused(path, "is empty")
    return size


def check_extracted_text(path: Path, text: str) -> None:
    """Text taken out of a document meets the rules for text files: the size limit, letters, no control bytes."""
    data = text.encode("utf-8")
    if len(data) > MAX_BYTES:
        raise ImportRefused(path, f"has too much text ({len(data) / 1024 / 1024:.1f} MB; the limit is 5 MB)")
    decode(path, data)


def read_text(path: Path) -> str:
    """The file's text with line endings normalised to \\n; nothing else is changed."""
    return read_decoded(path).text


def read_decoded(path: Path) -> Decoded:
    """Like read_text, also saying which encoding was used and what had to be replaced."""
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise ImportRefused(path, f"too large ({size / 1024 / 1024:.1f} MB; the limit is 5 MB of text)")
        data = path.read_bytes()
    except OSError as error:
        raise ImportRefused(path, f"cannot be read ({error.strerror or error})") from error
    decoded = decode(path, data)
    text = decoded.text.replace("\r\n", "\n").replace("\r", "\n")
    return Decoded(text, decoded.encoding, decoded.replaced, decoded.guessed)


def decode(path: Path, data: bytes) -> Decoded:
    """Decode `data` (see the module docstring for the order); raise ImportRefused if it is not text."""
    if not data.strip() or not data.strip(b" \t\r\n\f\x00").strip():
        raise ImportRefused(path, "is empty")
    decoded = _decode(data)
    if decoded is None:
        raise ImportRefused(path, "is a binary file, not text" if b"\x00" in data
                            else "is not text in any encoding that could be recognised")
    text = decoded.text.lstrip("\ufeff")
    if not text.strip():
        raise ImportRefused(path, "is empty")
    if _CONTROL.search(text):
        raise ImportRefused(path, "is a binary file, not text")
    letters = sum(1 for ch in text if ch.isalpha())
    if letters < MIN_LETTERS:
        raise ImportRefused(path, f"is nearly empty ({letters} letter(s); an article needs some text)")
    if len(data) < SHORT_BYTES and not _mostly_ordinary(text):
        raise ImportRefused(path, "is a binary file, not text (too few words for its length)")
    return Decoded(text, decoded.encoding, decoded.replaced, decoded.guessed)


def _decode(data: bytes) -> Decoded | None:
    # UTF-16 is valid UTF-8 wherever it is ASCII, so look for its NUL bytes first: anywhere, not only
    # in the first two bytes (a text opening with “ or — has none there). Real text holds no NUL.
    if b"\x00" in data and not data.startswith(_BOM_PREFIXES):
        found = _utf16_without_bom(data)
        if found is not None:
            return found
    try:
        return Decoded(data.decode("utf-8-sig"), "UTF-8")
    except UnicodeDecodeError:
        pass
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _with_replacement(data[len(bom):], encoding, strict_limit=False)
    if b"\x00" in data:
        return _utf16_without_bom(data)
    return _damaged_utf8(data) or _declared(data) or _cp1252(data) or _guess(data)


def _with_replacement(data: bytes, encoding: str, *, strict_limit: bool) -> Decoded | None:
    text = data.decode(encoding, errors="replace")
    replaced = text.count("\ufffd") - data.count("\ufffd".encode(encoding))
    if strict_limit and replaced > max(1, len(data) // BAD_UTF8_PER_BYTES):
        return None
    return Decoded(text, encoding.upper(), max(replaced, 0))


def _utf16_without_bom(data: bytes) -> Decoded | None:
    """UTF-16 text in a Latin script: one byte of (nearly) every code unit is NUL."""
    if len(data) < 8 or len(data) % 2:
        return None
    even, odd = data[0::2], data[1::2]
    units = len(data) // 2
    for zeros, others, encoding in ((odd, even, "utf-16-le"), (even, odd, "utf-16-be")):
        if zeros.count(0) >= 0.6 * units and others.count(0) <= 0.02 * units:
            try:
                return Decoded(data.decode(encoding), encoding.upper())
            except UnicodeDecodeError:
                return None
    return None


def _damaged_utf8(data: bytes) -> Decoded | None:
    decoded = _with_replacement(data, "utf-8", strict_limit=True)
    if decoded is None:
        return None
    well_formed = sum(1 for ch in decoded.text if ord(ch) > 0x7F and ch != "\ufffd")
    return decoded if well_formed > decoded.replaced else None


def _declared(data: bytes) -> Decoded | None:
    """The text in the charset the file declares, when it has a usable declaration and fits it."""
    encoding = declared_charset(data)
    if encoding is None:
        return None
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError:
        return None
    if _CONTROL.search(text):
        return None
    return Decoded(text, "Windows-1252" if encoding == "cp1252" else encoding.upper())


def declared_charset(data: bytes) -> str | None:
    """The Python codec of the charset `data` declares (XML declaration, HTML <meta>), or None."""
    found = _XML_ENCODING.match(data) or _META_CHARSET.search(data[:SNIFF_BYTES])
    if found is None:
        return None
    try:
        codec = codecs.lookup(found.group(1).decode("ascii"))
    except LookupError:
        return None
    if not codec._is_text_encoding or codec.name.startswith(_NOT_DECLARABLE):
        return None
    return _AS_BROWSERS_READ.get(codec.name, codec.name)


def _cp1252(data: bytes) -> Decoded | None:
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        return None
    letters = [ch for ch in text if ch.isalpha()]
    accented = sum(1 for ch in letters if ord(ch) > 0x7F)
    if " " not in text or accented > MAX_ACCENTED * len(letters) or not _mostly_ordinary(text):
        return None
    return Decoded(text, "Windows-1252")


def _guess(data: bytes) -> Decoded | None:
    """The detector's candidate that reads as prose, the least chaotic first (its rare characters
    counted as chaos: see rare_share), then the most coherent.

    When none does, the detector is asked again without them: it may list only Shift-JIS for a
    short KOI8-R text, which reads as half-width katakana.
    """
    if len(data) < MIN_GUESS_BYTES:
        return None
    excluded: list[str] = []
    for _ in range(3):
        matches = [(match, str(match)) for match in from_bytes(data, cp_exclusion=excluded or None)]
        if not matches:
            return None
        matches.sort(key=lambda found: (round(found[0].chaos + rare_share(found[1]), 2), -found[0].coherence))
        for match, text in matches:
            if not match.encoding.startswith(("utf_16", "utf_32")) and _reads_as_prose(text):
                return Decoded(text, match.encoding.replace("_", "-").upper(), guessed=True)
            excluded.append(match.encoding)
    return None


def _reads_as_prose(text: str) -> bool:
    """Ordinary characters in words, few of them rare (see rare_share)."""
    return _mostly_ordinary(text) and rare_share(text) <= MAX_RARE


def rare_share(text: str) -> float:
    """The share of the text's visible characters that prose seldom holds and a wrong decoding makes:
    U+FFFD, private-use and unassigned code points, the legacy half-width katakana, Hangul syllables
    outside the 2,350 of KS X 1001 and loose Hangul letters (Shift-JIS read as CP949 is mostly
    those), CJK compatibility and extension ideographs, box drawing."""
    counts = Counter(text)
    visible = sum(n for ch, n in counts.items() if not ch.isspace())
    return sum(n for ch, n in counts.items() if _is_rare(ch)) / visible if visible else 0.0


@functools.lru_cache(maxsize=8192)
def _is_rare(ch: str) -> bool:
    if ch < "\u0100":
        return False
    if _RARE_BLOCKS.match(ch) or unicodedata.category(ch) in ("Co", "Cn", "Cs"):
        return True
    return "\uac00" <= ch <= "\ud7a3" and ch not in _ks_x_1001_hangul()


@functools.cache
def _ks_x_1001_hangul() -> frozenset[str]:
    """The 2,350 Hangul syllables of KS X 1001 (EUC-KR rows 16 to 40): nearly all that Korean prose uses."""
    return frozenset(bytes((lead, trail)).decode("euc_kr") for lead in range(0xB0, 0xC9) for trail in range(0xA1, 0xFF))


def _mostly_ordinary(text: str) -> bool:
    """Nine in ten characters are letters, digits, spaces or ordinary punctuation, in words."""
    visible = [ch for ch in text if not ch.isspace()]
    if not visible:
        return False
    if not _has_words(text):
        return False
    ordinary = sum(1 for ch in visible if ch.isalpha() or ch in "0123456789" or ch in _ORDINARY_PUNCT)
    return ordinary >= 0.9 * len(visible)


def _has_words(text: str) -> bool:
    """Words separated by spaces (one space in 20 characters at least), one word, or a script without spaces."""
    spaces = text.count(" ") + text.count("\u3000")
    if spaces and len(text) <= 20 * spaces:
        return True
    word = text.strip()
    if not spaces and word.isalpha() and len(word) <= 20 and (word[1:].islower() or word.isupper()):
        return True  # a single word, written as one: "Señor", "NATO"
    letters = [ch for ch in text if ch.isalpha()]
    unspaced = sum(1 for ch in letters if unicodedata.name(ch, "").startswith(_UNSPACED_SCRIPTS))
    return bool(letters) and unspaced >= 0.5 * len(letters)
