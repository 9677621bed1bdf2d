"""Word (.docx) files → ParsedArticle: body paragraphs and core properties, read from the zip as it streams.

The body is the document's top-level paragraphs, a blank line between them; tables, text boxes,
headers, footers, footnotes and comments are left out. The title is the Title property or else the
first paragraph in a Title or Heading style; author and date come from the core properties.

The file is untrusted: only the parts needed are read (the main document, its styles, the core
properties; never the images), each through the limits of ingest/limits.py, checked on the zip's
stated sizes before a part is opened and again on the bytes as they are inflated; the XML is parsed
as it streams (ElementTree.iterparse; expat expands an entity declared in the file, refuses an
undeclared one and guards against entity expansion bombs), and paragraphs are dropped from memory as
they are read. An encrypted part, an unsupported compression method, damaged deflate data and a main
part that is not a Word document are refused as such.
"""

from __future__ import annotations

import posixpath
import re
import zipfile
import zlib
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from xml.etree.ElementTree import Element, ParseError, iterparse

from annotator.core.errors import ImportRefused
from annotator.core.ingest import limits, textfile
from annotator.core.ingest.dates import iso_date
from annotator.core.ingest.headline import reads_as_headline
from annotator.core.ingest.names import display_name
from annotator.core.ingest.textfile import check_extracted_text, check_file_size
from annotator.core.records import ParsedArticle

_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # a compound file: an encrypted .docx or an old .doc
_ENCRYPTION_INFO = "EncryptionInfo".encode("utf-16-le")
# python-docx's own template: a document it wrote without setting these carries them
_TEMPLATE_AUTHOR = "python-docx"
_TEMPLATE_CREATED = datetime(2013, 12, 23, 23, 15)
_W = ("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}",
      "{http://purl.oclc.org/ooxml/wordprocessingml/main}")  # transitional and strict
_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"
_DC = "{http://purl.org/dc/elements/1.1/}"
_DCTERMS = "{http://purl.org/dc/terms/}"
_RUN_TEXT = {"t": None, "tab": "\t", "ptab": "\t", "cr": "\n", "noBreakHyphen": "-", "br": "\n"}
_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}))?")


def parse_docx(path: Path) -> ParsedArticle:
    """Read the paragraphs and core properties; raise ImportRefused with a plain reason otherwise."""
    _check_container(path)
    budget = limits.Inflation(path)
    try:
        with zipfile.ZipFile(path) as archive:
            main = _main_part(archive, budget)
            styles = _styles(archive, main, budget)
            paragraphs = list(_paragraphs(archive, main, budget, styles))
            title, author, created = _core_properties(archive, budget)
    except (zipfile.BadZipFile, zlib.error, ParseError, EOFError, OSError, ValueError) as error:
        raise ImportRefused(path, f"is damaged ({_reason(error)})") from error
    body = "\n\n".join(text.strip() for text, _ in paragraphs if text.strip())
    if not body:
        raise ImportRefused(path, "has no article text")
    check_extracted_text(path, body)
    heading = next((text.strip() for text, style in paragraphs
                    if text.strip() and style.startswith(("title", "heading"))), None)
    return ParsedArticle(
        title=(title or "").strip() or (heading if heading and reads_as_headline(heading) else None)
        or display_name(path.stem),
        body=body,
        author=(author or "").strip() if author and author.strip() != _TEMPLATE_AUTHOR else None,
        published=_created(created),
        source_file=display_name(path),
    )


def _open(archive: zipfile.ZipFile, name: str, budget: limits.Inflation) -> limits.LimitedReader:
    """A part opened for streaming, once its entry passes the checks the zip allows before reading."""
    path = budget.path
    try:
        info = archive.getinfo(name)
    except KeyError:
        raise ImportRefused(path, f"is damaged (its part {name} is missing)") from None
    if info.flag_bits & 0x1:
        raise ImportRefused(path, "is encrypted: it needs a password to open; save an unprotected copy")
    if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
        raise ImportRefused(path, f"is damaged (its part {name} uses compression method {info.compress_type},"
                                  " which Word does not write)")
    if info.file_size > budget.limit - budget.used:
        raise ImportRefused(path, f"is too large when unpacked ({name} alone is"
                                  f" {info.file_size / 2**20:.0f} MB; the limit is {budget.limit // 2**20} MB)")
    budget.check_ratio(info.file_size, info.compress_size, name)
    return limits.LimitedReader(archive.open(info), info.compress_size, budget, name)


