"""The HTML report, the filters, and one set of numbers across summary, CSV and report."""

from __future__ import annotations

import csv
import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from annotator.cli import cli
from annotator.core.errors import NotFound
from annotator.core.analysis.evidence import annotated_sentences
from annotator.core.store.project import Project
from annotator.core.reports.html_report import md_text, report_html
from annotator.core.analysis.stats import Filters, anonymous_share, article_summary, check_filters, outlet_summary

HOSTILE = '<script>alert("x")</script> **bold** [link](http://evil) # heading | pipe'


def annotate(p: Project) -> None:
    p.annotate_sentence(1, 0, category="anonymous_official", annotator="amy", source="a senior official",
                        note=HOSTILE)
    p.annotate_sentence(1, 5, category="on_record", annotator="amy", source="Pete Hegseth")
    p.annotate_sentence(1, 6, category="unattributed", annotator="ben")
    p.annotate_sentence(3, 3, category="anonymous_official", annotator="ben")
    p.annotate_sentence(3, 7, category="social_post", annotator="amy", source="@DODResponse")


def test_anonymous_share_counts_attributed_claims_only() -> None:
    assert anonymous_share({"anonymous_official": 1, "on_record": 1, "unattributed": 2}) == 0.5
    assert anonymous_share({"anonymous_other": 3}) == 1.0
    assert anonymous_share({"unattributed": 4}) == 0.0
    assert anonymous_share({}) == 0.0


def test_article_rows_add_up_to_outlet_rows(sample: Project) -> None:
    annotate(sample)
    articles = article_summary(sample.database)
    assert len(articles) == 4
    newz9 = next(a for a in articles if a.article_id == 1)
    assert (newz9.annotations, newz9.annotated_sentences, newz9.sentences) == (3, 3, 20)
    outlets = {o.outlet: o for o in outlet_summary(sample.database, articles=articles)}
    assert outlets["newz9.com"].by_category == newz9.by_category


def test_category_and_date_filters(sample: Project) -> None:
    annotate(sample)
    only_anon = {o.outlet: o for o in outlet_summary(sample.database, Filters(category="anonymous_official"))}
    assert only_anon["newz9.com"].annotations == 1 and only_anon["Cybernews"].annotations == 1
    sample.database.conn.execute("UPDATE articles SET published = '2025-03-05T10:00:00' WHERE id = 3")
    dated = outlet_summary(sample.database, Filters(published_from="2025-03-05", published_to="2025-03-05"))
    assert [o.outlet for o in dated] == ["Cybernews"]
    assert outlet_summary(sample.database, Filters(published_to="2025-03-04")) == []


def test_filters_naming_unknown_things_are_refused(sample: Project) -> None:
    annotate(sample)
    with pytest.raises(NotFound, match="no category 'rumour'"):
        check_filters(sample.database, Filters(category="rumour"))
    with pytest.raises(NotFound, match="known: amy, ben"):
        check_filters(sample.database, Filters(annotator="zed"))


def test_evidence_lists_the_sentences_behind_a_number(sample: Project) -> None:
    annotate(sample)
    items = annotated_sentences(sample.database, Filters(outlet="newz9.com", category="anonymous_official"))
    assert [(i.sentence, i.source) for i in items] == [(1, "a senior official")]
    assert items[0].text.startswith("The US has paused")


def test_md_text_escapes_html_and_markdown() -> None:
    assert md_text("<b>x</b>") == "&lt;b&gt;x&lt;/b&gt;"
    assert md_text("**x**") == r"\*\*x\*\*"


def test_report_shows_notes_as_written_never_as_html(sample: Project) -> None:
    annotate(sample)
    html = report_html(sample)
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert "**bold** [link](http://evil) # heading | pipe" in html
    assert '<a href="http://evil"' not in html
    for heading in ["Method", "Outlets", "Cybernews", "newz9.com"]:
        assert re.search(rf"<h2>{re.escape(heading)}</h2>", html), heading
    assert "data:image/svg+xml;base64," in html
    assert "Anonymous official" in html and "An unnamed person or body with an official role" in html


