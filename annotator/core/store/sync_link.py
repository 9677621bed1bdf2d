"""The local side of a shared project (schema step 9): its link to the team server, the outbox of
changes that wait to be sent, and the server revision of each entity as this copy last saw it.

Every function works inside the caller's transaction (core/team decides what is one)."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from annotator.core.store.sync_documents import all_uids, uid_chunks

_NOW = "strftime('%Y-%m-%dT%H:%M:%fZ', 'now')"


@dataclass(frozen=True)
class Link:
    url: str  # without a password
    project_uid: str
    member: str  # the server login this copy syncs as
    role: str  # teacher, editor, student or reader, as the server last said
    pulled_rev: int
    pending_push: str | None
    pending_upto: int | None
    last_sync: str | None
    auto_minutes: int


_COLUMNS = "url, project_uid, member, role, pulled_rev, pending_push, pending_upto, last_sync, auto_minutes"


def read(conn: sqlite3.Connection) -> Link | None:
    row = conn.execute(f"SELECT {_COLUMNS} FROM sync_link").fetchone()
    return Link(*row) if row else None


def waiting(conn: sqlite3.Connection) -> int:
    """How many entities changed here wait for the server."""
    return conn.execute("SELECT count(*) FROM (SELECT DISTINCT kind, uid FROM sync_outbox)").fetchone()[0]


def create(conn: sqlite3.Connection, *, url: str, project_uid: str, member: str, role: str) -> None:
    conn.execute(f"INSERT INTO sync_link ({_COLUMNS}) VALUES (?, ?, ?, ?, 0, NULL, NULL, NULL, 0)",
                 (url, project_uid, member, role))


def update(conn: sqlite3.Connection, **values) -> None:
    assignments = ", ".join(f"{key} = ?" for key in values)
    conn.execute(f"UPDATE sync_link SET {assignments}", tuple(values.values()))


def share_everything(conn: sqlite3.Connection, stamp: str) -> None:
    """Give the rows made before sharing their uids and put every entity in the outbox."""
    conn.execute("UPDATE annotations SET uid = lower(hex(randomblob(16))) WHERE uid IS NULL")
    conn.execute("UPDATE claim_corrections SET uid = lower(hex(randomblob(16))) WHERE uid IS NULL")
    conn.executemany("INSERT INTO sync_outbox (kind, uid, at) VALUES (?, ?, ?)",
                     [(kind, uid, stamp) for kind, uid in all_uids(conn)])


@contextmanager
def snapshot(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """One read transaction: what is read inside is one state of the file, and no write lock is taken,
    so the window goes on writing while a push reads what it sends."""
    if conn.in_transaction:
        yield conn
        return
    conn.execute("BEGIN DEFERRED")
    try:
        yield conn
    finally:
        if conn.in_transaction:
            conn.execute("COMMIT")


# -- the outbox ------------------------------------------------------------------------------------
def last_entry(conn: sqlite3.Connection) -> int:
    return conn.execute("SELECT coalesce(max(seq), 0) FROM sync_outbox").fetchone()[0]


def entries(conn: sqlite3.Connection, upto: int) -> list[tuple[str, str, str]]:
    """(kind, uid, time of the last change) of each entity changed up to entry `upto`."""
    return conn.execute("SELECT kind, uid, max(at) FROM sync_outbox WHERE seq <= ? GROUP BY kind, uid",
                        (upto,)).fetchall()


def waiting_set(conn: sqlite3.Connection) -> set[tuple[str, str]]:
    return set(conn.execute("SELECT DISTINCT kind, uid FROM sync_outbox").fetchall())


def sent(conn: sqlite3.Connection, upto: int) -> None:
    """The server has every entry up to `upto`."""
    conn.execute("DELETE FROM sync_outbox WHERE seq <= ?", (upto,))


def forget_after(conn: sqlite3.Connection, entry: int) -> None:
    """Drop entries after `entry`: what writing the server's changes here recorded."""
    conn.execute("DELETE FROM sync_outbox WHERE seq > ?", (entry,))


def requeue(conn: sqlite3.Connection, items: Iterable[tuple[str, str]]) -> None:
    conn.executemany(f"INSERT INTO sync_outbox (kind, uid, at) VALUES (?, ?, {_NOW})", list(items))


# -- revisions seen ----------------------------------------------------------------------------------
def seen_revs(conn: sqlite3.Connection, kind: str, uids: list[str]) -> dict[str, int]:
    found: dict[str, int] = {}
    for part in uid_chunks(uids):
        found.update(conn.execute(
            "SELECT uid, rev FROM sync_seen WHERE kind = ? AND uid IN (SELECT value FROM json_each(?))", (kind, part)))
    return found


def seen_rev(conn: sqlite3.Connection, kind: str, uid: str) -> int:
    """The revision of this entity as this copy last saw it (-1: never)."""
    row = conn.execute("SELECT rev FROM sync_seen WHERE kind = ? AND uid = ?", (kind, uid)).fetchone()
    return row[0] if row else -1


def record_seen(conn: sqlite3.Connection, rows: Iterable[tuple[str, str, int]]) -> None:
    conn.executemany("INSERT INTO sync_seen (kind, uid, rev) VALUES (?, ?, ?)"
                     " ON CONFLICT (kind, uid) DO UPDATE SET rev = excluded.rev", list(rows))


# -- entities to fetch again -----------------------------------------------------------------------
def retries(conn: sqlite3.Connection) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for kind, uid in conn.execute("SELECT kind, uid FROM sync_retry"):
        found.setdefault(kind, []).append(uid)
    return found


def set_retry(conn: sqlite3.Connection, kind: str, uid: str, retry: bool) -> None:
    if retry:
        conn.execute("INSERT OR IGNORE INTO sync_retry (kind, uid) VALUES (?, ?)", (kind, uid))
    else:
        conn.execute("DELETE FROM sync_retry WHERE kind = ? AND uid = ?", (kind, uid))
