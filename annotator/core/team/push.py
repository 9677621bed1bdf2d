"""Sending this copy's changes to the team server, in one server transaction.

Resumable: the push's id and the last outbox entry it carries are committed locally before the
server is written; the server records the id in the same transaction as the changes. If either
side is killed, the next sync asks the server whether that id arrived: if so the outbox entries it
carried are dropped, if not they are sent again. Nothing is sent twice, nothing is lost.

Conflicts (the server's version is newer than the one this copy last saw):
- a tombstone on the server beats an edit made without seeing it;
- a deletion beats an edit it did not see;
- two edits: the later one (by the time it was made) is kept; the other is reported.
"""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass, field

from annotator.core.store.project import Project
from annotator.core.store import sync_documents as documents, sync_link as links
from annotator.core.store.sync_apply import taking_theirs
from annotator.core.team.server_schema import PUSH_LOCK


@dataclass(frozen=True)
class Conflict:
    kind: str
    uid: str
    kept: str  # "theirs" or "yours"
    text: str  # what it is, in words


@dataclass
class Pushed:
    sent: int = 0
    conflicts: list[Conflict] = field(default_factory=list)
    not_allowed: list[str] = field(default_factory=list)  # changes the member's role may not make, in words
    push_id: str | None = None
    refused: list[str] = field(default_factory=list)  # the server's winners that could not be written here
    theirs: list[tuple[documents.Entity, int]] = field(default_factory=list)  # conflicts they won: written here
    kept: int = 0  # of theirs, deletions of what is still used here: sent back undone at once


@dataclass
class _Outgoing:
    kind: str
    uid: str
    base_rev: int
    edited_at: str
    owner: str
    doc: dict | None


def finish_pending(project: Project, server) -> None:
    """Settle a push left unconfirmed by an interrupted sync."""
    conn = project.database.conn
    link = links.read(conn)
    if link is None or link.pending_push is None:
        return
    arrived = server.execute("SELECT 1 FROM annotator.pushes WHERE id = %s", (link.pending_push,)).fetchone()
    server.rollback()
    with project.transaction() as local:
        if arrived:
            links.sent(local, link.pending_upto)
        links.update(local, pending_push=None, pending_upto=None)


def _outgoing(project: Project, link: links.Link) -> tuple[list[_Outgoing], int, list[str]]:
    """What waits to be sent (read in one read transaction), the last outbox entry, and what the role forbids."""
    db = project.database
    with links.snapshot(db.conn) as conn:  # one state of outbox, seen revisions and rows, no write lock
        upto = links.last_entry(conn)
        waiting = links.entries(conn, upto)
        by_kind: dict[str, list[tuple[str, str]]] = {}
        for kind, uid, at in waiting:
            by_kind.setdefault(kind, []).append((uid, at))
        out: list[_Outgoing] = []
        forbidden: list[str] = []
        for kind in documents.KINDS:
            entries = by_kind.get(kind, [])
            if not entries:
                continue
            uids = [uid for uid, _ in entries]
            current = documents.read_many(conn, kind, uids)
            seen = links.seen_revs(conn, kind, uids)
            for uid, at in entries:
                entity = current.get(uid)
                owner = entity.owner if entity else ""
                if not _allowed(link, kind, owner, entity is None):
                    forbidden.append(_named(kind, uid, entity) + _why(link, kind, owner))
                    continue
                out.append(_Outgoing(kind, uid, seen.get(uid, 0), at, owner,
                                     entity.doc if entity else None))
    return out, upto, forbidden


def _allowed(link: links.Link, kind: str, owner: str, deleted: bool) -> bool:
    if link.role == "teacher":
        return True
    if link.role == "editor":
        return kind != "annotation" or deleted or owner == link.member
    if link.role == "student":
        return kind == "annotation" and (deleted or owner == link.member)
    return False


