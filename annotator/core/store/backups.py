"""Rotating backups of a project in the user's data folder, a standalone copy, and a restore.

Backups live in data_dir()/backups/<stem>-<hash of the project's path>, never beside the project,
each named by its UTC time and reason (`2026-12-05T093012.123Z-before-import.annot`); the newest
KEEP are kept. Every copy goes through SQLite (see sqlite_copy), so a project open in this or
another process is never read or replaced behind its connections' backs.
"""

from __future__ import annotations

import errno
import hashlib
import os
import re
import sqlite3
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path

from annotator.core.errors import BackupFailed, BackupUnusable, CopyRefused, NotAProject, ProjectDamaged
from annotator.core.paths import data_dir
from annotator.core.store import sqlite_copy
from annotator.core.store.content_marker import content_marker
from annotator.core.store.database import translate_error
from annotator.core.store.schema import APPLICATION_ID

KEEP = 7
DAMAGED = "damaged"  # a damaged project moved or copied aside by a restore: kept out of the rotation
STAMP = "%Y-%m-%dT%H%M%S"
_NAME = re.compile(r"^(\d{4}-\d\d-\d\dT\d{6}\.\d{3}Z)-([a-z0-9-]+)\.annot$")
_STALE_PARTIAL = timedelta(days=1)
SIDECARS = ("-wal", "-shm", "-journal")


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    made_at: datetime  # UTC
    reason: str  # "daily", "before-import", "before-restore", "manual", "damaged", ...
    size: int  # bytes


def size_text(size: int) -> str:
    """A size as people read it: 812 bytes, 14 KB, 3.2 MB."""
    if size < 1000:
        return f"{size} bytes"
    for unit, scale in (("KB", 1e3), ("MB", 1e6), ("GB", 1e9)):
        if size < scale * 1000 or unit == "GB":
            value = size / scale
            return f"{value:.1f} {unit}" if value < 10 else f"{value:.0f} {unit}"
    raise AssertionError("unreachable")


def backup_folder(project_path: Path | str) -> Path:
    """The project's own backup folder (not created here); projects of one name never share one."""
    resolved = str(Path(project_path).resolve())
    digest = hashlib.sha256(resolved.encode("utf-8", "surrogateescape")).hexdigest()[:12]
    return data_dir() / "backups" / f"{Path(project_path).stem[:60]}-{digest}"


def list_backups(project_path: Path | str) -> list[BackupInfo]:
    """The project's backups, newest first (read from the folder's names; no file is opened)."""
    return _listed(backup_folder(project_path))


def newest_good_backup(project_path: Path | str) -> BackupInfo | None:
    """The newest backup that opens read-only, passes quick_check and is a project this version reads."""
    return next((b for b in list_backups(project_path) if sqlite_copy.is_good_backup(b.path)), None)


def make_backup(conn: sqlite3.Connection, project_path: Path | str, *, reason: str) -> Path | None:
    """Back up what `conn` reads (the project's own connection will do) into the rotating folder.

    Returns the new backup, or None when the newest backup holds the same content already. `conn`
    must not be inside a transaction: its uncommitted changes would be copied.
    """
    return _make(conn, Path(project_path), reason=reason)


def backup_if_due(conn: sqlite3.Connection, project_path: Path | str, *,
                  max_age: timedelta = timedelta(days=1)) -> Path | None:
    """The daily backup at opening: made when the newest backup is older than `max_age`."""
    newest = _newest(backup_folder(project_path))
    if newest is not None and datetime.now(timezone.utc) - newest.made_at < max_age:
        return None
    return make_backup(conn, project_path, reason="daily")


def save_copy(conn: sqlite3.Connection, out_path: Path | str, *, project_path: Path | str | None = None,
              overwrite: bool = False) -> Path:
    """Write a complete standalone project file (rollback-journal mode: one file that travels) at `out_path`.

    Refuses the project itself (`project_path`, or the file `conn` reads), an existing file unless
    `overwrite`, and a file with a -wal beside it (open elsewhere, or not closed cleanly).
    """
    _refuse_open_transaction(conn, project_path or out_path)
    out = Path(out_path)
    sources = {Path(p).resolve() for p in (project_path, _main_file(conn)) if p}
    if out.resolve() in sources:
        raise CopyRefused(out, "is the project itself; choose another name for the copy")
    if out.exists() and (out.is_dir() or not overwrite):
        raise CopyRefused(out, "exists already")
    if Path(f"{out}-wal").exists() or Path(f"{out}-journal").exists():
        raise CopyRefused(out, "is open in another program, or was not closed cleanly (a -wal or -journal "
                               "file lies beside it)")
    sqlite_copy.copy_to_new_file(conn, Path(project_path or _main_file(conn) or out), out)
    return out


