"""A project file is untrusted input: its schema is compared with the one this program makes before
anything is written (and before anything is read, for a student's file being merged).

The expected schema of each version is made by running the migrations on an empty database in
memory. Then, in the file:
- a trigger or view this program does not make is refused (`UnexpectedSchema`): it would run on our
  writes (a trigger that deletes every article) or our reads; nothing is touched;
- a table of ours that is missing or has other columns is refused as damaged: its rows cannot be
  made up;
- a trigger, index or view of ours that is missing or differs (a counting trigger dropped: the
  library's progress would stop following the annotations; the search index dropped) is reported (`SchemaIncomplete`, naming what is missing and what
  it does) and restored only when the caller asks (`repair`): the user's consent, after a backup.
  What the restored triggers keep (the search index, the counts of marked sentences and category use)
  is rebuilt from the rows, since changes made while they were missing were not counted.
Tables, indexes and views the file holds beside ours are left alone; SQLite's own (`sqlite_%`) and
the search index's shadow tables are SQLite's business.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from annotator.core.errors import ProjectDamaged
from annotator.core.store.claim_dates_step import CLAIM_DATES_TRIGGER
from annotator.core.store.schema import LATEST_VERSION, MIGRATIONS

_FTS = "sentence_fts"
# What a restored trigger keeps, in words for the question the user is asked.
_PURPOSE = {"sentence_indexed": "finding new articles' sentences in search",
            "sentence_texts": "reading sentence texts for search and provenance",
            _FTS: "search", CLAIM_DATES_TRIGGER: "grouping claims afresh when a date changes"}
_COUNTS = ("sentence_marks", "article_progress", "article_sizes", "category_usage")


class UnexpectedSchema(ProjectDamaged):
    """The file holds a trigger or view this program did not make: refused, nothing touched."""

    advice = ("Open a backup of the project, or ask whoever gave you the file for a clean copy; this file was "
              "left as it is.")


class SchemaIncomplete(ProjectDamaged):
    """Triggers, indexes or views of ours are missing or altered; `repair` restores them."""

    advice = "Restore them when asked; a backup is made first. This file was left as it is."
    cli_advice = "run `annotator repair PROJECT` to restore them (a backup is made first); the file was left as it is"

    def __init__(self, path: Path | str, items: list[SchemaItem]) -> None:
        self.items = items
        named = ", ".join(item.described() for item in items[:6]) + (
            f" and {len(items) - 6} more" if len(items) > 6 else "")
        super().__init__(path, f"parts of the project this program keeps in it are missing or altered: {named}")


@dataclass(frozen=True)
class SchemaItem:
    kind: str  # "table", "index", "trigger", "view"
    name: str
    sql: str | None  # as this program makes it (None: not ours)

    def described(self) -> str:
        purpose = _PURPOSE.get(self.name)
        if purpose is None and self.kind == "trigger":
            purpose = "keeping counts and the change log" if not self.name.endswith("pruned") else "the change log"
        return f"{self.kind} {self.name}" + (f" ({purpose})" if purpose else "")


@dataclass(frozen=True)
class _Schema:
    items: dict[tuple[str, str], str]  # (kind, name) -> normalised SQL
    sql: dict[tuple[str, str], str]  # (kind, name) -> SQL as written, to restore it
    order: tuple[tuple[str, str], ...]  # the order they were made in


@cache
def expected(version: int) -> _Schema:
    """The schema of `version`, made by the migrations in a database in memory."""
    conn = sqlite3.connect(":memory:")
    try:
        conn.create_collation("OUTLET", lambda a, b: (a > b) - (a < b))
        for step, statements in MIGRATIONS:
            if step > version:
                break
            for statement in statements:
                conn.execute(statement)
        return _read(conn)
    finally:
        conn.close()


def _read(conn: sqlite3.Connection) -> _Schema:
    rows = conn.execute("SELECT type, name, CAST(sql AS BLOB) FROM sqlite_master ORDER BY rowid").fetchall()
    items, sql, order = {}, {}, []
    for kind, name, text in rows:
        if not isinstance(name, str) or name.startswith("sqlite_") or _shadow(name):
            continue
        if text is None:  # an index SQLite made for a UNIQUE or PRIMARY KEY constraint
            continue
        try:
            written = bytes(text).decode("utf-8")
        except UnicodeDecodeError:
            written = bytes(text).decode("utf-8", "replace")
        items[(kind, name)] = _normal(written)
        sql[(kind, name)] = written
        order.append((kind, name))
    return _Schema(items, sql, tuple(order))


@cache
def schema_may_be_distrusted() -> bool:
    """Whether SQLite may run the file's triggers and views as untrusted (`PRAGMA trusted_schema = OFF`):
    only while no trigger or view of ours uses the search index, a virtual table SQLite then refuses
    to let a schema use."""
    want = expected(MIGRATIONS[-1][0])
    return not any(kind in ("trigger", "view") and _FTS in sql for (kind, _name), sql in want.items.items())


def _shadow(name: str) -> bool:
    return name.startswith(f"{_FTS}_")


def _normal(sql: str) -> str:
    return re.sub(r"\s+", " ", sql).strip()


def distrust(conn: sqlite3.Connection) -> None:
    """A file's triggers and views may call only harmless functions (where none of ours needs more);
    SQL cannot alter the schema by hand (defensive mode, where this Python's sqlite3 can set it: 3.12
    and later). The check below is what keeps a file's own triggers out."""
    if schema_may_be_distrusted():
        conn.execute("PRAGMA trusted_schema = OFF")
    if hasattr(conn, "setconfig"):
        conn.setconfig(sqlite3.SQLITE_DBCONFIG_DEFENSIVE, True)


