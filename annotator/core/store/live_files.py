"""The project files this process holds connections to. A plain file handle must never open one of
them: closing it would drop the locks SQLite holds on the file for our connections (see database.py
and SQLite's "How To Corrupt" page)."""

from __future__ import annotations

import os
import threading
from pathlib import Path


class _LiveFiles:
    """The project files this process holds connections to, by device and inode, with a count each."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._counts: dict[tuple[int, int], int] = {}

    @staticmethod
    def _identity(path: Path) -> tuple[int, int] | None:
        try:
            info = os.stat(path)
        except OSError:
            return None
        return info.st_dev, info.st_ino

    def holds(self, path: Path) -> bool:
        identity = self._identity(path)
        with self._lock:
            return identity is not None and self._counts.get(identity, 0) > 0

    def add(self, path: Path) -> tuple[int, int] | None:
        identity = self._identity(path)
        if identity is not None:
            with self._lock:
                self._counts[identity] = self._counts.get(identity, 0) + 1
        return identity

    def discard(self, identity: tuple[int, int] | None) -> None:
        if identity is None:
            return
        with self._lock:
            left = self._counts.get(identity, 0) - 1
            if left > 0:
                self._counts[identity] = left
            else:
                self._counts.pop(identity, None)


LIVE = _LiveFiles()


def is_live(path: Path | str) -> bool:
    """Whether this process holds a connection to the file at `path` (then no plain handle may open it)."""
    return LIVE.holds(Path(path))
