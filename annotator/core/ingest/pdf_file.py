"""PDF files → ParsedArticle, from the text layer through pdfminer.six's layout analysis.

pdfminer groups a page's lines into text boxes (one per paragraph, columns apart, in reading
order); this module joins each box's hard-wrapped lines, splits a box where an indented line
starts a new paragraph, mends words hyphenated across lines and paragraphs cut by a page break,
and drops page numbers and lines repeated on most pages (running headers and footers).
A PDF needing a password, one without a text layer (a scan) and a damaged one are refused.

pdfminer reads within the limits of ingest/limits.py: its streams are inflated and decoded here, in
chunks counted against the file's budget (size and ratio), never whole; a predictor's row is bounded;
an indirect object that only refers to another is followed with a record of the way, so a reference
cycle is refused as damaged instead of spinning for ever; pages, objects read and the characters and
shapes laid out on one page are counted. pdfminer's log lines are kept out of the terminal.
"""

from __future__ import annotations

import logging
import re
import statistics
from collections import Counter
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from annotator.core.errors import ImportRefused
from annotator.core.ingest.dates import iso_date
from annotator.core.ingest import limits, pdf_streams
from annotator.core.ingest.headline import reads_as_headline
from annotator.core.ingest.names import display_name
from annotator.core.ingest import textfile
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
    _install_limits()
    try:
        blocks, pages, images, info = _read(path)
    except PDFPasswordIncorrect as error:
        raise ImportRefused(path, "is encrypted: it needs a password to open; save an unprotected copy") from error
    except PDFSyntaxError as error:  # its message says what (an exception object is never false: test the text)
        raise ImportRefused(path, f"is damaged ({_words(error) or 'not a readable PDF'})") from error
    except (PSException, KeyError, TypeError, ValueError, AttributeError, IndexError, AssertionError,
            RecursionError, ZeroDivisionError, OverflowError, UnicodeError, EOFError) as error:
        raise ImportRefused(path, f"is damaged ({damage_reason(error)})") from error  # pdfminer on broken structures
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


def damage_reason(error: BaseException) -> str:
    """What broke, in words: the error's own message, or the kind of structure when it gives none."""
    if isinstance(error, RecursionError):
        return "its objects nest too deeply or refer to themselves"
    message = _words(error)
    if isinstance(error, AssertionError) or not message:
        return f"a broken internal structure{': ' + message if message else ''}"
    return f"{type(error).__name__}: {message}"


def _words(error: BaseException) -> str:
    """The error's message on one line, at most 200 characters; "" when it has none."""
    return " ".join(str(error).split())[:200]


class _Limits:
    """The limits of the file being read in this process (one at a time), for the patched decoder."""

    budget: limits.Inflation | None = None


def _read(path: Path) -> tuple[list[_Block], int, int, dict[str, str]]:
    """(paragraph blocks in reading order, pages, images, document information)."""
    from pdfminer.layout import LAParams, LTFigure, LTImage, LTTextBox
    from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager
    from pdfminer.pdfpage import PDFPage
    from pdfminer.pdfparser import PDFParser

    blocks: list[_Block] = []
    pages = images = chars = 0
    _Limits.budget = limits.Inflation(path)
    try:
        with path.open("rb") as handle:
            document = _document_class()(PDFParser(handle), password="", path=path)
            info = _info(document)
            resources = PDFResourceManager()
            device = _aggregator_class()(resources, laparams=LAParams(), path=path)
            interpreter = PDFPageInterpreter(resources, device)
            for page in PDFPage.create_pages(document):
                if pages >= limits.MAX_PDF_PAGES:
                    raise ImportRefused(path, f"has more than {limits.MAX_PDF_PAGES} pages (the limit for one file)")
                interpreter.process_page(page)
                for item in device.get_result():
                    if isinstance(item, LTTextBox):
                        for text, size in _box_paragraphs(item):
                            blocks.append(_Block(text, pages, size))
                            chars += len(text)
                            if chars > textfile.MAX_BYTES:  # refused here, before more pages are laid out
                                raise ImportRefused(path, "has too much text (over 5 MB; the limit is 5 MB)")
                    elif isinstance(item, (LTFigure, LTImage)):
                        images += 1
                pages += 1
    finally:
        _Limits.budget = None
    return blocks, pages, images, info


