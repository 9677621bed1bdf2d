"""CSV reports: one row per annotation, and one row per outlet.

Files are UTF-8 with a byte-order mark and CRLF rows, which LibreOffice and Excel both open
cleanly; a cell that a spreadsheet would run as a formula is prefixed with an apostrophe. Each file
is written beside its target and moved into place, so a failed export never leaves half a file.
"""

from __future__ import annotations

import csv
from bisect import bisect_right
from collections.abc import Callable, Iterator
from pathlib import Path

from annotator.core.reports.atomic import atomic_text
from annotator.core.store.articles import text_and_sentence_starts
from annotator.core.store.database import Database
from annotator.core.store.export_rows import annotator_rows, category_rows, exported_annotations
from annotator.core.store.known_names import category_keys
from annotator.core.store.selection import selected_articles
from annotator.core.analysis.stats import Filters, outlet_summary

ANNOTATION_COLUMNS = [
    "outlet", "article_id", "article_title", "url", "published", "sentence", "start", "end", "text",
    "category", "category_label", "source", "note", "annotator", "created_at", "updated_at",
]
OUTLET_COLUMNS = ["outlet", "articles", "sentences", "annotated_sentences", "annotations"]
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value: str | None) -> str:
    """Make a cell safe to open in a spreadsheet: a leading = + - @ tab or CR becomes text."""
    if not value:
        return ""
    return "'" + value if value.startswith(_FORMULA_STARTS) else value


Cell = Callable[[str | None], str | None]  # how a text value is written: neutralised for CSV


def _article_rows(db: Database, filters: Filters, cell: Cell) -> dict[int, tuple]:
    return {aid: (cell(outlet), aid, cell(title), cell(url), cell(published))
            for aid, (outlet, title, published, url) in selected_articles(db, filters, with_url=True).items()}


def annotation_rows(db: Database, filters: Filters = Filters(), *, cell: Cell = neutralise) -> Iterator[tuple]:
    """One row per annotation (ANNOTATION_COLUMNS), in article and text order; `cell` writes text values."""
    articles = _article_rows(db, filters, cell)
    categories = {cid: (key, cell(label)) for cid, key, label in category_rows(db)}
    annotators = {pid: cell(name) for pid, name in annotator_rows(db)}
    current, body, starts, article = None, "", [], ()
    for aid, start, end, cid, pid, source, note, created, updated in exported_annotations(db, filters):
        if aid not in articles:
            continue
        if aid != current:
            current = aid
            body, starts = text_and_sentence_starts(db, aid)
            article = articles[aid]
        key, label = categories[cid]
        yield (*article, bisect_right(starts, start), start, end, cell(body[start:end]), key,
               label, cell(source), cell(note), annotators[pid], created, updated)


def outlet_rows(db: Database, filters: Filters = Filters(), *, cell: Cell = neutralise) -> tuple[list[str], list[list]]:
    """(OUTLET_COLUMNS and one column per category key, one row per outlet with its counts)."""
    keys = category_keys(db)
    rows = [[cell(s.outlet), s.articles, s.sentences, s.annotated_sentences, s.annotations,
             *(s.by_category.get(k, 0) for k in keys)] for s in outlet_summary(db, filters)]
    return OUTLET_COLUMNS + keys, rows


def write_annotations_csv(db: Database, path: Path, filters: Filters = Filters()) -> int:
    """Write one row per annotation, in article and text order; return the number of rows."""
    counter = [0]

    def counted(rows: Iterator[tuple]) -> Iterator[tuple]:
        for row in rows:
            counter[0] += 1
            yield row

    with atomic_text(path) as handle:
        writer = csv.writer(handle)
        writer.writerow(ANNOTATION_COLUMNS)
        writer.writerows(counted(annotation_rows(db, filters)))
    return counter[0]


def write_outlets_csv(db: Database, path: Path, filters: Filters = Filters()) -> int:
    """Write one row per outlet with its counts and one count column per category key."""
    header, rows = outlet_rows(db, filters)
    with atomic_text(path) as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        writer.writerows(rows)
    return len(rows)
