"""How `annotator score` prints: a table, CSV (one row per student) or JSON."""

from __future__ import annotations

import csv
import json
import sys

import click

from annotator.cli.table import format_table
from annotator.core.classroom.scoring import ClassAgreement, StudentScore


def _student_json(s: StudentScore) -> dict:
    return {"annotator": s.annotator, "units": s.units, "accuracy": s.accuracy, "cohen_kappa": s.cohen_kappa,
            "per_category": s.per_category, "confusion": s.confusion}


def _figure(value: float | None) -> str:
    """A class figure to three places, or "—" where it is undefined."""
    return "—" if value is None else f"{value:.3f}"


def print_scores(scores: list[StudentScore], agreement: ClassAgreement, fmt: str) -> None:
    if fmt == "json":
        click.echo(json.dumps([_student_json(s) for s in scores], indent=2))
        return
    keys = list(scores[0].per_category) if scores else []
    header = ["annotator", "units", "accuracy", "cohen_kappa", *(f"{k}_f1" for k in keys)]
    rows = [[s.annotator, s.units, round(s.accuracy, 4), round(s.cohen_kappa, 4),
             *(round(s.per_category[k]["f1"], 4) for k in keys)] for s in scores]
    if fmt == "csv":
        writer = csv.writer(sys.stdout, lineterminator="\n")
        writer.writerow(header)
        writer.writerows(rows)
        return
    click.echo(format_table(header[:4], [r[:4] for r in rows]))
    click.echo(f"\nClass of {len(agreement.students)} over {agreement.units} sentences: "
               f"Krippendorff's alpha {_figure(agreement.krippendorff_alpha)}, "
               f"Fleiss' kappa {_figure(agreement.fleiss_kappa)}")
    if agreement.undefined_because:
        click.echo(f"(— : {agreement.undefined_because})")
        return
    per = [(k, _figure(v["alpha"]), _figure(v["fleiss_kappa"])) for k, v in agreement.per_category.items()]
    click.echo(format_table(["category", "alpha", "fleiss_kappa"], per))
    if agreement.disagreements:
        click.echo("\nMost disagreement:")
        for d in agreement.disagreements[:10]:
            labels = ", ".join(f"{name}: {value}" for name, value in d.labels.items())
            click.echo(f"  article {d.article_id}, sentence {d.sentence} ({d.agreement:.0%} agree): {labels}")
