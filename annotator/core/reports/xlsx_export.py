"""XLSX report: an Annotations sheet and an Outlets sheet with the CSVs' columns and rows.

Rows come from csv_export's iterators, so both formats say the same thing. Text is written as
text cells whatever it starts with, so a note such as "=HYPERLINK(...)" is never a formula and
needs no apostrophe; dates are real date cells (times in UTC). Each sheet has a frozen header
row and an autofilter. The workbook is written beside its target and moved into place.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Sequence
from datetime import date, datetime
from pathlib import Path

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from annotator.core.analysis.stats import Filters
from annotator.core.errors import ExportFailed
from annotator.core.reports.atomic import atomic_binary
from annotator.core.reports.csv_export import ANNOTATION_COLUMNS, annotation_rows, outlet_rows
from annotator.core.store.database import Database, translate_error

MAX_CELL = 32_767  # characters a spreadsheet cell holds
MAX_ROWS = 1_048_576  # rows a sheet holds, the header included
MAX_WIDTH = 60  # characters; longer text wraps out of sight rather than widening the column
DATE_COLUMNS = {"published"}
TIME_COLUMNS = {"created_at", "updated_at"}
_BOLD = Font(bold=True)


def _plain(value: str | None) -> str | None:
    """Text as it is (a cell is typed as text, never run), or an empty cell."""
    return value or None


def write_xlsx(db: Database, path: Path, filters: Filters = Filters()) -> int:
    """Write both sheets; return the number of annotation rows."""
    path = Path(path)
    try:
        annotations = list(annotation_rows(db, filters, cell=_plain))
        outlet_header, outlets = outlet_rows(db, filters, cell=_plain)
    except sqlite3.Error as error:
        reason = translate_error(path, error).reason
        raise ExportFailed(path, f"the project could not be read ({reason}); nothing was saved") from error
    if len(annotations) >= MAX_ROWS:
        raise ExportFailed(path, f"{len(annotations):,} annotations do not fit in a sheet ({MAX_ROWS - 1:,} rows"
                           " at most); export a CSV, or filter by outlet or date")
    with atomic_binary(path) as handle:  # first, so a workbook is only built when it can be saved
        workbook = Workbook(write_only=True)
        _add_sheet(workbook, "Annotations", ANNOTATION_COLUMNS, annotations)
        _add_sheet(workbook, "Outlets", outlet_header, outlets)
        workbook.save(handle)
    return len(annotations)


def _add_sheet(workbook: Workbook, title: str, header: list[str], rows: Sequence[Sequence]) -> None:
    sheet = workbook.create_sheet(title)
    typed = [[_typed(name, value) for name, value in zip(header, row)] for row in rows]
    for index, width in enumerate(_widths(header, typed), 1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(header))}{len(rows) + 1}"
    sheet.append([_cell(sheet, name, bold=True) for name in header])
    for row in typed:
        sheet.append([_cell(sheet, value) for value in row])


def _typed(column: str, value):
    """Dates and times as such when they parse; anything else as found."""
    if isinstance(value, str) and column in DATE_COLUMNS:
        try:
            return date.fromisoformat(value)
        except ValueError:
            return value  # "2025-03" or "03/04/2025": kept as written
    if isinstance(value, str) and column in TIME_COLUMNS:
        try:
            return datetime.fromisoformat(value.replace("Z", "+00:00")).replace(tzinfo=None)
        except ValueError:
            return value
    return value


def _cell(sheet, value, *, bold: bool = False) -> WriteOnlyCell:
    if isinstance(value, str):
        value = ILLEGAL_CHARACTERS_RE.sub("\ufffd", value)
        if len(value) > MAX_CELL:
            value = value[: MAX_CELL - 1] + "…"
    cell = WriteOnlyCell(sheet, value=value)
    if isinstance(value, str):
        cell.data_type = "s"  # text even when it starts with "=": openpyxl would make that a formula
    elif isinstance(value, datetime):
        cell.number_format = "yyyy-mm-dd hh:mm:ss"
    elif isinstance(value, date):
        cell.number_format = "yyyy-mm-dd"
    if bold:
        cell.font = _BOLD
    return cell


def _widths(header: list[str], rows: Iterable[Sequence]) -> list[float]:
    """Each column as wide as its longest value or header (dates as 10 or 19), within MAX_WIDTH."""
    widths = [len(name) + 3 for name in header]  # room for the filter button
    for row in rows:
        for index, value in enumerate(row):
            if isinstance(value, datetime):
                length = 19
            elif isinstance(value, date):
                length = 10
            else:
                length = max(map(len, str(value).split("\n"))) if value is not None else 0
            widths[index] = max(widths[index], length + 2)
    return [min(width, MAX_WIDTH) for width in widths]