def at_opening(conn: sqlite3.Connection, path: Path, *, read_only: bool, first: bool) -> list[SchemaItem]:
    """The check an opening makes before a byte is written: what of ours is missing, where it matters.

    References are checked at the `first` opening in a process; later ones (background work) trust it.
    """
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    if version == 0 or version > LATEST_VERSION:
        return []
    missing = verify(conn, path, version)
    if first:
        verify_references(conn, path)
    if read_only and not any(item.kind in ("view", "table") for item in missing):
        return []  # triggers and indexes matter only to writes; a reader reads through views and tables
    if read_only:
        raise SchemaIncomplete(path, missing)
    return missing


def repair_at_opening(conn: sqlite3.Connection, path: Path, missing: list[SchemaItem],
                      repair: Callable[[sqlite3.Connection], object] | None) -> None:
    """Restore what is missing when the user agreed (`repair`, which makes a backup first); else refuse."""
    if repair is None:
        raise SchemaIncomplete(path, missing)
    repair(conn)
    conn.execute("BEGIN IMMEDIATE")
    try:
        restore(conn, missing)
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")


def verify(conn: sqlite3.Connection, path: Path, version: int) -> list[SchemaItem]:
    """Raise UnexpectedSchema or ProjectDamaged for what cannot be trusted or restored; return what of
    ours is missing or altered (empty when the file is as expected)."""
    try:
        found = _read(conn)
    except (sqlite3.Error, UnicodeDecodeError) as error:
        raise ProjectDamaged(path, f"the project file is damaged: its structure cannot be read ({error})") from None
    want = expected(version)
    strangers = [(kind, name) for kind, name in found.order
                 if kind in ("trigger", "view") and (kind, name) not in want.items]
    if strangers:
        named = ", ".join(f"{kind} {name}" for kind, name in strangers[:5])
        raise UnexpectedSchema(path, f"the project file holds what this program did not put there ({named}); "
                                     "it would run on every change, so the file was not opened")
    for kind, table in want.order:  # a table's text is as CREATE TABLE wrote it (no migration alters one)
        if kind != "table" or table == _FTS:
            continue
        if ("table", table) not in found.items:
            raise ProjectDamaged(path, f"the project file is damaged: its table {table} is missing")
        if found.items[("table", table)] != want.items[("table", table)]:
            raise ProjectDamaged(path, f"the project file is damaged: its table {table} was altered")
    return [SchemaItem(kind, name, want.sql[(kind, name)]) for kind, name in want.order
            if kind != "table" or name == _FTS
            if found.items.get((kind, name)) != want.items[(kind, name)]]


# Rows that name a row of another table, checked through the small tables the triggers keep (so the
# check costs the codebook's and the library's size, not the annotations'): the triggers, checked above,
# keep them in step with every annotation.
_REFERENCES = (
    ("category_usage", "category_id", "categories", "annotations", "category_id", "category"),
    ("category_usage", "annotator_id", "annotators", "annotations", "annotator_id", "annotator"),
)  # an article's rows go with it by ON DELETE CASCADE; checking them would read a row per article and annotator


def verify_references(conn: sqlite3.Connection, path: Path) -> None:
    """Refuse a file whose annotations name a category or annotator that is not there, which
    the program would otherwise trip over when reading ("annotation 12 names category 999, which is not
    there")."""
    try:
        present = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        for counts, column, parent, rows, row_column, noun in _REFERENCES:
            if counts not in present:  # an older file: its counts are made from the rows when it is upgraded
                continue
            missing = conn.execute(
                f"SELECT {column} FROM {counts} WHERE {column} != 0 AND {column} NOT IN (SELECT id FROM {parent})"
                " LIMIT 1").fetchone()
            if missing is None:
                continue
            found = conn.execute(f"SELECT id FROM {rows} WHERE {row_column} = ? LIMIT 1", missing).fetchone()
            where = f"annotation {found[0]}" if found else f"a count in its table {counts}"
            raise ProjectDamaged(path, f"the project file is damaged: {where} names {noun} {missing[0]}, "
                                       "which is not there")
    except sqlite3.Error as error:
        raise ProjectDamaged(path, f"the project file is damaged: its references cannot be checked ({error})") from None


def restore(conn: sqlite3.Connection, items: list[SchemaItem]) -> None:
    """Make `items` again as this program makes them, and rebuild what they keep; inside the caller's
    transaction."""
    for item in items:
        conn.execute(f'DROP {"TABLE" if item.kind == "table" else item.kind.upper()} IF EXISTS "{item.name}"')
    for item in items:
        conn.execute(item.sql)
    names = {item.name for item in items}
    if any(item.name == _FTS or item.kind == "trigger" and _FTS in (item.sql or "") for item in items):
        conn.execute(f"INSERT INTO {_FTS} ({_FTS}) VALUES ('rebuild')")
    if any(item.kind == "trigger" and item.name not in _PURPOSE for item in items) or names & set(_COUNTS):
        _recount(conn)
    if CLAIM_DATES_TRIGGER in names:  # dates may have changed while it was missing: the claims are grouped afresh
        conn.execute("DELETE FROM claim_runs")


def _recount(conn: sqlite3.Connection) -> None:
    """The counts the triggers keep, made again from the rows by the statements that first made them;
    the progress per article follows from the marked sentences through its trigger."""
    for table in _COUNTS:
        conn.execute(f"DELETE FROM {table}")
    filled_by_trigger = "article_progress"
    for _step, statements in MIGRATIONS:
        for statement in statements:
            head = statement.lstrip()[:40]
            if head.startswith("INSERT INTO") and any(f"INSERT INTO {table} " in head for table in _COUNTS
                                                      if table != filled_by_trigger):
                conn.execute(statement)
