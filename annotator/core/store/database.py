"""Opening a project file safely, and the one way to write to it: a short transaction.

Opening validates the file through a read-only connection first, so a file that is not a project,
is damaged, or comes from a newer version is reported without a single byte written to it.

Every connection to a project is made here, and a process that holds one never touches the file any
other way. Closing any file descriptor of a file drops every POSIX lock the process holds on it
(SQLite's "How To Corrupt An SQLite Database File", 2.2): another process would then take itself for
the last connection, checkpoint, and delete the -wal and -shm under ours. So the files this process
has open are registered (`live_files.py`), and for those the header is read through SQLite only, never with a
plain handle, an immutable connection or a copy.
"""

from __future__ import annotations

import itertools
import os
import shutil
import sqlite3
import tempfile
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from annotator.core.errors import (
    DiskFull, NewerProject, NotAProject, ProjectDamaged, ProjectError, ProjectLocked, ProjectReadOnly,
)
from annotator.core.records import outlet_order
from annotator.core.store import schema_check
from annotator.core.store.live_files import LIVE, is_live
from annotator.core.store.schema import APPLICATION_ID, LATEST_VERSION, migrate

SQLITE_MAGIC = b"SQLite format 3\x00"
BUSY_TIMEOUT_MS = 5000


def _collate_outlets(a: str, b: str) -> int:
    left, right = outlet_order(a), outlet_order(b)
    return (left > right) - (left < right)


def _uri(path: Path, mode: str) -> str:
    quoted = str(path.resolve()).replace("?", "%3f").replace("#", "%23")
    return f"file:{quoted}?mode={mode}"


def translate_error(path: Path, error: sqlite3.Error) -> ProjectError:
    """Turn a raw SQLite error into the ProjectError subclass that says, in plain words, what happened."""
    text = str(error)
    if "locked" in text or "busy" in text:
        return ProjectLocked(path, "the project is locked by another program; close it there and try again")
    if "disk is full" in text or "database or disk is full" in text:
        return DiskFull(path, "the disk is full; nothing was saved from the last change")
    if "malformed" in text or "not a database" in text or "corrupt" in text:
        return ProjectDamaged(path, "the project file is damaged and cannot be read")
    if "decode" in text or "UTF-8" in text:
        return ProjectDamaged(path, "the project file is damaged: some of its text is not readable")
    if "no such table" in text or "no such column" in text:
        return ProjectDamaged(path, "the project file is damaged: part of it is missing")
    if "readonly" in text or "read-only" in text:
        return ProjectReadOnly(path, "the project file cannot be written (read-only)")
    if "unable to open" in text:
        return ProjectError(path, "the project file cannot be opened (check that you may read it)")
    return ProjectError(path, f"database error: {text}")


def _snapshot(path: Path) -> Path:
    """Copy the file and its -wal to a private folder: how a -wal is read where no -shm can be made."""
    if is_live(path):
        raise ProjectError(path, "cannot copy a project file this program has open")
    folder = Path(tempfile.mkdtemp(prefix="annotator-read-"))
    for suffix in ("", "-wal"):
        if suffix == "" or Path(f"{path}{suffix}").exists():
            shutil.copyfile(f"{path}{suffix}", folder / f"{path.name}{suffix}")
    return folder / path.name


def open_read_only(path: Path) -> tuple[sqlite3.Connection, Path | None]:
    """A connection that writes nothing beside `path`; and the private copy it reads, if any.

    With no -wal nothing is pending, so the file is read as immutable and SQLite creates no -wal or
    -shm. A -wal holds changes that must be read through a -shm: an existing one (a writer has the file
    open) is used; where there is none, a private copy of the file and its -wal is read instead, so no
    -shm is ever left beside a file we only read.
    """
    if is_live(path):  # read through SQLite's shared locks, as the connections we hold do
        return sqlite3.connect(_uri(path, "ro"), uri=True, isolation_level=None), None
    if not Path(f"{path}-wal").exists():
        return sqlite3.connect(_uri(path, "ro") + "&immutable=1", uri=True, isolation_level=None), None
    if Path(f"{path}-shm").exists():
        conn = None
        try:
            conn = sqlite3.connect(_uri(path, "ro"), uri=True, isolation_level=None)
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()  # reads the -wal through the -shm
            return conn, None
        except sqlite3.OperationalError as error:
            if conn is not None:
                conn.close()
            if "unable to open" not in str(error):
                raise
    copy = _snapshot(path)
    return sqlite3.connect(copy, isolation_level=None), copy


