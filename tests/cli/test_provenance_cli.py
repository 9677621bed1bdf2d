"""`annotator provenance` and `annotator alias`: the sample story's relays in every format."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import networkx as nx
from click.testing import CliRunner

from annotator.cli import cli


def _sample(tmp_path: Path) -> str:
    path = str(tmp_path / "s.annot")
    assert CliRunner().invoke(cli, ["sample", path]).exit_code == 0
    return path


def _run(*args: str):
    return CliRunner().invoke(cli, list(args))


def test_json_has_outlets_edges_and_origins(tmp_path: Path) -> None:
    result = _run("provenance", _sample(tmp_path), "--format", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert set(data) == {"outlets", "edges", "origins"}
    cybernews = [e for e in data["edges"] if e["from_outlet"] == "Cybernews"]
    assert {(e["to_outlet"], tuple(e["sentences"])) for e in cybernews} == {
        ("The Record", (5,)), ("Bloomberg", (7,)), ("CBS News", (12,))}
    assert all(e["to_article"] is None and e["basis"] == "text" and e["kind"] == "cites" for e in cybernews)
    record = next(o for o in data["outlets"] if o["name"] == "The Record")
    assert record["in_project"] is False and "Recorded Future News" in record["aliases"]
    assert data["origins"][0]["claim"] is None and data["origins"][0]["first_reported_by"] == "The Record"


def test_the_table_says_who_reported_first(tmp_path: Path) -> None:
    result = _run("provenance", _sample(tmp_path))
    assert result.exit_code == 0, result.output
    assert result.output.startswith("The story: first reported by The Record (the texts say so)")
    assert "another senior official" in result.output


def test_graphml_dot_and_csv(tmp_path: Path) -> None:
    path = _sample(tmp_path)
    graph = nx.read_graphml(io.StringIO(_run("provenance", path, "--format", "graphml").output))
    assert graph.has_edge("newz9.com", "The Record")
    assert _run("provenance", path, "--format", "dot").output.startswith("digraph provenance {")
    rows = list(csv.DictReader(io.StringIO(_run("provenance", path, "--format", "csv").output)))
    assert {r["to_outlet"] for r in rows} >= {"The Record", "Bloomberg", "The Guardian"}


def test_one_claim(tmp_path: Path) -> None:
    path = _sample(tmp_path)
    claims = json.loads(_run("claims", path, "--format", "json", "--min-outlets", "2").output)
    result = _run("provenance", path, "--claim", str(claims[0]["id"]), "--format", "json")
    assert result.exit_code == 0, result.output
    assert [o["claim"] for o in json.loads(result.output)["origins"]] == [claims[0]["id"]]


def test_an_unknown_claim_is_an_error(tmp_path: Path) -> None:
    result = _run("provenance", _sample(tmp_path), "--claim", "999")
    assert result.exit_code == 1 and "no claim 999" in result.stderr


def test_alias_adds_lists_and_splits(tmp_path: Path) -> None:
    path = _sample(tmp_path)
    assert "Recorded Future News" in _run("alias", path, "The Record").output
    added = _run("alias", path, "The Record", "TR")
    assert added.exit_code == 0 and "TR" in added.output
    split = _run("alias", path, "The Record", "Recorded Future News", "--remove")
    assert split.exit_code == 0, split.output
    data = json.loads(_run("provenance", path, "--format", "json").output)
    record = next(o for o in data["outlets"] if o["name"] == "The Record")
    assert "TR" in record["aliases"] and "Recorded Future News" not in record["aliases"]


def test_alias_merges_and_renames(tmp_path: Path) -> None:
    path = _sample(tmp_path)
    assert _run("alias", path, "The Record", "--rename", "Record News").exit_code == 0
    data = json.loads(_run("provenance", path, "--format", "json").output)
    assert data["origins"][0]["first_reported_by"] == "Record News"
    assert _run("alias", path, "CBS News", "--merge-into", "Bloomberg").exit_code == 0
    data = json.loads(_run("provenance", path, "--format", "json").output)
    assert "CBS News" not in {e["to_outlet"] for e in data["edges"]}


def test_alias_refuses_bad_requests_with_one_line(tmp_path: Path) -> None:
    path = _sample(tmp_path)
    result = _run("alias", path, "The Record", "--remove")
    assert result.exit_code == 1 and "needs the ALIAS" in result.stderr
    result = _run("alias", path, "Reuters", "AP", "--remove")
    assert result.exit_code == 1 and "not an alias" in result.stderr
