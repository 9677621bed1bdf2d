"""Connecting to the team server: libpq URLs, passwords from libpq's own places, errors in words.

A URL is libpq's (`postgresql://user@host:port/db`). A password is never written to the project:
a URL given with one is stored without it, and libpq finds it in `~/.pgpass` or `PGPASSWORD`.
"""

from __future__ import annotations

import psycopg
from psycopg.conninfo import conninfo_to_dict, make_conninfo

from annotator.core.errors import BadServerUrl, NeedsPassword, SyncError

CONNECT_TIMEOUT = 10  # seconds before an unreachable server is reported
# A server that stops answering in the middle of a sync (the network gone) is given up after about two
# minutes, rather than leaving the sync waiting for ever; the next sync finishes the work.
_ALIVE = {"keepalives": 1, "keepalives_idle": 30, "keepalives_interval": 10, "keepalives_count": 6,
          "tcp_user_timeout": 120_000}


def parse(url: str) -> dict[str, str]:
    """libpq's parameters of `url`; BadServerUrl if it is not one."""
    try:
        params = conninfo_to_dict(url.strip())
    except psycopg.ProgrammingError:
        raise BadServerUrl(f"{url.strip()!r} is not a PostgreSQL address") from None
    if not params.get("dbname"):
        raise BadServerUrl(f"{url!r} names no database")
    return {key: str(value) for key, value in params.items()}


def without_password(url: str) -> str:
    """`url` as it may be stored: the same server, user and database, no password."""
    params = parse(url)
    params.pop("password", None)
    host = params.pop("host", "")
    port = params.pop("port", "")
    user = params.pop("user", "")
    database = params.pop("dbname")
    extra = "&".join(f"{key}={value}" for key, value in sorted(params.items()))
    where = f"[{host}]" if ":" in host else host
    text = "postgresql://" + (f"{user}@" if user else "") + where + (f":{port}" if port else "") + f"/{database}"
    return text + (f"?{extra}" if extra else "")


def database_name(url: str) -> str:
    return parse(url)["dbname"]


def connect(url: str) -> psycopg.Connection:
    """A connection in a transaction of its own (not autocommit); SyncError saying why it failed."""
    parse(url)
    try:
        return psycopg.connect(make_conninfo(url, connect_timeout=CONNECT_TIMEOUT, application_name="annotator",
                                             **_ALIVE))
    except psycopg.OperationalError as error:
        reason = _first_line(error)
        if "password" in reason:
            raise NeedsPassword(f"the team server {without_password(url)} asks for a password: {reason}") from None
        raise SyncError(f"cannot reach the team server {without_password(url)}: {reason}") from None


def _first_line(error: Exception) -> str:
    text = str(error).strip()
    return text.splitlines()[0] if text else type(error).__name__


def described(error: psycopg.Error) -> str:
    """A server error in one line, for the sync summary and messages."""
    if isinstance(error, psycopg.errors.InsufficientPrivilege):
        return "your role on the server may not make this change"
    return _first_line(error)
