"""Writing the team server's documents into the local file, inside the caller's transaction.

A document is untrusted (another member's program wrote it): each is checked as it is written and,
if it does not fit (a span outside its article, a category that is not a category), it is left out
and reported, under a savepoint, so the rest of the pull goes on. A deletion that would lose work
here is not applied: a category still used here stays (and is sent back, so the team keeps it).
"""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from annotator.core import codebook
from annotator.core.clock import now
from annotator.core.errors import AnnotatorError
from annotator.core.store import sync_link as links
from annotator.core.store.sentence_index import delete_sentences, index_sentences
from annotator.core.store.sync_documents import Entity
from annotator.core.store.sync_tables import SHARED_SETTINGS

_ARTICLE_OWNED = ("suggestions", "suggested_articles", "rejected_suggestions")


class Unfit(ValueError):
    """A document from the server that cannot be written here; the text says why."""


class Orphan(Unfit):
    """An annotation or correction of an article deleted here or on the server: nothing to write it on."""


@dataclass
class Applied:
    written: int = 0
    refused: list[str] = field(default_factory=list)  # what could not be written, in words
    kept: list[tuple[str, str]] = field(default_factory=list)  # deletions not applied: (kind, uid) to send back


@contextmanager
def taking_theirs(conn: sqlite3.Connection) -> Iterator[tuple["Applier", set[tuple[str, str]]]]:
    """Write the server's versions into this copy (a push's losers, a pull): yields the applier and the
    entities changed here and not yet sent (the caller leaves those for the next push to settle). On
    leaving, this copy's own writes of the server's versions leave the outbox, and a deletion not
    applied here goes back as a restoration."""
    before = links.last_entry(conn)
    applier = Applier(conn)
    yield applier, links.waiting_set(conn)
    links.forget_after(conn, before)
    links.requeue(conn, applier.result.kept)


