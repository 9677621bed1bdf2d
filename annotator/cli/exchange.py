"""Annotations and projects in the formats of the field: `annotate --from`, and the exchange formats that
`export` and `import` reach by the file's suffix (.qdpx, .qdc, .jsonld)."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from annotator.core.exchange.annotation_rows import RowProblem, RowsRefused, read_rows, write_jsonl
from annotator.core.ops import runner
from annotator.core.ops.annotations_batch import ImportAnnotations
from annotator.core.store.project import Project

SHOWN_PROBLEMS = 50  # lines listed one by one; the rest are counted

EXCHANGE_EXPORTS = (".qdpx", ".qdc", ".jsonld", ".jsonl")


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


def export_exchange(project: Path, out: Path) -> None:
    """Write OUT as a REFI-QDA project (.qdpx) or codebook (.qdc), as W3C Web Annotations (.jsonld), or as
    JSON Lines (.jsonl, one annotation a line, as `annotate --from` reads)."""
    from annotator.core.exchange import qdc, qdpx, web_annotation

    suffix = out.suffix.lower()
    with Project.open(project, read_only=True) as proj:
        if suffix == ".qdpx":
            counts = qdpx.write_qdpx(proj, out)
            click.echo(f"wrote {counts.articles} article(s), {counts.codes} code(s) and {counts.annotations}"
                       f" coded selection(s) to {out}")
        elif suffix == ".qdc":
            click.echo(f"wrote {qdc.write_qdc(proj, out)} code(s) to {out}")
        elif suffix == ".jsonl":
            click.echo(f"wrote {write_jsonl(proj, out)} annotation(s) to {out}")
        else:
            click.echo(f"wrote {web_annotation.write_jsonld(proj, out)} annotation(s) to {out}")


def import_qdpx(project: Path, path: Path, *, annotator: str) -> None:
    """Bring a REFI-QDA project into PROJECT (created if missing) and say what could not be kept."""
    from annotator.core.ops.exchange import ImportQdpx

    operation = ImportQdpx(path, default_annotator=annotator)
    with Project.open(project, create=True) as proj:
        runner.apply(proj, operation)
    report = operation.report
    for line in report.not_kept:
        click.echo(f"not kept: {line}", err=True)
    for line in report.notes:
        click.echo(f"note: {line}", err=True)
    click.echo(f"imported {report.articles} article(s) ({report.existing} already there), "
               f"{report.categories_added} new categor(ies), {report.annotations} annotation(s) "
               f"({report.duplicates} already there) from {path.name}")
