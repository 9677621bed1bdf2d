"""`annotator search` takes the same queries as the window's search panel: up to MAX_QUERY_CHARS, a
longer one refused with the limit said, never cut."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from annotator.cli import cli
from annotator.core.analysis.search import MAX_QUERY_CHARS


def _sample(tmp_path: Path) -> str:
    path = str(tmp_path / "s.annot")
    assert CliRunner().invoke(cli, ["sample", path]).exit_code == 0
    return path


def test_a_query_at_the_limit_is_searched(tmp_path: Path) -> None:
    query = "kikta" + " " * (MAX_QUERY_CHARS - 5)
    result = CliRunner().invoke(cli, ["search", _sample(tmp_path), query, "--format", "json"])
    assert result.exit_code == 0, result.output
    assert "Kikta" in json.loads(result.output)[0]["text"]


def test_a_longer_query_is_refused_with_the_limit_said(tmp_path: Path) -> None:
    query = "kikta" + " " * (MAX_QUERY_CHARS - 4)
    result = CliRunner().invoke(cli, ["search", _sample(tmp_path), query])
    assert result.exit_code == 1
    assert f"the query is {MAX_QUERY_CHARS + 1:,} characters long; the limit is {MAX_QUERY_CHARS:,}" in result.output
    assert "Kikta" not in result.output