def _relationships(archive: zipfile.ZipFile, part: str, budget: limits.Inflation) -> dict[str, str]:
    """A part's relationships: type (its last word: "officeDocument", "styles") → target part name."""
    folder, name = posixpath.split(part)
    rels = posixpath.join(folder, "_rels", f"{name}.rels")
    if rels not in archive.NameToInfo:
        return {}
    found: dict[str, str] = {}
    for element in _elements(archive, rels, budget):
        if element.tag == _REL and element.get("TargetMode") != "External":
            kind = (element.get("Type") or "").rsplit("/", 1)[-1]
            target = element.get("Target") or ""
            target = target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join(folder, target))
            found.setdefault(kind, target)
    return found


def _main_part(archive: zipfile.ZipFile, budget: limits.Inflation) -> str:
    main = _relationships(archive, "", budget).get("officeDocument", "word/document.xml")
    if main not in archive.NameToInfo:
        raise ImportRefused(budget.path, "is damaged (not a readable Word document: it has no main document part)")
    return main


def _styles(archive: zipfile.ZipFile, main: str, budget: limits.Inflation) -> dict[str | None, str]:
    """Paragraph style id → lower-case name; the key None is the default paragraph style."""
    part = _relationships(archive, main, budget).get("styles")
    if not part or part not in archive.NameToInfo:
        return {}
    names: dict[str | None, str] = {}
    try:
        for style in _elements(archive, part, budget):
            if _local(style.tag) != "style" or _attr(style, "type") != "paragraph":
                continue
            name = next((_attr(child, "val") or "" for child in style if _local(child.tag) == "name"), "")
            names[_attr(style, "styleId")] = name.lower()
            if _attr(style, "default") in ("1", "true", "on"):
                names.setdefault(None, name.lower())
    except ParseError:
        return {}  # broken styles lose the headings' styles (the title falls back), not the article
    return names


def _elements(archive: zipfile.ZipFile, part: str, budget: limits.Inflation) -> Iterator[Element]:
    """Each element of a small part (relationships, styles, properties) once it is complete; each
    child of the root is dropped once it has been seen."""
    depth = 0
    root: Element | None = None
    for event, element in iterparse(_open(archive, part, budget), events=("start", "end")):
        if event == "start":
            depth += 1
            root = element if root is None else root
            if depth > limits.MAX_XML_DEPTH:
                raise ImportRefused(budget.path, f"is damaged (its XML nests deeper than {limits.MAX_XML_DEPTH})")
            continue
        depth -= 1
        yield element
        if depth == 1 and root is not None:
            root.clear()


def _paragraphs(archive: zipfile.ZipFile, main: str, budget: limits.Inflation,
                styles: dict[str | None, str]) -> Iterator[tuple[str, str]]:
    """(text, lower-case style name) of each top-level paragraph, as python-docx reads them: the runs
    directly in the paragraph or in its hyperlinks. Each element inside the body is dropped from the
    tree as soon as it ends, so memory holds one path of the document, never the whole."""
    try:
        yield from _body_paragraphs(iterparse(_open(archive, main, budget), events=("start", "end")), budget, styles)
    except ParseError as error:
        raise ImportRefused(budget.path, f"is damaged (its XML cannot be read: {main}, {error})") from error