def _folder_writable(path: Path) -> bool:
    return os.access(path.parent if str(path.parent) else Path("."), os.W_OK)


def _discard(copy: Path | None) -> None:
    if copy is not None:
        shutil.rmtree(copy.parent, ignore_errors=True)


def _inspect(path: Path) -> tuple[int, int, bool, int]:
    """Read (application_id, user_version, has_tables, size) without writing a byte anywhere near.

    The first bytes are read with a plain handle only while this process holds no connection to the
    file; once it does, SQLite alone reads it (see the module's docstring).
    """
    size = path.stat().st_size
    if is_live(path):
        head = SQLITE_MAGIC
    else:
        with path.open("rb") as handle:
            head = handle.read(len(SQLITE_MAGIC))
    if head and head != SQLITE_MAGIC:
        raise NotAProject(path, "not an annotator project (not an SQLite database)")
    if not head:
        return 0, 0, False, size
    copy = None
    try:
        conn, copy = open_read_only(path)
        try:
            app_id = conn.execute("PRAGMA application_id").fetchone()[0]
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            tables = conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
        finally:
            conn.close()
    except (sqlite3.Error, OSError) as error:
        if isinstance(error, OSError):
            raise ProjectError(path, f"cannot be read ({error.strerror or error})") from error
        raise translate_error(path, error) from error
    except UnicodeDecodeError:
        raise ProjectDamaged(path, "the project file is damaged: some of its text is not readable") from None
    finally:
        _discard(copy)
    return app_id, version, tables > 0, size


def _check(path: Path, app_id: int, version: int, has_tables: bool, size: int, create: bool) -> None:
    """Refuse anything but a project; only a 0-byte file may become a new one."""
    if app_id == 0 and not has_tables:
        if not create or size > 0:
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


def open_database(path: Path, *, create: bool, read_only: bool = False,
                  before_upgrade: Callable[[sqlite3.Connection], object] | None = None,
                  repair: Callable[[sqlite3.Connection], object] | None = None) -> Database:
    """Open `path` as a project: the one place a connection to a project file is made.

    A file that cannot be written, or lies in a folder that cannot be written (where its -wal and
    -shm could not be made), is opened read-only rather than refused. The connection is registered
    as live before any other thread may look at the file. `before_upgrade(conn)` runs before a file
    of an older schema is upgraded (a backup is made there).

    The file's schema is checked before anything is written (schema_check.py): a trigger or view we
    did not make is refused; triggers, indexes and views of ours that are missing are restored only
    when `repair` is given (it runs first: a backup is made there), else SchemaIncomplete says what is
    missing.
    """
    with _OPENING:
        conn, is_read_only, copy = _connect(path, create=create, read_only=read_only, before_upgrade=before_upgrade,
                                            repair=repair)
        return Database(path, conn, is_read_only, copy)


# Held while a file is inspected and opened, so no thread reads a header with a plain handle while
# another makes the process's first connection to that file.
_OPENING = threading.RLock()


def _connect(path: Path, *, create: bool, read_only: bool,
             before_upgrade: Callable[[sqlite3.Connection], object] | None,
             repair: Callable[[sqlite3.Connection], object] | None = None,
             ) -> tuple[sqlite3.Connection, bool, Path | None]:
    exists = path.exists()
    if not exists and not create:
        raise ProjectError(path, "no such project file")
    if exists and not path.is_file():
        raise ProjectError(path, "not a file")
    if exists:
        _check(path, *_inspect(path), create=create)
        read_only = read_only or not os.access(path, os.W_OK) or not _folder_writable(path)
    elif not _folder_writable(path):
        raise ProjectError(path, "the folder cannot be written")
    copy, conn = None, None
    try:
        if read_only:
            conn, copy = open_read_only(path)
        else:
            conn = sqlite3.connect(path, isolation_level=None)
        schema_check.distrust(conn)
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        missing = schema_check.at_opening(conn, path, read_only=read_only, first=not is_live(path))
        if not read_only:
            conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA synchronous = FULL")
        conn.execute("PRAGMA foreign_keys = ON")
        conn.create_collation("OUTLET", _collate_outlets)
        if missing:
            schema_check.repair_at_opening(conn, path, missing, repair)
        if not read_only:
            if before_upgrade is not None and 0 < conn.execute("PRAGMA user_version").fetchone()[0] < LATEST_VERSION:
                before_upgrade(conn)
            migrate(conn)
        elif conn.execute("PRAGMA user_version").fetchone()[0] < LATEST_VERSION:
            # An older file (a student's from the previous version, a file in a read-only folder):
            # upgrade a private copy and read that; the file itself is never touched.
            conn.close()
            _discard(copy)
            copy = _snapshot(path)
            conn = sqlite3.connect(copy, isolation_level=None)
            schema_check.distrust(conn)
            conn.execute("PRAGMA foreign_keys = ON")
            conn.create_collation("OUTLET", _collate_outlets)
            migrate(conn)
    except ProjectError:
        _close(conn)
        _discard(copy)
        raise
    except UnicodeDecodeError:
        _close(conn)
        _discard(copy)
        raise ProjectDamaged(path, "the project file is damaged: some of its text is not readable") from None
    except sqlite3.Error as error:
        _close(conn)
        _discard(copy)
        raise translate_error(path, error) from error
    except OSError as error:
        _close(conn)
        _discard(copy)
        raise ProjectError(path, f"cannot be read ({error.strerror or error})") from error
    return conn, read_only, copy


