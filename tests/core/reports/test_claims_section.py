"""The report's claims section: which outlets report each shared claim and how each sources it."""

from __future__ import annotations

import csv

import re

from annotator.core.claims.refresh import ensure_claims
from annotator.core.ingest.batch import import_paths
from annotator.core.ops.claims import NameClaim
from annotator.core.reports.claims_csv import write_claims_csv
from annotator.core.reports.claims_section import claims_section
from annotator.core.reports.html_report import md_text, report_html, report_markdown
from annotator.core.store.project import Project

HOSTILE = '<img src="/dev/zero"> **bold** | pipe [x](http://evil)'


def section(project: Project) -> str:
    return "\n".join(claims_section(project, md_text))


def test_not_computed_yet_says_how_to_compute(sample: Project) -> None:
    text = section(sample)
    assert "## Claims" in text
    assert "have not been computed" in text and "annotator claims" in text


def test_a_row_per_shared_claim_a_column_per_outlet(sample: Project) -> None:
    ensure_claims(sample)
    sample.annotate_sentence(1, 0, category="anonymous_official", annotator="amy")  # newz9's lead: the pause
    claims = sample.claims.list(min_outlets=2)
    lines = claims_section(sample, md_text)
    header = next(line for line in lines if line.startswith("| Claim |"))
    assert header == "| Claim | Cybernews | metaworld\\.media | newz9\\.com | Unknown outlet |"
    outlets = ["Cybernews", "metaworld.media", "newz9.com", "Unknown outlet"]
    rows = [line for line in lines if line.startswith("| ") and line != header]
    assert len(rows) == len(claims) >= 2
    top = claims[0]  # most outlets first: the pause order, which all four outlets report
    assert len(top.outlets) == 4 and (1, 0) in {(s.article_id, s.idx) for s in top.sentences}
    unreported = 0
    for row, claim in zip(rows, claims):
        head = f"| {md_text(claim.label)} | "
        assert row.startswith(head) and row.endswith(" |")
        cells = row[len(head):-2].split(" | ")
        assert len(cells) == len(outlets)
        for outlet, cell in zip(outlets, cells):
            members = [(s.article_id, s.idx) for s in claim.sentences if s.outlet == outlet]
            if not members:
                assert cell == "—"  # the outlet does not report the claim
                unreported += 1
                continue
            expected = (["Anonymous official"] if (1, 0) in members else []) + (
                ["*not annotated*"] if any(m != (1, 0) for m in members) else [])
            assert cell == ", ".join(expected), (claim.label, outlet)
    assert unreported  # some claim is not reported by every outlet
    assert "out of date" not in "\n".join(lines)


def test_the_section_is_in_the_html_report_and_escapes_names(sample: Project) -> None:
    ensure_claims(sample)
    claim = sample.claims.list()[0]
    NameClaim(claim.id, HOSTILE).apply(sample)
    markdown = report_markdown(sample)
    assert markdown.index("## Claims") > markdown.index("## Outlets")
    page = report_html(sample)
    assert "<h2>Claims</h2>" in page
    assert "<img" not in page.split("<h2>Claims</h2>")[1]
    assert "&lt;img src=" in page and "**bold**" in page and "<strong>bold" not in page
    assert 'href="http://evil"' not in page
    row = next(r for r in re.findall(r"<tr>.*?</tr>", page, re.DOTALL) if "dev/zero" in r)
    assert row.count("<td>") == 5  # the pipe in the name did not make a column


def test_stale_claims_are_flagged(sample: Project, tmp_path) -> None:
    ensure_claims(sample)
    (tmp_path / "more.txt").write_text("A headline\nThe minister spoke late into the night. Officials agreed to "
                                         "meet again next week, and the talks will go on in the capital.\n",
                                         encoding="utf-8")
    import_paths(sample, [tmp_path / "more.txt"])
    assert "out of date" in section(sample)


def test_claims_csv_neutralises_formulas(sample: Project, tmp_path) -> None:
    ensure_claims(sample)
    claim = sample.claims.list()[0]
    NameClaim(claim.id, "=HYPERLINK(1)").apply(sample)
    path = tmp_path / "c.csv"
    claims = sample.claims.list()
    assert claims[0].id == claim.id and len(claim.outlets) == 4  # the pause order: all four outlets report it
    assert write_claims_csv(path, claims, ["newz9.com", "Cybernews"]) == len(claims)
    lines = path.read_text(encoding="utf-8-sig").splitlines()
    assert len(lines) == len(claims) + 1
    assert lines[0] == "claim,label,outlets_reporting,independent_sources,sources_named,disputed_by,newz9.com,Cybernews"
    assert lines[1].startswith(f"{claim.id},'=HYPERLINK(1),4,,,,not annotated,not annotated")


def test_claims_csv_names_each_claims_independent_sources(sample: Project, tmp_path) -> None:
    ensure_claims(sample)
    claims = sample.claims.list()
    path = tmp_path / "c.csv"
    write_claims_csv(path, claims, ["newz9.com"], sources={claims[0].id: ("=cmd", "The Record")})
    with open(path, encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    assert rows[1][:5] == [str(claims[0].id), claims[0].label, str(len(claims[0].outlets)), "2", "'=cmd; The Record"]
    assert rows[2][3:5] == ["", ""]  # not computed for that claim: empty, not zero
