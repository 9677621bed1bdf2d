"""`annotator search`: the sentences of every article that match a query."""

from __future__ import annotations

import json
from pathlib import Path

import click

from annotator.cli.group import cli
from annotator.cli.table import format_table
from annotator.core.analysis.search import search_sentences
from annotator.core.store.project import Project


@cli.command("search")
@click.argument("project", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.argument("query")
@click.option("--article", "article_id", type=int, help="Only this article's sentences.")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
def search_command(project: Path, query: str, article_id: int | None, fmt: str) -> None:
    """Print every sentence matching QUERY: words (all of them), "quoted phrases", prefix*."""
    with Project.open(project, read_only=True) as proj:
        if article_id is not None:
            proj.articles.get(article_id)  # an unknown article is an error, not an empty list
        hits = search_sentences(proj.database, query, article_id=article_id)
    if fmt == "json":
        click.echo(json.dumps([{"article_id": h.article_id, "sentence": h.idx + 1, "outlet": h.outlet,
                                "title": h.title, "text": h.text} for h in hits], indent=2, ensure_ascii=False))
    else:
        click.echo(format_table(["article", "sentence", "outlet", "text"],
                                [(h.article_id, h.idx + 1, h.outlet, " ".join(h.text.split())) for h in hits]))
