"""Files → ParsedArticle: plain text, Markdown with a metadata header, saved web pages, PDF, Word.

READERS is the one table of the file types an import reads; what is supported, the refusal of
other types and the file dialog's filter are all derived from it. The readers of web pages, PDF and
Word load their libraries only when such a file is read.
"""

from __future__ import annotations

import dataclasses
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import markdown

from annotator.core.errors import ImportRefused
from annotator.core.ingest.dates import iso_date
from annotator.core.ingest.headline import reads_as_headline
from annotator.core.ingest.names import display_name
from annotator.core.ingest.textfile import read_decoded
from annotator.core.records import ParsedArticle

Read = Callable[[Path], tuple[ParsedArticle, list[str]]]  # a path -> (article, warnings about reading it)


@dataclass(frozen=True)
class Reader:
    """One kind of article file: its name as a user reads it ("Web page"), whether it is binary (read
    by its own library) or text (decoded first, with warnings about the decoding), and its reader."""

    name: str
    binary: bool
    read: Read


def _read_plain(path: Path) -> tuple[ParsedArticle, list[str]]:
    return _read_text(path, parse_plain)


def _read_markdown(path: Path) -> tuple[ParsedArticle, list[str]]:
    return _read_text(path, parse_markdown)


def _read_html(path: Path) -> tuple[ParsedArticle, list[str]]:
    from annotator.core.ingest.html_page import parse_html

    return _read_text(path, parse_html)


def _read_pdf(path: Path) -> tuple[ParsedArticle, list[str]]:
    from annotator.core.ingest.pdf_file import parse_pdf

    return parse_pdf(path), []


def _read_word(path: Path) -> tuple[ParsedArticle, list[str]]:
    from annotator.core.ingest.docx_file import parse_docx

    return parse_docx(path), []


def _read_text(path: Path, parse: Callable[[str, Path], ParsedArticle]) -> tuple[ParsedArticle, list[str]]:
    decoded = read_decoded(path)
    return parse(decoded.text, path), decoded.warnings()


_PLAIN = Reader("Plain text", binary=False, read=_read_plain)
_MARKDOWN = Reader("Markdown", binary=False, read=_read_markdown)
_WEB_PAGE = Reader("Web page", binary=False, read=_read_html)
_PDF = Reader("PDF", binary=True, read=_read_pdf)
_WORD = Reader("Word", binary=True, read=_read_word)

READERS: dict[str, Reader] = {
    ".txt": _PLAIN, ".text": _PLAIN,
    ".md": _MARKDOWN, ".markdown": _MARKDOWN,
    ".html": _WEB_PAGE, ".htm": _WEB_PAGE,
    ".pdf": _PDF,
    ".docx": _WORD,
}

MIN_WORDS = 20  # fewer is a caption, a stub or a page whose article could not be found, not an article
_WORD = re.compile(r"\w+")
_META_LINE = re.compile(r"^[ ]{0,3}[A-Za-z0-9_-]+:\s*.*$")
_META_MORE = re.compile(r"^[ ]{4,}.*$")
_HEADING = re.compile(r"^#{1,6}\s+(.+?)\s*#*\s*$")
_META_KEYS = {"title": "title", "outlet": "outlet", "url": "url", "published": "published",
              "date": "published", "author": "author", "site": "outlet", "source": "outlet"}


def is_supported(path: Path) -> bool:
    return path.suffix.lower() in READERS


def parse_file(path: Path) -> ParsedArticle:
    """Read one article file; raise ImportRefused naming the file when it cannot be used."""
    return load(path)[0]


def load(path: Path) -> tuple[ParsedArticle, list[str]]:
    """Like parse_file, with the warnings about reading it (replaced characters, guessed encoding).

    Title, body, outlet and author are in NFC, however the file wrote them (a PDF or a Mac may
    give "Zu" + U+0308 + "rich"): the sentences' offsets are counted in what is stored."""
    reader = READERS.get(path.suffix.lower())
    if reader is None:
        raise ImportRefused(path, f"{unsupported_type(path)}; use {_listed(list(READERS))}")
    article, warnings = reader.read(path)
    article = dataclasses.replace(article, title=_nfc(article.title), body=_nfc(article.body),
                                  outlet=_nfc(article.outlet), author=_nfc(article.author))
    if not article.body.strip():
        raise ImportRefused(path, "has no article text")
    words = len(_WORD.findall(article.body))
    if words < MIN_WORDS:
        raise ImportRefused(path, f"has too little text to annotate ({words} word{'s' if words != 1 else ''};"
                                  f" an article needs at least {MIN_WORDS})")
    return article, warnings


def _nfc(text: str | None) -> str | None:
    return unicodedata.normalize("NFC", text) if text else text


def unsupported_type(path: Path) -> str:
    """Why a file is not read, as a skipped file's reason: "unsupported file type .png"."""
    return f"unsupported file type {path.suffix.lower() or '(none)'}"


def supported_types() -> str:
    """Every supported suffix, sorted: ".docx, .htm, .html, ..."."""
    return ", ".join(sorted(READERS))


def format_names() -> str:
    """The formats read, by name, in the table's order: "Plain text, Markdown, Web page, PDF, Word"."""
    return ", ".join(dict.fromkeys(reader.name for reader in READERS.values()))


