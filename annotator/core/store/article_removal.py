"""Deleting articles, and putting them back exactly as they were (for undo).

An article owns rows in several tables: its sentences, annotations, suggestions, the suggester's
fingerprint, the suggestions rejected in it. The counts kept by triggers (sentence marks, progress,
sizes, category usage) follow the rows, the search index is written and emptied with the sentences
(store/sentence_index.py), and claim memberships are not kept: a
deletion leaves the claims stale and a restore marks them so, so they are grouped afresh. The
claim corrections name sentences by (article, index) without a foreign key and stay as they are,
so a restored article's corrections apply again. Annotations are put back under their own ids
(never reused: the table is AUTOINCREMENT), the article under its id.
"""

from __future__ import annotations

from dataclasses import dataclass

from annotator.core.errors import ChangedElsewhere, NotFound
from annotator.core.records import ArticleId
from annotator.core.store.database import Database
from annotator.core.store.sentence_index import delete_sentences, index_sentences

_ARTICLE_COLUMNS = "id, title, url, author, published, body, body_sha256, source_file, imported_at"
_ANNOTATION_COLUMNS = 'id, article_id, start, "end", category_id, source_name, note, created_at, updated_at'
_OWNED = (  # (table, its columns): every table keyed by an article whose rows are the user's or costly
    ("suggestions", "article_id, idx, category_id, confidence, cue, source"),
    ("suggested_articles", "article_id, fingerprint, computed_at"),
    ("rejected_suggestions", "article_id, idx, category_id, rejected_at"),
)


@dataclass(frozen=True)
class RemovedArticle:
    """Everything a deleted article owned, as stored: what restore() writes back."""

    article_id: ArticleId
    title: str
    outlet: str
    outlet_row: tuple  # (id, name, homepage): an outlet emptied by the deletion comes back under its id
    article: tuple
    sentences: tuple[tuple, ...]
    annotations: tuple[tuple[tuple, str], ...]  # (annotation row, annotator name)
    owned: tuple[tuple[str, tuple[tuple, ...]], ...]  # (table, rows)


@dataclass(frozen=True)
class AnnotationCount:
    """How many annotations some articles hold, and by how many annotators."""

    annotations: int
    annotators: int


