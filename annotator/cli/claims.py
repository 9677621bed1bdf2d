"""`annotator claims`: the claims the articles share, and how each outlet sources them."""

from __future__ import annotations

import csv
import json
import sys
from pathlib import Path

import click

from annotator.cli.group import cli
from annotator.cli.table import format_table
from annotator.core.claims.refresh import ensure_claims
from annotator.core.store.project import Project
from annotator.core.claims.compute import METHOD


@cli.command("claims")
@click.argument("project", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["table", "json", "csv"]), default="table", show_default=True)
@click.option("--min-outlets", type=click.IntRange(min=1), default=1, show_default=True,
              help="only claims reported by at least this many outlets")
def claims_command(project: Path, fmt: str, min_outlets: int) -> None:
    """Group the sentences of different articles that state the same claim (computed when stale)."""
    with Project.open(project) as proj:
        if proj.read_only and proj.claims.is_stale(METHOD):
            click.echo(f"{project}: read-only, so the claims shown may be out of date", err=True)
        ensure_claims(proj)
        claims = proj.claims.list(min_outlets=min_outlets)
    rows = [(c.id, c.label, s.article_id, s.idx + 1, s.outlet, " ".join(s.categories))
            for c in claims for s in c.sentences]
    if fmt == "json":
        click.echo(json.dumps([
            {"id": c.id, "label": c.label, "disputed_by": [{"id": i, "label": label} for i, label in c.disputes],
             "sentences": [{"article_id": s.article_id, "sentence": s.idx + 1, "outlet": s.outlet,
                            "categories": list(s.categories)} for s in c.sentences]}
            for c in claims], indent=2, ensure_ascii=False))
    elif fmt == "csv":
        writer = csv.writer(sys.stdout, lineterminator="\n")
        writer.writerow(["claim", "label", "article_id", "sentence", "outlet", "categories"])
        writer.writerows(rows)
    else:
        click.echo(format_table(["claim", "label", "article", "sentence", "outlet", "categories"], rows))
