"""The `annotator` group: one-line errors instead of tracebacks; `gui` and no command open the window."""

from __future__ import annotations

import sqlite3
import sys
from pathlib import Path

import click

from annotator import __version__
from annotator.core.errors import AnnotatorError


class _Group(click.Group):
    """Report our errors as one line on stderr with exit code 1, never as a traceback."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except (AnnotatorError, OSError, sqlite3.Error) as error:
            click.echo(f"annotator: {error}", err=True)
            advice = getattr(error, "cli_advice", "")
            if advice:
                click.echo(f"annotator: {advice}", err=True)
            ctx.exit(1)


@click.group(cls=_Group, invoke_without_command=True)
@click.version_option(__version__, prog_name="annotator")
@click.pass_context
def cli(ctx: click.Context) -> None:
    """Mark how each claim in news articles is sourced, and compare outlets.

    With no command, opens the window on the last project (or the sample project).
    """
    if ctx.invoked_subcommand is None:
        from annotator.cli.launch import launch_window

        ctx.exit(launch_window(None))


@cli.command("gui")
@click.argument("project", type=click.Path(dir_okay=False, path_type=Path), required=False)
def gui_command(project: Path | None) -> None:
    """Open PROJECT (or the last project) in the window."""
    from annotator.cli.launch import launch_window

    sys.exit(launch_window(project))
