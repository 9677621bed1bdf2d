"""The `annotator` command line: one module per command group, and the table printer."""

from annotator.cli import articles, classroom, edit, ingest, reports, suggest  # noqa: F401  (they register their commands)
from annotator.cli import claims, search  # noqa: F401,E402  (claim matching and full-text search)
from annotator.cli import backup  # noqa: F401,E402  (backups, a standalone copy, restore)
from annotator.cli import codebook  # noqa: F401,E402  (sharing a codebook)
from annotator.cli import provenance  # noqa: F401,E402  (who relays whom; outlets' aliases)
from annotator.cli.group import cli


def main() -> None:
    cli(prog_name="annotator")


__all__ = ["cli", "main"]
