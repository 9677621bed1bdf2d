"""The verbs for scripting: edit an article, rename or merge outlets, list and delete annotations."""

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
    sample.annotate_sentence(1, 0, category="anonymous_official", annotator="amy", source="an official")
    sample.annotate_sentence(3, 6, category="on_record", annotator="ben", note="n")
    out = sample.path
    sample.close()
    return out


def test_article_command_edits_outlet_title_and_date(path: Path) -> None:
    result = run("article", path, 2, "--outlet", "The Record", "--title", "Paused", "--published", "2025-03-04")
    assert result.exit_code == 0, result.stderr
    assert "outlet: 'Unknown outlet' → 'The Record'" in result.output
    with Project.open(path, read_only=True) as project:
        article = project.articles.get(2)
    assert (article.outlet, article.title, article.published) == ("The Record", "Paused", "2025-03-04")


def test_article_command_without_options_shows_the_article(path: Path) -> None:
    result = run("article", path, 1)
    assert result.exit_code == 0 and "newz9.com" in result.output and "title:" in result.output


def test_article_command_refuses_a_bad_date(path: Path) -> None:
    result = run("article", path, 1, "--published", "2025-02-30")
    assert result.exit_code == 1 and "not a date" in result.stderr


def test_outlet_command_renames_and_merges(path: Path) -> None:
    renamed = run("outlet", path, "Unknown outlet", "The Record")
    assert renamed.exit_code == 0 and "renamed outlet 'Unknown outlet' to 'The Record' (1 article)" in renamed.output
    merged = run("outlet", path, "The Record", "newz9.com")
    assert merged.exit_code == 0 and "merged outlet 'The Record' into 'newz9.com' (1 article)" in merged.output
    assert "The Record" not in run("articles", path).output
    missing = run("outlet", path, "BBC", "x")
    assert missing.exit_code == 1 and "no outlet 'BBC'" in missing.stderr


def test_annotations_lists_ids_and_delete_removes_one(path: Path) -> None:
    listing = run("annotations", path)
    assert listing.exit_code == 0
    lines = listing.output.splitlines()
    assert lines[0].split()[:5] == ["id", "article", "sentence", "category", "annotator"]
    assert "anonymous_official" in lines[2] and "amy" in lines[2] and "an official" in lines[2]
    ben_only = run("annotations", path, "--annotator", "ben").output
    assert "ben" in ben_only and "amy" not in ben_only
    assert "on_record" in run("annotations", path, "--article", 3).output
    deleted = run("delete", path, 1)
    assert deleted.exit_code == 0 and "deleted annotation 1" in deleted.output
    again = run("delete", path, 1)
    assert again.exit_code == 1 and "no annotation 1" in again.stderr
    with Project.open(path, read_only=True) as project:
        assert [a.annotator for a in project.annotations.list()] == ["ben"]
