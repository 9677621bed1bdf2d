"""Bringing the team's changes into this copy, in one local transaction.

The server is read in one repeatable-read snapshot, kind by kind (what a later kind names comes
first: articles before their annotations), deletions last in reverse order. The whole pull is one
local transaction that also moves `pulled_rev`: killed part-way, nothing of it is kept and the next
sync pulls it again. An entity changed here since the last sync is not overwritten: the next push
settles it by the conflict rules. What applying writes is not recorded as a change to send back.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from annotator.core.store.project import Project
from annotator.core.store import sync_link as links
from annotator.core.store.sync_apply import Applier, taking_theirs
from annotator.core.store.sync_documents import KINDS, Entity

_BATCH = 2_000


@dataclass
class Pulled:
    received: int = 0
    written: int = 0
    refused: list[str] = field(default_factory=list)
    kept: int = 0  # deletions not applied here, queued to be undone on the server


def _read(server, since: int, kind: str, deleted: bool, skip_push: str | None):
    query = ("SELECT uid, rev, owner, doc FROM annotator.entities WHERE rev > %s AND kind = %s AND deleted = %s"
             " AND (push_id IS DISTINCT FROM %s) ORDER BY rev")
    with server.cursor(name=f"pull_{kind}_{int(deleted)}") as cursor:
        cursor.itersize = _BATCH
        cursor.execute(query, (since, kind, deleted, skip_push))
        for uid, rev, owner, doc in cursor:
            yield Entity(kind, uid, owner, None if deleted else doc), rev


def _again(server, kind: str, deleted: bool, uids: list[str]):
    """Entities that could not be written at an earlier pull, as the server has them now."""
    if not uids:
        return
    rows = server.execute("SELECT uid, rev, owner, doc FROM annotator.entities WHERE kind = %s AND uid = ANY(%s)"
                          " AND deleted = %s", (kind, uids, deleted)).fetchall()
    for uid, rev, owner, doc in rows:
        yield Entity(kind, uid, owner, None if deleted else doc), rev


def _passes(server, since: int, retry: dict[str, set[str]], skip_push: str | None):
    """(entity, its revision, fetched again?) in the order they are written: upserts kind by kind, then
    deletions in reverse order; after each pass, the entities of that kind to fetch again."""
    for kind, deleted in [(kind, False) for kind in KINDS] + [(kind, True) for kind in reversed(KINDS)]:
        again = set(retry.get(kind, ()))
        for entity, rev in _read(server, since, kind, deleted, skip_push):
            again.discard(entity.uid)
            yield entity, rev, False
        for entity, rev in _again(server, kind, deleted, sorted(again)):
            yield entity, rev, True


def _write(conn, applier: Applier, entity: Entity, rev: int, seen: list, *, again: bool) -> None:
    """Write one pulled entity; one that does not fit is kept to be fetched again (reported the first time)."""
    written = applier.apply(entity, report=not again)
    links.set_retry(conn, entity.kind, entity.uid, not written)
    if written:
        seen.append((entity.kind, entity.uid, rev))


def pull(project: Project, server, *, skip_push: str | None = None) -> Pulled:
    """Apply the server's changes since the last pull; `skip_push`: a push of ours just made, already here.

    A member's copy reads what is new from the server first and only then takes the write lock, so the
    window goes on saving meanwhile; a new copy (a join, nobody else has it) is written as it streams in.
    """
    result = Pulled()
    conn = project.database.conn
    server.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
    try:
        newest = server.execute("SELECT coalesce(max(rev), 0) FROM annotator.entities").fetchone()[0]
        link = links.read(conn)
        retry = {kind: set(uids) for kind, uids in links.retries(conn).items()}
        source = _passes(server, link.pulled_rev, retry, skip_push)
        if newest == link.pulled_rev and not any(retry.values()):
            source = iter(())  # nothing new on the server: one query, whatever the project's size
        elif link.pulled_rev:
            source = list(source)
            server.commit()
        applier = _apply(project, source, newest, retry, result)
        server.commit()
    except BaseException:
        server.rollback()
        raise
    result.written = applier.result.written
    result.refused = applier.result.refused
    result.kept = len(applier.result.kept)
    return result


def _apply(project: Project, source, newest: int, retry: dict[str, set[str]], result: Pulled) -> Applier:
    with project.transaction() as conn:
        link = links.read(conn)
        seen: list[tuple[str, str, int]] = []
        with taking_theirs(conn) as (applier, waiting):
            for entity, rev, fetched_again in source:
                kind = entity.kind
                result.received += not fetched_again
                if (kind, entity.uid) in waiting:
                    continue  # changed here too: the next push settles it
                if link.pulled_rev and links.seen_rev(conn, kind, entity.uid) >= rev:  # (a new copy has seen none)
                    continue  # a newer version is here already (another sync of this file was quicker)
                _write(conn, applier, entity, rev, seen, again=fetched_again or entity.uid in retry.get(kind, ()))
            links.record_seen(conn, seen)
        links.update(conn, pulled_rev=max(link.pulled_rev, newest))
    return applier