_CLASSES: dict[str, type] = {}


def _document_class() -> type:
    """pdfminer's document, counting the objects it reads and following chains of references with a
    record of the way: an object that only refers to another that refers back is a cycle, refused."""
    if "document" not in _CLASSES:
        from pdfminer.pdfdocument import PDFDocument
        from pdfminer.pdftypes import PDFObjRef

        class BoundedDocument(PDFDocument):
            def __init__(self, *args, path: Path, **kwargs) -> None:
                self._path = path
                self._read_ids: set[int] = set()
                self._resolving: set[int] = set()
                super().__init__(*args, **kwargs)

            def getobj(self, objid: int) -> object:
                if objid in self._resolving:  # an object stream holding itself, a chain back to its start
                    raise ImportRefused(self._path, f"is damaged (object {objid} refers back to itself)")
                if objid not in self._read_ids:
                    self._read_ids.add(objid)
                    if len(self._read_ids) > limits.MAX_PDF_OBJECTS:
                        raise ImportRefused(self._path, f"has more than {limits.MAX_PDF_OBJECTS:,} objects"
                                                        " (the limit for one file)")
                way = [objid]
                self._resolving.add(objid)
                try:
                    obj = super().getobj(objid)
                    while isinstance(obj, PDFObjRef):  # only a reference: follow it here, noting the way
                        if obj.objid in self._resolving:
                            raise ImportRefused(self._path, f"is damaged (a cycle of references through"
                                                            f" object {obj.objid})")
                        way.append(obj.objid)
                        self._resolving.add(obj.objid)
                        obj = super().getobj(obj.objid)
                    return obj
                finally:
                    self._resolving.difference_update(way)

        _CLASSES["document"] = BoundedDocument
    return _CLASSES["document"]


def _aggregator_class() -> type:
    """pdfminer's page aggregator, refusing a page that lays out more characters and shapes than the limit."""
    if "aggregator" not in _CLASSES:
        from pdfminer.converter import PDFPageAggregator

        class BoundedAggregator(PDFPageAggregator):
            def __init__(self, *args, path: Path, **kwargs) -> None:
                self._path = path
                self._items = 0
                super().__init__(*args, **kwargs)

            def begin_page(self, page, ctm) -> None:
                self._items = 0
                super().begin_page(page, ctm)

            def _count(self) -> None:
                self._items += 1
                if self._items > limits.MAX_PDF_PAGE_CHARS:
                    raise ImportRefused(self._path, f"has a page of more than {limits.MAX_PDF_PAGE_CHARS:,}"
                                                    " characters and shapes (the limit for one page)")

            def render_char(self, *args, **kwargs):
                self._count()
                return super().render_char(*args, **kwargs)

            def paint_path(self, *args, **kwargs):
                self._count()
                return super().paint_path(*args, **kwargs)

        _CLASSES["aggregator"] = BoundedAggregator
    return _CLASSES["aggregator"]


def _install_limits() -> None:
    """Once per process: pdfminer's streams decode through _decode; its log lines go nowhere."""
    if _CLASSES.get("installed"):
        return
    from pdfminer import pdftypes

    pdftypes.PDFStream.decode = _decode
    logger = logging.getLogger("pdfminer")
    logger.addHandler(logging.NullHandler())
    logger.propagate = False
    logger.setLevel(logging.CRITICAL)
    _CLASSES["installed"] = object


def _decode(stream) -> None:
    """PDFStream.decode within the file's limits (ingest/pdf_streams.py)."""
    pdf_streams.decode(stream, _Limits.budget or limits.Inflation(Path("(PDF)")))


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
            try:
                value = resolve1(entry.get(key))
            except ImportRefused:  # a cycle of references: this value is lost, not the article
                continue
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
