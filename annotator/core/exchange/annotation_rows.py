"""Annotations as rows of a file: our own CSV export read back, and JSON Lines written by a script.

A CSV has the columns of the annotations export (reports/csv_export.py), so an exported file imports
as it was: its cells' formula guard (a leading apostrophe before = + - @) is taken off again, and its
creation and edit times are kept. Only `article_id`, `category` and `start`/`end` or `sentence` are
required; the rest may be missing or empty. A JSON Lines file holds one object per line with
`article_id`, `sentence` (from 1) or `start`/`end`, `category`, and optionally `annotator`, `source`
and `note` (and `created_at`/`updated_at`, kept when given). `write_jsonl` writes a project's
annotations in that form (by offsets, with the marked `text` for the reader, which the import passes
over). Each row remembers its line, so every problem is reported where the user can find it.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass
from pathlib import Path

from annotator.core.errors import AnnotatorError, InvalidValue
from annotator.core.reports.atomic import atomic_text
from annotator.core.reports.csv_export import ANNOTATION_COLUMNS
from annotator.core.store.project import Project

MAX_FILE_BYTES = 200 * 1024 * 1024  # far above a million annotations; a bigger file is not ours
SUFFIXES = {".csv": "csv", ".jsonl": "jsonl", ".ndjson": "jsonl"}
_GUARDED = ("'=", "'+", "'-", "'@", "'\t", "'\r")


@dataclass(frozen=True)
class AnnotationRow:
    """One row as read: a span by offsets (`start`, `end`) or by `sentence` (from 1), not yet checked."""

    line: int
    article_id: int
    category: str
    start: int | None = None
    end: int | None = None
    sentence: int | None = None
    annotator: str = ""
    source: str = ""
    note: str = ""
    created_at: str = ""
    updated_at: str = ""


@dataclass(frozen=True)
class RowProblem:
    line: int
    reason: str

    def __str__(self) -> str:
        return f"line {self.line}: {self.reason}"


class RowsRefused(AnnotatorError):
    """Rows of an annotation file could not be imported; nothing was written."""

    advice = "Correct the lines named, or import with --skip-bad to leave them out; the project was not changed."

    def __init__(self, path: str, problems: list[RowProblem]) -> None:
        self.path = path
        self.problems = problems
        shown = "; ".join(str(p) for p in problems[:3]) + (f"; and {len(problems) - 3} more" if len(problems) > 3 else "")
        super().__init__(f"{path}: {len(problems)} row(s) refused, nothing imported: {shown}")


def read_rows(path: Path) -> tuple[list[AnnotationRow], list[RowProblem]]:
    """The rows of a .csv or .jsonl file and the problems of the lines that could not be read."""
    kind = SUFFIXES.get(path.suffix.lower())
    if kind is None:
        raise InvalidValue(f"{path.name}: annotations are read from .csv or .jsonl files (not {path.suffix or 'no suffix'})")
    if path.stat().st_size > MAX_FILE_BYTES:
        raise InvalidValue(f"{path.name}: over {MAX_FILE_BYTES // 2**20} MB, too big for an annotation file")
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as error:
        raise InvalidValue(f"{path.name}: not UTF-8 text (byte {error.start})") from None
    return read_csv(text) if kind == "csv" else read_jsonl(text)


def unguard(value: str) -> str:
    """Take off the apostrophe the CSV export puts before a cell a spreadsheet would run as a formula."""
    return value[1:] if value.startswith(_GUARDED) else value


def read_csv(text: str) -> tuple[list[AnnotationRow], list[RowProblem]]:
    reader = csv.reader(io.StringIO(text, newline=""))
    header = next(reader, None)
    if header is None:
        return [], []
    columns = {name.strip().lower(): i for i, name in enumerate(header)}
    missing = [c for c in ("article_id", "category") if c not in columns]
    if not ({"start", "end"} <= columns.keys() or "sentence" in columns):
        missing.append("start and end, or sentence")
    if missing:
        raise InvalidValue(f"line 1: the header lacks {', '.join(missing)} (the columns of `annotator export`"
                           f" are {', '.join(ANNOTATION_COLUMNS)})")
    rows, problems, line = [], [], reader.line_num + 1
    for cells in reader:
        first, line = line, reader.line_num + 1
        if not any(c.strip() for c in cells):
            continue
        record = {name: unguard(cells[i]) if i < len(cells) else "" for name, i in columns.items()}
        _add(rows, problems, first, record, offsets_win=True)
    return rows, problems


def read_jsonl(text: str) -> tuple[list[AnnotationRow], list[RowProblem]]:
    rows, problems = [], []
    for number, raw in enumerate(text.splitlines(), start=1):
        if not raw.strip():
            continue
        try:
            record = json.loads(raw)
        except json.JSONDecodeError as error:
            problems.append(RowProblem(number, f"not JSON ({error.msg}, column {error.colno})"))
            continue
        if not isinstance(record, dict):
            problems.append(RowProblem(number, "not a JSON object"))
            continue
        _add(rows, problems, number, record, offsets_win=False)
    return rows, problems


def _add(rows: list, problems: list, line: int, record: dict, *, offsets_win: bool) -> None:
    try:
        rows.append(_row(line, record, offsets_win=offsets_win))
    except InvalidValue as error:
        problems.append(RowProblem(line, str(error)))


def _row(line: int, record: dict, *, offsets_win: bool) -> AnnotationRow:
    start, end = _number(record, "start", 0), _number(record, "end", 1)
    sentence = _number(record, "sentence", 1)
    if (start is None) != (end is None):
        raise InvalidValue("give both start and end, or neither")
    if start is None and sentence is None:
        raise InvalidValue("give start and end, or a sentence number")
    if start is not None and sentence is not None and not offsets_win:
        raise InvalidValue("give start and end, or a sentence number, not both")
    article_id = _number(record, "article_id", 1)
    if article_id is None:
        raise InvalidValue("article_id is missing")
    category = _text(record, "category")
    if not category:
        raise InvalidValue("category is missing")
    return AnnotationRow(
        line=line, article_id=article_id, category=category, start=start, end=end,
        sentence=None if start is not None else sentence, annotator=_text(record, "annotator"),
        source=_text(record, "source"), note=_text(record, "note", strip=False),
        created_at=_text(record, "created_at"), updated_at=_text(record, "updated_at"))


def _number(record: dict, name: str, least: int) -> int | None:
    value = record.get(name)
    if value is None or value == "":
        return None
    if isinstance(value, bool) or not isinstance(value, (int, str)) or (
            isinstance(value, str) and not (value.strip().isascii() and value.strip().isdigit())):
        raise InvalidValue(f"{name} {value!r} is not a whole number")
    number = int(value)
    if number < least:
        raise InvalidValue(f"{name} {number} is below {least}")
    return number


def _text(record: dict, name: str, *, strip: bool = True) -> str:
    value = record.get(name)
    if value is None:
        return ""
    if not isinstance(value, str):
        raise InvalidValue(f"{name} {value!r} is not text")
    return value.strip() if strip else value


def write_jsonl(project: Project, out: Path) -> int:
    """Write every annotation as one JSON object a line, in article and text order; return how many."""
    count = 0
    with atomic_text(out, bom=False) as handle:
        for article in sorted(project.articles.list(), key=lambda a: a.id):
            marks = project.annotations.for_article(article.id)
            body = project.articles.body(article.id) if marks else ""
            for a in marks:
                handle.write(json.dumps({
                    "article_id": a.article_id, "start": a.start, "end": a.end, "text": body[a.start:a.end],
                    "category": a.category, "annotator": a.annotator, "source": a.source, "note": a.note,
                    "created_at": a.created_at, "updated_at": a.updated_at}, ensure_ascii=False) + "\n")
                count += 1
    return count
