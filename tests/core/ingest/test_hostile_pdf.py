"""Hostile and damaged PDFs: refused by name with a reason within the limits, never a hang, a traceback
or gigabytes of memory; each is read in a child process, as a worker of the import reads it."""

from __future__ import annotations

import random
import zlib
from pathlib import Path

import pytest

from annotator.core.ingest import limits
from annotator.core.ingest.pdf_file import damage_reason
from tests.core.ingest.hostile import content, deflated_run, one_page, read_in_child, stream

MEMORY_MB = 500


def _write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def test_a_plain_pdf_is_read_in_the_child(tmp_path: Path) -> None:
    outcome = read_in_child(_write(tmp_path, "ok.pdf", one_page(stream(content()))))
    assert outcome["refused"] is None and "the new rules" in outcome["body"]
    assert outcome["stderr"] == ""


@pytest.mark.parametrize("where", ["title", "contents", "font"])
def test_a_reference_cycle_is_refused_as_damaged_at_once(tmp_path: Path, where: str) -> None:
    cycle = {6: b"7 0 R", 7: b"6 0 R"}
    if where == "title":
        data = one_page(stream(content()), more={**cycle, 8: b"<< /Title 6 0 R /Author (A) >>"}, info=8)
    elif where == "contents":
        data = one_page(stream(content()), contents="6 0 R", more=cycle)
    else:
        data = one_page(stream(content()), font="6 0 R", more=cycle)
    outcome = read_in_child(_write(tmp_path, f"{where}.pdf", data), timeout=20)
    assert outcome["seconds"] < 5
    if where == "title":  # the text is still there: only the title is lost
        assert outcome["refused"] is None and outcome["title"] == "title" and "the new rules" in outcome["body"]
    else:
        assert outcome["refused"].startswith("is damaged (a cycle of references through object")


@pytest.mark.parametrize("layers, size", [(2, 1 << 30), (2, 4 << 30), (1, 1 << 30)])
def test_a_deflate_bomb_page_is_refused_early_and_small(tmp_path: Path, layers: int, size: int) -> None:
    data = deflated_run(size, b"BT ET\n")
    data = zlib.compress(data, 9) if layers == 2 else data
    flate = "/Filter [/FlateDecode /FlateDecode]" if layers == 2 else "/Filter /FlateDecode"
    outcome = read_in_child(_write(tmp_path, "bomb.pdf", one_page(stream(data, flate))), timeout=60)
    assert outcome["refused"].startswith("is compressed suspiciously far")
    assert outcome["peak_mb"] < 200 and outcome["seconds"] < 10 and outcome["stderr"] == ""


def test_a_huge_predictor_row_is_refused(tmp_path: Path) -> None:
    data = zlib.compress(b"\x00" + content())
    parms = "/Filter /FlateDecode /DecodeParms << /Predictor 12 /Columns 2000000000 /Colors 4 >>"
    outcome = read_in_child(_write(tmp_path, "predictor.pdf", one_page(stream(data, parms))), timeout=60)
    assert outcome["refused"].startswith("is damaged (a predictor with /Columns 2000000000")
    assert outcome["peak_mb"] < MEMORY_MB


def test_a_stream_within_the_ratio_but_over_the_size_is_refused(tmp_path: Path) -> None:
    budget = limits.Inflation(tmp_path / "x.pdf", limit=4 << 20)
    noise = random.Random(1).randbytes(20 << 20)  # 20 MB that hardly compresses: far under the ratio limit
    with pytest.raises(Exception) as raised:
        list(budget.inflate_chunks(zlib.compress(noise), "stream 4"))
    assert "is too large when unpacked" in str(raised.value)


def test_a_page_of_too_many_characters_is_refused(tmp_path: Path) -> None:
    text = b"BT /F1 1 Tf 10 10 Td (" + b"a " * (limits.MAX_PDF_PAGE_CHARS // 2 + 10) + b") Tj ET"
    data = one_page(stream(zlib.compress(text), "/Filter /FlateDecode"))
    outcome = read_in_child(_write(tmp_path, "dense.pdf", data))
    assert outcome["refused"] == (f"has a page of more than {limits.MAX_PDF_PAGE_CHARS:,} characters and shapes"
                                  " (the limit for one page)")
    assert outcome["peak_mb"] < MEMORY_MB


def test_damaged_deflate_data_keeps_what_came_before_and_logs_nothing(tmp_path: Path) -> None:
    data = zlib.compress(content(20))
    damaged = data[: len(data) // 2] + bytes(len(data) // 2)
    outcome = read_in_child(_write(tmp_path, "damaged.pdf", one_page(stream(damaged, "/Filter /FlateDecode"))))
    assert outcome["stderr"] == ""  # pdfminer's log lines never reach the terminal
    assert outcome["refused"] in (None, "has no article text") or outcome["refused"].startswith(
        ("is damaged", "has too little text"))


def test_pdfminer_warnings_never_reach_the_terminal(tmp_path: Path) -> None:
    data = one_page(stream(b"q /a /b /c /d /e /f cm Q\n" + content()))  # a matrix pdfminer warns about
    outcome = read_in_child(_write(tmp_path, "matrix.pdf", data))
    assert outcome["refused"] is None and outcome["stderr"] == ""


def test_an_assertion_without_words_still_gives_a_reason() -> None:
    assert damage_reason(AssertionError()) == "a broken internal structure"
    assert damage_reason(AssertionError("(0, 1)")) == "a broken internal structure: (0, 1)"
    assert damage_reason(KeyError("Root")) == "KeyError: 'Root'"
