"""What provenance reads from a project, in bulk: articles, their sentences' text, sourced annotations.

One query each, streamed in article order, so a 1,000-article project is read in one pass.
"""

from __future__ import annotations

from collections.abc import Iterator

from annotator.core.store.database import Database


def article_rows(db: Database) -> list[tuple[int, str, str | None, str]]:
    """(id, outlet, published, title) of every article, by id."""
    return db.rows("""SELECT a.id, o.name, a.published, a.title FROM articles a
                      JOIN outlets o ON o.id = a.outlet_id ORDER BY a.id""")


def sentence_rows(db: Database) -> Iterator[tuple[int, int, str]]:
    """(article id, idx from 0, text) of every sentence, in article and sentence order."""
    return db.stream("SELECT article_id, idx, text FROM sentence_texts ORDER BY article_id, idx")


def sourced_marks(db: Database) -> list[tuple[int, int, str, str]]:
    """(article id, first sentence idx, category key, source) of every annotation that names a source
    or is marked `other_outlet`, by article and sentence."""
    return db.rows("""SELECT n.article_id,
            (SELECT idx FROM sentences WHERE article_id = n.article_id AND "end" > n.start ORDER BY "end" LIMIT 1),
            c.key, n.source_name FROM annotations n JOIN categories c ON c.id = n.category_id
            WHERE n.source_name <> '' OR c.key = 'other_outlet'
            ORDER BY n.article_id, n.start""")