def _why(link: links.Link, kind: str, owner: str) -> str:
    if kind == "annotation" and owner != link.member and link.role in ("editor", "student"):
        return f" (made as {owner}; the server knows you as {link.member})"
    return f" (a {link.role} may not change {kind}s)"


def _named(kind: str, uid: str, entity: documents.Entity | None) -> str:
    """An entity in words for a list: its kind, its key where it has a readable one, and what it is."""
    readable = kind in ("category", "setting", "alias")
    label = _label(entity)
    return " ".join(part for part in (kind, uid if readable else "", label or ("" if readable else uid[:12])) if part)


def _label(entity: documents.Entity | None) -> str:
    if entity is None or entity.doc is None:
        return ""
    doc = entity.doc
    if entity.kind == "annotation":
        return f"{doc.get('category')} by {entity.owner} at {doc.get('start')}–{doc.get('end')}"
    for key in ("title", "label", "alias", "value", "action"):
        if doc.get(key):
            return repr(doc[key])[:80]
    return entity.uid[:12]


def push(project: Project, server) -> Pushed:
    """Send what waits; the server's transaction commits it all or nothing."""
    finish_pending(project, server)
    link = links.read(project.database.conn)
    outgoing, upto, forbidden = _outgoing(project, link)
    result = Pushed(not_allowed=forbidden)
    if not outgoing:
        if upto:
            with project.transaction() as local:  # only forbidden changes waited: they stay here only
                links.sent(local, upto)
        return result
    push_id = str(uuid.uuid4())
    with project.transaction() as local:
        links.update(local, pending_push=push_id, pending_upto=upto)
    revs = _send(server, push_id, outgoing, link, result)
    with project.transaction() as local:
        links.sent(local, upto)
        with taking_theirs(local) as (applier, waiting):
            for entity, rev in result.theirs:  # the server's version won: this copy takes it (unless edited again)
                if (entity.kind, entity.uid) not in waiting:
                    applier.apply(entity)
                    revs.append((entity.kind, entity.uid, rev))
        result.kept = len(applier.result.kept)
        result.refused = applier.result.refused
        links.record_seen(local, revs)
        links.update(local, pending_push=None, pending_upto=None)
    result.push_id = push_id
    return result


def _send(server, push_id: str, outgoing: list[_Outgoing], link: links.Link, result: Pushed) -> list[tuple]:
    """The server's transaction: lock, load, settle conflicts, write; the new revision of each row written."""
    try:
        server.execute("SELECT pg_advisory_xact_lock(%s)", (PUSH_LOCK,))
        server.execute("""CREATE TEMP TABLE incoming (kind text, uid text, base_rev bigint, edited_at text,
            owner text, deleted boolean, doc jsonb, PRIMARY KEY (kind, uid)) ON COMMIT DROP""")
        with server.cursor().copy("COPY incoming (kind, uid, base_rev, edited_at, owner, deleted, doc) FROM STDIN") as copy:
            for item in outgoing:
                copy.write_row((item.kind, item.uid, item.base_rev, item.edited_at, item.owner, item.doc is None,
                                None if item.doc is None else json.dumps(item.doc)))
        drop = _settle(server, outgoing, link, result)
        if drop:
            with server.cursor() as cursor:
                cursor.executemany("DELETE FROM incoming WHERE kind = %s AND uid = %s", drop)
        # A tombstone keeps its owner (the row-level policies check the owner of the row as written).
        server.execute("""UPDATE incoming i SET owner = e.owner FROM annotator.entities e
            WHERE i.deleted AND e.kind = i.kind AND e.uid = i.uid""")
        if len(outgoing) > 1_000:
            server.execute("ANALYZE incoming")  # so a large push is joined by hash, not row by row
        rows = []
        kinds = {item.kind for item in outgoing}
        for kind in documents.KINDS:  # in order: an article restored before the annotations written onto it
            if kind == "annotation":
                server.execute(_ONTO_DELETED)
            if kind in kinds:
                rows += server.execute(_UPSERT, (push_id, kind)).fetchall()
        server.execute("INSERT INTO annotator.pushes (id, changes) VALUES (%s, %s)", (push_id, len(rows)))
        server.commit()
    except BaseException:
        server.rollback()
        raise
    result.sent = len(rows)
    return rows


