"""`annotator article delete`: refuses annotated articles without --yes, naming the count; deletes them with it."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from annotator.cli import cli
from annotator.core.store.project import Project


def run(*args: object):
    return CliRunner().invoke(cli, [str(a) for a in args])


@pytest.fixture
def path(sample: Project) -> Path:
    sample.annotate_sentence(1, 0, category="anonymous_official", annotator="amy")
    sample.annotate_sentence(1, 2, category="on_record", annotator="amy")
    sample.annotate_sentence(1, 2, category="document", annotator="ben")
    out = sample.path
    sample.close()
    return out


def ids(path: Path) -> list[int]:
    with Project.open(path, read_only=True) as project:
        return sorted(a.id for a in project.articles.list())


def test_an_article_without_annotations_is_deleted_at_once(path: Path) -> None:
    result = run("article", "delete", path, 2)
    assert result.exit_code == 0, result.stderr
    assert "deleted article 2: US reportedly pauses" in result.output and "0 annotations" in result.output
    assert ids(path) == [1, 3, 4]


def test_annotated_articles_are_refused_without_yes_with_the_count(path: Path) -> None:
    result = run("article", "delete", path, 1, 2)
    assert result.exit_code == 1
    assert "not deleted: these 2 articles hold 3 annotations by 2 annotators; add --yes" in result.stderr
    assert "Traceback" not in result.output + result.stderr
    assert ids(path) == [1, 2, 3, 4]


def test_yes_deletes_the_articles_with_their_annotations(path: Path) -> None:
    result = run("article", "delete", path, 1, 2, "--yes")
    assert result.exit_code == 0, result.stderr
    assert "deleted article 1" in result.output and "(newz9.com; 3 annotations)" in result.output
    assert ids(path) == [3, 4]
    with Project.open(path, read_only=True) as project:
        assert project.annotations.list() == []
        assert "newz9.com" not in project.articles.outlets()


def test_an_unknown_article_is_an_error_and_nothing_is_deleted(path: Path) -> None:
    result = run("article", "delete", path, 2, 99, "--yes")
    assert result.exit_code == 1 and "no article 99" in result.stderr
    assert ids(path) == [1, 2, 3, 4]


def test_the_article_command_still_edits_and_its_help_names_both_forms(path: Path) -> None:
    assert run("article", path, 2, "--published", "2025-03-04").exit_code == 0
    usage = run("article", "--help").output
    assert "PROJECT ARTICLE_ID [--outlet NAME]" in usage and "delete PROJECT ARTICLE_ID... [--yes]" in usage
    assert "--yes" in run("article", "delete", "--help").output
