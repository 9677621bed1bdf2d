"""Options and defaults shared by several commands."""

from __future__ import annotations

import getpass

import click

from annotator.core.analysis.stats import Filters


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


def filters_from(annotator, outlet, category, published_from, published_to) -> Filters:
    return Filters(annotator=annotator, outlet=outlet, category=category,
                   published_from=published_from, published_to=published_to)


def default_annotator() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "annotator"