_UPSERT = """
    INSERT INTO annotator.entities AS e (kind, uid, rev, owner, deleted, edited_at, doc, push_id)
    SELECT kind, uid, nextval('annotator.revs'), owner, deleted, edited_at, doc, %s FROM incoming WHERE kind = %s
    ON CONFLICT (kind, uid) DO UPDATE SET rev = excluded.rev, deleted = excluded.deleted,
        owner = CASE WHEN excluded.deleted THEN e.owner ELSE excluded.owner END,
        edited_at = excluded.edited_at, doc = excluded.doc, push_id = excluded.push_id,
        writer = current_user
    RETURNING kind, uid, rev"""


# An annotation written onto an article deleted on the server arrives deleted (a deletion beats an edit
# made before it was seen); the member pulls the article's deletion in the same sync. Run on the push's
# own rows, before they are written: a hash join with the (few) deleted articles.
_ONTO_DELETED = """
    UPDATE incoming i SET deleted = true
    FROM annotator.entities a
    WHERE i.kind = 'annotation' AND NOT i.deleted
      AND a.kind = 'article' AND a.deleted AND a.uid = i.doc->>'article'"""


def _settle(server, outgoing: list[_Outgoing], link: links.Link, result: Pushed) -> list[tuple[str, str]]:
    """Decide each conflict by the rules above; the (kind, uid) of incoming rows that lose or cannot apply."""
    rows = server.execute("""SELECT i.kind, i.uid, e.rev > i.base_rev, e.deleted, e.edited_at, e.owner, e.doc, e.rev
        FROM incoming i JOIN annotator.entities e USING (kind, uid)
        WHERE e.rev > i.base_rev OR i.deleted""").fetchall()
    mine = {(item.kind, item.uid): item for item in outgoing}
    existing = {(kind, uid) for kind, uid, *_ in rows}
    drop: list[tuple[str, str]] = []
    for item in outgoing:  # a deletion of what the server never had: nothing to send
        if item.doc is None and (item.kind, item.uid) not in existing:
            drop.append((item.kind, item.uid))
    for kind, uid, newer, deleted, edited_at, owner, doc, rev in rows:
        item = mine[(kind, uid)]
        theirs = documents.Entity(kind, uid, owner, None if deleted else doc)
        ours = documents.Entity(kind, uid, item.owner, item.doc)
        if item.doc is None and kind == "annotation" and link.role != "teacher" and owner != link.member:
            drop.append((kind, uid))  # another member's annotation, gone here with its article: theirs to keep
            continue
        if not newer:
            continue
        if deleted:
            result.theirs.append((theirs, rev))
            if item.doc is not None:
                drop.append((kind, uid))
                result.conflicts.append(Conflict(kind, uid, "theirs",
                                                 f"{kind} {_label(ours)} was deleted on the server; your edit was not kept"))
            else:
                drop.append((kind, uid))
            continue
        if item.doc is None:
            result.conflicts.append(Conflict(kind, uid, "yours",
                                             f"{kind} {_label(theirs)}: your deletion beat an edit made before it was seen"))
            continue
        if doc == item.doc:
            continue
        if (edited_at, owner) > (item.edited_at, item.owner):
            drop.append((kind, uid))
            result.theirs.append((theirs, rev))
            result.conflicts.append(Conflict(kind, uid, "theirs",
                                             f"{kind} {_label(theirs)}: a later edit on the server was kept over yours"))
        else:
            result.conflicts.append(Conflict(kind, uid, "yours",
                                             f"{kind} {_label(ours)}: your later edit was kept over the server's"))
    return drop
