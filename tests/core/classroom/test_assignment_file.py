"""An assignment file: the articles chosen, marked as an assignment, with suggestions as asked."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from annotator.cli import cli
from annotator.core.classroom.files import export_assignment, is_assignment, merge_file, return_file_name
from annotator.core.errors import InvalidValue
from annotator.core.store.project import Project


def test_an_assignment_holds_only_the_chosen_articles_and_their_kept_annotations(sample: Project,
                                                                               tmp_path: Path) -> None:
    sample.annotate_sentence(1, 0, category="on_record", annotator="teacher")
    sample.annotate_sentence(3, 2, category="document", annotator="teacher")
    out = tmp_path / "two.annot"
    assert export_assignment(sample, out, keep=("teacher",), articles=[3, 4]) == 2
    with Project.open(out, read_only=True) as project:
        assert [a.title for a in project.articles.list()] == [sample.articles.get(i).title for i in (3, 4)]
        assert [(a.start, a.category) for a in project.annotations.list()] == [
            (sample.articles.sentences(3)[2].start, "document")]


def test_a_returned_subset_merges_onto_the_class_articles(sample: Project, tmp_path: Path) -> None:
    out = tmp_path / "one.annot"
    export_assignment(sample, out, articles=[2])
    with Project.open(out) as student:
        student.annotate_sentence(1, 4, category="document", annotator="amy")  # article 2 is number 1 here
    report = merge_file(sample, out)
    assert report.added == {"amy": 1} and not report.unmatched_articles
    [mark] = sample.annotations.list(annotator="amy")
    assert (mark.article_id, mark.start) == (2, sample.articles.sentences(2)[4].start)


@pytest.mark.parametrize("articles, message", [([], "at least one article"), ([1, 99], "no article 99")])
def test_a_bad_choice_of_articles_writes_nothing(sample: Project, tmp_path: Path, articles, message) -> None:
    out = tmp_path / "bad.annot"
    with pytest.raises(InvalidValue, match=message):
        export_assignment(sample, out, articles=articles)
    assert not out.exists()


def test_an_assignment_is_marked_and_a_blind_file_of_before_the_marker_counts(sample: Project,
                                                                             tmp_path: Path) -> None:
    assert not is_assignment(sample)
    out = tmp_path / "a.annot"
    export_assignment(sample, out)
    with Project.open(out) as project:
        assert is_assignment(project)
        project.info.set_value("assignment", None)  # as written before the marker existed
        assert not is_assignment(project)
        project.info.set_value("blind", "1")
        assert is_assignment(project)


@pytest.mark.parametrize("blind, suggestions, offered", [
    (False, None, True), (True, None, False), (True, True, True), (False, False, False)])
def test_suggestions_are_offered_as_asked(sample: Project, tmp_path: Path, blind, suggestions, offered) -> None:
    out = tmp_path / "a.annot"
    export_assignment(sample, out, blind=blind, suggestions=suggestions)
    with Project.open(out, read_only=True) as project:
        assert project.suggestions.enabled is offered


def test_the_command_takes_articles_and_no_suggestions(sample: Project, tmp_path: Path) -> None:
    out = tmp_path / "cli.annot"
    result = CliRunner().invoke(cli, ["assignment", str(sample.path), str(out), "--article", "2", "--article", "4",
                                      "--no-suggestions"])
    assert result.exit_code == 0, result.output
    assert "2 article(s)" in result.output
    with Project.open(out, read_only=True) as project:
        assert project.articles.count() == 2 and not project.suggestions.enabled and is_assignment(project)


@pytest.mark.parametrize("name, expected", [("amy", "week3-amy.annot"), ("a/b:c", "week3-a_b_c.annot"),
                                            ("..", "week3-student.annot")])
def test_a_returned_file_is_named_for_the_project_and_the_student(name: str, expected: str) -> None:
    assert return_file_name(Path("/x/week3.annot"), name) == expected