def _close(conn: sqlite3.Connection | None) -> None:
    if conn is not None:
        conn.close()


_SAVEPOINTS = itertools.count(1)


@contextmanager
def write_transaction(conn: sqlite3.Connection, path: Path, read_only: bool) -> Iterator[sqlite3.Connection]:
    """One short IMMEDIATE transaction, committed on exit and rolled back on any error.

    Inside an open transaction it is a savepoint instead (as sqlite-utils' `atomic()`): the inner
    writes are undone on error, and only the outermost block commits, so an action made of many
    writes commits whole or not at all.
    """
    if read_only:
        raise ProjectReadOnly(path, "the project is open read-only; changes cannot be saved")
    if conn.in_transaction:
        with _savepoint(conn, path):
            yield conn
        return
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


@contextmanager
def _savepoint(conn: sqlite3.Connection, path: Path) -> Iterator[None]:
    name = f"step{next(_SAVEPOINTS)}"
    try:
        conn.execute(f"SAVEPOINT {name}")
    except sqlite3.Error as error:
        raise translate_error(path, error) from error
    try:
        yield
    except BaseException as error:
        if conn.in_transaction:
            conn.execute(f"ROLLBACK TO {name}")
            conn.execute(f"RELEASE {name}")
        if isinstance(error, sqlite3.Error):
            raise translate_error(path, error) from error
        raise
    else:
        try:
            conn.execute(f"RELEASE {name}")
        except sqlite3.Error as error:
            raise translate_error(path, error) from error


def _rollback(conn: sqlite3.Connection) -> None:
    if conn.in_transaction:
        conn.execute("ROLLBACK")


class Database:
    """An open project file: its connection, its path, and whether it may be written."""

    def __init__(self, path: Path, conn: sqlite3.Connection, read_only: bool, copy: Path | None = None) -> None:
        self.path = path
        self.conn = conn
        self.read_only = read_only
        self.closed = False
        self._copy = copy  # a private copy read instead of `path` (see open_read_only), removed on close
        self._live = LIVE.add(path) if copy is None else None

    def write(self):  # -> ContextManager[sqlite3.Connection]
        return write_transaction(self.conn, self.path, self.read_only)

    def rows(self, sql: str, params: tuple | dict = ()) -> list[tuple]:
        try:
            return self.conn.execute(sql, params).fetchall()
        except sqlite3.Error as error:
            raise translate_error(self.path, error) from error

    def stream(self, sql: str, params: tuple | dict | list = ()) -> Iterator[tuple]:
        """Rows one at a time (for long listings), with SQLite's errors translated like rows()."""
        try:
            cursor = self.conn.execute(sql, params)
            while (row := cursor.fetchone()) is not None:
                yield row
        except sqlite3.Error as error:
            raise translate_error(self.path, error) from error

    def row(self, sql: str, params: tuple | dict = ()) -> tuple | None:
        try:
            return self.conn.execute(sql, params).fetchone()
        except sqlite3.Error as error:
            raise translate_error(self.path, error) from error

    def close(self) -> None:
        if self.closed:
            return
        self.conn.close()
        self.closed = True
        LIVE.discard(self._live)
        _discard(self._copy)
