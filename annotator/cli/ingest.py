"""Commands that bring articles in: `import` and `sample`."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from annotator.cli.group import cli
from annotator.core.ingest.batch import import_paths
from annotator.core.records import ImportReport
from annotator.core.sample import create_sample
from annotator.core.store.project import Project


@cli.command("import")
@click.argument("project", type=click.Path(dir_okay=False, path_type=Path))
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--outlet", help="Outlet for files whose metadata names none.")
def import_command(project: Path, paths: tuple[Path, ...], outlet: str | None) -> None:
    """Import articles (.txt, .md, .html; folders recursively); create PROJECT if missing."""
    with Project.open(project, create=True) as proj:
        report = import_paths(proj, paths, outlet=outlet)
    print_import_report(report)
    if not report.imported and report.refused:
        sys.exit(1)


def print_import_report(report: ImportReport) -> None:
    for item in report.imported:
        click.echo(f"imported {item.id}: {item.title} ({item.outlet}, {item.sentences} sentences)")
    for item in report.duplicates:
        click.echo(f"skipped {item.path}: {item.reason}", err=True)
    for item in report.refused:
        click.echo(f"refused {item.path}: {item.reason}", err=True)
    click.echo(f"{len(report.imported)} imported, {len(report.duplicates)} duplicate(s) skipped, "
               f"{len(report.refused)} refused")


@cli.command("sample")
@click.argument("project", type=click.Path(dir_okay=False, path_type=Path))
def sample_command(project: Path) -> None:
    """Create PROJECT with the four bundled sample articles (or add them to it)."""
    proj, report = create_sample(project)
    proj.close()
    print_import_report(report)
