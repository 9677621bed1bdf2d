"""Outlets, articles and their sentences in the project file. An article's body never changes."""

from __future__ import annotations

import hashlib
import re
import sqlite3
from datetime import date

from annotator.core.clock import now
from annotator.core.records import outlet_order
from annotator.core.store.article_removal import AnnotationCount, ArticleRemoval, RemovedArticle
from annotator.core.store.database import Database
from annotator.core.store.known_names import outlet_names
from annotator.core.store.sentence_index import index_sentences
from annotator.core.errors import Duplicate, InvalidValue, NotFound
from annotator.core.records import (
    Article, ArticleChange, ArticleId, ImportedArticle, OutletChange, ParsedArticle, Sentence,
)

UNKNOWN_OUTLET = "Unknown outlet"

_ARTICLE_QUERY = """
    SELECT a.id, o.name, a.title, a.url, a.author, a.published, a.source_file, a.imported_at,
           (SELECT z.sentences FROM article_sizes z WHERE z.article_id = a.id),
           coalesce((SELECT p.annotated FROM article_progress p WHERE p.article_id = a.id
                AND p.annotator_id = CASE WHEN :annotator IS NULL THEN 0
                    ELSE coalesce((SELECT id FROM annotators WHERE name = :annotator), -1) END), 0)
    FROM articles a JOIN outlets o ON o.id = a.outlet_id
"""


def body_hash(body: str) -> str:
    return hashlib.sha256(body.encode("utf-8")).hexdigest()


def _article(row: tuple) -> Article:
    return Article(
        id=ArticleId(row[0]), outlet=row[1], title=row[2], url=row[3], author=row[4],
        published=row[5], source_file=row[6], imported_at=row[7], sentence_count=row[8],
        annotated_sentences=row[9],
    )


def text_and_sentence_starts(db: Database, article_id: int) -> tuple[str, list[int]]:
    """An article's body and its sentences' start offsets: what maps an offset to a sentence number."""
    body = db.row("SELECT body FROM articles WHERE id = ?", (article_id,))[0]
    starts = [s for (s,) in db.rows("SELECT start FROM sentences WHERE article_id = ? ORDER BY idx", (article_id,))]
    return body, starts


