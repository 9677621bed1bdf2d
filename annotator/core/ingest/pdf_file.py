"""PDF files → ParsedArticle, from the text layer through pdfminer.six's layout analysis.

pdfminer groups a page's lines into text boxes (one per paragraph, columns apart, in reading
order); this module joins each box's hard-wrapped lines, splits a box where an indented line
starts a new paragraph, mends words hyphenated across lines and paragraphs cut by a page break,
and drops page numbers and lines repeated on most pages (running headers and footers).
A PDF needing a password, one without a text layer (a scan) and a damaged one are refused.
"""

from __future__ import annotations

import re
import statistics
from collections import Counter
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from annotator.core.errors import ImportRefused
from annotator.core.ingest.dates import iso_date
from annotator.core.ingest.headline import reads_as_headline
from annotator.core.ingest.names import display_name
from annotator.core.ingest.textfile import check_extracted_text, check_file_size
from annotator.core.records import ParsedArticle

_LIGATURES = str.maketrans({"\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi",
                            "\ufb04": "ffl", "\ufb05": "st", "\ufb06": "st", "\u00ad": ""})
_PAGE_NUMBER = re.compile(r"^(?:page\s+)?\d{1,4}(?:\s*(?:/|of)\s*\d{1,4})?$|^[-–—]\s*\d{1,4}\s*[-–—]$", re.I)
_PDF_DATE = re.compile(r"^(?:D:)?(\d{4})(\d{2})(\d{2})")
_JUNK_TITLE = re.compile(r"^(?:microsoft (?:word|powerpoint) - |untitled\b)|\.(?:docx?|pdf|odt|rtf|txt)$", re.I)
_SENTENCE_END = (".", "!", "?", ":", "\"", "”", "’", "'", ")")
_CID = re.compile(r"\(cid:\d+\)")
HEADING_SCALE = 1.2  # a first line this much larger than the body text is the title


@dataclass(frozen=True)
class _Block:
    """One paragraph as laid out: its text, the page it is on and its largest font size."""

    text: str
    page: int
    size: float


def parse_pdf(path: Path) -> ParsedArticle:
    """Read the text layer and metadata; raise ImportRefused with a plain reason otherwise."""
    from pdfminer.pdfdocument import PDFPasswordIncorrect
    from pdfminer.pdfparser import PDFSyntaxError
    from pdfminer.psparser import PSException

    check_file_size(path)
    try:
        blocks, pages, images, info = _read(path)
    except PDFPasswordIncorrect as error:
        raise ImportRefused(path, "is encrypted: it needs a password to open; save an unprotected copy") from error
    except PDFSyntaxError as error:
        raise ImportRefused(path, f"is damaged ({error or 'not a readable PDF'})") from error
    except (PSException, KeyError, TypeError, ValueError, AttributeError, IndexError, AssertionError,
            RecursionError) as error:  # pdfminer's parsers raise these on broken structures
        raise ImportRefused(path, f"is damaged ({type(error).__name__}: {error})") from error
    paragraphs = _mend(_without_furniture(blocks, pages))
    text = "\n\n".join(paragraphs)
    if not text.strip():
        if images:
            raise ImportRefused(path, "is a scanned PDF with no text layer; run OCR first")
        raise ImportRefused(path, "has no article text")
    if len(_CID.findall(text)) * 10 > len(text.split()):
        raise ImportRefused(path, "has a text layer that cannot be read (its fonts map no letters); run OCR first")
    check_extracted_text(path, text)
    return ParsedArticle(
        title=_usable(info.get("Title")) or _heading(blocks) or display_name(path.stem),
        body=text, author=_usable(info.get("Author")), published=pdf_date(info.get("CreationDate")),
        source_file=display_name(path),
    )


def _read(path: Path) -> tuple[list[_Block], int, int, dict[str, str]]:
    """(paragraph blocks in reading order, pages, images, document information)."""
    from pdfminer.converter import PDFPageAggregator
    from pdfminer.layout import LAParams, LTFigure, LTImage, LTTextBox
    from pdfminer.pdfdocument import PDFDocument
    from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager
    from pdfminer.pdfpage import PDFPage
    from pdfminer.pdfparser import PDFParser

    blocks: list[_Block] = []
    pages = images = 0
    with path.open("rb") as handle:
        document = PDFDocument(PDFParser(handle), password="")
        info = _info(document)
        resources = PDFResourceManager()
        device = PDFPageAggregator(resources, laparams=LAParams())
        interpreter = PDFPageInterpreter(resources, device)
        for page in PDFPage.create_pages(document):
            interpreter.process_page(page)
            for item in device.get_result():
                if isinstance(item, LTTextBox):
                    blocks.extend(_Block(text, pages, size) for text, size in _box_paragraphs(item))
                elif isinstance(item, (LTFigure, LTImage)):
                    images += 1
            pages += 1
    return blocks, pages, images, info