def file_dialog_filter() -> str:
    """A file dialog's name filter: all article files, then each format, then all files."""
    by_format: dict[str, list[str]] = {}
    for suffix, reader in READERS.items():
        by_format.setdefault(reader.name, []).append(suffix)
    filters = [f"Articles ({_globs(list(READERS))})"]
    filters += [f"{name} ({_globs(suffixes)})" for name, suffixes in by_format.items()]
    return ";;".join([*filters, "All files (*)"])


def _globs(suffixes: list[str]) -> str:
    return " ".join(f"*{suffix}" for suffix in suffixes)


def _listed(suffixes: list[str]) -> str:
    """Suffixes as a sentence lists them: ".txt, .md or .pdf"."""
    return suffixes[0] if len(suffixes) == 1 else f"{', '.join(suffixes[:-1])} or {suffixes[-1]}"


def parse_plain(text: str, path: Path) -> ParsedArticle:
    """The text is the body; its first line is the title when it reads as a headline.

    A leading block of known header lines ("Outlet: Reuters", "Date: 2025-03-04", then a blank
    line) is read and left out of the body, as in Markdown; such lines among the first few of the
    text (under a headline, say) are read too and left where they are.
    """
    header, body = _split_header(text)
    meta = _read_meta(header) if header and _only_known_keys(header) else {}
    if not meta:
        body = text
    meta = {**_meta_in_first_lines(body), **meta}
    first = next((line.strip() for line in body.split("\n") if line.strip()), "")
    title = meta.get("title") or (first if reads_as_headline(first) else display_name(path.stem))
    return ParsedArticle(
        title=title, body=body, outlet=meta.get("outlet"), url=meta.get("url"), author=meta.get("author"),
        published=iso_date(meta.get("published")), source_file=display_name(path),
    )


def parse_markdown(text: str, path: Path) -> ParsedArticle:
    """A metadata header (Title, Outlet, URL, Published, Author) is read; the rest is the body."""
    header, body = _split_header(text)
    meta = {**_meta_in_first_lines(body), **(_read_meta(header) if header else {})}
    title = meta.get("title")
    if not title:
        heading = next((m.group(1) for m in map(_HEADING.match, body.split("\n")) if m), None)
        first = next((line.strip() for line in body.split("\n") if line.strip()), "")
        title = heading or (first if reads_as_headline(first) else display_name(path.stem))
    return ParsedArticle(
        title=title, body=body, outlet=meta.get("outlet"), url=meta.get("url"),
        author=meta.get("author"), published=iso_date(meta.get("published")), source_file=display_name(path),
    )


def _split_header(text: str) -> tuple[str, str]:
    """Split off a leading metadata block (optionally between --- lines) and its blank line."""
    lines = text.split("\n")
    fenced = bool(lines) and lines[0].strip() == "---"
    i = 1 if fenced else 0
    if i >= len(lines) or not _META_LINE.match(lines[i]):
        return "", text
    while i < len(lines) and (_META_LINE.match(lines[i]) or _META_MORE.match(lines[i])):
        i += 1
    if fenced:
        if i >= len(lines) or lines[i].strip() not in ("---", "..."):
            return "", text
        i += 1
    elif i < len(lines) and lines[i].strip():
        return "", text  # not followed by a blank line: ordinary text that starts with "Word:"
    header = "\n".join(lines[:i])
    if i < len(lines) and not lines[i].strip():
        i += 1
    return header, "\n".join(lines[i:])


def _read_meta(header: str) -> dict[str, str]:
    """Read the header with python-markdown's Meta-Data extension."""
    md = markdown.Markdown(extensions=["meta"])
    md.convert(header)
    meta: dict[str, str] = {}
    for key, values in getattr(md, "Meta", {}).items():
        field = _META_KEYS.get(key.lower())
        value = " ".join(v.strip() for v in values if v.strip())
        if field and value and field not in meta:
            meta[field] = value
    return meta


_FIRST_LINE_META = re.compile(r"^(outlet|source|site|url|published|date|author)\s*:\s*(.+?)\s*$", re.IGNORECASE)
_FIRST_LINES = 8
_NAME_WORDS = 8  # an outlet named in a first line is short: "Source: Reuters", not a sentence


def _only_known_keys(header: str) -> bool:
    """Whether every "Key:" line of a header is one of the metadata keys: plain text may begin with
    "WASHINGTON: ..." or "UPDATE: ...", which is article text."""
    keys = [m.group(1) for m in re.finditer(r"^[ ]{0,3}([A-Za-z0-9_-]+):", header, re.MULTILINE)]
    return bool(keys) and all(key.lower() in _META_KEYS for key in keys)


def _meta_in_first_lines(body: str) -> dict[str, str]:
    """Header lines found among a body's first lines: an outlet of a few words, a date written as one."""
    meta: dict[str, str] = {}
    lines = [line.strip().strip("*_").strip() for line in body.split("\n") if line.strip()][:_FIRST_LINES]
    for line in lines:
        match = _FIRST_LINE_META.match(line)
        if match is None:
            continue
        field, value = _META_KEYS[match.group(1).lower()], match.group(2).strip()
        if field == "outlet" and (len(value.split()) > _NAME_WORDS or value.endswith(".")):
            continue
        if field == "published" and not _ISO_DAY.match(iso_date(value) or ""):
            continue
        if field == "url" and not value.lower().startswith(("http://", "https://")):
            continue
        meta.setdefault(field, value)
    return meta


_ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
