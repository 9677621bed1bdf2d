"""Share a project to a team server, join one, and sync: the three things a member does.

Each step is resumable: `share` keeps the project's id locally before it writes the server, so a
share interrupted at any point is finished by running it again (or by a sync, once it is recorded here); `join` writes the new local copy
under a temporary name and moves it into place only once the whole project has arrived.
"""

from __future__ import annotations

import os
import uuid
from dataclasses import dataclass, field
from pathlib import Path

import psycopg

from annotator.core.clock import now
from annotator.core.store.project import Project
from annotator.core.store import sync_link as links
from annotator.core.team import connect as connecting, server_schema
from annotator.core.errors import NotAMember, NotShared, ProjectError, SyncError, SyncUnderWay
from annotator.core.team.pull import pull
from annotator.core.team.push import Conflict, push

PROJECT_UID = "project_uid"  # project_info: the shared project's id, kept from the first share
LOCK_WAIT = 5.0  # seconds a sync waits for another sync of the same file (or a killed one's lock) to end


@dataclass
class SyncSummary:
    sent: int = 0
    received: int = 0
    written: int = 0
    conflicts: list[Conflict] = field(default_factory=list)
    not_allowed: list[str] = field(default_factory=list)
    refused: list[str] = field(default_factory=list)
    waiting: int = 0
    shared_keys: list[tuple[str, list[str]]] = field(default_factory=list)  # (shortcut, labels) after the pull

    def lines(self) -> list[str]:
        """The summary in words, first line first."""
        head = f"Sent {self.sent:,} change{'s' * (self.sent != 1)}, received {self.received:,}."
        out = [head]
        out += [f"Conflict: {c.text}" for c in self.conflicts]
        if self.not_allowed:
            out.append(f"Kept here only ({len(self.not_allowed):,}), as the server does not let you make them: "
                       + "; ".join(self.not_allowed[:5]) + (" …" if len(self.not_allowed) > 5 else ""))
        if self.refused:
            out.append(f"Not written here ({len(self.refused):,}), as they do not fit: "
                       + "; ".join(self.refused[:5]) + (" …" if len(self.refused) > 5 else ""))
        for key, labels in self.shared_keys:
            out.append(f"The key {key} is the shortcut of {' and '.join(repr(n) for n in labels)}: it marks "
                       f"{labels[0]!r}; give the others another key in the codebook.")
        return out


def _server(url: str):
    conn = connecting.connect(url)
    try:
        settings = server_schema.installed(conn)
    except psycopg.errors.InsufficientPrivilege:
        conn.close()
        raise NotAMember(f"the login {connecting.parse(url).get('user') or 'you connect as'} is not a member of the "
                         f"shared project at {connecting.without_password(url)}") from None
    except psycopg.Error as error:
        conn.close()
        raise SyncError(f"the team server refused: {connecting.described(error)}") from None
    conn.rollback()
    return conn, settings


def _member(server) -> tuple[str, str]:
    """(the login's role in the shared project, the login); NotAMember if it has none."""
    role, user = server.execute("SELECT annotator.my_role(), current_user").fetchone()
    server.rollback()
    if role is None:
        raise NotAMember(f"the login {user!r} is not a member of this shared project")
    return role, user


def share(project: Project, url: str, *, blind: bool = False) -> SyncSummary:
    """Publish `project` to the (empty) database at `url`, then sync everything to it."""
    connecting.parse(url)
    link = links.read(project.database.conn)
    if link is not None:
        if link.url == connecting.without_password(url):
            return sync(project)  # a share interrupted after it was recorded here: finished by a sync
        raise SyncError(f"{project.name} is shared already, to {link.url}")
    with project.transaction():
        project_uid = project.info.value(PROJECT_UID)
        if project_uid is None:
            project_uid = uuid.uuid4().hex
            project.info.set_value(PROJECT_UID, project_uid)
        if blind is False and project.info.value("blind") == "1":
            blind = True
    server, settings = _server(url)
    try:
        if settings is None:
            try:
                server_schema.install(server, connecting.database_name(url), project_uid, blind=blind)
                server.commit()
            except psycopg.Error as error:
                server.rollback()
                raise SyncError(f"cannot set the shared project up on {connecting.without_password(url)}: "
                                f"{connecting.described(error)}") from None
        elif settings.get("project_uid") != project_uid:
            raise SyncError(f"{connecting.without_password(url)} holds another shared project already; "
                            "join it with annotator join, or share to an empty database")
        role, user = _member(server)
        with project.transaction() as conn:
            links.create(conn, url=connecting.without_password(url), project_uid=project_uid, member=user, role=role)
            links.share_everything(conn, now())
        summary = _exchange(project, server)
        _analyze(server)
        return summary
    finally:
        server.close()


