"""The `annotator` command line: one module per command group, and the table printer."""

from annotator.cli.commands import cli, main

__all__ = ["cli", "main"]
