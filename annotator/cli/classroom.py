"""Classroom commands: `assignment`, `merge`, `key` and `score`."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from annotator.cli.group import cli
from annotator.core.classroom.scoring import score_students
from annotator.core.errors import AnnotatorError
from annotator.core.ops import runner
from annotator.core.store.project import Project


@cli.command("score")
@click.argument("project", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--key", "key", help="The annotator whose annotations are the answer key "
              "(default: the one marked with `annotator key`).")
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "json"]), default="table",
              show_default=True)
def score_command(project: Path, key: str | None, fmt: str) -> None:
    """Score every other annotator against the key, sentence by sentence; and the class's agreement."""
    from annotator.cli.score_output import print_scores
    from annotator.core.classroom.files import answer_key

    with Project.open(project, read_only=True) as proj:
        key = key or answer_key(proj)
        if key is None:
            raise click.UsageError("name the answer key with --key NAME, or mark one with `annotator key`")
        scores, agreement = score_students(proj.database, key)
        print_scores(scores, agreement, fmt)


@cli.command("assignment")
@click.argument("project", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.argument("out", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--keep", multiple=True, metavar="NAME",
              help="Keep this annotator's annotations in the assignment (repeatable); by default none.")
@click.option("--article", "articles", multiple=True, type=int, metavar="ID",
              help="Put only this article in the assignment (repeatable); by default all of them.")
@click.option("--blind", is_flag=True, help="Each student sees only their own annotations in the window.")
@click.option("--suggestions/--no-suggestions", default=None,
              help="Offer suggested categories, or not (default: offered unless --blind).")
def assignment_command(project: Path, out: Path, keep: tuple[str, ...], articles: tuple[int, ...], blind: bool,
                       suggestions: bool | None) -> None:
    """Write OUT, a project for students: the articles and codebook, without annotations."""
    from annotator.core.classroom.files import export_assignment

    with Project.open(project, read_only=True) as proj:
        count = export_assignment(proj, out, keep=keep, blind=blind, suggestions=suggestions,
                                  articles=articles or None)
    click.echo(f"wrote {out}: {count} article(s)" + (f", annotations of {', '.join(keep)}" if keep else ""))


@cli.command("key")
@click.argument("project", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.argument("name", required=False)
def key_command(project: Path, name: str | None) -> None:
    """Mark annotator NAME as the answer key (without NAME: show the current key)."""
    from annotator.core.classroom.files import answer_key
    from annotator.core.ops.classroom import MarkAnswerKey

    with Project.open(project, read_only=name is None) as proj:
        if name is not None:
            runner.apply(proj, MarkAnswerKey(name))
        click.echo(f"answer key: {answer_key(proj) or '(none marked)'}")


@cli.command("merge")
@click.argument("project", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.argument("files", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False, path_type=Path))
def merge_command(project: Path, files: tuple[Path, ...]) -> None:
    """Merge students' returned files into PROJECT; each keeps its annotators' names."""
    from annotator.core.ops.classroom import MergeFiles

    failed = False
    operation = MergeFiles(list(files))
    with Project.open(project) as proj:
        runner.apply(proj, operation)  # one transaction: every file's merge is kept, or none
    for path, report in operation.results:
        if isinstance(report, AnnotatorError):
            click.echo(f"refused {report}", err=True)
            failed = True
            continue
        added = ", ".join(f"{n} by {name}" for name, n in report.added.items()) or "nothing new"
        click.echo(f"{path}: added {added}; {report.already_there} already there")
        for title in report.unmatched_articles:
            click.echo(f"  not in this project, skipped: {title}", err=True)
        for clash in report.clashes:
            click.echo(f"  not merged: {clash}", err=True)
            failed = True
        for key in report.new_categories:
            click.echo(f"  new category added to the codebook: {key}")
    if failed:
        sys.exit(1)
