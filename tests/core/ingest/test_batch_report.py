"""What a batch reports: undecodable file names, skipped files by reason, near-duplicates, empty imports."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from annotator.core.ingest.batch import import_paths
from tests.core.ingest.test_import import MORE
from annotator.core.store.project import Project

needs_bytes_names = pytest.mark.skipif(sys.platform in ("win32", "darwin"),
                                       reason="the file system accepts only valid Unicode names")


def write_bytes_name(folder: Path, name: bytes, content: str) -> Path:
    """A file whose name is raw bytes (not valid UTF-8 when it holds b'\\xe9')."""
    raw = os.fsencode(folder) + b"/" + name
    fd = os.open(raw, os.O_WRONLY | os.O_CREAT, 0o644)
    with os.fdopen(fd, "w", encoding="utf-8") as out:
        out.write(content)
    return Path(os.fsdecode(raw))


@needs_bytes_names
def test_file_name_that_is_not_utf8_is_shown_escaped_and_the_batch_goes_on(project: Project, tmp_path: Path) -> None:
    tmp_path = tmp_path / "in"  # the project file sits in tmp_path itself
    tmp_path.mkdir()
    write_bytes_name(tmp_path, b"caf\xe9.txt", f"A story about a cafe. It has text.{MORE}\n")
    write_bytes_name(tmp_path, b"z-bad\xff.bin", "not read")
    for i in range(3):
        (tmp_path / f"later-{i}.txt").write_text(f"Later story {i}. It has text.{MORE}\n", encoding="utf-8")
    report = import_paths(project, [tmp_path])
    assert len(report.imported) == 4
    cafe = next(a for a in project.articles.list() if "caf" in (a.source_file or ""))
    assert cafe.source_file.endswith("caf\\xe9.txt")
    assert cafe.title == "caf\\xe9"
    assert [p.path.rsplit("/", 1)[-1] for p in report.skipped] == ["z-bad\\xff.bin"]
    for item in report.skipped + report.refused + report.warnings:
        item.path.encode("utf-8")


@needs_bytes_names
def test_refused_file_with_undecodable_name_is_reported_printably(project: Project, tmp_path: Path) -> None:
    bad = write_bytes_name(tmp_path, b"empty\xe9.txt", "")
    good = tmp_path / "good.txt"
    good.write_text(f"A good story. It imports.{MORE}\n", encoding="utf-8")
    report = import_paths(project, [bad, good])
    assert report.refused[0].path.endswith("empty\\xe9.txt")
    assert [i.title for i in report.imported] == ["good"]


def test_folder_import_lists_skipped_files_by_reason(project: Project, tmp_path: Path) -> None:
    tmp_path = tmp_path / "in"
    tmp_path.mkdir()
    (tmp_path / "a.txt").write_text(f"A story. It has text.{MORE}\n")
    (tmp_path / "photo.png").write_bytes(b"\x89PNG")
    (tmp_path / "notes.odt").write_bytes(b"PK")
    (tmp_path / ".hidden.txt").write_text("Hidden story. Text.\n")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "x.txt").write_text("Inside git. Text.\n")
    report = import_paths(project, [tmp_path])
    assert [i.title for i in report.imported] == ["a"]
    reasons = {Path(p.path).name: p.reason for p in report.skipped}
    assert reasons == {"photo.png": "unsupported file type .png", "notes.odt": "unsupported file type .odt",
                       ".hidden.txt": "hidden file", ".git": "hidden folder"}
    assert report.warnings == []


def test_nothing_imported_is_a_warning_that_says_why(project: Project, tmp_path: Path) -> None:
    tmp_path = tmp_path / "in"
    tmp_path.mkdir()
    (tmp_path / "photo.png").write_bytes(b"\x89PNG")
    (tmp_path / "empty.txt").write_bytes(b"")
    report = import_paths(project, [tmp_path])
    (warning,) = report.warnings
    assert warning.reason == "nothing was imported: 1 refused, 1 skipped"
    empty = tmp_path / "none"
    empty.mkdir()
    (warning,) = import_paths(project, [empty]).warnings
    assert "no files of a supported type" in warning.reason


PAGE = """<html><head><title>Pentagon denies cyber pause</title></head><body><article>
<h1>Pentagon denies cyber pause</h1><p>{body}</p></article></body></html>"""
BODY = ("The Pentagon said late Tuesday that cyber operations against Russia had not been stopped. "
        "A senior official told reporters that no order had been given and that planning went on as "
        "before, despite several reports to the contrary from outlets in Washington.")


def test_near_duplicate_with_the_same_title_is_imported_with_a_warning(project: Project, tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(f"Pentagon denies cyber pause\n{BODY}\nShare this article.\n")
    (tmp_path / "a.html").write_text(PAGE.format(body=BODY))
    report = import_paths(project, [tmp_path / "a.txt", tmp_path / "a.html"])
    assert len(report.imported) == 2
    (warning,) = report.warnings
    assert warning.path.endswith("a.html")
    assert "a.txt" in warning.reason and "nearly the same article" in warning.reason


def test_near_duplicate_of_an_article_already_in_the_project_is_named(project: Project, tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(f"Pentagon denies cyber pause\n{BODY}\n")
    import_paths(project, [tmp_path / "a.txt"])
    (tmp_path / "b.txt").write_text(f"Pentagon Denies Cyber Pause!\n{BODY} Updated at noon.\n")
    (warning,) = import_paths(project, [tmp_path / "b.txt"]).warnings
    assert "article 1" in warning.reason


@pytest.mark.parametrize("other", [
    "Pentagon denies cyber pause\nA different story entirely, about budgets and ships and the navy.\n",
    "Another title\n" + BODY + "\n",
])
def test_different_words_or_title_give_no_warning(project: Project, tmp_path: Path, other: str) -> None:
    (tmp_path / "a.txt").write_text(f"Pentagon denies cyber pause\n{BODY}\n")
    (tmp_path / "b.txt").write_text(other)
    assert import_paths(project, [tmp_path / "a.txt", tmp_path / "b.txt"]).warnings == []
