"""The `annotator` command line: one module per command group, and the table printer."""

import sys

from annotator.cli import articles, classroom, edit, ingest, reports, suggest  # noqa: F401  (they register their commands)
from annotator.cli import claims, search  # noqa: F401,E402  (claim matching and full-text search)
from annotator.cli import backup  # noqa: F401,E402  (backups, a standalone copy, restore)
from annotator.cli import codebook  # noqa: F401,E402  (sharing a codebook)
from annotator.cli import provenance  # noqa: F401,E402  (who relays whom; outlets' aliases)
from annotator.cli import team  # noqa: F401,E402  (a project shared on a team server)
from annotator.cli.closed_output import ReaderMayLeave
from annotator.cli.group import cli


def main() -> None:
    """The `annotator` command; piped into a reader that leaves early (`| head`), it stops quietly."""
    sys.stdout = ReaderMayLeave(sys.stdout)
    try:
        cli(prog_name="annotator")
    finally:
        sys.stdout.flush()  # what is still buffered, while a reader that has gone can be handled


__all__ = ["cli", "main"]
