"""What scoring a class reads: an article's sentence spans, who gave which category where, and
the articles an annotator has worked on."""

from __future__ import annotations

from annotator.core.store.database import Database


def sentence_spans(db: Database, article_id: int) -> list[tuple[int, int, int]]:
    """(idx, start, end) of the article's sentences, in order."""
    return db.rows('SELECT idx, start, "end" FROM sentences WHERE article_id = ? ORDER BY idx', (article_id,))


def category_spans(db: Database, article_id: int) -> list[tuple[int, int, str, str]]:
    """(start, end, category key, annotator) of every annotation of the article."""
    return db.rows('SELECT n.start, n."end", c.key, p.name FROM annotations n'
                   " JOIN categories c ON c.id = n.category_id JOIN annotators p ON p.id = n.annotator_id"
                   " WHERE n.article_id = ?", (article_id,))


def annotated_articles(db: Database, annotator: str) -> list[int]:
    """The ids of the articles `annotator` has annotated, ascending."""
    return [aid for (aid,) in db.rows(
        "SELECT DISTINCT article_id FROM annotations WHERE annotator_id = (SELECT id FROM annotators WHERE name = ?)"
        " ORDER BY article_id", (annotator,))]
