"""What a PDF or Word reader says when it refuses a file: words in the parenthesis, never an empty
one or a bare class name; and a Word paragraph keeps its text around XML entity and character references."""

from __future__ import annotations

import re
import zipfile
import zlib
from pathlib import Path
from xml.etree.ElementTree import ParseError

import pytest
from pdfminer.pdfparser import PDFSyntaxError
from pdfminer.psparser import PSEOF

from annotator.core.errors import ImportRefused
from annotator.core.ingest import docx_file, pdf_file
from annotator.core.ingest.formats import parse_file
from tests.core.ingest.hostile import PAGE_TEXT, content, one_page, stream

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
REASON = re.compile(r"is damaged \([^()]*[a-z]{3}[^()]*\)")


def refusal(path: Path) -> str:
    with pytest.raises(ImportRefused) as raised:
        parse_file(path)
    return raised.value.reason


def word_file(path: Path, paragraphs: list[str]) -> Path:
    """A .docx of its main part only, the paragraphs' w:t text written as given (markup and all)."""
    body = "".join(f'<w:p><w:r><w:t xml:space="preserve">{text}</w:t></w:r></w:p>' for text in paragraphs)
    document = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                f'<w:document xmlns:w="{W}"><w:body>{body}</w:body></w:document>')
    relationships = ('<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/'
                     'relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/'
                     '2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>')
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("_rels/.rels", relationships)
        archive.writestr("word/document.xml", document)
    return path


@pytest.mark.parametrize("error", [PDFSyntaxError(), PSEOF(), AssertionError(), KeyError(), TypeError(),
                                   ValueError(), IndexError(), EOFError(), ZeroDivisionError(), UnicodeError()],
                         ids=lambda error: type(error).__name__)
def test_a_pdf_error_without_a_message_still_gives_a_reason(tmp_path: Path, monkeypatch, error) -> None:
    path = tmp_path / "article.pdf"
    path.write_bytes(one_page(stream(content())))

    def read_fails(_path: Path):
        raise error

    monkeypatch.setattr(pdf_file, "_read", read_fails)  # pdfminer raising it, on a structure it trips on
    reason = refusal(path)
    assert REASON.fullmatch(reason) and "Error" not in reason, reason


@pytest.mark.parametrize("error", [zipfile.BadZipFile(), zlib.error(), ParseError(), EOFError(), OSError(),
                                   ValueError()], ids=lambda error: type(error).__name__)
def test_a_word_error_without_a_message_still_gives_a_reason(tmp_path: Path, monkeypatch, error) -> None:
    path = word_file(tmp_path / "article.docx", [PAGE_TEXT])

    def read_fails(*_args):
        raise error

    monkeypatch.setattr(docx_file, "_core_properties", read_fails)
    reason = refusal(path)
    assert REASON.fullmatch(reason) and "Error" not in reason, reason


@pytest.mark.parametrize(("written", "read"), [
    ("Smith &amp; Wesson", "Smith & Wesson"),
    ("rates &lt; 3% and &gt; 1%", "rates < 3% and > 1%"),
    ("the caf&#233; in Gen&#xE8;ve", "the café in Genève"),
    ("&quot;no comment&quot; &#8212; it&apos;s over", "\"no comment\" — it's over"),
])
def test_an_entity_or_character_reference_keeps_the_whole_paragraph(tmp_path: Path, written: str, read: str) -> None:
    paragraph = f"The minister said {written} on Tuesday. {PAGE_TEXT}"
    path = word_file(tmp_path / "entities.docx", [paragraph, PAGE_TEXT])
    assert parse_file(path).body == f"The minister said {read} on Tuesday. {PAGE_TEXT}\n\n{PAGE_TEXT}"
