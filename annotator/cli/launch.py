"""Start the window; kept apart so the command line never imports Qt unless asked to."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click

NO_DISPLAY = ("no display to open the window on (neither DISPLAY nor WAYLAND_DISPLAY is set); "
              "run it in a desktop session, or use the commands (annotator --help)")


def has_display() -> bool:
    """Whether Qt can show a window: on Linux and other X11/Wayland systems it needs a display.

    QT_QPA_PLATFORM names a platform explicitly (offscreen, vnc, …), so it counts as one.
    """
    if sys.platform.startswith(("win", "darwin")):
        return True
    return any(os.environ.get(name) for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"))


def launch_window(project: Path | None) -> int:
    """Run the window; without a display, say so plainly and return 1 (Qt would abort instead)."""
    if not has_display():
        click.echo(f"annotator: {NO_DISPLAY}", err=True)
        return 1
    try:
        from annotator.ui.window.app import run
    except ImportError as error:
        raise click.ClickException(f"the window cannot start: {error}") from error
    return run(project)
