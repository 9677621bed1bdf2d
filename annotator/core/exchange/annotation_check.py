"""Rows of an annotation file checked against a project: what can be stored, what is there already, what not.

Everything the check needs is read in a few queries for the whole batch (the articles' lengths and
sentences, the codebook, the marks already in those articles), so ten thousand rows are checked in
memory, not one query each.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from annotator.core.clock import now
from annotator.core.exchange.annotation_rows import AnnotationRow, RowProblem
from annotator.core.store import annotation_batch
from annotator.core.store.annotation_batch import NewRow
from annotator.core.store.database import Database


@dataclass
class CheckedRows:
    """The rows to store, the rows already in the project (or twice in the file), and the rows refused."""

    new: list[NewRow] = field(default_factory=list)
    duplicates: list[RowProblem] = field(default_factory=list)
    refused: list[RowProblem] = field(default_factory=list)


def check_rows(db: Database, rows: list[AnnotationRow], *, default_annotator: str) -> CheckedRows:
    """Resolve sentence numbers to spans and check each row; a row with no annotator gets `default_annotator`."""
    article_ids = {row.article_id for row in rows}
    lengths = annotation_batch.article_lengths(db, article_ids)
    sentences = annotation_batch.sentence_spans(db, {r.article_id for r in rows if r.sentence is not None})
    categories = annotation_batch.category_states(db)
    seen = annotation_batch.existing_marks(db, article_ids)
    stamp = now()
    result = CheckedRows()
    for row in rows:
        try:
            start, end = _span(row, lengths, sentences)
            _check_category(row.category, categories)
        except ValueError as error:
            result.refused.append(RowProblem(row.line, str(error)))
            continue
        annotator = row.annotator or default_annotator.strip()
        mark = (row.article_id, start, end, row.category, annotator)
        if mark in seen:
            result.duplicates.append(RowProblem(
                row.line, f"already marked {row.category} by {annotator} (article {row.article_id},"
                          f" {start}-{end}); not added again"))
            continue
        seen.add(mark)
        result.new.append((*mark, row.source.strip(), row.note, row.created_at or stamp,
                           row.updated_at or row.created_at or stamp))
    return result


def _span(row: AnnotationRow, lengths: dict[int, int], sentences: dict[int, list[tuple[int, int]]]) -> tuple[int, int]:
    length = lengths.get(row.article_id)
    if length is None:
        raise ValueError(f"no article {row.article_id} in this project")
    if row.start is None:
        spans = sentences.get(row.article_id, [])
        if row.sentence > len(spans):
            raise ValueError(f"article {row.article_id} has no sentence {row.sentence} (it has {len(spans)})")
        return spans[row.sentence - 1]
    if not row.start < row.end <= length:
        raise ValueError(f"span {row.start}-{row.end} is outside article {row.article_id} (length {length})"
                         if row.end > length else f"span {row.start}-{row.end} is empty or backwards")
    return row.start, row.end


def _check_category(key: str, categories: dict[str, bool]) -> None:
    if key not in categories:
        known = ", ".join(k for k, archived in categories.items() if not archived)
        raise ValueError(f"no category {key!r} in this project (known: {known})")
    if categories[key]:
        raise ValueError(f"category {key!r} is archived; restore it before importing marks into it")