def restore(project_path: Path | str, backup_path: Path | str) -> Path | None:
    """Put the content of `backup_path` back into the project; return where its previous state was kept.

    The backup is checked first. The project's current state is kept as a "before-restore" backup
    (or the newest backup, when that holds it already); then the backup is written into the project
    through a connection to it, so every connection open on it sees one consistent change. A file
    SQLite cannot open at all is moved aside into the backup folder as "<time>-damaged.annot" and the
    backup is written as a new file; a readable but damaged one is copied there first.
    """
    project, backup = Path(project_path), Path(backup_path)
    sqlite_copy.check_backup(backup)
    if project.exists() and project.resolve() == backup.resolve():
        raise BackupUnusable(backup, "is the project itself, not one of its backups")
    kept = None
    if project.exists():
        conn = _open_project_for_restore(project)
        if conn is not None:
            try:
                kept = _keep_current_state(conn, project, protect=backup)
                if kept is not None or _is_empty(conn):
                    sqlite_copy.copy_file_into(backup, conn, project)
                    return kept
            finally:
                conn.close()
        kept = _move_aside(project)
    elif any(Path(f"{project}{suffix}").exists() for suffix in SIDECARS):
        _move_aside(project)  # a -wal left without its file would be replayed into the new one
    _write_new(backup, project)
    return kept


# -- making backups -------------------------------------------------------------------------------
def _make(conn: sqlite3.Connection, project: Path, *, reason: str, protect: Path | None = None,
          skip_same: bool = True, verify: bool = True) -> Path | None:
    """A backup in the rotating folder (None if `skip_same` and the newest holds the same content).

    `protect`: a backup the rotation must not delete (the one being restored); `verify`: run
    quick_check on the copy (off for a damaged project copied aside as it is).
    """
    _refuse_open_transaction(conn, project)
    folder = backup_folder(project)
    if skip_same and _same_as_newest(conn, folder) is not None:
        return None
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise BackupFailed(folder, f"the backup folder cannot be made ({error.strerror or error})") from error
    target = _free_name(folder, reason)
    sqlite_copy.copy_to_new_file(conn, project, target, check=verify)
    _rotate(folder, protect)
    return target


def _refuse_open_transaction(conn: sqlite3.Connection, project: Path | str) -> None:
    if conn.in_transaction:
        raise BackupFailed(project, "a change is being written on this connection (inside a transaction); "
                                    "back up once it is committed")


def _same_as_newest(conn: sqlite3.Connection, folder: Path) -> BackupInfo | None:
    """The newest backup, if it holds what `conn` reads."""
    newest = _newest(folder)
    if newest is None:
        return None
    try:
        marker = content_marker(conn)
        check = sqlite_copy.connect(newest.path, read_only=True)
        try:
            same = content_marker(check) == marker
        finally:
            check.close()
    except sqlite3.Error:  # a damaged newest backup, or a damaged project: back up again
        return None
    return newest if same else None


def _newest(folder: Path) -> BackupInfo | None:
    return next((b for b in _listed(folder) if b.reason != DAMAGED), None)


def _listed(folder: Path) -> list[BackupInfo]:
    found = []
    for path in folder.iterdir() if folder.is_dir() else ():
        match = _NAME.match(path.name)
        if match is not None and path.is_file():
            made_at = datetime.strptime(match[1], f"{STAMP}.%fZ").replace(tzinfo=timezone.utc)
            found.append(BackupInfo(path, made_at, match[2], path.stat().st_size))
    return sorted(found, key=lambda b: b.path.name, reverse=True)


def _free_name(folder: Path, reason: str) -> Path:
    """`<UTC time to the millisecond>-<reason>.annot`, a millisecond later while the name is taken."""
    slug = re.sub(r"[^a-z0-9]+", "-", reason.lower()).strip("-") or "backup"
    when = datetime.now(timezone.utc)
    while (folder / f"{_stamp(when)}-{slug}.annot").exists():
        when += timedelta(milliseconds=1)
    return folder / f"{_stamp(when)}-{slug}.annot"


