"""Importing PDF and Word files: paragraphs, metadata, and the files refused with a reason."""

from __future__ import annotations

import hashlib
import zipfile
import zlib
from datetime import datetime, timezone
from pathlib import Path

import docx
import pytest

from annotator.core.errors import ImportRefused
from annotator.core.ingest import textfile
from annotator.core.ingest.batch import import_paths
from annotator.core.ingest.collect import collect_files
from annotator.core.ingest.formats import parse_file
from annotator.core.ingest.pdf_file import join_lines, pdf_date
from annotator.core.store.project import Project

Line = tuple[float, float, float, str]  # x, y, font size, text


def pdf_bytes(pages: list[list[Line]], *, info: dict[str, str] | None = None, image: bool = False,
              encrypt: bool = False, compress: bool = False, owner_only: bool = False) -> bytes:
    """A small PDF written by hand: Helvetica text lines, or a one-pixel image filling the page;
    `compress` deflates the page contents as most PDFs do; `encrypt` protects it with a user
    password, `owner_only` with an owner password only (RC4, 40 bits: it opens without one)."""
    objects: list[bytes] = []

    def add(body: str | bytes) -> int:
        objects.append(body.encode("latin-1") if isinstance(body, str) else body)
        return len(objects)

    catalog, pages_id, font = add(""), add(""), add("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
    pixel = add(b"<< /Type /XObject /Subtype /Image /Width 1 /Height 1 /ColorSpace /DeviceGray"
                b" /BitsPerComponent 8 /Length 1 >>\nstream\n\x80\nendstream")
    kids = []
    for lines in pages:
        if image:
            content = "q 500 0 0 700 50 50 cm /Im1 Do Q"
        else:
            content = "".join(f"BT /F1 {size} Tf {x} {y} Td ({_escape(text)}) Tj ET\n" for x, y, size, text in lines)
        data = zlib.compress(content.encode("latin-1"), 9) if compress else content.encode("latin-1")
        if owner_only:
            data = rc4(hashlib.md5(FILE_KEY + (len(objects) + 1).to_bytes(3, "little") + bytes(2)).digest()[:10],
                       data)
        flate = " /Filter /FlateDecode" if compress else ""
        stream = add(f"<< /Length {len(data)}{flate} >>\nstream\n".encode() + data + b"\nendstream")
        kids.append(add(f"<< /Type /Page /Parent {pages_id} 0 R /MediaBox [0 0 612 792] /Contents {stream} 0 R"
                        f" /Resources << /Font << /F1 {font} 0 R >> /XObject << /Im1 {pixel} 0 R >> >> >>"))
    objects[catalog - 1] = f"<< /Type /Catalog /Pages {pages_id} 0 R >>".encode()
    objects[pages_id - 1] = (f"<< /Type /Pages /Count {len(kids)} /Kids [{' '.join(f'{k} 0 R' for k in kids)}] >>"
                             .encode())
    trailer = f"/Root {catalog} 0 R"
    if info:
        entries = " ".join(f"/{key} ({_escape(value)})" for key, value in info.items())
        trailer += f" /Info {add(f'<< {entries} >>')} 0 R"
    if encrypt:  # the standard handler with a user password that is not the empty one
        secret = "<" + "ab" * 32 + ">"
        trailer += (f" /Encrypt {add(f'<< /Filter /Standard /V 1 /R 2 /O {secret} /U {secret} /P -44 >>')} 0 R"
                    f" /ID [<{'01' * 16}> <{'01' * 16}>]")
    if owner_only:
        handler = add(f"<< /Filter /Standard /V 1 /R 2 /O <{OWNER_ENTRY.hex()}>"
                      f" /U <{rc4(FILE_KEY, PAD).hex()}> /P -4 >>")
        trailer += f" /Encrypt {handler} 0 R /ID [<{FILE_ID.hex()}> <{FILE_ID.hex()}>]"
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += "".join(f"{offset:010d} 00000 n \n" for offset in offsets).encode()
    out += f"trailer\n<< /Size {len(objects) + 1} {trailer} >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


def rc4(key: bytes, data: bytes) -> bytes:
    box, j = list(range(256)), 0
    for i in range(256):
        j = (j + box[i] + key[i % len(key)]) % 256
        box[i], box[j] = box[j], box[i]
    out, i, j = bytearray(), 0, 0
    for byte in data:
        i = (i + 1) % 256
        j = (j + box[i]) % 256
        box[i], box[j] = box[j], box[i]
        out.append(byte ^ box[(box[i] + box[j]) % 256])
    return bytes(out)


# The standard security handler, revision 2, with the empty user password (PDF 1.7, 7.6.3).
PAD = bytes.fromhex("28bf4e5e4e758a4164004e56fffa01082e2e00b6d0683e802f0ca9fe6453697a")
FILE_ID = bytes(range(16))
OWNER_ENTRY = rc4(hashlib.md5(b"owner" + PAD[:27]).digest()[:5], PAD)
FILE_KEY = hashlib.md5(PAD + OWNER_ENTRY + (-4 & 0xFFFFFFFF).to_bytes(4, "little") + FILE_ID).digest()[:5]


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def wrapped(y: float, lines: list[str], *, x: float = 72, indent: float = 0) -> list[Line]:
    """Body lines 14 points apart, the first indented by `indent`."""
    return [(x + (indent if i == 0 else 0), y - 14 * i, 11, text) for i, text in enumerate(lines)]


ARTICLE = [
    (72, 720, 20, "Pentagon denies cyber pause"),
    *wrapped(680, ["The Pentagon said late Tuesday that cyber operations against Rus-",
                   "sia had not been stopped, contradicting earlier reports from several",
                   "outlets."]),
    *wrapped(620, ["A senior official told Bloomberg that no order had been given. The",
                   "department declined to comment further."]),
]


def write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def word_file(path: Path, *, title: str = "", author: str = "Jane Doe",
              created: datetime | None = datetime(2025, 3, 5, 9, 30, tzinfo=timezone.utc)) -> Path:
    document = docx.Document()
    document.add_heading("Pentagon denies cyber pause", level=1)
    document.add_paragraph("The Pentagon said late Tuesday that cyber operations had not been stopped.")
    document.add_paragraph("A senior official told Bloomberg that no order had been given.")
    properties = document.core_properties
    properties.title, properties.author = title, author
    if created is not None:
        properties.created = created
    document.save(str(path))
    return path


def refusal(path: Path) -> str:
    with pytest.raises(ImportRefused) as raised:
        parse_file(path)
    assert raised.value.path == path
    return raised.value.reason


def test_pdf_keeps_paragraphs_and_joins_wrapped_and_hyphenated_lines(tmp_path: Path) -> None:
    article = parse_file(write(tmp_path / "a.pdf", pdf_bytes([ARTICLE])))
    assert article.body.split("\n\n") == [
        "Pentagon denies cyber pause",
        "The Pentagon said late Tuesday that cyber operations against Russia had not been stopped,"
        " contradicting earlier reports from several outlets.",
        "A senior official told Bloomberg that no order had been given. The department declined to"
        " comment further.",
    ]


def test_pdf_title_is_its_large_first_line_without_metadata(tmp_path: Path) -> None:
    article = parse_file(write(tmp_path / "story.pdf", pdf_bytes([ARTICLE])))
    assert (article.title, article.author, article.published) == ("Pentagon denies cyber pause", None, None)


def test_pdf_metadata_gives_title_author_and_date(tmp_path: Path) -> None:
    info = {"Title": "Cyber pause denied", "Author": "Jane Doe", "CreationDate": "D:20250305093000+01'00'"}
    article = parse_file(write(tmp_path / "a.pdf", pdf_bytes([ARTICLE], info=info)))
    assert (article.title, article.author, article.published) == ("Cyber pause denied", "Jane Doe", "2025-03-05")


def test_pdf_placeholder_title_from_a_word_processor_is_ignored(tmp_path: Path) -> None:
    info = {"Title": "Microsoft Word - draft3.docx"}
    article = parse_file(write(tmp_path / "a.pdf", pdf_bytes([ARTICLE], info=info)))
    assert article.title == "Pentagon denies cyber pause"


@pytest.mark.parametrize("value, expected", [
    ("D:20250305093000+01'00'", "2025-03-05"), ("20250305", "2025-03-05"), ("D:2025", None),
    ("D:20250230", None), ("yesterday", None), (None, None),
])
def test_pdf_date_is_taken_only_when_it_is_a_calendar_day(value: str | None, expected: str | None) -> None:
    assert pdf_date(value) == expected


def test_pdf_paragraph_cut_by_a_page_break_is_joined_and_page_numbers_dropped(tmp_path: Path) -> None:
    first = [*wrapped(700, ["The Pentagon said late Tuesday that cyber operations against Russia had",
                            "not been stopped and that"]), (300, 40, 9, "1")]
    second = [*wrapped(700, ["no order had been given by the secretary.", ]), (300, 40, 9, "2")]
    article = parse_file(write(tmp_path / "a.pdf", pdf_bytes([first, second])))
    assert article.body == ("The Pentagon said late Tuesday that cyber operations against Russia had not been"
                            " stopped and that no order had been given by the secretary.")


def test_pdf_indented_line_starts_a_new_paragraph(tmp_path: Path) -> None:
    lines = [*wrapped(700, ["The Pentagon said late Tuesday that operations had not stopped.",
                            "Officials said so."]),
             *wrapped(672, ["A senior official told Bloomberg that no order had been given at",
                            "any point."], indent=18)]
    article = parse_file(write(tmp_path / "a.pdf", pdf_bytes([lines])))
    assert article.body.split("\n\n") == [
        "The Pentagon said late Tuesday that operations had not stopped. Officials said so.",
        "A senior official told Bloomberg that no order had been given at any point."]


@pytest.mark.parametrize("lines, joined", [
    (["infor-", "mation"], "information"), (["long-", "Term"], "long- Term"), (["a", "b"], "a b"),
    (["2024-", "25"], "2024- 25"),
])
def test_join_lines_mends_only_words_hyphenated_across_lines(lines: list[str], joined: str) -> None:
    assert join_lines(lines) == joined


def test_scanned_pdf_without_text_layer_is_refused_asking_for_ocr(tmp_path: Path) -> None:
    reason = refusal(write(tmp_path / "scan.pdf", pdf_bytes([[]], image=True)))
    assert reason == "is a scanned PDF with no text layer; run OCR first"


def test_encrypted_pdf_is_refused(tmp_path: Path) -> None:
    reason = refusal(write(tmp_path / "locked.pdf", pdf_bytes([ARTICLE], encrypt=True)))
    assert reason.startswith("is encrypted")


def test_pdf_with_only_an_owner_password_opens_and_is_read(tmp_path: Path) -> None:
    article = parse_file(write(tmp_path / "restricted.pdf", pdf_bytes([ARTICLE], owner_only=True)))
    assert article.title == "Pentagon denies cyber pause" and "stopped, contradicting" in article.body


@pytest.mark.parametrize("data", [
    pdf_bytes([ARTICLE])[:300], b"%PDF-1.4\n" + bytes(range(256)) * 4, b"Not a PDF at all, just some words.\n",
])
def test_damaged_pdf_is_refused_as_damaged(tmp_path: Path, data: bytes) -> None:
    assert refusal(write(tmp_path / "broken.pdf", data)).startswith("is damaged (")


def test_pdf_over_the_size_limit_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(textfile, "MAX_BYTES", 100)
    assert refusal(write(tmp_path / "big.pdf", pdf_bytes([ARTICLE]))).startswith("too large")


def test_pdf_whose_text_is_over_the_limit_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    lines = [(72, 760 - 12 * i, 10, "word " * 20) for i in range(60)]
    big = write(tmp_path / "big.pdf", pdf_bytes([lines], compress=True))
    monkeypatch.setattr(textfile, "MAX_BYTES", big.stat().st_size)  # the limit every reader shares
    assert refusal(big).startswith("has too much text")


def test_docx_keeps_paragraphs_and_reads_core_properties(tmp_path: Path) -> None:
    article = parse_file(word_file(tmp_path / "a.docx", title="Cyber pause denied"))
    assert article.body.split("\n\n") == [
        "Pentagon denies cyber pause",
        "The Pentagon said late Tuesday that cyber operations had not been stopped.",
        "A senior official told Bloomberg that no order had been given."]
    assert (article.title, article.author, article.published) == ("Cyber pause denied", "Jane Doe", "2025-03-05")


def test_docx_without_title_property_is_titled_by_its_first_heading(tmp_path: Path) -> None:
    article = parse_file(word_file(tmp_path / "a.docx"))
    assert article.title == "Pentagon denies cyber pause"


def test_docx_with_python_docx_template_properties_has_no_author_or_date(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("The Pentagon said late Tuesday that cyber operations had not been stopped,"
                           " and a senior official told reporters that no such order had ever been given.")
    document.save(str(tmp_path / "plain.docx"))
    article = parse_file(tmp_path / "plain.docx")
    assert (article.title, article.author, article.published) == ("plain", None, None)


def test_damaged_docx_is_refused_as_damaged(tmp_path: Path) -> None:
    good = word_file(tmp_path / "good.docx").read_bytes()
    assert refusal(write(tmp_path / "cut.docx", good[: len(good) // 2])).startswith("is damaged (")
    with zipfile.ZipFile(tmp_path / "bad-xml.docx", "w") as broken, zipfile.ZipFile(tmp_path / "good.docx") as ok:
        for name in ok.namelist():
            data = ok.read(name)
            broken.writestr(name, data[:40] if name == "word/document.xml" else data)
    assert refusal(tmp_path / "bad-xml.docx").startswith("is damaged (")


def test_password_protected_docx_is_refused_as_encrypted(tmp_path: Path) -> None:
    compound = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504) + "EncryptionInfo".encode("utf-16-le")
    assert refusal(write(tmp_path / "locked.docx", compound)).startswith("is encrypted")


def test_batch_imports_pdf_and_docx_and_goes_on_past_refused_files(project: Project, tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    write(folder / "a.pdf", pdf_bytes([ARTICLE]))
    word_file(folder / "b.docx")
    write(folder / "scan.pdf", pdf_bytes([[]], image=True))
    write(folder / "locked.pdf", pdf_bytes([ARTICLE], encrypt=True))
    report = import_paths(project, [folder])
    assert sorted(a.title for a in project.articles.list()) == ["Pentagon denies cyber pause"] * 2
    assert sorted(p.reason.split(":")[0].split(";")[0] for p in report.refused) == [
        "is a scanned PDF with no text layer", "is encrypted"]
    assert report.skipped == [] and all(p.path.endswith(("scan.pdf", "locked.pdf")) for p in report.refused)


def test_folders_collect_pdf_and_docx_files(tmp_path: Path) -> None:
    for name in ("a.pdf", "b.DOCX", "c.doc"):
        (tmp_path / name).write_bytes(b"x")
    files, _, skipped = collect_files([tmp_path])
    assert [f.name for f in files] == ["a.pdf", "b.DOCX"]
    assert [p.reason for p in skipped] == ["unsupported file type .doc"]
