"""`annotator provenance`: who relays whom in a project's story; `annotator alias`: outlets' names."""

from __future__ import annotations

import csv
import json
import sys
from pathlib import Path

import click

from annotator.cli.group import cli
from annotator.cli.table import format_table
from annotator.core.claims.compute import METHOD
from annotator.core.claims.refresh import ensure_claims
from annotator.core.errors import InvalidValue
from annotator.core.ops import runner
from annotator.core.ops.outlets import (
    AddOutletAlias, MergeOutlets, RenameOutletEntity, SplitOutletAlias, outlet_book)
from annotator.core.provenance.build import provenance_of
from annotator.core.provenance.graph import dot, graphml
from annotator.core.provenance.model import Provenance
from annotator.core.store.project import Project

_EDGE_COLUMNS = ["from_article", "from_outlet", "to_outlet", "to_article", "kind", "sentences", "basis", "relied_on"]


@cli.command("provenance")
@click.argument("project", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--claim", "claim_id", type=int, help="Only this claim (ids from `annotator claims`).")
@click.option("--format", "fmt", type=click.Choice(["table", "json", "dot", "graphml", "csv"]), default="table",
              show_default=True)
def provenance_command(project: Path, claim_id: int | None, fmt: str) -> None:
    """Which outlets each article relays, copies between articles, first reports and independent sources
    (of the story and of each claim, the claims computed first when stale)."""
    with Project.open(project) as proj:
        if proj.read_only and proj.claims.is_stale(METHOD):
            click.echo(f"{project}: read-only, so the claims may be out of date", err=True)
        ensure_claims(proj)  # each claim gets its first report and independent sources
        result = provenance_of(proj, claim=claim_id)
    if fmt == "json":
        click.echo(json.dumps(result.as_json(), indent=2, ensure_ascii=False))
    elif fmt == "dot":
        click.echo(dot(result), nl=False)
    elif fmt == "graphml":
        click.echo(graphml(result), nl=False)
    elif fmt == "csv":
        writer = csv.writer(sys.stdout, lineterminator="\n")
        writer.writerow(_EDGE_COLUMNS)
        writer.writerows(_edge_row(e) for e in result.edges)
    else:
        click.echo(_table(result))


def _edge_row(edge) -> list:
    return [edge.from_article, edge.from_outlet, edge.to_outlet, "" if edge.to_article is None else edge.to_article,
            edge.kind, " ".join(map(str, edge.sentences)), edge.basis, edge.relied_on or ""]


def _origin_line(origin) -> str:
    who = "The story" if origin.claim is None else f"Claim {origin.claim} ({origin.label})"
    if origin.first_by_text:
        first = f"first reported by {origin.first_by_text} (the texts say so"
        first += f"; earliest dated: {origin.first_by_date})" if origin.first_by_date else ")"
    elif origin.first_by_date:
        first = f"first reported by {origin.first_by_date} (the earliest dated article)"
    else:
        first = "first report unknown (no article is dated, and no text says)"
    count = len(origin.independent_sources)
    return (f"{who}: {first}; {count} independent source{'' if count == 1 else 's'}: "
            + (", ".join(origin.independent_sources) or "—"))


def _table(result: Provenance) -> str:
    origins = "\n".join(_origin_line(o) for o in result.origins)
    edges = format_table(["article", "outlet", "relays", "kind", "sentences", "basis", "relied on"],
                         [(e.from_article, e.from_outlet,
                           e.to_outlet + (f" (article {e.to_article})" if e.to_article is not None else ""),
                           e.kind + (", first" if e.first_report else ""), " ".join(map(str, e.sentences)),
                           e.basis, e.relied_on or "") for e in result.edges])
    outlets = format_table(["outlet", "articles", "aliases"],
                           [(o.name, o.articles if o.in_project else "outside", ", ".join(o.aliases))
                            for o in result.outlets])
    none = "" if result.edges else "\n(no article relays another outlet or copies another article)"
    return f"{origins}\n\n{edges}{none}\n\n{outlets}"


@cli.command("alias")
@click.argument("project", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.argument("outlet")
@click.argument("alias", required=False)
@click.option("--remove", is_flag=True, help="Split ALIAS off OUTLET: it names an outlet of its own.")
@click.option("--merge-into", metavar="NAME", help="Merge OUTLET into NAME: every name of it means NAME.")
@click.option("--rename", metavar="NAME", help="Call OUTLET NAME from now on (its aliases follow).")
def alias_command(project: Path, outlet: str, alias: str | None, remove: bool, merge_into: str | None,
                  rename: str | None) -> None:
    """Show OUTLET's aliases, make ALIAS one of them (--remove: split it off), merge or rename OUTLET."""
    chosen = [x for x in (alias is not None, merge_into is not None, rename is not None) if x]
    if len(chosen) > 1:
        raise InvalidValue("give one of ALIAS, --merge-into and --rename")
    if remove and alias is None:
        raise InvalidValue("--remove needs the ALIAS to split off")
    with Project.open(project) as proj:
        if alias is not None:
            operation = SplitOutletAlias(outlet, alias) if remove else AddOutletAlias(outlet, alias)
        elif merge_into is not None:
            operation = MergeOutlets(outlet, merge_into)
        elif rename is not None:
            operation = RenameOutletEntity(outlet, rename)
        else:
            book = outlet_book(proj)
            name = book.resolve(outlet)
            click.echo(f"{name}: " + (", ".join(book.aliases_of(name)) or "no aliases"))
            return
        runner.apply(proj, operation)
        book = outlet_book(proj)
        name = book.resolve(rename or merge_into or outlet)
        click.echo(f"{operation.text}: done. {name}: " + (", ".join(book.aliases_of(name)) or "no aliases"))
