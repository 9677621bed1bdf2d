"""The `suggest` command: each sentence's suggested sourcing, as a table, JSON or CSV; or applied.

It lists the open suggestions, as the window shows them (core/suggest/open.py): not those already
accepted as annotations, unless asked for all.
"""

from __future__ import annotations

import csv
import json
import sys
from pathlib import Path

import click

from annotator.cli.group import cli
from annotator.cli.table import format_table
from annotator.core.errors import InvalidValue
from annotator.core.ops import runner
from annotator.core.ops.suggestions import AcceptSuggestions
from annotator.core.records import Suggestion
from annotator.core.store.project import Project
from annotator.core.suggest.open import open_suggestions

FIELDS = ("article_id", "sentence", "category", "source", "confidence", "cue")


@cli.command("suggest")
@click.argument("project", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.argument("article_ids", nargs=-1, type=int, metavar="[ARTICLE_ID]...")
@click.option("--format", "fmt", type=click.Choice(["table", "json", "csv"]), default="table", show_default=True)
@click.option("--min-confidence", type=click.FloatRange(0, 1), default=0.0, show_default=True,
              help="Leave out suggestions less confident than this (0 to 1).")
@click.option("--all", "all_", is_flag=True,
              help="Also list the suggestions already accepted as annotations (the window hides them).")
@click.option("--apply", "apply_", is_flag=True, help="Store the suggestions as annotations by --annotator.")
@click.option("--annotator", help="With --apply: the annotator the suggestions are stored under.")
def suggest_command(project: Path, article_ids: tuple[int, ...], fmt: str, min_confidence: float, all_: bool,
                    apply_: bool, annotator: str | None) -> None:
    """Suggest each sentence's sourcing categories from its attribution cues (offline)."""
    if apply_ and not annotator:
        raise click.UsageError("--apply needs --annotator NAME")
    with Project.open(project, read_only=not apply_ and _read_only_file(project)) as proj:
        if not proj.suggestions.enabled:
            raise InvalidValue(f"{project}: suggestions are off in this blind assignment"
                               " (the instructor can write it with `annotator assignment ... --suggestions`)")
        ids = list(article_ids) or [a.id for a in sorted(proj.articles.list(), key=lambda a: a.id)]
        for article_id in ids:
            proj.articles.get(article_id)  # NotFound names a missing article
        suggestions = [s for s in _suggestions(proj, ids) if s.confidence >= min_confidence]
        if apply_:
            added = _apply(proj, suggestions, annotator or "")
            click.echo(f"stored {added} annotation(s) by {annotator} ({len(suggestions) - added} already there)")
            return
        if not all_:
            suggestions = _open(proj, suggestions)
    _print(suggestions, fmt)


def _read_only_file(path: Path) -> bool:
    import os
    return not os.access(path, os.W_OK)


def _suggestions(proj: Project, ids: list[int]) -> list[Suggestion]:
    """Stored suggestions, refreshed first where stale; computed in memory for a read-only file."""
    from annotator.core.suggest.refresh import project_suggester, refresh_suggestions, suggest_article

    if proj.read_only:
        suggester = project_suggester(proj)
        return [s for a in ids for s in suggest_article(proj, suggester, a)
                if not proj.suggestions.is_rejected(s.article_id, s.idx, s.category)]
    refresh_suggestions(proj, article_ids=ids)
    return [s for a in ids for s in proj.suggestions.for_article(a)]


def _open(proj: Project, suggestions: list[Suggestion]) -> list[Suggestion]:
    """Those the window shows: their sentence does not carry their category yet (marked by anyone)."""
    by_article: dict[int, list[Suggestion]] = {}
    for s in suggestions:
        by_article.setdefault(s.article_id, []).append(s)
    still_open: set[Suggestion] = set()
    for article_id, listed in by_article.items():
        still_open.update(open_suggestions(listed, proj.annotations.for_article(article_id),
                                           proj.articles.sentences(article_id)))
    return [s for s in suggestions if s in still_open]


def _apply(proj: Project, suggestions: list[Suggestion], annotator: str) -> int:
    """Accept them all as one operation (one transaction, as Edit ▸ Accept all in the window)."""
    operation = AcceptSuggestions(suggestions, annotator=annotator)
    runner.apply(proj, operation)
    return operation.count


def _record(s: Suggestion) -> dict:
    return {"article_id": s.article_id, "sentence": s.idx + 1, "category": s.category, "source": s.source,
            "confidence": round(s.confidence, 2), "cue": s.cue}


def _print(suggestions: list[Suggestion], fmt: str) -> None:
    records = [_record(s) for s in suggestions]
    if fmt == "json":
        click.echo(json.dumps(records, ensure_ascii=False, indent=1))
    elif fmt == "csv":
        writer = csv.DictWriter(sys.stdout, fieldnames=FIELDS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(records)
    else:
        click.echo(format_table(["article", "sentence", "category", "confidence", "source", "cue"],
                                [[r["article_id"], r["sentence"], r["category"], f"{r['confidence']:.2f}",
                                  r["source"], r["cue"]] for r in records]))
