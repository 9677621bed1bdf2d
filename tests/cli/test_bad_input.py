"""Bad input and odd situations on the command line: plain errors, exit codes, no silent surprises."""

from __future__ import annotations

import json
import os
import re
import stat
from pathlib import Path

import pytest
from click.testing import CliRunner

from annotator.cli import cli
from annotator.core.analysis.stats import Filters, check_filters, outlet_summary
from annotator.core.errors import AlreadyAnnotated, InvalidValue
from annotator.core.records import ParsedArticle
from annotator.core.store.project import Project

README = Path(__file__).resolve().parents[2] / "README.md"


def run(*args: object):
    return CliRunner().invoke(cli, [str(a) for a in args])


@pytest.fixture
def sample_path(sample: Project) -> Path:
    path = sample.path
    sample.close()
    return path


@pytest.mark.parametrize("bound", ["2025-13-01", "2025-02-30", "2025-00-10", "2025-13", "2025-1-01", "0000"])
def test_impossible_dates_are_errors(sample_path: Path, bound: str) -> None:
    result = run("summary", sample_path, "--from", bound)
    assert result.exit_code == 1
    assert f"date {bound!r}" in result.stderr and "Traceback" not in result.stderr


@pytest.mark.parametrize("bound", ["2025-02-28", "2024-02-29", "2025-02", "2025"])
def test_real_dates_are_accepted(sample: Project, bound: str) -> None:
    check_filters(sample.database, Filters(published_from=bound, published_to=bound))


def test_a_leap_day_in_a_common_year_is_refused(sample: Project) -> None:
    with pytest.raises(InvalidValue, match="not a date"):
        check_filters(sample.database, Filters(published_to="2025-02-29"))


def test_the_same_annotation_twice_is_stored_once(sample: Project) -> None:
    first = sample.annotate_sentence(1, 0, category="on_record", annotator="amy")
    with pytest.raises(AlreadyAnnotated) as caught:
        sample.annotate_sentence(1, 0, category="on_record", annotator="amy", source="someone")
    assert caught.value.existing == first
    assert sample.annotations.count() == 1
    sample.annotate_sentence(1, 0, category="on_record", annotator="ben")  # another annotator may
    sample.annotate_sentence(1, 0, category="unattributed", annotator="amy")  # and another category
    assert sample.annotations.count() == 3


def test_annotate_twice_says_already_marked_and_succeeds(sample_path: Path) -> None:
    args = ("annotate", sample_path, 1, 2, "on_record", "--annotator", "amy")
    assert run(*args).exit_code == 0
    again = run(*args)
    assert again.exit_code == 0
    assert "already marked" in again.output
    with Project.open(sample_path, read_only=True) as project:
        assert project.annotations.count() == 1


def test_gui_without_a_display_says_so(monkeypatch) -> None:
    for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setattr("sys.platform", "linux")
    result = run("gui")
    assert result.exit_code == 1
    assert "no display" in result.stderr
    assert "libxcb" not in result.stderr


def test_summary_json_has_null_anonymous_share_where_the_report_shows_a_dash(sample_path: Path) -> None:
    with Project.open(sample_path) as project:
        project.annotate_sentence(1, 0, category="anonymous_official", annotator="amy")
        project.annotate_sentence(1, 1, category="on_record", annotator="amy")
        project.annotate_sentence(3, 0, category="unattributed", annotator="amy")
    shares = {o["outlet"]: o["anonymous_share"] for o in json.loads(run("summary", sample_path, "--format", "json").output)}
    assert shares == {"Cybernews": None, "metaworld.media": None, "newz9.com": 0.5, "Unknown outlet": None}
    filtered = json.loads(run("summary", sample_path, "--format", "json", "--category", "on_record").output)
    assert {o["anonymous_share"] for o in filtered} == {None}
    report = run("report", sample_path, sample_path.parent / "r.html")
    assert report.exit_code == 0
    html = (sample_path.parent / "r.html").read_text(encoding="utf-8")
    totals = html.split("Annotations per category")[0]  # the outlet totals table comes first
    rows = dict(re.findall(r"<tr>\s*<td>([^<]+)</td>(?:\s*<td[^>]*>[^<]*</td>){4}\s*<td[^>]*>([^<]*)</td>", totals))
    assert rows["newz9.com"] == "50%" and rows["Cybernews"] == "—" and rows["metaworld.media"] == "—"


