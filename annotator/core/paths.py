"""Where the annotator keeps its own files: the user's data folder (sample project, backups).

The folder is the one Qt's QStandardPaths.AppDataLocation names for organisation
"source-annotator" and application "annotator", found here without Qt so the core and the command
line use the same place as the window.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

ORGANISATION = "source-annotator"
APPLICATION = "annotator"


def data_dir() -> Path:
    """The data folder, created if missing; `ANNOTATOR_DATA_DIR` names another (tests, kiosks)."""
    override = os.environ.get("ANNOTATOR_DATA_DIR")
    folder = Path(override) if override else _platform_data_home() / ORGANISATION / APPLICATION
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def _platform_data_home() -> Path:
    """The per-user folder for application data on this system, as Qt finds it."""
    if sys.platform == "win32":
        appdata = os.environ.get("APPDATA")
        return Path(appdata) if appdata else Path.home() / "AppData" / "Roaming"
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Application Support"
    xdg = os.environ.get("XDG_DATA_HOME", "")
    return Path(xdg) if os.path.isabs(xdg) else Path.home() / ".local" / "share"  # Qt ignores a relative one


def cache_dir() -> Path | None:
    """The folder of files the annotator can rebuild (compiled rules), created if missing (for the user
    alone); None where it cannot be (a read-only home) or should not be (on POSIX, a folder another user
    owns or others may write in: what is read from it runs as the rules): the cache is then off, nothing
    else changes. `ANNOTATOR_CACHE_DIR` names another (tests)."""
    override = os.environ.get("ANNOTATOR_CACHE_DIR")
    folder = Path(override).absolute() if override else _platform_cache_home() / ORGANISATION / APPLICATION
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        if os.name == "posix":
            found = folder.stat()
            if found.st_uid != os.getuid() or found.st_mode & 0o022:
                return None
    except OSError:
        return None
    return folder


def _platform_cache_home() -> Path:
    """The per-user folder for caches on this system (where Qt's CacheLocation puts them on Linux and
    macOS; on Windows the local application data folder, which roams with no profile)."""
    if sys.platform == "win32":
        local = os.environ.get("LOCALAPPDATA")
        return (Path(local) if local else Path.home() / "AppData" / "Local") / "cache"
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Caches"
    xdg = os.environ.get("XDG_CACHE_HOME", "")
    return Path(xdg) if os.path.isabs(xdg) else Path.home() / ".cache"
