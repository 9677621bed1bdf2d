"""Disputed claims in the report and the claims CSV: each names the claims disputing it."""

from __future__ import annotations

import csv

from annotator.core.claims.refresh import recompute
from annotator.core.records import ParsedArticle
from annotator.core.reports.claims_csv import write_claims_csv
from annotator.core.reports.claims_section import claims_section
from annotator.core.reports.html_report import md_text
from annotator.core.store.project import Project
from tests.core.claims.test_dispute_store import STORY


def _story(project: Project, outlets: int) -> tuple:
    for outlet, text in STORY[:outlets]:
        project.articles.add(ParsedArticle(title=outlet, body=text, outlet=outlet), [(0, len(text))])
    recompute(project)
    statement = next(c for c in project.claims.list() if "Ledger" in c.outlets)
    denial = next(c for c in project.claims.list() if "Post" in c.outlets)
    return statement, denial


def test_the_grid_says_which_claim_disputes_a_claim(project: Project) -> None:
    statement, denial = _story(project, 4)
    lines = claims_section(project, md_text)
    row = next(line for line in lines if line.startswith(f"| {md_text(statement.label)}"))
    assert f"*disputed by* {md_text(denial.label)}" in row


def test_a_claims_own_table_says_which_claim_disputes_it(project: Project) -> None:
    statement, denial = _story(project, 5)  # more outlets than a grid holds: a table per claim
    text = "\n".join(claims_section(project, md_text))
    assert f"Disputed by: {denial.label}" in text and f"Disputed by: {statement.label}" in text


def test_the_claims_csv_has_a_disputed_by_column(project: Project, tmp_path) -> None:
    statement, denial = _story(project, 4)
    path = tmp_path / "c.csv"
    write_claims_csv(path, project.claims.list(), ["Ledger", "Post"])
    with open(path, encoding="utf-8-sig", newline="") as handle:
        rows = {row["label"]: row for row in csv.DictReader(handle)}
    assert rows[statement.label]["disputed_by"] == denial.label
    assert rows[denial.label]["disputed_by"] == statement.label
