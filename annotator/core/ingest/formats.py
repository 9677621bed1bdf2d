"""Files → ParsedArticle: plain text, Markdown with a metadata header, saved web pages, PDF, Word."""

from __future__ import annotations

import re
from pathlib import Path

import markdown

from annotator.core.errors import ImportRefused
from annotator.core.ingest.dates import iso_date
from annotator.core.ingest.headline import reads_as_headline
from annotator.core.ingest.names import display_name
from annotator.core.ingest.textfile import read_decoded
from annotator.core.records import ParsedArticle

TEXT_SUFFIXES = {".txt", ".text"}
MARKDOWN_SUFFIXES = {".md", ".markdown"}
HTML_SUFFIXES = {".html", ".htm"}
PDF_SUFFIXES = {".pdf"}
WORD_SUFFIXES = {".docx"}
SUPPORTED = TEXT_SUFFIXES | MARKDOWN_SUFFIXES | HTML_SUFFIXES | PDF_SUFFIXES | WORD_SUFFIXES

_META_LINE = re.compile(r"^[ ]{0,3}[A-Za-z0-9_-]+:\s*.*$")
_META_MORE = re.compile(r"^[ ]{4,}.*$")
_HEADING = re.compile(r"^#{1,6}\s+(.+?)\s*#*\s*$")
_META_KEYS = {"title": "title", "outlet": "outlet", "url": "url", "published": "published",
              "date": "published", "author": "author", "site": "outlet", "source": "outlet"}


def is_supported(path: Path) -> bool:
    return path.suffix.lower() in SUPPORTED


def parse_file(path: Path) -> ParsedArticle:
    """Read one article file; raise ImportRefused naming the file when it cannot be used."""
    return load(path)[0]


def load(path: Path) -> tuple[ParsedArticle, list[str]]:
    """Like parse_file, with the warnings about reading it (replaced characters, guessed encoding)."""
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED:
        raise ImportRefused(path, f"unsupported file type {suffix or '(none)'}; use .txt, .md, .html, .pdf or .docx")
    if suffix in PDF_SUFFIXES | WORD_SUFFIXES:
        return _load_document(path, suffix), []
    decoded = read_decoded(path)
    text = decoded.text
    if suffix in MARKDOWN_SUFFIXES:
        article = parse_markdown(text, path)
    elif suffix in HTML_SUFFIXES:
        from annotator.core.ingest.html_page import parse_html

        article = parse_html(text, path)
    else:
        article = parse_plain(text, path)
    if not article.body.strip():
        raise ImportRefused(path, "has no article text")
    return article, decoded.warnings()


def _load_document(path: Path, suffix: str) -> ParsedArticle:
    """PDF and Word files: binary formats with their own readers, which check the text they find."""
    if suffix in PDF_SUFFIXES:
        from annotator.core.ingest.pdf_file import parse_pdf

        article = parse_pdf(path)
    else:
        from annotator.core.ingest.docx_file import parse_docx

        article = parse_docx(path)
    if not article.body.strip():
        raise ImportRefused(path, "has no article text")
    return article


def parse_plain(text: str, path: Path) -> ParsedArticle:
    """The whole text is the body; its first line is the title when it reads as a headline."""
    first = next((line.strip() for line in text.split("\n") if line.strip()), "")
    title = first if reads_as_headline(first) else display_name(path.stem)
    return ParsedArticle(title=title, body=text, source_file=display_name(path))


def parse_markdown(text: str, path: Path) -> ParsedArticle:
    """A metadata header (Title, Outlet, URL, Published, Author) is read; the rest is the body."""
    header, body = _split_header(text)
    meta = _read_meta(header) if header else {}
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
