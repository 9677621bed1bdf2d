"""A batch of hostile files goes on: a file over its time limit has its worker killed and replaced,
a file that crashes its worker costs that file only, and the other files are imported."""

from __future__ import annotations

import zlib
from pathlib import Path

import pytest

from annotator.core.ingest import batch, limits
from annotator.core.ingest.batch import import_paths
from annotator.core.store.project import Project
from tests.core.ingest.hostile import PAGE_TEXT, content, one_page, stream


@pytest.fixture
def project(tmp_path: Path):
    with Project.create(tmp_path / "p.annot") as opened:
        yield opened


def _slow_pdf(path: Path) -> Path:
    """A page at the character limit: several seconds of pdfminer's layout analysis."""
    text = b"BT /F1 1 Tf 10 10 Td (" + b"a " * (limits.MAX_PDF_PAGE_CHARS // 2 - 100) + b") Tj ET"
    path.write_bytes(one_page(stream(zlib.compress(text), "/Filter /FlateDecode")))
    return path


def test_a_file_over_the_time_limit_is_refused_its_worker_killed_and_the_batch_goes_on(
        project: Project, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(limits, "TIME_LIMIT_S", 1)  # the slow page takes seconds even on a fast machine
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.pdf").write_bytes(one_page(stream(content())))
    _slow_pdf(folder / "b-slow.pdf")
    (folder / "c.pdf").write_bytes(one_page(stream(content(8))))
    (folder / "d.txt").write_text(f"Rules to change\n\n{PAGE_TEXT}\n", encoding="utf-8")
    report = import_paths(project, [folder])
    assert [(Path(p.path).name, p.reason) for p in report.refused] == [
        ("b-slow.pdf", "took longer than 1 s to read (the limit for one file); it was stopped")]
    assert sorted(Path(a.path).name for a in report.imported) == ["a.pdf", "c.pdf", "d.txt"]


def test_the_pool_kills_an_overrunning_worker_and_replaces_it() -> None:
    from annotator.core.ingest.workers import ReaderPool

    with ReaderPool(1, seconds=1) as pool:
        first = pool._workers[0].process
        results = list(pool.map(_sleep, [0, 30, 0], overran=lambda s: f"overran {s}", died=lambda s, c: "died"))
        assert results == ["slept 0", "overran 30", "slept 0"]
        assert not first.is_alive() and pool._workers[0].process is not first


def test_a_worker_that_dies_costs_its_item_only() -> None:
    from annotator.core.ingest.workers import ReaderPool

    with ReaderPool(2, seconds=20) as pool:
        results = list(pool.map(_sleep, [0, -1, 0], overran=lambda s: "overran", died=lambda s, c: f"died {c}"))
    assert results == ["slept 0", "died 3", "slept 0"]


def _sleep(seconds: float) -> str:
    import os
    import time

    if seconds < 0:
        os._exit(3)
    time.sleep(seconds)
    return f"slept {seconds:g}"


def test_an_unexpected_error_in_a_reader_is_a_refusal(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(path: Path):
        raise LookupError("no such thing")

    monkeypatch.setattr(batch, "load", broken)
    problem = batch.prepare(tmp_path / "x.txt")
    assert problem.reason == "could not be read (LookupError: no such thing)"


def test_an_unexpected_error_with_no_message_still_says_what(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(path: Path):
        raise AssertionError()

    monkeypatch.setattr(batch, "load", broken)
    problem = batch.prepare(tmp_path / "x.txt")
    assert problem.reason == "could not be read (an unexpected AssertionError in its reader, with no message)"


def test_a_long_text_file_is_read_by_a_worker_within_the_time_limit(
        project: Project, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """200 KB without a sentence end (slow to split, see issue 22 point 5): over READ_HERE_BYTES, so a
    worker reads it, and it ends within the time limit, read or refused, with the short file beside it."""
    import time

    monkeypatch.setattr(limits, "TIME_LIMIT_S", 3)
    (tmp_path / "long.txt").write_text("Rules\n\n" + "and the minister said more " * 8000, encoding="utf-8")
    (tmp_path / "short.txt").write_text(f"Rules to change\n\n{PAGE_TEXT}\n", encoding="utf-8")
    start = time.monotonic()
    report = import_paths(project, [tmp_path / "long.txt", tmp_path / "short.txt"])
    assert time.monotonic() - start < 15
    assert [p.reason for p in report.refused] in ([], [limits.took_too_long(3)])
    assert "short.txt" in [Path(a.path).name for a in report.imported]
