"""Whole-file copies of a project through SQLite's online backup API, and the checks a copy must pass.

A project file that may be open is touched only by SQLite connections: a plain file handle closed
on it drops every POSIX lock this process holds there, and another process may then delete the
-wal a connection here still reads (SQLite's "How To Corrupt An SQLite Database File", 2.2). So
copies are read through a connection, written to a temporary file by SQLite, checked, and renamed.
"""

from __future__ import annotations

import os
import secrets
import sqlite3
from pathlib import Path
from urllib.parse import quote

from annotator.core.errors import BackupFailed, BackupUnusable, ProjectDamaged
from annotator.core.store.database import BUSY_TIMEOUT_MS, outlet_order, translate_error
from annotator.core.store.schema import APPLICATION_ID, LATEST_VERSION

DAMAGE_WORDS = ("malformed", "not a database", "corrupt")


def _collate_outlets(a: str, b: str) -> int:
    left, right = outlet_order(a), outlet_order(b)
    return (left > right) - (left < right)


def connect(path: Path, *, read_only: bool = False) -> sqlite3.Connection:
    """A connection in autocommit mode that waits for locks like the project's own."""
    if read_only:
        conn = sqlite3.connect(f"file:{quote(str(Path(path).resolve()))}?mode=ro", uri=True, isolation_level=None)
    else:
        conn = sqlite3.connect(path, isolation_level=None)
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    conn.create_collation("OUTLET", _collate_outlets)  # an index ordered by it can then be checked
    return conn


def is_damage(error: sqlite3.Error) -> bool:
    return any(word in str(error) for word in DAMAGE_WORDS)


def quick_check(conn: sqlite3.Connection) -> str:
    """'ok', or SQLite's first complaint about the file."""
    return conn.execute("PRAGMA quick_check(1)").fetchone()[0]


def copy_to_new_file(conn: sqlite3.Connection, source: Path, target: Path, *, check: bool = True) -> None:
    """Write what `conn` reads into `target` (replaced if there): one file in rollback-journal mode.

    The copy is made beside `target` under a hidden name and renamed into place only once complete
    and, with `check`, once it passes quick_check; a damaged source raises ProjectDamaged (about
    `source`), anything else that stops the copy BackupFailed (about `target`).
    """
    if not target.parent.is_dir():
        raise BackupFailed(target, "its folder does not exist")
    partial = target.with_name(f".{target.name}.{secrets.token_hex(6)}.partial")
    try:
        dest = connect(partial)
    except sqlite3.Error as error:
        raise BackupFailed(target, f"cannot be written there ({_write_problem(error)})") from error
    try:
        try:
            conn.backup(dest)  # one step: a read of `conn` never blocks the project's writers in WAL mode
            dest.execute("PRAGMA journal_mode = DELETE")
            problem = quick_check(dest) if check else "ok"
        finally:
            dest.close()
        if problem != "ok":
            raise ProjectDamaged(source, f"the project file is damaged (SQLite's check: {problem})")
        os.replace(partial, target)
        _sync_folder(target.parent)
    except sqlite3.Error as error:
        if is_damage(error):
            raise ProjectDamaged(source, "the project file is damaged and cannot be copied") from error
        raise BackupFailed(target, f"could not be written ({_write_problem(error)}); nothing was saved") from error
    except OSError as error:
        raise BackupFailed(target, f"could not be written ({error.strerror or error}); nothing was saved") from error
    finally:
        for leftover in (partial, Path(f"{partial}-journal")):
            leftover.unlink(missing_ok=True)


def _write_problem(error: sqlite3.Error) -> str:
    """What stopped a copy from being written, in plain words."""
    text = str(error)
    if "full" in text:
        return "the disk is full"
    if "unable to open" in text or "readonly" in text or "read-only" in text:
        return "the folder cannot be written"
    return text


def _sync_folder(folder: Path) -> None:
    """Make the rename durable where the system allows syncing a folder (not Windows)."""
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def check_backup(path: Path) -> None:
    """Raise BackupUnusable unless `path` is an undamaged project this version can open."""
    if not path.is_file():
        raise BackupUnusable(path, "no such backup file")
    try:
        conn = connect(path, read_only=True)
        try:
            problem = quick_check(conn)
            app_id = conn.execute("PRAGMA application_id").fetchone()[0]
            version = conn.execute("PRAGMA user_version").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.Error as error:
        raise BackupUnusable(path, f"the backup is damaged ({error})") from error
    if problem != "ok":
        raise BackupUnusable(path, f"the backup is damaged (SQLite's check: {problem})")
    if app_id != APPLICATION_ID:
        raise BackupUnusable(path, "not an annotator project")
    if version > LATEST_VERSION:
        raise BackupUnusable(path, f"made by a newer version of the annotator (schema {version}; "
                                   f"this version reads up to schema {LATEST_VERSION})")


def is_good_backup(path: Path) -> bool:
    try:
        check_backup(path)
    except BackupUnusable:
        return False
    return True


def copy_file_into(source: Path, dest: sqlite3.Connection, dest_path: Path) -> None:
    """Replace everything `dest` holds with the content of the file `source`, in one transaction.

    Other connections to `dest_path` (this process or another) see the change as one commit; a
    destination in WAL mode stays in WAL mode.
    """
    try:
        src = connect(source, read_only=True)
        try:
            src.backup(dest)
        finally:
            src.close()
    except sqlite3.Error as error:
        raise BackupFailed(dest_path, f"could not be restored ({translate_error(dest_path, error).reason}); "
                                      "it was left as it was") from error
