"""The `annotator` command: import, annotate, summarise and export from the shell."""

from __future__ import annotations

import getpass
import json
import sqlite3
import sys
from pathlib import Path

import click

from annotator import __version__
from annotator.core.errors import AnnotatorError
from annotator.core.reports.csv_export import write_annotations_csv, write_outlets_csv
from annotator.core.ingest.batch import import_paths
from annotator.core.store.project import Project
from annotator.core.records import ImportReport
from annotator.core.sample import create_sample
from annotator.core.classroom.scoring import score_students
from annotator.core.reports.html_report import write_html_report
from annotator.core.analysis.stats import Filters, anonymous_share, check_filters, outlet_summary
from annotator.cli.table import format_table


class _Group(click.Group):
    """Report our errors as one line on stderr with exit code 1, never as a traceback."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except (AnnotatorError, OSError, sqlite3.Error) as error:
            click.echo(f"annotator: {error}", err=True)
            ctx.exit(1)


def filter_options(command):
    """--annotator, --outlet, --category, --from, --to: the filters every report honours."""
    for option in reversed([
        click.option("--annotator", help="Only this annotator's annotations."),
        click.option("--outlet", help="Only this outlet."),
        click.option("--category", help="Only this category (a key, see `categories`)."),
        click.option("--from", "published_from", metavar="DATE", help="Only articles published on or after DATE (YYYY-MM-DD)."),
        click.option("--to", "published_to", metavar="DATE", help="Only articles published on or before DATE."),
    ]):
        command = option(command)
    return command


def _filters(annotator, outlet, category, published_from, published_to) -> Filters:
    return Filters(annotator=annotator, outlet=outlet, category=category,
                   published_from=published_from, published_to=published_to)


def _default_annotator() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "annotator"


@click.group(cls=_Group, invoke_without_command=True)
@click.version_option(__version__, prog_name="annotator")
@click.pass_context
def cli(ctx: click.Context) -> None:
    """Mark how each claim in news articles is sourced, and compare outlets.

    With no command, opens the window on the last project (or the sample project).
    """
    if ctx.invoked_subcommand is None:
        from annotator.cli.launch import launch_window

        ctx.exit(launch_window(None))


@cli.command("gui")
@click.argument("project", type=click.Path(dir_okay=False, path_type=Path), required=False)
def gui_command(project: Path | None) -> None:
    """Open PROJECT (or the last project) in the window."""
    from annotator.cli.launch import launch_window

    sys.exit(launch_window(project))


@cli.command("import")
@click.argument("project", type=click.Path(dir_okay=False, path_type=Path))
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--outlet", help="Outlet for files whose metadata names none.")
def import_command(project: Path, paths: tuple[Path, ...], outlet: str | None) -> None:
    """Import articles (.txt, .md, .html; folders recursively); create PROJECT if missing."""
    with Project.open(project, create=True) as proj:
        report = import_paths(proj, paths, outlet=outlet)
    _print_report(report)
    if not report.imported and report.refused:
        sys.exit(1)


def _print_report(report: ImportReport) -> None:
    for item in report.imported:
        click.echo(f"imported {item.id}: {item.title} ({item.outlet}, {item.sentences} sentences)")
    for item in report.duplicates:
        click.echo(f"skipped {item.path}: {item.reason}", err=True)
    for item in report.refused:
        click.echo(f"refused {item.path}: {item.reason}", err=True)
    click.echo(f"{len(report.imported)} imported, {len(report.duplicates)} duplicate(s) skipped, "
               f"{len(report.refused)} refused")


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
@click.argument("article_id", type=int)
@click.argument("sentence", type=click.IntRange(min=1))
@click.argument("category")
@click.option("--source", default="", help="The named source, e.g. \"Tricia McLaughlin, DHS\".")
@click.option("--note", default="", help="A free note.")
@click.option("--annotator", default=_default_annotator, show_default="your user name",
              help="Who made the annotation.")
def annotate_command(project: Path, article_id: int, sentence: int, category: str, source: str,
                     note: str, annotator: str) -> None:
    """Mark SENTENCE (from 1) of ARTICLE_ID with CATEGORY (a key, see `categories`)."""
    with Project.open(project) as proj:
        made = proj.annotate_sentence(article_id, sentence - 1, category=category,
                                      annotator=annotator, source=source, note=note)
    click.echo(f"annotation {made.id}: article {article_id}, sentence {sentence}, {made.category}")


@cli.command("summary")
@click.argument("project", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "json"]), default="table",
              show_default=True)
@filter_options
def summary_command(project: Path, fmt: str, **filter_values) -> None:
    """Per-outlet counts: articles, sentences, annotations and each category's count."""
    filters = _filters(**filter_values)
    with Project.open(project, read_only=True) as proj:
        check_filters(proj.database, filters)
        keys = [c.key for c in proj.categories.list(include_archived=True)]
        summaries = outlet_summary(proj.database, filters)
    if fmt == "json":
        click.echo(json.dumps([
            {"outlet": s.outlet, "articles": s.articles, "sentences": s.sentences,
             "annotated_sentences": s.annotated_sentences, "annotations": s.annotations,
             "by_category": s.by_category,
             "share_by_category": {k: round(s.share(k), 6) for k in keys},
             "anonymous_share": round(anonymous_share(s.by_category), 6)}
            for s in summaries], indent=2, ensure_ascii=False))
        return
    header = ["outlet", "articles", "sentences", "annotated_sentences", "annotations", *keys]
    rows = [(s.outlet, s.articles, s.sentences, s.annotated_sentences, s.annotations,
             *(s.by_category.get(k, 0) for k in keys)) for s in summaries]
    if fmt == "csv":
        import csv

        writer = csv.writer(sys.stdout, lineterminator="\n")
        writer.writerow(header)
        writer.writerows(rows)
    else:
        click.echo(format_table(header, rows))


