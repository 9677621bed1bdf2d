"""The XLSX report: the CSVs' rows in two sheets, typed cells, never a formula."""

from __future__ import annotations

import csv
from datetime import datetime
from pathlib import Path

import openpyxl
import pytest

from annotator.core.analysis.stats import Filters
from annotator.core.errors import ExportFailed
from annotator.core.ingest.batch import import_paths
from annotator.core.reports.csv_export import ANNOTATION_COLUMNS, write_annotations_csv, write_outlets_csv
from annotator.core.reports.xlsx_export import MAX_WIDTH, write_xlsx
from annotator.core.store.project import Project

NEWZ9, CYBERNEWS = 1, 3
FORMULA = '=HYPERLINK("http://example.com","click")'


def annotate_some(p: Project) -> None:
    p.annotate_sentence(NEWZ9, 0, category="anonymous_official", annotator="amy", source="a senior official")
    p.annotate_sentence(NEWZ9, 0, category="unattributed", annotator="ben")
    p.annotate_sentence(CYBERNEWS, 8, category="social_post", annotator="amy", note=FORMULA, source="+cmd")


def sheets(path: Path) -> dict[str, list[tuple]]:
    book = openpyxl.load_workbook(path)
    return {sheet.title: list(sheet.iter_rows(values_only=True)) for sheet in book.worksheets}


def csv_rows(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.reader(handle))


def test_xlsx_has_the_csv_rows_in_two_sheets(sample: Project, tmp_path: Path) -> None:
    annotate_some(sample)
    sample.articles.edit(NEWZ9, published="2025-03-04")
    assert write_xlsx(sample.database, tmp_path / "r.xlsx") == 3
    write_annotations_csv(sample.database, tmp_path / "a.csv")
    write_outlets_csv(sample.database, tmp_path / "o.csv")
    book = sheets(tmp_path / "r.xlsx")
    assert list(book) == ["Annotations", "Outlets"]
    assert book["Annotations"][0] == tuple(ANNOTATION_COLUMNS)
    expected = csv_rows(tmp_path / "a.csv")
    for got, want in zip(book["Annotations"][1:], expected[1:], strict=True):
        assert [cell_text(c, v) for c, v in zip(ANNOTATION_COLUMNS, got)] == [w.removeprefix("'") if w[:2] in ("'=", "'+") else w
                                               for w in want]
    assert [[cell_text("", v) for v in row] for row in book["Outlets"]] == csv_rows(tmp_path / "o.csv")


def cell_text(column: str, value) -> str:
    """A cell as the CSV writes it (a spreadsheet's dates are datetimes at midnight)."""
    if value is None:
        return ""
    if isinstance(value, datetime) and column == "published":
        return value.date().isoformat()
    if isinstance(value, datetime):
        return value.isoformat(timespec="milliseconds") + "Z"
    return str(value)


def test_formula_like_text_is_stored_as_text(sample: Project, tmp_path: Path) -> None:
    annotate_some(sample)
    write_xlsx(sample.database, tmp_path / "r.xlsx")
    sheet = openpyxl.load_workbook(tmp_path / "r.xlsx")["Annotations"]
    note = ANNOTATION_COLUMNS.index("note") + 1
    source = ANNOTATION_COLUMNS.index("source") + 1
    cells = {sheet.cell(row, note).value: sheet.cell(row, note) for row in range(2, sheet.max_row + 1)}
    assert cells[FORMULA].data_type == "s"
    assert {sheet.cell(row, source).value for row in range(2, sheet.max_row + 1)} >= {"+cmd"}
    assert all(cell.data_type != "f" for row in sheet.iter_rows() for cell in row)


def test_dates_are_date_cells_and_undated_or_partial_dates_stay_as_written(sample: Project, tmp_path: Path) -> None:
    annotate_some(sample)
    story = tmp_path / "story.md"
    story.write_text("Title: Ambiguous\nPublished: 03/04/2025\n\nThe Pentagon said so on Tuesday in a statement. "
                     "Officials agreed with the decision and said the review would go on next week.\n")
    (imported,) = import_paths(sample, [story]).imported
    sample.articles.edit(NEWZ9, published="2025-03-04")
    sample.annotate_sentence(imported.id, 0, category="on_record", annotator="amy")
    write_xlsx(sample.database, tmp_path / "r.xlsx")
    rows = sheets(tmp_path / "r.xlsx")["Annotations"]
    published = {row[1]: row[ANNOTATION_COLUMNS.index("published")] for row in rows[1:]}
    assert published[NEWZ9] == datetime(2025, 3, 4) and published[imported.id] == "03/04/2025"
    sheet = openpyxl.load_workbook(tmp_path / "r.xlsx")["Annotations"]
    assert sheet.cell(2, ANNOTATION_COLUMNS.index("published") + 1).number_format == "yyyy-mm-dd"
    created = rows[1][ANNOTATION_COLUMNS.index("created_at")]
    assert isinstance(created, datetime) and created.year >= 2025


def test_sheets_have_frozen_header_autofilter_and_capped_widths(sample: Project, tmp_path: Path) -> None:
    annotate_some(sample)
    write_xlsx(sample.database, tmp_path / "r.xlsx")
    book = openpyxl.load_workbook(tmp_path / "r.xlsx")
    for sheet in book.worksheets:
        assert sheet.freeze_panes == "A2"
        assert sheet.auto_filter.ref == f"A1:{sheet.cell(1, sheet.max_column).column_letter}{sheet.max_row}"
    widths = {name: book["Annotations"].column_dimensions[letter].width
              for name, letter in zip(ANNOTATION_COLUMNS, "ABCDEFGHIJKLMNOP")}
    assert widths["text"] == MAX_WIDTH and widths["outlet"] < widths["article_title"] <= MAX_WIDTH
    assert book["Annotations"]["A1"].font.bold


def test_filters_apply_as_in_the_csv(sample: Project, tmp_path: Path) -> None:
    annotate_some(sample)
    assert write_xlsx(sample.database, tmp_path / "r.xlsx", Filters(annotator="ben")) == 1
    rows = sheets(tmp_path / "r.xlsx")
    assert [row[ANNOTATION_COLUMNS.index("annotator")] for row in rows["Annotations"][1:]] == ["ben"]
    assert sum(row[4] for row in rows["Outlets"][1:]) == 1


def test_empty_project_writes_headers_only(project: Project, tmp_path: Path) -> None:
    assert write_xlsx(project.database, tmp_path / "r.xlsx") == 0
    book = sheets(tmp_path / "r.xlsx")
    assert book["Annotations"] == [tuple(ANNOTATION_COLUMNS)] and len(book["Outlets"]) == 1


def test_failed_export_raises_and_leaves_no_part_file(sample: Project, tmp_path: Path) -> None:
    with pytest.raises(ExportFailed):
        write_xlsx(sample.database, tmp_path / "missing" / "r.xlsx")
    assert list(tmp_path.rglob("*.part")) == []


def test_more_annotations_than_a_sheet_holds_is_a_clear_error(sample: Project, tmp_path: Path,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    annotate_some(sample)
    monkeypatch.setattr("annotator.core.reports.xlsx_export.MAX_ROWS", 3)
    with pytest.raises(ExportFailed, match="do not fit in a sheet"):
        write_xlsx(sample.database, tmp_path / "r.xlsx")
    assert not (tmp_path / "r.xlsx").exists()
