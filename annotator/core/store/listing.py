"""The library's listing, read a page at a time: outlets with their article counts, then articles.

A project of 10,000 articles shows about forty rows at once, so the listing never reads every
article to open: `outlets()` is one pass over the outlet index, and `page()` reads the rows on
screen, in the library's order (outlets ignoring case, then articles by id). `titles()` reads every
title, for filtering, only when the user filters.
"""

from __future__ import annotations

from typing import NamedTuple

from annotator.core.records import ArticleId
from annotator.core.records import outlet_order
from annotator.core.store.database import Database


class ListedOutlet(NamedTuple):
    id: int
    name: str
    articles: int


class ListedArticle(NamedTuple):
    """One library row: sentences annotated (by the annotator asked for, or anyone) of all."""

    id: ArticleId
    outlet_id: int
    title: str
    published: str | None
    sentences: int
    annotated: int
    source_file: str | None = None  # the file it was imported from, for the row's tooltip
    url: str | None = None


_ANNOTATOR_ID = """CASE WHEN :annotator IS NULL THEN 0
                   ELSE coalesce((SELECT id FROM annotators WHERE name = :annotator), -1) END"""

_ROWS = f"""
    SELECT a.id, a.outlet_id, a.title, a.published, coalesce(z.sentences, 0), coalesce(p.annotated, 0),
           a.source_file, a.url
    FROM articles a
    LEFT JOIN article_sizes z ON z.article_id = a.id
    LEFT JOIN article_progress p ON p.article_id = a.id AND p.annotator_id = ({_ANNOTATOR_ID})
"""


class ArticleListing:
    def __init__(self, db: Database) -> None:
        self._db = db

    def outlets(self) -> list[ListedOutlet]:
        """Outlets that hold articles, in the library's order, with how many articles each."""
        rows = self._db.rows("SELECT o.id, o.name, c.n FROM outlets o JOIN"
                             " (SELECT outlet_id, count(*) AS n FROM articles GROUP BY outlet_id) c"
                             " ON c.outlet_id = o.id")
        return sorted((ListedOutlet(*row) for row in rows), key=lambda o: (outlet_order(o.name), o.id))

    def page(self, outlet_id: int, offset: int, limit: int, *, annotator: str | None = None) -> list[ListedArticle]:
        """An outlet's articles `offset`..`offset + limit` (by id), through the outlet index."""
        rows = self._db.rows(_ROWS + " WHERE a.outlet_id = :outlet ORDER BY a.id LIMIT :limit OFFSET :offset",
                             {"annotator": annotator, "outlet": outlet_id, "limit": limit, "offset": offset})
        return [_listed(row) for row in rows]

    def by_ids(self, article_ids: list[int], *, annotator: str | None = None) -> list[ListedArticle]:
        """These articles' rows, in the order given (unknown ids are left out)."""
        found: dict[int, ListedArticle] = {}
        for at in range(0, len(article_ids), 500):
            chunk = article_ids[at:at + 500]
            marks = ",".join("?" * len(chunk))
            sql = _ROWS.replace(":annotator", "?") + f" WHERE a.id IN ({marks})"
            found.update((row[0], _listed(row)) for row in self._db.rows(sql, (annotator, annotator, *chunk)))
        return [found[i] for i in article_ids if i in found]

    def position(self, article_id: int) -> tuple[int, int] | None:
        """(outlet id, rank of the article among its outlet's articles, from 0), or None if unknown."""
        row = self._db.row("SELECT a.outlet_id, (SELECT count(*) FROM articles b WHERE b.outlet_id = a.outlet_id"
                           " AND b.id < a.id) FROM articles a WHERE a.id = ?", (article_id,))
        return None if row is None else (row[0], row[1])

    def titles(self) -> list[tuple[int, ArticleId, str]]:
        """(outlet id, article id, title) of every article, by outlet and id: what a filter reads."""
        return [(o, ArticleId(a), t) for o, a, t in
                self._db.rows("SELECT outlet_id, id, title FROM articles ORDER BY outlet_id, id")]


def _listed(row: tuple) -> ListedArticle:
    return ListedArticle(ArticleId(row[0]), row[1], row[2], row[3], row[4], row[5], row[6], row[7])