@cli.command("export")
@click.argument("project", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.argument("out", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--what", type=click.Choice(["annotations", "outlets"]), default="annotations",
              show_default=True)
@filter_options
def export_command(project: Path, out: Path, what: str, **filter_values) -> None:
    """Write a CSV: one row per annotation, or one row per outlet."""
    filters = _filters(**filter_values)
    with Project.open(project, read_only=True) as proj:
        check_filters(proj.database, filters)
        if what == "annotations":
            count = write_annotations_csv(proj.database, out, filters)
        else:
            count = write_outlets_csv(proj.database, out, filters)
    click.echo(f"wrote {count} row(s) to {out}")


@cli.command("report")
@click.argument("project", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.argument("out", type=click.Path(dir_okay=False, path_type=Path))
@filter_options
def report_command(project: Path, out: Path, **filter_values) -> None:
    """Write the report (method, outlet tables, chart, annotated sentences) as OUT.html or OUT.pdf."""
    filters = _filters(**filter_values)
    suffix = out.suffix.lower()
    if suffix not in (".html", ".htm", ".pdf"):
        raise click.UsageError("OUT must end in .html or .pdf")
    with Project.open(project, read_only=True) as proj:
        check_filters(proj.database, filters)
        if suffix == ".pdf":
            from annotator.ui.report_pdf import write_pdf_report

            write_pdf_report(proj, out, filters)
        else:
            write_html_report(proj, out, filters)
    click.echo(f"wrote {out}")


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
@click.option("--blind", is_flag=True, help="Each student sees only their own annotations in the window.")
def assignment_command(project: Path, out: Path, keep: tuple[str, ...], blind: bool) -> None:
    """Write OUT, a project for students: the articles and codebook, without annotations."""
    from annotator.core.classroom.files import export_assignment

    with Project.open(project, read_only=True) as proj:
        count = export_assignment(proj, out, keep=keep, blind=blind)
    click.echo(f"wrote {out}: {count} article(s)" + (f", annotations of {', '.join(keep)}" if keep else ""))


@cli.command("key")
@click.argument("project", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.argument("name", required=False)
def key_command(project: Path, name: str | None) -> None:
    """Mark annotator NAME as the answer key (without NAME: show the current key)."""
    from annotator.core.classroom.files import answer_key, mark_answer_key

    with Project.open(project, read_only=name is None) as proj:
        if name is not None:
            mark_answer_key(proj, name)
        click.echo(f"answer key: {answer_key(proj) or '(none marked)'}")


@cli.command("merge")
@click.argument("project", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.argument("files", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False, path_type=Path))
def merge_command(project: Path, files: tuple[Path, ...]) -> None:
    """Merge students' returned files into PROJECT; each keeps its annotators' names."""
    from annotator.core.classroom.files import merge_file

    failed = False
    with Project.open(project) as proj:
        for path in files:
            try:
                report = merge_file(proj, path)
            except AnnotatorError as error:
                click.echo(f"refused {error}", err=True)
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


@cli.command("sample")
@click.argument("project", type=click.Path(dir_okay=False, path_type=Path))
def sample_command(project: Path) -> None:
    """Create PROJECT with the four bundled sample articles (or add them to it)."""
    proj, report = create_sample(project)
    proj.close()
    _print_report(report)


def main() -> None:
    cli(prog_name="annotator")
