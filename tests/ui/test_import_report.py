"""The window's import report lists what came in, what was refused or skipped, and every warning."""

from __future__ import annotations

from pathlib import Path


def test_a_folder_import_reports_skipped_files_and_warnings(qtbot, open_main, messages, sample_path: Path,
                                                            tmp_path: Path) -> None:
    folder = tmp_path / "batch"
    folder.mkdir()
    more = " It was reported by several outlets in Washington on Tuesday, and officials declined to say more."
    (folder / "good.txt").write_text(f"A headline\nThe minister spoke. Officials agreed.{more}\n", encoding="utf-8")
    (folder / "figure.png").write_bytes(b"\x89PNG\r\n\x1a\n not text")
    (folder / "bad-byte.txt").write_bytes(f"Another headline\n“Quoted,” he said. It is true.{more}\n".encode("utf-8")
                                          .replace(b"It is", b"It \xff is"))
    window = open_main(sample_path)
    window.files.import_files([folder])
    qtbot.waitUntil(lambda: window.files.last_report is not None, timeout=20000)
    title, text = messages[-1]
    assert title == "Import"
    assert text.startswith("2 article(s) imported.")
    assert "Skipped (" in text and "figure.png" in text
    assert "Warning: bad-byte.txt" in text
