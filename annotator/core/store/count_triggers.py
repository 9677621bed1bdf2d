"""The SQL of schema step 2's counting triggers (store/schema.py): an annotation counted into, or out of,
the marks of the sentences it covers (per annotator and, as annotator_id 0, by anyone) and its
category's usage. Each function gives the statements for the trigger row `row` (NEW or OLD)."""

from __future__ import annotations

_COVERED = """SELECT idx FROM sentences WHERE article_id = {row}.article_id AND idx BETWEEN
        (SELECT idx FROM sentences WHERE article_id = {row}.article_id AND "end" > {row}.start
         ORDER BY "end" LIMIT 1)
    AND (SELECT idx FROM sentences WHERE article_id = {row}.article_id AND start < {row}."end"
         ORDER BY start DESC LIMIT 1)"""


def mark(row: str) -> str:
    return f"""INSERT INTO sentence_marks (article_id, idx, annotator_id, n)
        SELECT {row}.article_id, covered.idx, who.id, 1
        FROM ({_COVERED.format(row=row)}) AS covered, (SELECT {row}.annotator_id AS id UNION ALL SELECT 0) AS who
        WHERE true
        ON CONFLICT (article_id, annotator_id, idx) DO UPDATE SET n = n + 1;"""


def unmark(row: str) -> str:
    return f"""UPDATE sentence_marks SET n = n - 1
        WHERE article_id = {row}.article_id AND annotator_id IN ({row}.annotator_id, 0)
        AND idx IN ({_COVERED.format(row=row)});
    DELETE FROM sentence_marks WHERE article_id = {row}.article_id AND annotator_id IN ({row}.annotator_id, 0)
        AND n <= 0 AND idx IN ({_COVERED.format(row=row)});"""


def use(row: str, step: int) -> str:
    """Count an annotation in (step 1) or out of (step -1) its category's usage, per annotator and by anyone."""
    return f"""INSERT INTO category_usage (category_id, annotator_id, n)
        SELECT {row}.category_id, who.id, {step} FROM (SELECT {row}.annotator_id AS id UNION ALL SELECT 0) AS who
        WHERE true
        ON CONFLICT (category_id, annotator_id) DO UPDATE SET n = n + ({step});"""
