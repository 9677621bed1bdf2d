"""Word (.docx) files → ParsedArticle through python-docx: body paragraphs and core properties.

The body is the document's top-level paragraphs, a blank line between them; tables, text boxes,
headers, footers, footnotes and comments are left out. The title is the Title property or else the
first paragraph in a Title or Heading style; author and date come from the core properties.
"""

from __future__ import annotations

import zipfile
from datetime import datetime
from pathlib import Path

from annotator.core.errors import ImportRefused
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


def parse_docx(path: Path) -> ParsedArticle:
    """Read the paragraphs and core properties; raise ImportRefused with a plain reason otherwise."""
    from docx import Document
    from docx.opc.exceptions import OpcError
    from lxml.etree import XMLSyntaxError

    _check_container(path)
    try:
        document = Document(str(path))
        paragraphs = [(p.text.replace("\r\n", "\n").replace("\r", "\n"), _style(p)) for p in document.paragraphs]
        properties = document.core_properties
        title, author, created = properties.title, properties.author, properties.created
    except (OpcError, zipfile.BadZipFile, XMLSyntaxError, KeyError, ValueError, EOFError) as error:
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


def _style(paragraph) -> str:
    style = paragraph.style
    return (style.name or "").lower() if style is not None else ""


def _created(created: datetime | None) -> str | None:
    """The creation date as YYYY-MM-DD, unless it is python-docx's template date."""
    if created is None or created.replace(tzinfo=None) == _TEMPLATE_CREATED:
        return None
    return iso_date(created.date().isoformat())


def _reason(error: BaseException) -> str:
    if isinstance(error, zipfile.BadZipFile) or "Package not found" in str(error):
        return "not a readable Word document"
    return f"{type(error).__name__}: {error}"
