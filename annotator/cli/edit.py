"""Commands that correct a project from the shell: an article's fields, an outlet's name, an annotation;
deleting articles."""

from __future__ import annotations

import sys
from bisect import bisect_right
from pathlib import Path

import click

from annotator.cli.group import cli
from annotator.cli.table import format_table
from annotator.core.ops import runner
from annotator.core.ops.annotations import DeleteAnnotation
from annotator.core.ops.articles import DeleteArticles, EditArticle, RenameOutlet
from annotator.core.records import Article
from annotator.core.store.project import Project

_FIELDS = (("outlet", "outlet"), ("title", "title"), ("published", "published"))


def _describe(article: Article) -> str:
    return (f"article {article.id}\n  outlet: {article.outlet}\n  title: {article.title}\n"
            f"  published: {article.published or '(none)'}")


class _ArticleCommands(click.Group):
    """`annotator article delete PROJECT ID...`; any other first word is the PROJECT of
    `annotator article PROJECT ARTICLE_ID [--outlet ...]`, which shows or edits one article."""

    def resolve_command(self, ctx: click.Context, args: list[str]):
        if args and args[0] in self.commands:
            return super().resolve_command(ctx, args)
        return "", edit_article_command, args

    def format_usage(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        formatter.write_usage(ctx.command_path, "PROJECT ARTICLE_ID [--outlet NAME] [--title TEXT] [--published DATE]")
        formatter.write_usage(ctx.command_path, "delete PROJECT ARTICLE_ID... [--yes]", prefix="       ")


@cli.group("article", cls=_ArticleCommands, invoke_without_command=False, no_args_is_help=True)
def article_group() -> None:
    """Show or change an article's outlet, title or date (`article PROJECT ARTICLE_ID --outlet NAME`),
    or delete articles (`article delete PROJECT ARTICLE_ID...`)."""


@click.command("article")
@click.argument("project", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.argument("article_id", type=int)
@click.option("--outlet", help="Move the article to this outlet (created if new).")
@click.option("--title", help="The article's new title.")
@click.option("--published", metavar="DATE", help="Publication date, YYYY-MM-DD (\"\" clears it).")
def edit_article_command(project: Path, article_id: int, outlet: str | None, title: str | None,
                         published: str | None) -> None:
    """Change ARTICLE_ID's outlet, title or date; with no option, show them."""
    if outlet is None and title is None and published is None:
        with Project.open(project, read_only=True) as proj:
            click.echo(_describe(proj.articles.get(article_id)))
        return
    operation = EditArticle(article_id, outlet=outlet, title=title, published=published)
    with Project.open(project) as proj:
        runner.apply(proj, operation)
    before, after = operation.before, operation.after
    changed = [f"{label}: {getattr(before, field)!r} → {getattr(after, field)!r}"
               for label, field in _FIELDS if getattr(before, field) != getattr(after, field)]
    click.echo(f"article {article_id}: " + ("; ".join(changed) or "nothing changed"))


@article_group.command("delete")
@click.argument("project", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.argument("article_ids", metavar="ARTICLE_ID...", nargs=-1, required=True, type=int)
@click.option("--yes", is_flag=True, help="Delete even articles that hold annotations (they go too).")
def delete_articles_command(project: Path, article_ids: tuple[int, ...], yes: bool) -> None:
    """Delete articles with their sentences, annotations and suggestions (see `articles` for the ids)."""
    ids = list(dict.fromkeys(article_ids))
    with Project.open(project) as proj:
        articles = [proj.articles.get(article_id) for article_id in ids]  # an unknown id is an error
        count = proj.articles.annotation_count(ids)
        if count.annotations and not yes:
            which = f"article {ids[0]}" if len(ids) == 1 else f"these {len(ids)} articles"
            click.echo(f"annotator: not deleted: {which} hold{'s' if len(ids) == 1 else ''} "
                       f"{count.annotations} annotation{'s' if count.annotations != 1 else ''} by "
                       f"{count.annotators} annotator{'s' if count.annotators != 1 else ''}; "
                       "add --yes to delete them with their annotations", err=True)
            sys.exit(1)
        operation = DeleteArticles(ids)
        runner.apply(proj, operation)
    for article, removed in zip(articles, operation.removed):
        annotations = len(removed.annotations)
        click.echo(f"deleted article {article.id}: {article.title} ({article.outlet}; {annotations} "
                   f"annotation{'s' if annotations != 1 else ''})")


@cli.command("outlet")
@click.argument("project", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.argument("old_name")
@click.argument("new_name")
def outlet_command(project: Path, old_name: str, new_name: str) -> None:
    """Rename outlet OLD_NAME to NEW_NAME, or merge it into NEW_NAME when that outlet exists."""
    operation = RenameOutlet(old_name, new_name)
    with Project.open(project) as proj:
        runner.apply(proj, operation)
    change = operation.change
    verb = "merged outlet {old!r} into {new!r}" if change.merged else "renamed outlet {old!r} to {new!r}"
    count = len(change.article_ids)
    click.echo(verb.format(old=change.old, new=change.new) + f" ({count} article{'s' if count != 1 else ''})")


@cli.command("annotations")
@click.argument("project", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--article", "article_id", type=int, help="Only this article's annotations.")
@click.option("--annotator", help="Only this annotator's annotations.")
def annotations_command(project: Path, article_id: int | None, annotator: str | None) -> None:
    """List annotations with their ids (for `delete`): article, sentence, category, annotator, source, note."""
    with Project.open(project, read_only=True) as proj:
        if article_id is not None:
            proj.articles.get(article_id)  # an unknown article is an error, not an empty list
            found = proj.annotations.for_article(article_id, annotator=annotator)
        else:
            found = proj.annotations.list(annotator=annotator)
        starts: dict[int, list[int]] = {}
        rows = []
        for a in found:
            if a.article_id not in starts:
                starts[a.article_id] = [s.start for s in proj.articles.sentences(a.article_id)]
            rows.append((a.id, a.article_id, bisect_right(starts[a.article_id], a.start), a.category,
                         a.annotator, a.source, a.note))
    click.echo(format_table(["id", "article", "sentence", "category", "annotator", "source", "note"], rows))


@cli.command("delete")
@click.argument("project", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.argument("annotation_id", type=int)
def delete_command(project: Path, annotation_id: int) -> None:
    """Delete annotation ANNOTATION_ID (see `annotations` for the ids)."""
    with Project.open(project) as proj:
        operation = DeleteAnnotation(proj.annotations.get(annotation_id))
        runner.apply(proj, operation)
        gone = operation.deleted
    click.echo(f"deleted annotation {gone.id}: article {gone.article_id}, {gone.category} by {gone.annotator}")
