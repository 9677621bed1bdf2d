"""`annotator codebook export` and `import`: share a codebook (labels, colours, shortcuts, definitions)."""

from __future__ import annotations

from pathlib import Path

import click

from annotator.cli.group import cli
from annotator.core.codebook import codebook_json, read_codebook
from annotator.core.ops import runner
from annotator.core.ops.codebook import ImportCodebook
from annotator.core.reports.atomic import atomic_text
from annotator.core.store.project import Project


@cli.group("codebook")
def codebook_group() -> None:
    """Write a project's codebook to a JSON file, or take one in."""


@codebook_group.command("export")
@click.argument("project", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.argument("out", type=click.Path(dir_okay=False, path_type=Path))
def export_command(project: Path, out: Path) -> None:
    """Write PROJECT's codebook (archived categories left out) to OUT as JSON."""
    with Project.open(project, read_only=True) as proj:
        text = codebook_json(proj.categories.list(), about=f"The codebook of {proj.name}")
        count = len(proj.categories.list())
    with atomic_text(out, bom=False) as handle:
        handle.write(text)
    click.echo(f"wrote {count} categories to {out}")


@codebook_group.command("import")
@click.argument("project", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
def import_command(project: Path, file: Path) -> None:
    """Take FILE's categories into PROJECT: same keys updated, new keys added, others kept."""
    specs = read_codebook(file)
    operation = ImportCodebook(specs, name=file.name)
    with Project.open(project) as proj:
        runner.apply(proj, operation)
    click.echo(f"{len(operation.added)} categories added, {len(operation.updated)} updated from {file}")
