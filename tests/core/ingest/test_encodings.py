"""Reading text files in other encodings: the corpus decodes to the right text; binary is refused."""

from __future__ import annotations

import importlib.util
import random
from pathlib import Path

import pytest

from annotator.core.errors import ImportRefused
from annotator.core.ingest.batch import import_paths
from annotator.core.ingest.textfile import decode
from annotator.core.store.project import Project

CORPUS_DIR = Path(__file__).resolve().parents[2] / "data" / "encodings"
_spec = importlib.util.spec_from_file_location("encodings_corpus", CORPUS_DIR / "corpus.py")
corpus = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(corpus)


@pytest.mark.parametrize("name", sorted(corpus.SAMPLES))
def test_corpus_file_decodes_to_its_text(name: str) -> None:
    expected, _ = corpus.SAMPLES[name]
    assert decode(Path(name), (CORPUS_DIR / name).read_bytes()).text == expected


def test_utf8_with_one_bad_byte_keeps_its_quotes_and_replaces_only_that_byte() -> None:
    decoded = decode(Path("x.txt"), (CORPUS_DIR / corpus.BAD_UTF8).read_bytes())
    assert decoded.text == corpus.bad_utf8_text()
    assert decoded.replaced == 1
    assert "‚Äú" not in decoded.text


def test_replaced_characters_are_a_warning_in_the_report(project: Project, tmp_path: Path) -> None:
    bad = tmp_path / corpus.BAD_UTF8
    bad.write_bytes(corpus.bad_utf8_bytes())
    report = import_paths(project, [bad])
    assert len(report.imported) == 1
    (warning,) = report.warnings
    assert warning.path == str(bad)
    assert "1 damaged byte sequence(s)" in warning.reason


@pytest.mark.parametrize(("text", "encoding"), [
    ("Señor Núñez said so. He left.\n", "latin-1"),
    ("Señor López", "latin-1"),
    ("“Quoted,” she said. It’s done — finally.\n", "cp1252"),
    ("Zoë and Chloë went to the café in Besançon.\n", "cp1252"),
    ("Die Straße in München war gesperrt. Größer geht es nicht.\n", "cp1252"),
])
def test_western_8bit_text_is_read_as_windows_1252(text: str, encoding: str) -> None:
    assert decode(Path("x.txt"), text.encode(encoding)).text == text


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be", "utf-16", "utf-32", "utf-8-sig"])
@pytest.mark.parametrize("text", ["Short note here.", "Un café à Paris, señor. “Quotes” too.\n" * 20])
def test_unicode_with_or_without_byte_order_mark(text: str, encoding: str) -> None:
    assert decode(Path("x.txt"), text.encode(encoding)).text == text


def test_many_damaged_bytes_are_not_read_as_utf8() -> None:
    text = "Un café, señor. Déjà vu à la crème brûlée. " * 10
    data = text.encode("latin-1")
    decoded = decode(Path("x.txt"), data)
    assert decoded.text == text and decoded.replaced == 0


@pytest.mark.parametrize("seed", range(400))
def test_tiny_random_binary_file_is_refused(seed: int) -> None:
    rng = random.Random(seed)
    data = bytes(rng.getrandbits(8) for _ in range(rng.randint(1, 17)))
    with pytest.raises(ImportRefused):
        decode(Path("x.txt"), data)


@pytest.mark.parametrize("seed", range(100))
def test_longer_random_binary_file_is_refused(seed: int) -> None:
    rng = random.Random(1000 + seed)
    data = bytes(rng.getrandbits(8) for _ in range(rng.randint(18, 400)))
    with pytest.raises(ImportRefused):
        decode(Path("x.txt"), data)


@pytest.mark.parametrize(("data", "reason"), [
    (b"", "is empty"),
    (b"\n \n", "is empty"),
    (b"ok\n", "is nearly empty"),
    (b"1. 2. 3.", "is nearly empty"),
    ("\n".encode("utf-16"), "is empty"),
])
def test_empty_or_nearly_empty_file_is_refused_with_a_clear_reason(data: bytes, reason: str) -> None:
    with pytest.raises(ImportRefused, match=reason):
        decode(Path("x.txt"), data)


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_without_a_mark_that_opens_with_a_curly_quote(tmp_path, encoding) -> None:
    text = "“Hello,” she said. The minister answered every question — twice."
    path = tmp_path / "quote.txt"
    path.write_bytes(text.encode(encoding))
    assert decode(path, path.read_bytes()).text == text