class ArticleRemoval:
    def __init__(self, db: Database) -> None:
        self._db = db

    def annotation_count(self, article_ids: list[int]) -> AnnotationCount:
        """The annotations of these articles and the annotators who made them (for a confirmation)."""
        if not article_ids:
            return AnnotationCount(0, 0)
        marks = ",".join("?" * len(article_ids))
        row = self._db.row(f"SELECT count(*), count(DISTINCT annotator_id) FROM annotations"
                           f" WHERE article_id IN ({marks})", tuple(article_ids))
        return AnnotationCount(row[0], row[1])

    def remove(self, article_id: int) -> RemovedArticle:
        """Delete an article and all it owns; return what restore() needs to put it back."""
        with self._db.write() as conn:
            head = conn.execute(f"SELECT {_ARTICLE_COLUMNS}, outlet_id FROM articles WHERE id = ?",
                                (article_id,)).fetchone()
            if head is None:
                raise NotFound(f"no article {article_id} in this project")
            outlet = conn.execute("SELECT id, name, homepage FROM outlets WHERE id = ?", (head[-1],)).fetchone()
            sentences = conn.execute('SELECT idx, start, "end" FROM sentences WHERE article_id = ? ORDER BY idx',
                                     (article_id,)).fetchall()
            annotations = conn.execute(
                f"SELECT {', '.join('n.' + c.strip() for c in _ANNOTATION_COLUMNS.split(','))}, w.name"
                " FROM annotations n JOIN annotators w ON w.id = n.annotator_id WHERE n.article_id = ? ORDER BY n.id",
                (article_id,)).fetchall()
            owned = tuple((table, tuple(conn.execute(f"SELECT {columns} FROM {table} WHERE article_id = ?",
                                                     (article_id,)).fetchall())) for table, columns in _OWNED)
            # Annotations first, one by one through their triggers, while the sentences they cover are there.
            conn.execute("DELETE FROM annotations WHERE article_id = ?", (article_id,))
            for table, _ in _OWNED:
                conn.execute(f"DELETE FROM {table} WHERE article_id = ?", (article_id,))
            delete_sentences(conn, article_id, head[5], sentences)  # with their search index rows
            conn.execute("DELETE FROM articles WHERE id = ?", (article_id,))  # the counts cascade
            conn.execute("DELETE FROM outlets WHERE id NOT IN (SELECT outlet_id FROM articles)")
        return RemovedArticle(ArticleId(article_id), head[1], outlet[1], tuple(outlet), tuple(head[:-1]),
                              tuple(sentences),
                              tuple((tuple(row[:-1]), row[-1]) for row in annotations), owned)

    def restore(self, removed: RemovedArticle) -> None:
        """Put a removed article back with everything it owned (ChangedElsewhere: it cannot be, unchanged)."""
        with self._db.write() as conn:
            self._check_restorable(conn, removed)
            outlet_id = _outlet_back(conn, removed.outlet_row)
            conn.execute(f"INSERT INTO articles (outlet_id, {_ARTICLE_COLUMNS}) VALUES (?, {_marks(9)})",
                         (outlet_id, *removed.article))
            conn.executemany('INSERT INTO sentences (article_id, idx, start, "end") VALUES (?, ?, ?, ?)',
                             [(removed.article_id, *row) for row in removed.sentences])
            index_sentences(conn, removed.article_id, removed.article[5], removed.sentences)
            for row, annotator in removed.annotations:
                found = conn.execute("SELECT id FROM annotators WHERE name = ?", (annotator,)).fetchone()
                annotator_id = found[0] if found else conn.execute(
                    "INSERT INTO annotators (name) VALUES (?)", (annotator,)).lastrowid
                conn.execute(f"INSERT INTO annotations ({_ANNOTATION_COLUMNS}, annotator_id)"
                             f" VALUES ({_marks(10)})", (*row, annotator_id))
            for (table, columns), (_, rows) in zip(_OWNED, removed.owned):
                conn.executemany(f"INSERT INTO {table} ({columns}) VALUES ({_marks(len(columns.split(',')))})", rows)
            conn.execute("DELETE FROM claim_runs")  # the claims are grouped afresh, with this article's sentences

    @staticmethod
    def _check_restorable(conn, removed: RemovedArticle) -> None:
        title = removed.title
        if conn.execute("SELECT 1 FROM articles WHERE id = ?", (removed.article_id,)).fetchone():
            raise ChangedElsewhere(f"cannot bring back “{title}”: its number {removed.article_id} was given to an"
                                   " article imported since")
        if conn.execute("SELECT 1 FROM articles WHERE body_sha256 = ?", (removed.article[6],)).fetchone():
            raise ChangedElsewhere(f"cannot bring back “{title}”: the same article was imported again since")
        categories = {row[4] for row, _ in removed.annotations}
        categories |= {row[2] for table, rows in removed.owned if table != "suggested_articles" for row in rows}
        known = {cid for (cid,) in conn.execute("SELECT id FROM categories")}
        if categories - known:
            raise ChangedElsewhere(f"cannot bring back “{title}”: a category of its annotations or suggestions"
                                   " was deleted since")
        ids = [row[0] for row, _ in removed.annotations]
        if ids and conn.execute(f"SELECT 1 FROM annotations WHERE id IN ({_marks(len(ids))})", ids).fetchone():
            raise ChangedElsewhere(f"cannot bring back “{title}”: its annotations' numbers are in use")


def _outlet_back(conn, outlet_row: tuple) -> int:
    """The outlet of that name, else the outlet as it was, under its old id when that is free."""
    found = conn.execute("SELECT id FROM outlets WHERE name = ?", (outlet_row[1],)).fetchone()
    if found:
        return found[0]
    if conn.execute("SELECT 1 FROM outlets WHERE id = ?", (outlet_row[0],)).fetchone():
        return conn.execute("INSERT INTO outlets (name, homepage) VALUES (?, ?)", outlet_row[1:]).lastrowid
    conn.execute("INSERT INTO outlets (id, name, homepage) VALUES (?, ?, ?)", outlet_row)
    return outlet_row[0]


def _marks(count: int) -> str:
    return ", ".join("?" * count)
