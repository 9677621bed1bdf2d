"""`annotator export` picks CSV or XLSX from OUT's extension."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner

from annotator.cli import cli


def run(*args: object):
    return CliRunner().invoke(cli, [str(a) for a in args])


@pytest.fixture
def project(tmp_path: Path) -> Path:
    path = tmp_path / "p.annot"
    assert run("sample", path).exit_code == 0
    assert run("annotate", path, 1, 1, "anonymous_official", "--note", "=1+1", "--annotator", "amy").exit_code == 0
    assert run("annotate", path, 3, 2, "on_record", "--annotator", "ben").exit_code == 0
    return path


def test_xlsx_extension_writes_both_sheets(project: Path, tmp_path: Path) -> None:
    result = run("export", project, tmp_path / "out.XLSX")
    assert result.exit_code == 0, result.output
    assert "wrote 2 annotation row(s)" in result.output
    book = openpyxl.load_workbook(tmp_path / "out.XLSX")
    assert book.sheetnames == ["Annotations", "Outlets"]
    assert book["Annotations"].max_row == 3 and book["Outlets"].max_row == 5


def test_xlsx_export_honours_filters(project: Path, tmp_path: Path) -> None:
    assert run("export", project, tmp_path / "out.xlsx", "--annotator", "ben").exit_code == 0
    sheet = openpyxl.load_workbook(tmp_path / "out.xlsx")["Annotations"]
    assert [row[13] for row in sheet.iter_rows(min_row=2, values_only=True)] == ["ben"]


@pytest.mark.parametrize("what, header", [("annotations", "outlet,article_id"), ("outlets", "outlet,articles")])
def test_csv_extension_still_writes_the_chosen_csv(project: Path, tmp_path: Path, what: str, header: str) -> None:
    assert run("export", project, tmp_path / "out.csv", "--what", what).exit_code == 0
    assert (tmp_path / "out.csv").read_text(encoding="utf-8-sig").startswith(header)


@pytest.mark.parametrize("name", ["out.ods", "out", "out.csv.txt"])
def test_unknown_extension_is_a_usage_error_naming_the_allowed_ones(project: Path, tmp_path: Path,
                                                                   name: str) -> None:
    result = run("export", project, tmp_path / name)
    assert result.exit_code == 2
    assert ".csv or .xlsx" in result.output
    assert not (tmp_path / name).exists()
