"""Opening a project file safely, and the one way to write to it: a short transaction.

Opening validates the file through a read-only connection first, so a file that is not a project,
is damaged, or comes from a newer version is reported without a single byte written to it.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from annotator.core.errors import (
    DiskFull, NewerProject, NotAProject, ProjectDamaged, ProjectError, ProjectLocked, ProjectReadOnly,
)
from annotator.core.store.schema import APPLICATION_ID, LATEST_VERSION, migrate

SQLITE_MAGIC = b"SQLite format 3\x00"
BUSY_TIMEOUT_MS = 5000


def _uri(path: Path, mode: str) -> str:
    quoted = str(path.resolve()).replace("?", "%3f").replace("#", "%23")
    return f"file:{quoted}?mode={mode}"


def translate_error(path: Path, error: sqlite3.Error) -> ProjectError:
    """Turn a raw SQLite error into the ProjectError subclass that says what happened to the file."""
    text = str(error)
    if "locked" in text or "busy" in text:
        return ProjectLocked(path, "the project is locked by another program; close it there and try again")
    if "disk is full" in text or "database or disk is full" in text:
        return DiskFull(path, "the disk is full; nothing was saved from the last change")
    if "malformed" in text or "not a database" in text or "corrupt" in text:
        return ProjectDamaged(path, f"the project file is damaged ({text})")
    if "readonly" in text or "read-only" in text:
        return ProjectReadOnly(path, "the project file cannot be written (read-only)")
    return ProjectError(path, f"database error: {text}")


def _inspect(path: Path) -> tuple[int, int, bool]:
    """Read (application_id, user_version, has_tables) through a read-only connection."""
    with path.open("rb") as handle:
        head = handle.read(len(SQLITE_MAGIC))
    if head and head != SQLITE_MAGIC:
        raise NotAProject(path, "not an annotator project (not an SQLite database)")
    if not head:
        return 0, 0, False
    # With no -wal beside it nothing is pending, so read the file as immutable: SQLite then creates
    # no -wal or -shm files next to a file that may not be ours.
    pending = Path(f"{path}-wal").exists()
    try:
        conn = sqlite3.connect(_uri(path, "ro") + ("" if pending else "&immutable=1"), uri=True)
        try:
            app_id = conn.execute("PRAGMA application_id").fetchone()[0]
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            tables = conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.Error as error:
        raise translate_error(path, error) from error
    return app_id, version, tables > 0


def _check(path: Path, app_id: int, version: int, has_tables: bool, create: bool) -> None:
    if app_id == 0 and not has_tables:
        if not create:
            raise NotAProject(path, "not an annotator project (an empty database)")
        return
    if app_id != APPLICATION_ID:
        raise NotAProject(path, "not an annotator project (a database of another program)")
    if version > LATEST_VERSION:
        raise NewerProject(
            path,
            f"made by a newer version of the annotator (schema {version}; "
            f"this version reads up to schema {LATEST_VERSION}); please upgrade",
        )


def connect(path: Path, *, create: bool, read_only: bool = False) -> tuple[sqlite3.Connection, bool]:
    """Open `path` as a project; return the connection and whether it is read-only.

    A file that cannot be written is opened read-only rather than refused.
    """
    exists = path.exists()
    if not exists and not create:
        raise ProjectError(path, "no such project file")
    if exists and not path.is_file():
        raise ProjectError(path, "not a file")
    if exists:
        _check(path, *_inspect(path), create=create)
        read_only = read_only or not os.access(path, os.W_OK)
    elif not os.access(path.parent if str(path.parent) else Path("."), os.W_OK):
        raise ProjectError(path, "the folder cannot be written")
    try:
        if read_only:
            conn = sqlite3.connect(_uri(path, "ro"), uri=True, isolation_level=None)
        else:
            conn = sqlite3.connect(path, isolation_level=None)
            conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA synchronous = FULL")
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        if not read_only:
            migrate(conn)
        elif conn.execute("PRAGMA user_version").fetchone()[0] < LATEST_VERSION:
            conn.close()
            raise ProjectError(path, "an older project that needs an upgrade cannot be opened read-only")
    except sqlite3.Error as error:
        raise translate_error(path, error) from error
    return conn, read_only


@contextmanager
def write_transaction(conn: sqlite3.Connection, path: Path, read_only: bool) -> Iterator[sqlite3.Connection]:
    """One short IMMEDIATE transaction, committed on exit and rolled back on any error."""
    if read_only:
        raise ProjectReadOnly(path, "the project is open read-only; changes cannot be saved")
    try:
        conn.execute("BEGIN IMMEDIATE")
    except sqlite3.Error as error:
        raise translate_error(path, error) from error
    try:
        yield conn
        conn.execute("COMMIT")
    except sqlite3.Error as error:
        _rollback(conn)
        raise translate_error(path, error) from error
    except BaseException:
        _rollback(conn)
        raise


def _rollback(conn: sqlite3.Connection) -> None:
    if conn.in_transaction:
        conn.execute("ROLLBACK")


class Database:
    """An open project file: its connection, its path, and whether it may be written."""

    def __init__(self, path: Path, conn: sqlite3.Connection, read_only: bool) -> None:
        self.path = path
        self.conn = conn
        self.read_only = read_only
        self.closed = False

    def write(self):  # -> ContextManager[sqlite3.Connection]
        return write_transaction(self.conn, self.path, self.read_only)

    def rows(self, sql: str, params: tuple | dict = ()) -> list[tuple]:
        try:
            return self.conn.execute(sql, params).fetchall()
        except sqlite3.Error as error:
            raise translate_error(self.path, error) from error

    def row(self, sql: str, params: tuple | dict = ()) -> tuple | None:
        try:
            return self.conn.execute(sql, params).fetchone()
        except sqlite3.Error as error:
            raise translate_error(self.path, error) from error

    def close(self) -> None:
        self.conn.close()
        self.closed = True
