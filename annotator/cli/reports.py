"""Commands that write figures: `summary`, `export` and `report`, all with the same filters."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from annotator.cli.exchange import EXCHANGE_EXPORTS, export_exchange
from annotator.cli.group import cli
from annotator.cli.options import filter_options, filters_from
from annotator.cli.table import format_table
from annotator.core.analysis.stats import check_filters, outlet_summary, shown_anonymous_share
from annotator.core.reports.csv_export import write_annotations_csv, write_outlets_csv
from annotator.core.reports.html_report import write_html_report
from annotator.core.store.project import Project


@cli.command("summary")
@click.argument("project", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "json"]), default="table",
              show_default=True)
@filter_options
def summary_command(project: Path, fmt: str, **filter_values) -> None:
    """Per-outlet counts: articles, sentences, annotations and each category's count."""
    filters = filters_from(**filter_values)
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
             "anonymous_share": _rounded(shown_anonymous_share(s.by_category, filters))}
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


def _rounded(share: float | None) -> float | None:
    return None if share is None else round(share, 6)


EXPORT_SUFFIXES = (".csv", ".xlsx", *EXCHANGE_EXPORTS)


@cli.command("export")
@click.argument("project", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.argument("out", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--what", type=click.Choice(["annotations", "outlets"]), default="annotations",
              show_default=True, help="which CSV to write; an .xlsx file holds both")
@filter_options
def export_command(project: Path, out: Path, what: str, **filter_values) -> None:
    """Write OUT.csv (one row per annotation, or per outlet) or OUT.xlsx (both, as two sheets); or the whole
    project as OUT.qdpx (REFI-QDA), the codebook as OUT.qdc, the annotations as OUT.jsonld (W3C) or OUT.jsonl."""
    suffix = out.suffix.lower()
    if suffix not in EXPORT_SUFFIXES:
        raise click.UsageError(f"OUT must end in .csv or .xlsx, or {', '.join(EXCHANGE_EXPORTS)} for the exchange"
                               f" formats (not {suffix or 'nothing'})")
    if suffix in EXCHANGE_EXPORTS:
        if any(filter_values.values()) or what != "annotations":
            raise click.UsageError(f"{suffix} holds the whole project: filters and --what go with .csv and .xlsx")
        return export_exchange(project, out)
    filters = filters_from(**filter_values)
    with Project.open(project, read_only=True) as proj:
        check_filters(proj.database, filters)
        if suffix == ".xlsx":
            from annotator.core.reports.xlsx_export import write_xlsx

            count = write_xlsx(proj.database, out, filters)
            click.echo(f"wrote {count} annotation row(s) and the outlets sheet to {out}")
            return
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
    filters = filters_from(**filter_values)
    suffix = out.suffix.lower()
    if suffix not in (".html", ".htm", ".pdf"):
        raise click.UsageError("OUT must end in .html or .pdf")
    with Project.open(project, read_only=True) as proj:
        check_filters(proj.database, filters)
        if suffix == ".pdf":
            from annotator.ui.dashboard.report_pdf import write_pdf_report

            write_pdf_report(proj, out, filters)
        else:
            write_html_report(proj, out, filters)
    click.echo(f"wrote {out}")