def _box_paragraphs(box) -> list[tuple[str, float]]:
    """A text box's lines joined into paragraphs; an indented line after a full one starts another."""
    lines = [line for line in box if line.get_text().strip()]
    sizes = [[ch.size for ch in line if hasattr(ch, "size")] or [0.0] for line in lines]
    left = min((line.x0 for line in lines), default=0.0)
    paragraphs: list[tuple[list[str], float]] = []
    for line, line_sizes in zip(lines, sizes):
        text = " ".join(line.get_text().translate(_LIGATURES).split())
        indent = line.x0 - left > 0.8 * statistics.median(line_sizes)
        if not paragraphs or (indent and paragraphs[-1][0][-1].endswith(_SENTENCE_END)):
            paragraphs.append(([text], max(line_sizes)))
        else:
            paragraphs[-1][0].append(text)
    return [(join_lines(texts), size) for texts, size in paragraphs]


def join_lines(lines: list[str]) -> str:
    """Hard-wrapped lines as one line; "infor-" + "mation" becomes "information", "long-" + "Term" stays."""
    text = ""
    for line in lines:
        if text.endswith("-") and len(text) > 1 and text[-2].isalpha() and line[:1].islower():
            text = text[:-1] + line
        else:
            text = f"{text} {line}" if text else line
    return text


def _without_furniture(blocks: list[_Block], pages: int) -> list[_Block]:
    """Drop page numbers and, in documents of three pages or more, text repeated on most pages."""
    seen = Counter(text for text, _page in {(b.text, b.page) for b in blocks})
    repeated = {text for text, count in seen.items() if pages >= 3 and count > pages / 2}
    return [b for b in blocks if not _PAGE_NUMBER.match(b.text) and b.text not in repeated]


def _mend(blocks: list[_Block]) -> list[str]:
    """Paragraph texts, rejoining one cut in two (no full stop, then a lowercase start) by a page
    break or by the layout analysis, which puts a short last line in a box of its own."""
    paragraphs: list[str] = []
    for block in blocks:
        if paragraphs and block.text[:1].islower() and not paragraphs[-1].endswith(_SENTENCE_END):
            paragraphs[-1] = join_lines([paragraphs[-1], block.text])
        else:
            paragraphs.append(block.text)
    return paragraphs


def _heading(blocks: list[_Block]) -> str | None:
    """The first paragraph when it is set larger than the body text and reads as a headline."""
    if len(blocks) < 2:
        return None
    body_size = statistics.median(b.size for b in blocks)
    first = blocks[0]
    if first.size >= HEADING_SCALE * body_size and reads_as_headline(first.text):
        return first.text
    return None


def _info(document) -> dict[str, str]:
    """The document information dictionary's strings (Title, Author, CreationDate)."""
    from pdfminer.pdftypes import resolve1
    from pdfminer.utils import decode_text

    found: dict[str, str] = {}
    for entry in document.info:
        for key in ("Title", "Author", "CreationDate"):
            value = resolve1(entry.get(key))
            if isinstance(value, bytes):
                value = decode_text(value)
            if isinstance(value, str) and value.strip() and key not in found:
                found[key] = " ".join(value.replace("\x00", "").split())
    return found


def _usable(value: str | None) -> str | None:
    """A metadata value, unless it is a placeholder such as "Microsoft Word - draft.docx"."""
    if not value or _JUNK_TITLE.search(value):
        return None
    return value


def pdf_date(value: str | None) -> str | None:
    """"D:20250304101500+01'00'" → "2025-03-04"; anything else, or no calendar date, → None."""
    match = _PDF_DATE.match(value or "")
    if not match:
        return None
    try:
        day = date(*(int(part) for part in match.groups()))
    except ValueError:
        return None
    return iso_date(day.isoformat())