class Applier:
    """Writes entities into `conn` (in a transaction); lookups of local ids are cached."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self._conn = conn
        self._articles: dict[str, int] = {}
        self._categories: dict[str, int] = {}
        self._annotators: dict[str, int] = {}
        self.result = Applied()

    def apply(self, entity: Entity, *, report: bool = True) -> bool:
        """Write `entity`; False (and its reason in `result.refused` when `report`) if it does not fit."""
        conn = self._conn
        conn.execute("SAVEPOINT pulled")
        try:
            if entity.doc is None:
                getattr(self, f"_delete_{entity.kind}")(entity.uid)
            else:
                getattr(self, f"_put_{entity.kind}")(entity.uid, entity.owner, entity.doc)
        except (Unfit, AnnotatorError, KeyError, TypeError, ValueError, AttributeError, sqlite3.IntegrityError) as error:
            conn.execute("ROLLBACK TO pulled")
            conn.execute("RELEASE pulled")
            self._articles.clear()
            self._categories.clear()
            if isinstance(error, Orphan):
                return True  # nothing to do here, ever
            if report:
                self.result.refused.append(f"{entity.kind} {entity.uid[:12]}: {_reason(error)}")
            return False
        conn.execute("RELEASE pulled")
        self.result.written += 1
        return True

    # -- ids -------------------------------------------------------------------------------------
    def _article_id(self, sha: str) -> int:
        if sha not in self._articles:
            row = self._conn.execute("SELECT id FROM articles WHERE body_sha256 = ?", (sha,)).fetchone()
            if row is None:
                raise Orphan("its article is not in this copy")
            self._articles[sha] = row[0]
        return self._articles[sha]

    def _category_id(self, key: str) -> int:
        if key not in self._categories:
            row = self._conn.execute("SELECT id FROM categories WHERE key = ?", (key,)).fetchone()
            if row is None:
                raise Unfit(f"its category {key!r} is not in this copy")
            self._categories[key] = row[0]
        return self._categories[key]

    def _annotator_id(self, name: str) -> int:
        if name not in self._annotators:
            name = _text(name, "annotator", 200, empty=False)
            row = self._conn.execute("SELECT id FROM annotators WHERE name = ?", (name,)).fetchone()
            self._annotators[name] = row[0] if row else self._conn.execute(
                "INSERT INTO annotators (name) VALUES (?)", (name,)).lastrowid
        return self._annotators[name]

    # -- settings, codebook, aliases ---------------------------------------------------------------
    def _put_setting(self, key: str, _owner: str, doc: dict) -> None:
        if key not in SHARED_SETTINGS:
            raise Unfit(f"{key!r} is not a setting the team shares")
        self._conn.execute("INSERT INTO project_info (key, value) VALUES (?, ?)"
                           " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                           (key, _text(doc["value"], "value", 10_000)))

    def _delete_setting(self, key: str) -> None:
        if key not in SHARED_SETTINGS:
            raise Unfit(f"{key!r} is not a setting the team shares")
        self._conn.execute("DELETE FROM project_info WHERE key = ?", (key,))

    def _put_category(self, key: str, _owner: str, doc: dict) -> None:
        values = (codebook.check_label(doc["label"]), _text(doc.get("description") or "", "description", 20_000),
                  codebook.check_color(doc["color"]), codebook.check_shortcut(doc.get("shortcut")),
                  int(doc["position"]), 1 if doc.get("archived") else 0)
        self._conn.execute(
            "INSERT INTO categories (key, label, description, color, shortcut, position, archived)"
            " VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (key) DO UPDATE SET label = excluded.label,"
            " description = excluded.description, color = excluded.color, shortcut = excluded.shortcut,"
            " position = excluded.position, archived = excluded.archived"
            " WHERE (label, description, color, shortcut, position, archived) IS NOT (excluded.label,"
            " excluded.description, excluded.color, excluded.shortcut, excluded.position, excluded.archived)",
            (codebook.check_key(key), *values))

    def _delete_category(self, key: str) -> None:
        row = self._conn.execute("SELECT id, (SELECT count(*) FROM annotations WHERE category_id = c.id)"
                                 " FROM categories c WHERE key = ?", (key,)).fetchone()
        if row is None:
            return
        if row[1]:  # used here: it stays, and goes back to the team
            self.result.kept.append(("category", key))
            return
        self._conn.execute("DELETE FROM categories WHERE id = ?", (row[0],))
        self._categories.pop(key, None)

    def _put_alias(self, key: str, _owner: str, doc: dict) -> None:
        self._conn.execute(
            "INSERT INTO outlet_aliases (key, alias, outlet, made_at) VALUES (?, ?, ?, ?) ON CONFLICT (key)"
            " DO UPDATE SET alias = excluded.alias, outlet = excluded.outlet, made_at = excluded.made_at",
            (_text(key, "key", 500, empty=False), _text(doc["alias"], "alias", 500, empty=False),
             _text(doc["outlet"], "outlet", 500, empty=False), _text(doc["made_at"], "time", 64)))

    def _delete_alias(self, key: str) -> None:
        self._conn.execute("DELETE FROM outlet_aliases WHERE key = ?", (key,))

    # -- articles ----------------------------------------------------------------------------------
    def _outlet_id(self, name: str, homepage) -> int:
        name = _text(name, "outlet", 500, empty=False)
        row = self._conn.execute("SELECT id, homepage FROM outlets WHERE name = ?", (name,)).fetchone()
        if row is None:
            return self._conn.execute("INSERT INTO outlets (name, homepage) VALUES (?, ?)", (name, homepage)).lastrowid
        if homepage is not None and row[1] != homepage:
            self._conn.execute("UPDATE outlets SET homepage = ? WHERE id = ?", (homepage, row[0]))
        return row[0]

    def _put_article(self, sha: str, _owner: str, doc: dict) -> None:
        conn = self._conn
        fields = (_text(doc["title"], "title", 2_000, empty=False), _optional(doc.get("url")),
                  _optional(doc.get("author")), _optional(doc.get("published")))
        outlet_id = self._outlet_id(doc["outlet"], _optional(doc.get("homepage")))
        row = conn.execute("SELECT id FROM articles WHERE body_sha256 = ?", (sha,)).fetchone()
        if row is not None:
            conn.execute("UPDATE articles SET outlet_id = ?, title = ?, url = ?, author = ?, published = ? WHERE id = ?"
                         " AND (outlet_id, title, url, author, published) IS NOT (?, ?, ?, ?, ?)",
                         (outlet_id, *fields, row[0], outlet_id, *fields))
            conn.execute("DELETE FROM outlets WHERE id NOT IN (SELECT outlet_id FROM articles)")
            return
        body = doc["body"]
        if not isinstance(body, str) or hashlib.sha256(body.encode("utf-8")).hexdigest() != sha:
            raise Unfit("its text does not match its id")
        spans = [(int(s), int(e)) for s, e in doc["sentences"]]
        last = 0
        for start, end in spans:
            if not (last <= start < end <= len(body)):
                raise Unfit("its sentences do not fit its text")
            last = end
        article_id = conn.execute(
            "INSERT INTO articles (outlet_id, title, url, author, published, body, body_sha256, source_file,"
            " imported_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (outlet_id, *fields, body, sha, _optional(doc.get("source_file")), doc.get("imported_at") or now())).lastrowid
        rows = [(idx, start, end) for idx, (start, end) in enumerate(spans)]
        conn.executemany('INSERT INTO sentences (article_id, idx, start, "end") VALUES (?, ?, ?, ?)',
                         [(article_id, *r) for r in rows])
        index_sentences(conn, article_id, body, rows)
        conn.execute("DELETE FROM claim_runs")  # claims are grouped afresh with the new article
        self._articles[sha] = article_id

    def _delete_article(self, sha: str) -> None:
        conn = self._conn
        row = conn.execute("SELECT id, body FROM articles WHERE body_sha256 = ?", (sha,)).fetchone()
        if row is None:
            return
        article_id, body = row
        conn.execute("DELETE FROM annotations WHERE article_id = ?", (article_id,))
        for table in _ARTICLE_OWNED:
            conn.execute(f"DELETE FROM {table} WHERE article_id = ?", (article_id,))
        sentences = conn.execute('SELECT idx, start, "end" FROM sentences WHERE article_id = ?', (article_id,)).fetchall()
        delete_sentences(conn, article_id, body, sentences)
        conn.execute("DELETE FROM articles WHERE id = ?", (article_id,))
        conn.execute("DELETE FROM outlets WHERE id NOT IN (SELECT outlet_id FROM articles)")
        conn.execute("DELETE FROM claim_runs")
        self._articles.pop(sha, None)

    # -- annotations and claim corrections -----------------------------------------------------------
    def _put_annotation(self, uid: str, owner: str, doc: dict) -> None:
        conn = self._conn
        article_id = self._article_id(doc["article"])
        start, end = int(doc["start"]), int(doc["end"])
        length = conn.execute("SELECT length FROM article_sizes WHERE article_id = ?", (article_id,)).fetchone()[0]
        if not 0 <= start < end <= length:
            raise Unfit("its span is outside its article")
        values = (article_id, start, end, self._category_id(doc["category"]), self._annotator_id(owner),
                  _text(doc.get("source") or "", "source", 2_000), _text(doc.get("note") or "", "note", 100_000),
                  _text(doc["created_at"], "time", 64), _text(doc["updated_at"], "time", 64))
        row = conn.execute("SELECT id FROM annotations WHERE uid = ?", (uid,)).fetchone()
        if row is None:
            conn.execute('INSERT INTO annotations (article_id, start, "end", category_id, annotator_id, source_name,'
                         " note, created_at, updated_at, uid) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", (*values, uid))
        else:
            conn.execute('UPDATE annotations SET article_id = ?, start = ?, "end" = ?, category_id = ?, annotator_id = ?,'
                         " source_name = ?, note = ?, created_at = ?, updated_at = ? WHERE id = ? AND (article_id,"
                         ' start, "end", category_id, annotator_id, source_name, note, created_at, updated_at)'
                         " IS NOT (?, ?, ?, ?, ?, ?, ?, ?, ?)", (*values, row[0], *values))  # no rewrite, no triggers

    def _delete_annotation(self, uid: str) -> None:
        self._conn.execute("DELETE FROM annotations WHERE uid = ?", (uid,))

    def _put_correction(self, uid: str, _owner: str, doc: dict) -> None:
        conn = self._conn
        if conn.execute("SELECT 1 FROM claim_corrections WHERE uid = ?", (uid,)).fetchone():
            return  # a correction is never edited, only made or taken back
        action = doc["action"]
        if action not in ("merge", "remove", "name"):
            raise Unfit(f"{action!r} is not a claim correction")
        article_id = self._article_id(doc["article"]) if doc.get("article") else None
        cid = conn.execute("INSERT INTO claim_corrections (action, label, article_id, idx, made_at, uid)"
                           " VALUES (?, ?, ?, ?, ?, ?)",
                           (action, _optional(doc.get("label")), article_id,
                            None if doc.get("idx") is None else int(doc["idx"]), doc["made_at"], uid)).lastrowid
        conn.executemany("INSERT INTO claim_correction_sentences (correction_id, side, article_id, idx)"
                         " VALUES (?, ?, ?, ?)",
                         [(cid, int(side), self._article_id(sha), int(idx)) for side, sha, idx in doc["sentences"]])
        conn.execute("DELETE FROM claim_runs")  # the claims are grouped afresh with the correction replayed

    def _delete_correction(self, uid: str) -> None:
        if self._conn.execute("DELETE FROM claim_corrections WHERE uid = ?", (uid,)).rowcount:
            self._conn.execute("DELETE FROM claim_runs")


def _text(value, what: str, limit: int, *, empty: bool = True) -> str:
    if not isinstance(value, str) or len(value) > limit or (not empty and not value.strip()):
        raise Unfit(f"its {what} is not a text of at most {limit:,} characters")
    return value


def _optional(value):
    if value is None:
        return None
    return _text(value, "field", 10_000)


def _reason(error: Exception) -> str:
    if isinstance(error, KeyError):
        return f"it lacks {error.args[0]!r}"
    return str(error) or type(error).__name__
