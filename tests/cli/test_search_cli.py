"""`annotator search`: matching sentences as JSON and a table; bad queries are clear errors."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from annotator.cli import cli


def _sample(tmp_path: Path) -> str:
    path = str(tmp_path / "s.annot")
    assert CliRunner().invoke(cli, ["sample", path]).exit_code == 0
    return path


def test_search_json_gives_only_matching_sentences(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["search", _sample(tmp_path), '"Jason Kikta"', "--format", "json"])
    assert result.exit_code == 0, result.output
    hits = json.loads(result.output)
    assert [set(h) for h in hits] == [{"article_id", "sentence", "outlet", "title", "text"}]
    assert "Jason Kikta" in hits[0]["text"] and hits[0]["sentence"] == 9


def test_search_without_words_is_an_error(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["search", _sample(tmp_path), '"'])
    assert result.exit_code == 1 and "at least one word" in result.output


def test_search_table(tmp_path: Path) -> None:
    assert "Kikta" in CliRunner().invoke(cli, ["search", _sample(tmp_path), "kikta"]).output


def test_search_in_one_article(tmp_path: Path) -> None:
    path = _sample(tmp_path)
    everywhere = json.loads(CliRunner().invoke(cli, ["search", path, "cyber", "--format", "json"]).output)
    article = everywhere[-1]["article_id"]
    result = CliRunner().invoke(cli, ["search", path, "cyber", "--article", str(article), "--format", "json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.output) == [h for h in everywhere if h["article_id"] == article]


def test_search_in_an_unknown_article_is_an_error(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["search", _sample(tmp_path), "cyber", "--article", "999"])
    assert result.exit_code == 1 and "999" in result.output
