"""The table of file types: every suffix imports, and the refusal and the file dialog name them all."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from annotator.core.errors import ImportRefused
from annotator.core.ingest.batch import import_paths
from annotator.core.ingest.formats import READERS, file_dialog_filter, load
from annotator.core.store.project import Project
from tests.core.ingest.test_import import MORE, PAGE
from tests.core.ingest.test_pdf_docx import ARTICLE, pdf_bytes, word_file



TEXT = f"Pentagon denies cyber pause\n\nThe Pentagon said late Tuesday that operations had not been stopped.{MORE}\n"
MARKDOWN = f"Title: Pentagon denies cyber pause\nOutlet: Cybernews\n\nThe Pentagon said nothing had stopped.{MORE}\n"

SAMPLES: dict[str, Callable[[Path], Path]] = {
    ".txt": lambda path: _write(path, TEXT.encode()),
    ".text": lambda path: _write(path, TEXT.encode()),
    ".md": lambda path: _write(path, MARKDOWN.encode()),
    ".markdown": lambda path: _write(path, MARKDOWN.encode()),
    ".html": lambda path: _write(path, PAGE.encode()),
    ".htm": lambda path: _write(path, PAGE.encode()),
    ".pdf": lambda path: _write(path, pdf_bytes([ARTICLE])),
    ".docx": word_file,
}


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def test_every_supported_suffix_has_a_sample() -> None:
    assert sorted(SAMPLES) == sorted(READERS)


@pytest.mark.parametrize("suffix", list(READERS))
def test_a_file_of_each_supported_suffix_imports(project: Project, tmp_path: Path, suffix: str) -> None:
    sample = SAMPLES[suffix](tmp_path / f"story{suffix}")
    report = import_paths(project, [sample])
    assert report.refused == []
    assert [i.title for i in report.imported] == ["Pentagon denies cyber pause"]


def test_an_unsupported_file_is_refused_naming_every_supported_suffix(tmp_path: Path) -> None:
    with pytest.raises(ImportRefused) as raised:
        load(_write(tmp_path / "photo.jpg", b"\xff\xd8\xff\xe0"))
    reason = raised.value.reason
    prefix = "unsupported file type .jpg; use "
    assert reason.startswith(prefix)
    assert reason.removeprefix(prefix).replace(" or ", ", ").split(", ") == list(READERS)


def test_the_file_dialog_filter_lists_every_suffix_by_format() -> None:
    filters = file_dialog_filter().split(";;")
    assert filters[0] == f"Articles ({' '.join('*' + s for s in READERS)})"
    assert filters[-1] == "All files (*)"
    by_format = {f.split(" (")[0]: f.split(" (")[1].rstrip(")").split() for f in filters[1:-1]}
    assert by_format == {reader.name: [f"*{s}" for s, r in READERS.items() if r == reader]
                         for reader in READERS.values()}
    assert by_format["Web page"] == ["*.html", "*.htm"]


def test_text_formats_are_decoded_and_pdf_and_word_are_read_as_binary() -> None:
    assert sorted(s for s, reader in READERS.items() if reader.binary) == [".docx", ".pdf"]


def test_importing_the_table_loads_no_web_pdf_or_word_library() -> None:
    code = ("import sys, annotator.core.ingest.formats as f; f.file_dialog_filter(); "
            "print(' '.join(sorted(sys.modules)))")
    loaded = set(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                                cwd=Path(__file__).resolve().parents[3]).stdout.split())
    heavy = {"trafilatura", "pdfminer", "docx", "annotator.core.ingest.html_page",
             "annotator.core.ingest.pdf_file", "annotator.core.ingest.docx_file"}
    assert loaded & heavy == set()
