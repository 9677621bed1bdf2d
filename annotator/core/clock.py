"""Timestamps as stored in the project file: UTC, ISO 8601, to the millisecond."""

from __future__ import annotations

from datetime import datetime, timezone


def now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def in_local_zone(when: datetime | str) -> datetime | None:
    """A stored UTC time (a datetime or its ISO text) in the user's time zone; None for a text that is not one."""
    if isinstance(when, str):
        try:
            when = datetime.fromisoformat(when.replace("Z", "+00:00"))
        except ValueError:
            return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=timezone.utc)  # stored times are UTC
    return when.astimezone()


def local_time(when: datetime | str) -> str:
    """A stored UTC time as the user reads it: in their time zone, to the second ("2026-12-05 13:30:02").

    Takes a datetime or a stored ISO text; a text that is not a time is returned as it is.
    """
    local = in_local_zone(when)
    return when if local is None else local.strftime("%Y-%m-%d %H:%M:%S")
