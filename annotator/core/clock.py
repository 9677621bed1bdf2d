"""Timestamps as stored in the project file: UTC, ISO 8601, to the millisecond."""

from __future__ import annotations

from datetime import datetime, timezone


def now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="milliseconds").replace("+00:00", "Z")