def test_summary_csv_report_and_cli_give_the_same_numbers(sample: Project, tmp_path: Path) -> None:
    annotate(sample)
    sample.close()
    path = str(sample.path)
    runner = CliRunner()
    summary = {o["outlet"]: o for o in json.loads(runner.invoke(cli, ["summary", path, "--format", "json"]).output)}
    runner.invoke(cli, ["export", path, str(tmp_path / "o.csv"), "--what", "outlets"])
    with (tmp_path / "o.csv").open(encoding="utf-8-sig", newline="") as handle:
        outlets_csv = {r["outlet"]: r for r in csv.DictReader(handle)}
    runner.invoke(cli, ["export", path, str(tmp_path / "a.csv")])
    with (tmp_path / "a.csv").open(encoding="utf-8-sig", newline="") as handle:
        annotation_rows = list(csv.DictReader(handle))
    assert runner.invoke(cli, ["report", path, str(tmp_path / "r.html")]).exit_code == 0
    html = (tmp_path / "r.html").read_text(encoding="utf-8")
    with Project.open(path, read_only=True) as project:
        core = {o.outlet: o for o in outlet_summary(project.database)}
    for name, o in core.items():
        assert summary[name]["annotations"] == o.annotations == int(outlets_csv[name]["annotations"])
        assert summary[name]["by_category"] == o.by_category
        assert sum(r["outlet"] == name for r in annotation_rows) == o.annotations
        share = f"{o.annotated_sentences / o.sentences:.0%}"
        row = f"<td>{name}</td>\n<td style=\"text-align: right;\">{o.articles}</td>\n" \
              f"<td style=\"text-align: right;\">{o.sentences}</td>\n<td style=\"text-align: right;\">{share}</td>"
        assert row in html, name


def test_report_command_refuses_other_extensions(sample: Project, tmp_path: Path) -> None:
    sample.close()
    result = CliRunner().invoke(cli, ["report", str(sample.path), str(tmp_path / "r.docx")])
    assert result.exit_code != 0 and "must end in .html or .pdf" in result.output


@pytest.mark.parametrize(("raw", "iso"), [("4 March 2025", "2025-03-04"), ("March 4, 2025", "2025-03-04"),
                                          ("2025-03-04T10:00:00Z", "2025-03-04T10:00:00Z"),
                                          ("03/04/2025", "03/04/2025"), ("Mar. 4, 2025", "2025-03-04")])
def test_markdown_dates_are_stored_as_iso_when_unambiguous(raw: str, iso: str) -> None:
    from annotator.core.ingest.dates import iso_date

    assert iso_date(raw) == iso


def test_dates_that_are_not_iso_drop_out_of_a_date_filter(project: Project, tmp_path: Path) -> None:
    from annotator.core.ingest.batch import import_paths

    for n, date in enumerate(["4 March 2025", "03/04/2025"]):
        story = "The minister said the talks went on late into the night, and officials agreed to meet again. "
        (tmp_path / f"{n}.md").write_text(f"Title: T{n}\nPublished: {date}\n\nStory {n}. {story * 2}\n")
    import_paths(project, [tmp_path])
    kept = article_summary(project.database, Filters(published_from="2025-03-01", published_to="2025-03-31"))
    assert [a.title for a in kept] == ["T0"]
    with pytest.raises(Exception, match="YYYY-MM-DD"):
        check_filters(project.database, Filters(published_from="2025-3-1"))


def test_category_keys_from_a_crafted_file_are_escaped_in_the_report(sample: Project) -> None:
    sample.database.conn.execute("UPDATE categories SET key = 'x`<img src=x onerror=alert(1)>`' WHERE key = 'document'")
    assert "<img src=x" not in report_html(sample)


def test_report_hides_the_anonymous_share_under_a_category_filter(sample: Project) -> None:
    annotate(sample)
    html = report_html(sample, Filters(category="on_record"))
    assert "<td style=\"text-align: right;\">—</td>" in html
