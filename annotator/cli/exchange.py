"""Annotations and projects in the formats of the field: `annotate --from`, and the exchange formats that
`export` and `import` reach by the file's suffix (.qdpx, .qdc, .jsonld)."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from annotator.core.exchange.annotation_rows import RowProblem, RowsRefused, read_rows
from annotator.core.ops import runner
from annotator.core.ops.annotations_batch import ImportAnnotations
from annotator.core.store.project import Project

SHOWN_PROBLEMS = 50  # lines listed one by one; the rest are counted


def _print_problems(kind: str, problems: list[RowProblem]) -> None:
    for problem in problems[:SHOWN_PROBLEMS]:
        click.echo(f"{kind} {problem}", err=True)
    if len(problems) > SHOWN_PROBLEMS:
        click.echo(f"… and {len(problems) - SHOWN_PROBLEMS} more {kind} line(s)", err=True)


def annotate_from_file(project: Path, path: Path, *, annotator: str, skip_bad: bool) -> None:
    """Import every row of `path` in one transaction; list each refused and duplicate line."""
    rows, unreadable = read_rows(path)
    operation = ImportAnnotations(rows, name=path.name, default_annotator=annotator, skip_bad=skip_bad,
                                  unreadable=unreadable)
    with Project.open(project) as proj:
        try:
            runner.apply(proj, operation)
        except RowsRefused as refused:
            _print_problems("refused", refused.problems)
            click.echo(f"nothing imported: {len(refused.problems)} of {len(rows) + len(unreadable)} row(s)"
                       " refused (correct them, or add --skip-bad to import the others)", err=True)
            sys.exit(1)
    _print_problems("refused", operation.refused)
    _print_problems("duplicate", operation.duplicates)
    click.echo(f"imported {len(operation.added)} annotation(s) from {path.name}; "
               f"{len(operation.duplicates)} already there, {len(operation.refused)} refused")

