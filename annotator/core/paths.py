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