def _analyze(server) -> None:
    """Give the server's planner statistics of the tables a share has just filled (their owner may)."""
    try:
        server.execute("ANALYZE annotator.entities")
        server.commit()
    except psycopg.Error:
        server.rollback()  # not the owner (a share resumed by another teacher): the server's autovacuum will


def join(url: str, path: Path | str) -> Project:
    """A new local copy of the shared project at `url`, written to `path` (which must not exist)."""
    path = Path(path)
    if path.exists():
        raise ProjectError(path, "a file of that name exists already")
    server, settings = _server(url)
    partial = path.with_name(f".{path.name}.joining")
    for leftover in (partial, Path(f"{partial}-wal"), Path(f"{partial}-shm"), Path(f"{partial}-journal")):
        leftover.unlink(missing_ok=True)
    try:
        if settings is None:
            raise SyncError(f"{connecting.without_password(url)} holds no shared project")
        role, user = _member(server)
        project = Project.create(partial, codebook=[])
        try:
            with project.transaction() as conn:
                project.info.set_value(PROJECT_UID, settings["project_uid"])
                if settings.get("blind") == "1" and role != "teacher":  # a student's copy of a blind assignment
                    project.info.set_value("blind", "1")
                links.create(conn, url=connecting.without_password(url), project_uid=settings["project_uid"],
                             member=user, role=role)
            _exchange(project, server)
        finally:
            project.close()
    finally:
        server.close()
    os.replace(partial, path)
    return Project.open(path)


def sync(project: Project) -> SyncSummary:
    """Send what changed here, then take what changed on the server; both resumable."""
    link = links.read(project.database.conn)
    if link is None:
        raise NotShared(f"{project.name} is not shared to a team server")
    server, settings = _server(link.url)
    try:
        if settings is None or settings.get("project_uid") != link.project_uid:
            raise SyncError(f"{link.url} no longer holds this shared project")
        role, _ = _member(server)
        if role != link.role:
            with project.transaction() as conn:
                links.update(conn, role=role)
        return _exchange(project, server)
    finally:
        server.close()


def _one_at_a_time(project: Project, server) -> None:
    """Hold, for this connection's life, the server's lock on syncing this very file: a second window or
    command syncing it at once is told so instead of sending the same changes twice. The lock is asked
    for again for up to LOCK_WAIT seconds first: a sync killed a moment ago holds it until the server
    notices its connection is gone, and the sync that finishes its work must not be refused for that.
    The server does the waiting: an advisory lock honours this transaction's lock_timeout."""
    key = f"{links.read(project.database.conn).project_uid}:{project.path.resolve()}"
    try:
        server.execute("SELECT set_config('lock_timeout', %s, true)", (f"{round(LOCK_WAIT * 1000)}ms",))
        server.execute("SELECT pg_advisory_lock(hashtext(%s))", (key,))
    except psycopg.errors.LockNotAvailable:
        server.rollback()
        raise SyncUnderWay(f"{project.name} is being synced already, by another window or command") from None
    server.commit()  # the lock is the session's: it outlives the transaction, the timeout does not


def _exchange(project: Project, server) -> SyncSummary:
    _one_at_a_time(project, server)
    try:
        pushed = push(project, server)
        pulled = pull(project, server, skip_push=pushed.push_id)
        if pulled.kept or pushed.kept:  # a deletion of something still used here: restored on the server at once
            again = push(project, server)
            pushed.sent += again.sent
            pushed.conflicts += again.conflicts
    except psycopg.Error as error:
        raise SyncError(f"the sync stopped: {connecting.described(error)}; what was sent before is kept, "
                        "the rest goes next time") from None
    with project.transaction() as conn:
        links.update(conn, last_sync=now())
        waiting = links.waiting(conn)
    return SyncSummary(sent=pushed.sent, received=pulled.received, written=pulled.written,
                       conflicts=pushed.conflicts, not_allowed=pushed.not_allowed,
                       refused=pushed.refused + pulled.refused, waiting=waiting,
                       shared_keys=project.categories.shared_shortcuts() if pulled.written else [])


def status(project: Project) -> tuple[links.Link | None, int]:
    """The project's link (None: not shared) and how many changes wait to be sent."""
    conn = project.database.conn
    link = links.read(conn)
    return link, (links.waiting(conn) if link else 0)


def annotating_as(project: Project) -> str | None:
    """The name a member annotates under in a shared project: their server login, as the server credits
    annotations to it (None for an unshared project, and for a teacher, who may write under any name)."""
    link = links.read(project.database.conn)
    return link.member if link is not None and link.role in ("editor", "student") else None