class ArticleStore:
    def __init__(self, db: Database) -> None:
        self._db = db
        self._removal = ArticleRemoval(db)

    def add(
        self, parsed: ParsedArticle, spans: list[tuple[int, int]], *, outlet: str | None = None
    ) -> ImportedArticle:
        """Store an article and its sentences in one transaction; raise Duplicate if known."""
        digest = body_hash(parsed.body)
        outlet_name = (parsed.outlet or outlet or UNKNOWN_OUTLET).strip() or UNKNOWN_OUTLET
        with self._db.write() as conn:
            existing = conn.execute(
                "SELECT id, title FROM articles WHERE body_sha256 = ?", (digest,)
            ).fetchone()
            if existing:
                raise Duplicate(ArticleId(existing[0]), existing[1])
            outlet_id = _outlet_id(conn, outlet_name)
            cursor = conn.execute(
                "INSERT INTO articles (outlet_id, title, url, author, published, body, body_sha256,"
                " source_file, imported_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (outlet_id, parsed.title, parsed.url, parsed.author, parsed.published, parsed.body,
                 digest, parsed.source_file, now()),
            )
            article_id = ArticleId(cursor.lastrowid)
            rows = [(idx, start, end) for idx, (start, end) in enumerate(spans)]
            conn.executemany('INSERT INTO sentences (article_id, idx, start, "end") VALUES (?, ?, ?, ?)',
                             [(article_id, *row) for row in rows])
            index_sentences(conn, article_id, parsed.body, rows)
        return ImportedArticle(article_id, parsed.title, outlet_name, parsed.source_file or "", len(spans))

    def list(self, *, outlet: str | None = None, annotator: str | None = None) -> list[Article]:
        """Articles with how many sentences are annotated (by `annotator` alone, if named)."""
        params = {"annotator": annotator, "outlet": outlet}
        if outlet is None:
            rows = self._db.rows(_ARTICLE_QUERY + " ORDER BY a.id", params)
        else:
            rows = self._db.rows(_ARTICLE_QUERY + " WHERE o.name = :outlet ORDER BY a.id", params)
        return sorted((_article(row) for row in rows), key=lambda a: (outlet_order(a.outlet), a.id))

    def get(self, article_id: int, *, annotator: str | None = None) -> Article:
        row = self._db.row(_ARTICLE_QUERY + " WHERE a.id = :id", {"annotator": annotator, "id": article_id})
        if row is None:
            raise NotFound(f"no article {article_id} in this project")
        return _article(row)

    def count(self) -> int:
        return self._db.row("SELECT count(*) FROM articles")[0]

    def body(self, article_id: int) -> str:
        row = self._db.row("SELECT body FROM articles WHERE id = ?", (article_id,))
        if row is None:
            raise NotFound(f"no article {article_id} in this project")
        return row[0]

    def body_and_outlet(self, article_id: int) -> tuple[str, str]:
        """The article's text and its outlet's name, in one read (the suggester wants both)."""
        row = self._db.row("SELECT a.body, o.name FROM articles a JOIN outlets o ON o.id = a.outlet_id"
                           " WHERE a.id = ?", (article_id,))
        if row is None:
            raise NotFound(f"no article {article_id} in this project")
        return row[0], row[1] or ""

    def sentences(self, article_id: int) -> list[Sentence]:
        rows = self._db.rows(
            'SELECT idx, start, "end" FROM sentences WHERE article_id = ? ORDER BY idx', (article_id,)
        )
        if not rows:
            self.body(article_id)  # raises NotFound for an unknown article
        return [Sentence(article_id, idx, start, end) for idx, start, end in rows]

    def sentence(self, article_id: int, idx: int) -> Sentence:
        row = self._db.row(
            'SELECT start, "end" FROM sentences WHERE article_id = ? AND idx = ?', (article_id, idx)
        )
        if row is None:
            count = len(self.sentences(article_id))
            raise NotFound(f"article {article_id} has no sentence {idx + 1} (it has {count})")
        return Sentence(ArticleId(article_id), idx, row[0], row[1])

    def by_hash(self) -> dict[str, ArticleId]:
        """body_sha256 → article id: how articles are matched between project files."""
        return {digest: ArticleId(aid) for aid, digest in self._db.rows("SELECT id, body_sha256 FROM articles")}

    def hashed_bodies(self) -> dict[ArticleId, tuple[str, int]]:
        """article id → (SHA-256 of its body, its length), computed from the bodies themselves.

        For files from elsewhere, whose body_sha256 column may be damaged or edited.
        """
        return {ArticleId(aid): (body_hash(body), len(body))
                for aid, body in self._db.rows("SELECT id, body FROM articles")}

    def parsed(self, article_id: int) -> ParsedArticle:
        """The article as it was imported, to copy it into another project."""
        row = self._db.row("SELECT a.title, a.body, o.name, a.url, a.author, a.published, a.source_file"
                           " FROM articles a JOIN outlets o ON o.id = a.outlet_id WHERE a.id = ?", (article_id,))
        if row is None:
            raise NotFound(f"no article {article_id} in this project")
        title, body, outlet, url, author, published, source = row
        return ParsedArticle(title=title, body=body, outlet=outlet, url=url, author=author,
                             published=published, source_file=source)

    def outlets(self) -> list[str]:
        return outlet_names(self._db)

    # -- deleting (store/article_removal.py) ----------------------------------------------------
    def annotation_count(self, article_ids: list[int]) -> AnnotationCount:
        """How many annotations these articles hold, by how many annotators."""
        return self._removal.annotation_count(article_ids)

    def remove(self, article_id: int) -> RemovedArticle:
        """Delete an article with its sentences, annotations and suggestions; undo with restore_removed()."""
        return self._removal.remove(article_id)

    def restore_removed(self, removed: RemovedArticle) -> None:
        """Put a removed article back exactly as it was (ChangedElsewhere when it cannot be)."""
        self._removal.restore(removed)

    def set_many(self, article_ids: list[int], *, outlet: str | None = None,
                 published: str | None = None) -> list[ArticleChange]:
        """Give several articles one outlet or one date ("" clears it): one change per article."""
        with self._db.write():
            return [self.edit(article_id, outlet=outlet, published=published) for article_id in article_ids]

    def set_outlet(self, article_id: int, outlet: str) -> tuple[str, str]:
        """Move an article to another outlet (created if new); return (old, new) names."""
        name = outlet.strip()
        if not name:
            raise InvalidValue("an outlet needs a name")
        with self._db.write() as conn:
            old = self.get(article_id).outlet
            conn.execute("UPDATE articles SET outlet_id = ? WHERE id = ?", (_outlet_id(conn, name), article_id))
            conn.execute("DELETE FROM outlets WHERE id NOT IN (SELECT outlet_id FROM articles)")
        return old, name

    def edit(self, article_id: int, *, outlet: str | None = None, title: str | None = None,
             published: str | None = None) -> ArticleChange:
        """Change an article's outlet, title or publication date (YYYY-MM-DD; "" clears it).

        None leaves a field as it is; an outlet left without articles disappears. Undo with
        restore(change.before).
        """
        with self._db.write():  # the old fields are read under the write lock
            before = self.get(article_id)
            values = {
                "outlet": _check_name(outlet, "an outlet") if outlet is not None else before.outlet,
                "title": _check_name(title, "a title") if title is not None else before.title,
                "published": check_published(published) if published is not None else before.published,
            }
            self._write_fields(article_id, values)
            return ArticleChange(before=before, after=self.get(article_id))

    def restore(self, article: Article) -> ArticleChange:
        """Put back an article's outlet, title and date as recorded in `article` (an edit's before)."""
        with self._db.write():
            before = self.get(article.id)
            self._write_fields(article.id, {"outlet": article.outlet, "title": article.title,
                                            "published": article.published})
            return ArticleChange(before=before, after=self.get(article.id))

    def _write_fields(self, article_id: int, values: dict) -> None:
        with self._db.write() as conn:
            conn.execute("UPDATE articles SET outlet_id = ?, title = ?, published = ? WHERE id = ?",
                         (_outlet_id(conn, values["outlet"]), values["title"], values["published"], article_id))
            conn.execute("DELETE FROM outlets WHERE id NOT IN (SELECT outlet_id FROM articles)")

    def rename_outlet(self, old: str, new: str) -> OutletChange:
        """Rename outlet `old` to `new`, or merge it into `new` when that outlet exists already."""
        name = _check_name(new, "an outlet")
        if name == old:
            raise InvalidValue(f"the outlet is called {old!r} already")
        with self._db.write() as conn:
            row = conn.execute("SELECT id FROM outlets WHERE name = ?", (old,)).fetchone()
            if row is None:
                known = ", ".join(sorted((n for (n,) in conn.execute("SELECT name FROM outlets")), key=outlet_order))
                raise NotFound(f"no outlet {old!r} in this project (known: {known or 'none'})")
            ids = tuple(ArticleId(aid) for (aid,) in conn.execute(
                "SELECT id FROM articles WHERE outlet_id = ? ORDER BY id", row))
            target = conn.execute("SELECT id FROM outlets WHERE name = ?", (name,)).fetchone()
            if target is None:
                conn.execute("UPDATE outlets SET name = ? WHERE id = ?", (name, row[0]))
            else:
                conn.execute("UPDATE articles SET outlet_id = ? WHERE outlet_id = ?", (target[0], row[0]))
                conn.execute("DELETE FROM outlets WHERE id = ?", row)
        return OutletChange(old=old, new=name, article_ids=ids, merged=target is not None)

    def restore_outlet(self, change: OutletChange) -> None:
        """Undo rename_outlet: the articles it moved go back under the old name."""
        with self._db.write() as conn:
            if not change.merged:
                conn.execute("UPDATE outlets SET name = ? WHERE name = ?", (change.old, change.new))
                return
            old_id = _outlet_id(conn, change.old)
            conn.executemany("UPDATE articles SET outlet_id = ? WHERE id = ?",
                             [(old_id, aid) for aid in change.article_ids])
            conn.execute("DELETE FROM outlets WHERE id NOT IN (SELECT outlet_id FROM articles)")


def _check_name(value: str, what: str) -> str:
    name = " ".join(value.split())
    if not name:
        raise InvalidValue(f"{what} cannot be empty")
    return name


def check_published(value: str) -> str | None:
    """A publication date typed by a user: YYYY-MM-DD on the calendar, or "" for none."""
    value = value.strip()
    if not value:
        return None
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        raise InvalidValue(f"date {value!r} must be written YYYY-MM-DD")
    try:
        date.fromisoformat(value)
    except ValueError:
        raise InvalidValue(f"date {value!r} is not a date on the calendar") from None
    return value


def _outlet_id(conn: sqlite3.Connection, name: str) -> int:
    row = conn.execute("SELECT id FROM outlets WHERE name = ?", (name,)).fetchone()
    if row:
        return row[0]
    return conn.execute("INSERT INTO outlets (name) VALUES (?)", (name,)).lastrowid