def _body_paragraphs(events, budget: limits.Inflation, styles: dict[str | None, str]) -> Iterator[tuple[str, str]]:
    names: list[str] = []  # local names of the open elements ("" outside the Word namespace)
    open_elements: list[Element] = []
    parts: list[str] = []
    style_id: str | None = None
    has_body = False
    chars = 0
    for event, element in events:
        if event == "start":
            names.append(_local(element.tag) if element.tag[:element.tag.find("}") + 1] in _W else "")
            open_elements.append(element)
            if len(names) > limits.MAX_XML_DEPTH:
                raise ImportRefused(budget.path, f"is damaged (its XML nests deeper than {limits.MAX_XML_DEPTH})")
            if len(names) == 1 and names[0] != "document":
                raise ImportRefused(budget.path, "is damaged (its main part is not a Word document:"
                                                 f" it starts with <{_local(element.tag)}>)")
            has_body = has_body or names == ["document", "body"]
            continue
        tag = names.pop()
        open_elements.pop()
        if len(names) < 2 or names[1] != "body":
            continue
        if len(names) == 2:  # a top-level element of the body has ended
            if tag == "p":
                text = "".join(parts).replace("\r\n", "\n").replace("\r", "\n")
                chars += len(text)
                if chars > textfile.MAX_BYTES:
                    raise ImportRefused(budget.path, "has too much text (over 5 MB; the limit is 5 MB)")
                yield text, styles.get(style_id, styles.get(None, ""))
            parts, style_id = [], None
        elif names[2] == "p":
            if tag == "pStyle" and names[3:] == ["pPr"]:
                style_id = _attr(element, "val")
            elif tag in _RUN_TEXT and names[3:] in (["r"], ["hyperlink", "r"]):
                if tag == "t":
                    parts.append(element.text or "")
                elif tag != "br" or (_attr(element, "type") or "textWrapping") == "textWrapping":
                    parts.append(_RUN_TEXT[tag])
        del open_elements[-1][-1]  # read: drop it from its parent (it is the last child so far)
    if not has_body:
        raise ImportRefused(budget.path, "is damaged (its main document has no body)")


def _core_properties(archive: zipfile.ZipFile, budget: limits.Inflation) -> tuple[str, str, datetime | None]:
    """Title, author and creation time from the core properties, where the file has them."""
    part = _relationships(archive, "", budget).get("core-properties", "docProps/core.xml")
    if part not in archive.NameToInfo:
        return "", "", None
    title = author = created = ""
    try:
        for element in _elements(archive, part, budget):
            if element.tag == f"{_DC}title":
                title = element.text or ""
            elif element.tag == f"{_DC}creator":
                author = element.text or ""
            elif element.tag == f"{_DCTERMS}created":
                created = (element.text or "").strip()
    except ParseError:
        return "", "", None  # broken properties lose the title and author, not the article
    match = _DAY.match(created)
    try:
        when = datetime(*(int(part) for part in match.groups() if part is not None)) if match else None
    except ValueError:
        when = None
    return title, author, when


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _attr(element: Element, name: str) -> str | None:
    for prefix in _W:
        value = element.get(prefix + name)
        if value is not None:
            return value
    return None


def _check_container(path: Path) -> None:
    """Size, then the kind of file: a password-protected .docx is a compound file, not a zip."""
    check_file_size(path)
    try:
        with path.open("rb") as handle:
            head = handle.read(8)
    except OSError as error:
        raise ImportRefused(path, f"cannot be read ({error.strerror or error})") from error
    if head == _OLE_MAGIC:
        if _ENCRYPTION_INFO in path.read_bytes():
            raise ImportRefused(path, "is encrypted: it needs a password to open; save an unprotected copy")
        raise ImportRefused(path, "is an old Word (.doc) file named .docx; save it as .docx")


def _created(created: datetime | None) -> str | None:
    """The creation date as YYYY-MM-DD, unless it is python-docx's template date."""
    if created is None or created.replace(tzinfo=None) == _TEMPLATE_CREATED:
        return None
    return iso_date(created.date().isoformat())


def _reason(error: BaseException) -> str:
    if isinstance(error, zipfile.BadZipFile) and "CRC" not in str(error) or isinstance(error, EOFError):
        return "not a readable Word document"
    if isinstance(error, zlib.error):
        return f"its compressed data is damaged: {error}"
    if isinstance(error, ParseError):
        return f"its XML cannot be read: {error}"
    if not str(error).strip():  # words, never an empty parenthesis or a bare class name
        return "not a readable Word document" if isinstance(error, OSError) else "a broken internal structure"
    return f"{type(error).__name__}: {error}"
