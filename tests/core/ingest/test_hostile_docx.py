"""Hostile and damaged Word files: refused by name with a reason within the limits (never a traceback or
gigabytes of memory), or read when only a part the reader never opens is hostile."""

from __future__ import annotations

import io
import struct
import zipfile
from pathlib import Path

import docx
import pytest

from tests.core.ingest.hostile import PAGE_TEXT, read_in_child, run_chunks

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
MEMORY_MB = 500


def base_docx() -> bytes:
    document = docx.Document()
    document.add_heading("Ministry sets new rules", level=1)
    for _ in range(3):
        document.add_paragraph(PAGE_TEXT)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def rewrite(path: Path, replace: dict, *, add: dict | None = None, level: int = 9) -> Path:
    """The base document with parts replaced or added; a part given as an iterable of chunks is
    written streaming, so a gigabyte part never sits in this process's memory."""
    with zipfile.ZipFile(io.BytesIO(base_docx())) as source, \
            zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=level) as target:
        for info in source.infolist():
            data = replace.get(info.filename, source.read(info.filename))
            _write(target, info.filename, data)
        for name, data in (add or {}).items():
            _write(target, name, data)
    return path


def _write(target: zipfile.ZipFile, name: str, data) -> None:
    if isinstance(data, bytes):
        target.writestr(name, data)
        return
    with target.open(name, "w") as handle:  # under 4 GB: no zip64 fields, so sizes can be patched
        for chunk in data:
            handle.write(chunk)


def document_xml(paragraphs: str, *, doctype: str = "") -> bytes:
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n{doctype}'
            f'<w:document xmlns:w="{W}"><w:body>{paragraphs}<w:sectPr/></w:body></w:document>').encode()


def _patched(path: Path, patch) -> Path:
    """Every local and central header of the zip passed through `patch(data, offset, central)`."""
    data = bytearray(path.read_bytes())
    at = 0
    while (at := data.find(b"PK\x03\x04", at)) >= 0:
        patch(data, at, False)
        at += 4
    at = 0
    while (at := data.find(b"PK\x01\x02", at)) >= 0:
        patch(data, at, True)
        at += 4
    path.write_bytes(bytes(data))
    return path


def test_the_base_document_is_read(tmp_path: Path) -> None:
    outcome = read_in_child(rewrite(tmp_path / "ok.docx", {}))
    assert outcome["refused"] is None and outcome["title"] == "Ministry sets new rules"
    assert outcome["body"].count(PAGE_TEXT) == 3


@pytest.mark.parametrize("declared", ["honestly", "as 40 MB"])
def test_a_document_part_inflating_to_gigabytes_is_refused_early_and_small(tmp_path: Path, declared: str) -> None:
    paragraph = f"<w:p><w:r><w:t>{'a' * 1000}</w:t></w:r></w:p>".encode()
    start, end = document_xml("").split(b"<w:sectPr/>")
    bomb = run_chunks(256 << 20, paragraph, start, b"<w:sectPr/>" + end)
    path = rewrite(tmp_path / "bomb.docx", {"word/document.xml": bomb})
    if declared != "honestly":  # the zip states a size under the limit: the stream is checked as it inflates
        def lie(data: bytearray, at: int, central: bool) -> None:
            name_at = at + (46 if central else 30)
            if data[name_at: name_at + 17] == b"word/document.xml":
                size_at = at + (24 if central else 22)
                data[size_at: size_at + 4] = struct.pack("<I", 40 << 20)
        _patched(path, lie)
    outcome = read_in_child(path)
    if declared == "honestly":
        assert outcome["refused"] == "is too large when unpacked (word/document.xml alone is 256 MB; the limit is 48 MB)"
    else:
        assert outcome["refused"].startswith("is compressed suspiciously far (word/document.xml unpacks to over")
    assert outcome["peak_mb"] < 200 and outcome["seconds"] < 5


def test_an_image_part_inflating_to_gigabytes_is_never_opened(tmp_path: Path) -> None:
    image = run_chunks(256 << 20, bytes(4096))
    outcome = read_in_child(rewrite(tmp_path / "image.docx", {}, add={"word/media/image1.png": image}))
    assert outcome["refused"] is None and outcome["body"].count(PAGE_TEXT) == 3
    assert outcome["peak_mb"] < 200


