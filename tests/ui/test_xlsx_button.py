"""The dashboard's XLSX button writes a workbook with the filters shown, in the background."""

from __future__ import annotations

from pathlib import Path

import openpyxl
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QPushButton

from annotator.core.store.project import Project


def xlsx_button(window) -> QPushButton:
    (button,) = [b for b in window.dashboard.findChildren(QPushButton) if b.text() == "XLSX…"]
    return button


def test_xlsx_button_writes_both_sheets_with_the_filters(qtbot, open_main, sample_path: Path, tmp_path: Path,
                                                         monkeypatch) -> None:
    with Project.open(sample_path) as project:
        project.annotate_sentence(1, 0, category="anonymous_official", annotator="amy", note="=1+1")
        project.annotate_sentence(1, 4, category="on_record", annotator="ben", source="Jason Kikta")
    window = open_main(sample_path)
    window.show_tab(window.dashboard)
    qtbot.waitUntil(window.dashboard.isVisible)
    combo = window.dashboard.annotator
    combo.setCurrentIndex(combo.findData("amy"))
    target = tmp_path / "chosen"  # a name typed without the extension gets it
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(target), "")))
    qtbot.mouseClick(xlsx_button(window), Qt.MouseButton.LeftButton)
    written = tmp_path / "chosen.xlsx"
    qtbot.waitUntil(lambda: window.dashboard.reports.last_written == written, timeout=10000)
    book = openpyxl.load_workbook(written)
    assert book.sheetnames == ["Annotations", "Outlets"]
    rows = list(book["Annotations"].iter_rows(min_row=2, values_only=True))
    assert [(row[13], row[12]) for row in rows] == [("amy", "=1+1")]
    assert book["Annotations"]["M2"].data_type == "s"


def test_cancelled_dialog_writes_nothing(qtbot, open_main, sample_path: Path, tmp_path: Path, monkeypatch) -> None:
    window = open_main(sample_path)
    window.show_tab(window.dashboard)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: ("", "")))
    qtbot.mouseClick(xlsx_button(window), Qt.MouseButton.LeftButton)
    assert window.dashboard.reports.last_written is None and not window.dashboard.reports.running
