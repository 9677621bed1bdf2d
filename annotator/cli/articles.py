"""Commands that list a project's articles, sentences and codebook, and annotate a sentence."""

from __future__ import annotations

from pathlib import Path

import click

from annotator.cli.exchange import annotate_from_file
from annotator.cli.group import cli
from annotator.cli.options import default_annotator
from annotator.cli.table import format_table
from annotator.core.errors import AlreadyAnnotated
from annotator.core.ops import runner
from annotator.core.ops.annotations import AddAnnotation
from annotator.core.store.project import Project


@cli.command("articles")
@click.argument("project", type=click.Path(exists=True, dir_okay=False, path_type=Path))
def articles_command(project: Path) -> None:
    """List articles with their ids, outlets and how much of each is annotated."""
    with Project.open(project, read_only=True) as proj:
        rows = [(a.id, a.outlet, a.title, a.published or "", f"{a.annotated_sentences}/{a.sentence_count}")
                for a in proj.articles.list()]
    click.echo(format_table(["id", "outlet", "title", "published", "annotated"], rows))


@cli.command("sentences")
@click.argument("project", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.argument("article_id", type=int)
def sentences_command(project: Path, article_id: int) -> None:
    """Print an article's sentences, numbered from 1 as `annotate` and the CSV count them."""
    with Project.open(project, read_only=True) as proj:
        body = proj.articles.body(article_id)
        for sentence in proj.articles.sentences(article_id):
            click.echo(f"{sentence.idx + 1:>4}  {body[sentence.start:sentence.end]}")


@cli.command("categories")
@click.argument("project", type=click.Path(exists=True, dir_okay=False, path_type=Path))
def categories_command(project: Path) -> None:
    """List the codebook: key, shortcut, label, colour and definition."""
    with Project.open(project, read_only=True) as proj:
        rows = [(c.key, c.shortcut or "", c.label + (" (archived)" if c.archived else ""), c.color,
                 c.description) for c in proj.categories.list(include_archived=True)]
    click.echo(format_table(["key", "shortcut", "label", "colour", "description"], rows))


@cli.command("annotate")
@click.argument("project", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.argument("article_id", type=int, required=False)
@click.argument("sentence", type=click.IntRange(min=1), required=False)
@click.argument("category", required=False)
@click.option("--source", default="", help="The named source, e.g. \"Tricia McLaughlin, DHS\".")
@click.option("--note", default="", help="A free note.")
@click.option("--annotator", default=default_annotator, show_default="your user name",
              help="Who made the annotation (with --from: of the rows that name nobody).")
@click.option("--from", "from_file", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="Import many annotations from a .csv (as `export` writes) or .jsonl file, in one step.")
@click.option("--skip-bad", is_flag=True, help="With --from: import the good rows even if some are refused.")
def annotate_command(project: Path, article_id: int | None, sentence: int | None, category: str | None,
                     source: str, note: str, annotator: str, from_file: Path | None, skip_bad: bool) -> None:
    """Mark SENTENCE (from 1) of ARTICLE_ID with CATEGORY (a key, see `categories`); or, with --from FILE,
    import every row of FILE at once."""
    if from_file is not None:
        if article_id is not None or source or note:
            raise click.UsageError("give either ARTICLE_ID SENTENCE CATEGORY (with --source, --note) or --from FILE"
                                   " (whose rows carry their own), not both")
        return annotate_from_file(project, from_file, annotator=annotator, skip_bad=skip_bad)
    if category is None:
        raise click.UsageError("give ARTICLE_ID SENTENCE CATEGORY, or --from FILE")
    if skip_bad:
        raise click.UsageError("--skip-bad goes with --from FILE")
    with Project.open(project) as proj:
        span = proj.articles.sentence(article_id, sentence - 1)
        operation = AddAnnotation(article_id, span.start, span.end, category=category, annotator=annotator,
                                  source=source, note=note)
        try:
            runner.apply(proj, operation)
        except AlreadyAnnotated as already:
            click.echo(f"article {article_id}, sentence {sentence}: {already}")
            return
        made = operation.annotation
    click.echo(f"annotation {made.id}: article {article_id}, sentence {sentence}, {made.category}")
