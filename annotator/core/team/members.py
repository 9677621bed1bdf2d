"""The members of a shared project, as PostgreSQL login roles in its group roles, and the release of
a blind assignment. Run by a teacher (adding a login needs the server's CREATEROLE right)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import psycopg
from psycopg import sql

from annotator.core.team import connect as connecting, server_schema
from annotator.core.errors import SyncError


@contextmanager
def _shared_transaction(url: str, failing: str) -> Iterator[psycopg.Connection]:
    """One transaction on the shared project at `url`, committed on exit; a server error becomes a
    SyncError starting with `failing` ("cannot add 'ann'"), and the connection is closed either way."""
    conn = connecting.connect(url)
    try:
        if server_schema.installed(conn) is None:
            raise SyncError(f"{connecting.without_password(url)} holds no shared project")
        conn.rollback()
        yield conn
        conn.commit()
    except psycopg.Error as error:
        conn.rollback()
        raise SyncError(f"{failing}: {connecting.described(error)}") from None
    finally:
        conn.close()


def add_member(url: str, login: str, role: str, *, password: str | None = None) -> bool:
    """Make `login` a member with `role` (creating the login when it does not exist); True if created."""
    if role not in server_schema.ROLES:
        raise SyncError(f"{role!r} is not a role; choose one of {', '.join(server_schema.ROLES)}")
    if not login or len(login) > 63:
        raise SyncError("a login is 1 to 63 characters")
    database = connecting.database_name(url)
    with _shared_transaction(url, f"cannot add {login!r}") as conn:
        exists = conn.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", (login,)).fetchone()
        if not exists:
            statement = sql.SQL("CREATE ROLE {} LOGIN").format(sql.Identifier(login))
            if password:
                statement = sql.SQL("{} PASSWORD {}").format(statement, sql.Literal(password))
            conn.execute(statement)
        for other in server_schema.ROLES:
            if other != role:
                conn.execute(sql.SQL("REVOKE {} FROM {}").format(
                    sql.Identifier(server_schema.group_role(database, other)), sql.Identifier(login)))
        conn.execute(sql.SQL("GRANT {} TO {}").format(
            sql.Identifier(server_schema.group_role(database, role)), sql.Identifier(login)))
        conn.execute(sql.SQL("GRANT CONNECT ON DATABASE {} TO {}").format(sql.Identifier(database),
                                                                        sql.Identifier(login)))
    return not exists


def release(url: str) -> int:
    """Let every member see every annotation of a blind assignment; the number of annotations released.

    The released annotations get new revisions, so members who pulled past them see them at their next sync."""
    with _shared_transaction(url, "cannot release") as conn:
        if conn.execute("SELECT annotator.my_role()").fetchone()[0] != "teacher":
            raise SyncError("only a teacher of the shared project can release its annotations")
        conn.execute("SELECT pg_advisory_xact_lock(%s)", (server_schema.PUSH_LOCK,))
        conn.execute("UPDATE annotator.settings SET value = '1' WHERE key = 'released'")
        count = conn.execute("UPDATE annotator.entities SET rev = nextval('annotator.revs'), writer = current_user"
                             " WHERE kind = 'annotation' AND NOT deleted").rowcount
    return count
