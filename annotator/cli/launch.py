"""Start the window; kept apart so the command line never imports Qt unless asked to."""

from __future__ import annotations

from pathlib import Path

import click


def launch_window(project: Path | None) -> int:
    try:
        from annotator.ui.app import run
    except ImportError as error:
        raise click.ClickException(f"the window cannot start: {error}") from error
    return run(project)
