"""Commands that bring articles in: `import` and `sample`."""

from __future__ import annotations

import shutil
import signal
import sys
import threading
from collections import defaultdict
from pathlib import Path

import click

from annotator.cli.exchange import import_qdpx
from annotator.cli.group import cli
from annotator.cli.options import default_annotator
from annotator.core.ingest.formats import supported_types
from annotator.core.ops import runner
from annotator.core.ops.ingest import ImportFiles
from annotator.core.records import ImportProblem, ImportReport
from annotator.core.sample import create_sample
from annotator.core.store.project import Project

SHOWN_PER_REASON = 10  # skipped files listed by name under each reason; the rest are counted


class StopOnSignal:
    """Ctrl+C or SIGTERM stops the import after the current file; a second one stops at once.

    Each article is stored in its own transaction, so what was imported before the signal is kept.
    """

    def __init__(self) -> None:
        self.signum: int | None = None
        self._previous: dict[int, object] = {}

    def __enter__(self) -> StopOnSignal:
        if threading.current_thread() is threading.main_thread():
            for signum in (signal.SIGINT, signal.SIGTERM):
                self._previous[signum] = signal.signal(signum, self._on_signal)
        return self

    def __exit__(self, *exc_info) -> None:
        for signum, handler in self._previous.items():
            signal.signal(signum, handler)

    def _on_signal(self, signum: int, frame) -> None:
        if self.signum is not None:
            raise KeyboardInterrupt
        self.signum = signum

    def go_on(self, done: int, total: int, path: str) -> bool:
        return self.signum is None


def _progress_line(done: int, total: int, path: str) -> None:
    width = shutil.get_terminal_size((80, 20)).columns
    line = f"[{done}/{total}] {path}"
    if len(line) >= width:
        line = line[: max(width - 2, 10)] + "…"
    click.echo(f"\r\x1b[K{line}", err=True, nl=False)


@cli.command("import", help=f"Import articles ({supported_types()}; folders recursively), or a REFI-QDA "
                               "project (.qdpx); create PROJECT if missing.")
@click.argument("project", type=click.Path(dir_okay=False, path_type=Path))
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--outlet", help="Outlet for the files that state none (it wins over a guess from a byline or address).")
@click.option("--published", metavar="DATE", help="Publication date, YYYY-MM-DD, for the files that state none.")
def import_command(project: Path, paths: tuple[Path, ...], outlet: str | None, published: str | None) -> None:
    """Import articles into PROJECT; the help text names the supported file types (formats.READERS)."""
    if any(p.suffix.lower() == ".qdpx" for p in paths):
        if len(paths) > 1 or outlet or published:
            raise click.UsageError("a .qdpx project is imported alone, without --outlet or --published")
        return import_qdpx(project, paths[0], annotator=default_annotator())
    show = sys.stderr.isatty()

    def progress(done: int, total: int, path: str) -> None:
        if show:
            _progress_line(done, total, path)
        if not stop.go_on(done, total, path):
            operation.cancel.set()

    operation = ImportFiles(list(paths), outlet=outlet, published=published)
    with StopOnSignal() as stop, Project.open(project, create=True) as proj:
        operation.progress = progress
        runner.apply(proj, operation)
    report = operation.report
    if show:
        click.echo("\r\x1b[K", err=True, nl=False)
    print_import_report(report)
    if stop.signum is not None:
        click.echo(f"interrupted: {len(report.imported)} article(s) imported and kept; "
                   "the remaining files were not imported", err=True)
        sys.exit(128 + stop.signum)
    if not report.imported and report.refused:
        sys.exit(1)


def print_import_report(report: ImportReport) -> None:
    for item in report.imported:
        click.echo(f"imported {item.id}: {item.title} ({item.outlet}, {item.sentences} sentences)")
    for item in report.duplicates:
        click.echo(f"skipped {item.path}: {item.reason}", err=True)
    for item in report.refused:
        click.echo(f"refused {item.path}: {item.reason}", err=True)
    _print_skipped(report.skipped)
    for item in report.warnings:
        click.echo(f"warning: {item.path}: {item.reason}", err=True)
    click.echo(f"{len(report.imported)} imported, {len(report.duplicates)} duplicate(s) skipped, "
               f"{len(report.refused)} refused" + (f", {len(report.skipped)} other file(s) skipped"
                                                   if report.skipped else ""))


def _print_skipped(skipped: list[ImportProblem]) -> None:
    """Files a folder import passed over, grouped by reason."""
    by_reason: dict[str, list[str]] = defaultdict(list)
    for item in skipped:
        by_reason[item.reason].append(item.path)
    for reason, names in sorted(by_reason.items()):
        click.echo(f"skipped {len(names)} ({reason}):", err=True)
        for name in names[:SHOWN_PER_REASON]:
            click.echo(f"  {name}", err=True)
        if len(names) > SHOWN_PER_REASON:
            click.echo(f"  … and {len(names) - SHOWN_PER_REASON} more", err=True)


@cli.command("sample")
@click.argument("project", type=click.Path(dir_okay=False, path_type=Path))
def sample_command(project: Path) -> None:
    """Create PROJECT with the four bundled sample articles (or add them to it)."""
    proj, report = create_sample(project)
    proj.close()
    print_import_report(report)