def test_outlets_sort_case_insensitively_everywhere(project: Project, tmp_path: Path) -> None:
    for n, outlet in enumerate(["bbc", "Axios", "CNN", "ap"]):
        project.articles.add(ParsedArticle(title=f"T{n}", body=f"Story {n}.", outlet=outlet), [(0, 8)])
        project.annotate_sentence(n + 1, 0, category="on_record", annotator="amy")
    expected = ["ap", "Axios", "bbc", "CNN"]
    assert project.articles.outlets() == expected
    assert list(dict.fromkeys(a.outlet for a in project.articles.list())) == expected
    assert [s.outlet for s in outlet_summary(project.database)] == expected
    with pytest.raises(Exception, match="known: ap, Axios, bbc, CNN"):
        check_filters(project.database, Filters(outlet="nope"))
    path = project.path
    project.close()
    assert [o["outlet"] for o in json.loads(run("summary", path, "--format", "json").output)] == expected
    run("export", path, tmp_path / "o.csv", "--what", "outlets")
    lines = (tmp_path / "o.csv").read_text(encoding="utf-8-sig").splitlines()[1:]
    assert [line.split(",")[0] for line in lines] == expected
    run("report", path, tmp_path / "r.html")
    html = (tmp_path / "r.html").read_text(encoding="utf-8")
    assert [m for m in re.findall(r"<h2>([^<]+)</h2>", html) if m in expected] == expected
    listed = [line.split()[1] for line in run("articles", path).output.splitlines()[2:]]
    assert listed == expected


@pytest.mark.parametrize("command", [
    ("export", "{p}", "{d}/a.csv"), ("export", "{p}", "{d}/o.csv", "--what", "outlets"),
    ("report", "{p}", "{d}/r.html"), ("assignment", "{p}", "{d}/class.annot"),
])
def test_exports_follow_the_umask(sample_path: Path, tmp_path: Path, command) -> None:
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    old = os.umask(0o027)
    try:
        result = run(*[part.format(p=sample_path, d=out_dir) for part in command])
    finally:
        os.umask(old)
    assert result.exit_code == 0, result.output
    (written,) = out_dir.iterdir()
    assert stat.S_IMODE(written.stat().st_mode) == 0o640


def test_the_readme_example_marks_a_true_anonymous_official(sample_path: Path) -> None:
    readme = README.read_text(encoding="utf-8")
    article, sentence = re.search(r"annotator annotate story\.annot (\d+) (\d+) anonymous_official", readme).groups()
    assert f"annotator sentences story.annot {article}" in readme
    text = next(line for line in run("sentences", sample_path, article).output.splitlines()
                if line.split(maxsplit=1)[0] == sentence)
    assert re.search(r"\b(an?|another|senior|unnamed) (senior )?officials?\b", text), text


def test_score_with_one_student_shows_no_class_agreement(sample_path: Path) -> None:
    with Project.open(sample_path) as project:
        for name in ("key", "amy"):
            project.annotate_sentence(1, 0, category="on_record", annotator=name)
    result = run("score", sample_path, "--key", "key")
    assert result.exit_code == 0
    assert "0.000" not in result.output.split("Class", 1)[1]
    assert "Krippendorff's alpha —" in result.output and "Fleiss' kappa —" in result.output
    assert "needs at least two students" in result.output
    data = json.loads(run("score", sample_path, "--key", "key", "--format", "json").output)
    assert [s["annotator"] for s in data] == ["amy"]


def test_class_agreement_is_undefined_for_one_student(sample: Project) -> None:
    from annotator.core.classroom.scoring import score_students
    from annotator.core.reports.html_report import report_html
    from annotator.core.classroom.files import mark_answer_key

    for name in ("key", "amy"):
        sample.annotate_sentence(1, 0, category="on_record", annotator=name)
    _, agreement = score_students(sample.database, "key")
    assert agreement.krippendorff_alpha is None and agreement.fleiss_kappa is None
    assert {v["alpha"] for v in agreement.per_category.values()} == {None}
    mark_answer_key(sample, "key")
    html = report_html(sample)
    assert "Krippendorff's alpha —" in html and "at least two students" in html
