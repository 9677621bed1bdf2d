"""The report's provenance section: first report, independent sources, who relays whom, each claim's sources."""

from __future__ import annotations

from pathlib import Path

from annotator.core.claims.refresh import ensure_claims
from annotator.core.ingest.batch import import_paths
from annotator.core.ops.articles import SetOutlet
from annotator.core.provenance.build import provenance_of
from annotator.core.reports.html_report import md_text, report_html, report_markdown
from annotator.core.reports.provenance_section import provenance_section
from annotator.core.store.project import Project

WIRE = ("Hundreds of residents were evacuated on Tuesday after the river burst its banks near the town.",
        "Emergency services said the water rose by two metres in less than six hours overnight.",
        "The regional governor declared a state of emergency and asked the army for help.",
        "Forecasters expect more heavy rain over the mountains until the end of the week.")


def section(project: Project) -> list[str]:
    return provenance_section(project, md_text)


def test_the_sample_story_names_its_first_report_and_who_relays_whom(sample: Project) -> None:
    lines = section(sample)
    assert lines[1] == "## Provenance"
    assert "**First reported by:** The Record (as the texts say)." in lines
    story = next(o for o in provenance_of(sample).origins if o.claim is None)
    line = next(x for x in lines if x.startswith("**Independent sources behind the story:**"))
    assert line.startswith(f"**Independent sources behind the story:** {len(story.independent_sources)} for 4 outlets (")
    assert "The Record" in line
    rows = {x.split(" | ")[0][2:]: x.split(" | ")[1:] for x in lines if x.startswith("| ") and "Outlet |" not in x}
    assert rows["Cybernews"][0] == "Bloomberg, CBS News, The Record"
    assert rows["newz9\\.com"] == ["The Record", "the text only |"]
    assert "Relaying no other outlet (their own reporting, or sources not named): metaworld\\.media." in lines
    assert not any(x == "### Sources of the shared claims" for x in lines)  # claims not computed yet


def test_an_annotation_is_named_as_what_an_edge_was_found_from(sample: Project) -> None:
    edge = next(e for e in provenance_of(sample).edges if e.from_outlet == "newz9.com" and e.to_outlet == "The Record")
    sample.annotate_sentence(edge.from_article, edge.sentences[0] - 1, category="other_outlet", annotator="amy",
                             source="The Record")
    row = next(x for x in section(sample) if x.startswith("| newz9\\.com |"))
    assert row == "| newz9\\.com | The Record | annotations |"


def test_each_shared_claim_lists_its_independent_sources(sample: Project) -> None:
    ensure_claims(sample)
    origins = {o.claim: o for o in provenance_of(sample).origins if o.claim is not None}
    lines = section(sample)
    start = lines.index("| Claim | Outlets | Independent sources | First reported by |")
    rows = lines[start + 2:]
    claims = sample.claims.list(min_outlets=2)
    assert len(rows) == len(claims) > 0
    for row, claim in zip(rows, claims):
        sources = origins[claim.id].independent_sources
        cells = row.strip("| ").split(" | ")
        assert cells[0] == md_text(claim.label) and cells[1] == str(len(claim.outlets))
        assert cells[2] == f"{len(sources)}: " + ", ".join(md_text(s) for s in sources)
        assert cells[3] == md_text(origins[claim.id].first_reported_by or "—")


def test_a_wire_copy_shows_as_a_copy_and_one_source(project: Project, tmp_path: Path) -> None:
    for name, outlet, sentences in [("wire.txt", "Wire Service", WIRE),
                                    ("post.txt", "Valley Post", (*WIRE, "Our reporter is on the scene tonight."))]:
        (tmp_path / name).write_text(f"Outlet: {outlet}\nPublished: 2025-05-0{1 + (outlet == 'Valley Post')}\n\n"
                                     f"Flood {name}\n\n" + " ".join(sentences) + "\n", encoding="utf-8")
    assert len(import_paths(project, [tmp_path / "wire.txt", tmp_path / "post.txt"]).imported) == 2
    lines = section(project)
    assert "| Valley Post | copy of Wire Service | the text only |" in lines
    assert "**Independent sources behind the story:** 1 for 2 outlets (Wire Service)." in lines
    assert "**First reported by:** Wire Service (the earliest dated article)." in lines


def test_an_empty_project_says_so(project: Project) -> None:
    assert section(project)[-1] == "No articles yet."


def test_outlet_names_are_shown_as_written_never_as_markup(sample: Project) -> None:
    hostile = '<img src="/dev/zero"> **Wire** | pipe'
    SetOutlet([2], hostile).apply(sample)
    markdown_text = report_markdown(sample)
    assert "## Provenance" in markdown_text
    page = report_html(sample)
    assert '<img src="/dev/zero">' not in page
    provenance = page.split("<h2>Provenance</h2>")[1]
    assert '<td>&lt;img src="/dev/zero"&gt; **Wire** | pipe</td>' in provenance  # as written: no bold, no new cell
