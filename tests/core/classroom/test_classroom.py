"""A classroom run: assignment out, three students and a key back, merged, scored."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from annotator.cli import cli
from annotator.core.classroom.files import export_assignment, merge_file
from annotator.core.errors import AnnotatorError
from annotator.core.store.project import Project
from annotator.core.classroom.scoring import score_students


def student_file(assignment: Path, folder: Path, name: str, marks: dict[tuple[int, int], str]) -> Path:
    path = folder / f"{name}.annot"
    path.write_bytes(assignment.read_bytes())
    with Project.open(path) as project:
        for (article, idx), category in marks.items():
            project.annotate_sentence(article, idx, category=category, annotator=name)
    return path


@pytest.fixture
def assignment(sample: Project, tmp_path: Path) -> Path:
    sample.annotate_sentence(1, 0, category="anonymous_official", annotator="teacher")
    out = tmp_path / "assignment.annot"
    assert export_assignment(sample, out) == 4
    return out


def test_assignment_has_articles_and_codebook_but_no_annotations(sample: Project, assignment: Path) -> None:
    with Project.open(assignment, read_only=True) as project:
        assert project.articles.count() == 4
        assert project.annotations.count() == 0
        assert [c.key for c in project.categories.list()] == [c.key for c in sample.categories.list()]
        assert [s.start for s in project.articles.sentences(3)] == [s.start for s in sample.articles.sentences(3)]
        assert project.articles.get(3).title == sample.articles.get(3).title


def test_full_classroom_run(sample: Project, assignment: Path, tmp_path: Path) -> None:
    key = {(1, 0): "anonymous_official", (1, 5): "anonymous_official", (3, 7): "social_post"}
    files = [
        student_file(assignment, tmp_path, "key", key),
        student_file(assignment, tmp_path, "amy", key),
        student_file(assignment, tmp_path, "ben", {(1, 0): "on_record", (3, 7): "social_post"}),
        student_file(assignment, tmp_path, "cat", {(1, 0): "anonymous_official", (1, 5): "unattributed"}),
    ]
    for path in files:
        report = merge_file(sample, path)
        assert not report.clashes and not report.unmatched_articles
    again = merge_file(sample, files[1])
    assert again.added == {} and again.already_there == 3
    assert sorted(sample.annotations.annotators()) == ["amy", "ben", "cat", "key", "teacher"]
    scores, agreement = score_students(sample.database, "key", ["amy", "ben", "cat"])
    assert [round(s.accuracy, 4) for s in scores] == [1.0, round(42 / 44, 4), round(42 / 44, 4)]
    assert agreement.units == 44 and agreement.disagreements
    result = CliRunner().invoke(cli, ["score", str(sample.path), "--key", "key", "--format", "json"])
    assert result.exit_code == 0
    from annotator.core.classroom.files import mark_answer_key
    from annotator.core.reports.html_report import write_html_report

    mark_answer_key(sample, "key")
    write_html_report(sample, tmp_path / "class.html")
    html = (tmp_path / "class.html").read_text(encoding="utf-8")
    assert "<h2>Class</h2>" in html and "<td>cat</td>" in html
    class_csv = CliRunner().invoke(cli, ["score", str(sample.path), "--format", "csv"]).output.splitlines()
    assert [row.split(",")[0] for row in class_csv[1:]] == ["amy", "ben", "cat", "teacher"]


def test_same_name_with_different_annotations_is_a_clash(sample: Project, assignment: Path, tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    first = student_file(assignment, tmp_path / "a", "amy", {(1, 0): "on_record"})
    merge_file(sample, first)
    (tmp_path / "b").mkdir()
    second = student_file(assignment, tmp_path / "b", "amy", {(1, 2): "document"})
    report = merge_file(sample, second)
    assert report.clashes and "amy" in report.clashes[0]
    assert [a.category for a in sample.annotations.list(annotator="amy")] == ["on_record"]


def test_file_for_other_articles_is_refused(sample: Project, tmp_path: Path) -> None:
    other = tmp_path / "other.annot"
    with Project.create(other) as project:
        from annotator.core.records import ParsedArticle

        project.articles.add(ParsedArticle(title="Other", body="Another story. Entirely."), [(0, 14)])
    with pytest.raises(AnnotatorError, match="for another exercise"):
        merge_file(sample, other)


def test_merge_command_reports_and_fails_on_clash(sample: Project, assignment: Path, tmp_path: Path) -> None:
    (tmp_path / "x").mkdir()
    (tmp_path / "y").mkdir()
    a = student_file(assignment, tmp_path / "x", "amy", {(2, 0): "other_outlet"})
    b = student_file(assignment, tmp_path / "y", "amy", {(2, 1): "document"})
    sample.close()
    runner = CliRunner()
    assert "added 1 by amy" in runner.invoke(cli, ["merge", str(sample.path), str(a)]).output
    result = runner.invoke(cli, ["merge", str(sample.path), str(b)])
    assert result.exit_code == 1 and "not merged: amy" in result.stderr
    out = tmp_path / "assignment2.annot"
    assert "4 article(s)" in runner.invoke(cli, ["assignment", str(sample.path), str(out), "--keep", "amy"]).output
    with Project.open(out, read_only=True) as project:
        assert project.annotations.annotators() == ["amy"]


def test_report_has_a_class_section_once_a_key_is_marked(sample: Project) -> None:
    from annotator.core.classroom.files import mark_answer_key
    from annotator.core.reports.html_report import report_html

    for name, category in [("key", "anonymous_official"), ("amy", "anonymous_official"), ("ben", "on_record")]:
        sample.annotate_sentence(1, 0, category=category, annotator=name)
    assert "<h2>Class</h2>" not in report_html(sample)
    mark_answer_key(sample, "key")
    html = report_html(sample)
    assert "<h2>Class</h2>" in html and "Krippendorff" in html
    assert "<td>amy</td>" in html and "<td>ben</td>" in html
    assert "Sentences with the most disagreement" in html