def _stamp(when: datetime) -> str:
    return f"{when.strftime(STAMP)}.{when.microsecond // 1000:03d}Z"


def _rotate(folder: Path, protect: Path | None) -> None:
    """Keep the newest KEEP backups (and every damaged file set aside); clear abandoned partial copies."""
    for old in [b for b in _listed(folder) if b.reason != DAMAGED][KEEP:]:
        if protect is None or old.path.resolve() != protect.resolve():
            old.path.unlink(missing_ok=True)
    cutoff = datetime.now().timestamp() - _STALE_PARTIAL.total_seconds()
    for partial in folder.glob(".*.partial*"):
        if partial.stat().st_mtime < cutoff:
            partial.unlink(missing_ok=True)


def _main_file(conn: sqlite3.Connection) -> str | None:
    """The file `conn` reads as its main database ('' for an in-memory one)."""
    for _seq, name, file in conn.execute("PRAGMA database_list"):
        if name == "main":
            return file or None
    return None


# -- restoring ------------------------------------------------------------------------------------
def _open_project_for_restore(project: Path) -> sqlite3.Connection | None:
    """A connection to the project to restore into; None when SQLite cannot read it as a database."""
    try:
        conn = sqlite_copy.connect(project)
    except sqlite3.Error as error:
        raise translate_error(project, error) from error
    try:
        app_id = conn.execute("PRAGMA application_id").fetchone()[0]
        tables = conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
    except sqlite3.DatabaseError as error:
        if sqlite_copy.is_damage(error) and "not a database" not in str(error):
            return conn  # readable enough to be written into; its state is checked next
        conn.close()
        if "not a database" in str(error):
            return None
        raise translate_error(project, error) from error
    if tables and app_id != APPLICATION_ID:
        conn.close()
        raise NotAProject(project, "not an annotator project: restoring would overwrite another program's file")
    return conn


def _is_empty(conn: sqlite3.Connection) -> bool:
    try:
        return conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0] == 0
    except sqlite3.DatabaseError:
        return False


def _keep_current_state(conn: sqlite3.Connection, project: Path, *, protect: Path) -> Path | None:
    """Back up the project before it is overwritten; None when nothing can be copied out of it.

    A project that fails quick_check is copied as it is, under the reason "damaged".
    """
    if _is_empty(conn):
        return None
    try:
        damaged = sqlite_copy.quick_check(conn) != "ok"
    except sqlite3.DatabaseError as error:
        if not sqlite_copy.is_damage(error):
            raise translate_error(project, error) from error
        damaged = True
    if not damaged:
        try:
            same = _same_as_newest(conn, backup_folder(project))
            if same is not None:
                return same.path
            return _make(conn, project, reason="before-restore", protect=protect, skip_same=False)
        except ProjectDamaged:
            pass
    try:
        return _make(conn, project, reason=DAMAGED, protect=protect, skip_same=False, verify=False)
    except ProjectDamaged:
        return None


def _move_aside(project: Path) -> Path:
    """Move a file no SQLite connection can read (and its -wal, -shm) into the backup folder.

    Renamed, never copied: where the backup folder is on another disk, it stays in the project's
    folder as `<name>.damaged-<time>` instead.
    """
    try:
        folder = backup_folder(project)
        folder.mkdir(parents=True, exist_ok=True)
        target = _free_name(folder, DAMAGED)
        try:
            _rename_with_sidecars(project, target)
        except OSError as error:
            if error.errno != errno.EXDEV:
                raise
            target = project.with_name(f"{project.name}.{DAMAGED}-{_stamp(datetime.now(timezone.utc))}")
            _rename_with_sidecars(project, target)
    except OSError as error:
        raise BackupFailed(project, f"the damaged file could not be moved aside ({error.strerror or error}); "
                                    "nothing was restored") from error
    return target


def _rename_with_sidecars(project: Path, target: Path) -> None:
    for suffix in (*SIDECARS, ""):  # the file itself last: the name stays taken until all is moved
        if Path(f"{project}{suffix}").exists():
            os.replace(f"{project}{suffix}", f"{target}{suffix}")


def _write_new(backup: Path, project: Path) -> None:
    try:
        conn = sqlite_copy.connect(project)
    except sqlite3.Error as error:
        raise BackupFailed(project, f"cannot be written ({translate_error(project, error).reason})") from error
    try:
        sqlite_copy.copy_file_into(backup, conn, project)
    finally:
        conn.close()