def test_damaged_deflate_data_is_refused_as_damaged(tmp_path: Path) -> None:
    path = rewrite(tmp_path / "damaged.docx", {"word/document.xml": document_xml(
        "".join(f"<w:p><w:r><w:t>{PAGE_TEXT} {i}</w:t></w:r></w:p>" for i in range(200)))})
    with zipfile.ZipFile(path) as archive:
        info = archive.getinfo("word/document.xml")
    data = bytearray(path.read_bytes())
    name_length, extra_length = struct.unpack("<HH", data[info.header_offset + 26: info.header_offset + 30])
    start = info.header_offset + 30 + name_length + extra_length
    data[start + 40: start + 240] = bytes(range(200))
    path.write_bytes(bytes(data))
    outcome = read_in_child(path)
    assert outcome["refused"].startswith("is damaged (")


def test_an_unsupported_compression_method_is_refused_as_damaged(tmp_path: Path) -> None:
    def deflate64(data: bytearray, at: int, central: bool) -> None:
        data[at + (10 if central else 8): at + (12 if central else 10)] = struct.pack("<H", 9)

    outcome = read_in_child(_patched(rewrite(tmp_path / "method.docx", {}), deflate64))
    assert outcome["refused"].startswith("is damaged (its part") and "compression method 9" in outcome["refused"]


def test_the_zip_encrypted_flag_is_refused_as_encrypted(tmp_path: Path) -> None:
    def encrypted(data: bytearray, at: int, central: bool) -> None:
        data[at + (8 if central else 6)] |= 1

    outcome = read_in_child(_patched(rewrite(tmp_path / "locked.docx", {}), encrypted))
    assert outcome["refused"].startswith("is encrypted")


def test_a_main_part_that_is_not_a_word_document_is_refused_as_damaged(tmp_path: Path) -> None:
    other = f'<?xml version="1.0"?><w:hdr xmlns:w="{W}"><w:p><w:r><w:t>{PAGE_TEXT}</w:t></w:r></w:p></w:hdr>'
    outcome = read_in_child(rewrite(tmp_path / "header.docx", {"word/document.xml": other.encode()}))
    assert outcome["refused"] == "is damaged (its main part is not a Word document: it starts with <hdr>)"


def test_an_entity_inside_a_paragraph_keeps_the_rest_of_the_paragraph(tmp_path: Path) -> None:
    doctype = '<!DOCTYPE w:document [<!ENTITY ministry "the ministry of transport">]>\n'
    paragraph = f"<w:p><w:r><w:t>A statement from &ministry; said so. {PAGE_TEXT}</w:t></w:r></w:p>"
    path = rewrite(tmp_path / "entity.docx", {"word/document.xml": document_xml(paragraph, doctype=doctype)})
    outcome = read_in_child(path)
    assert outcome["refused"] is None
    assert outcome["body"] == f"A statement from the ministry of transport said so. {PAGE_TEXT}"


def test_an_entity_expansion_bomb_is_refused_as_damaged(tmp_path: Path) -> None:
    entities = '<!ENTITY a0 "lol lol lol lol lol lol lol lol lol lol">' + "".join(
        f'<!ENTITY a{i} "{f"&a{i - 1};" * 10}">' for i in range(1, 10))
    doctype = f"<!DOCTYPE w:document [{entities}]>\n"
    paragraph = f"<w:p><w:r><w:t>{PAGE_TEXT} &a9;</w:t></w:r></w:p>"
    path = rewrite(tmp_path / "laughs.docx", {"word/document.xml": document_xml(paragraph, doctype=doctype)})
    outcome = read_in_child(path)
    assert outcome["refused"].startswith("is damaged (its XML cannot be read")
    assert outcome["peak_mb"] < MEMORY_MB


@pytest.mark.parametrize("paragraphs, expected", [
    (f'<w:p><w:r><w:t xml:space="preserve">{PAGE_TEXT} </w:t><w:tab/><w:t>x</w:t></w:r></w:p>',
     f"{PAGE_TEXT} \tx"),
    (f'<w:p><w:hyperlink><w:r><w:t>{PAGE_TEXT}</w:t></w:r></w:hyperlink><w:r><w:br w:type="page"/>'
     f'<w:t> y</w:t></w:r></w:p><w:tbl><w:tr><w:tc><w:p><w:r><w:t>table</w:t></w:r></w:p></w:tc></w:tr></w:tbl>',
     f"{PAGE_TEXT} y"),
])
def test_runs_read_as_python_docx_reads_them(tmp_path: Path, paragraphs: str, expected: str) -> None:
    path = rewrite(tmp_path / "runs.docx", {"word/document.xml": document_xml(paragraphs)})
    outcome = read_in_child(path)
    assert outcome["body"] == expected
