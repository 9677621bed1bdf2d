"""`annotator claims`: the claims the sample articles share, as JSON, CSV and a table."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from annotator.cli import cli


def _sample(tmp_path: Path) -> str:
    path = str(tmp_path / "s.annot")
    assert CliRunner().invoke(cli, ["sample", path]).exit_code == 0
    return path


def test_claims_json_lists_sentences_of_several_outlets(tmp_path: Path) -> None:
    path = _sample(tmp_path)
    result = CliRunner().invoke(cli, ["claims", path, "--format", "json", "--min-outlets", "2"])
    assert result.exit_code == 0, result.output
    claims = json.loads(result.output)
    assert claims and set(claims[0]) == {"id", "label", "disputed_by", "sentences"}
    assert all(isinstance(link["id"], int) and link["label"] for c in claims for link in c["disputed_by"])
    first = claims[0]["sentences"][0]
    assert set(first) == {"article_id", "sentence", "outlet", "categories"} and first["sentence"] >= 1
    assert all(len({s["outlet"] for s in c["sentences"]}) >= 2 for c in claims)


def test_min_outlets_above_any_claim_gives_an_empty_list(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["claims", _sample(tmp_path), "--format", "json", "--min-outlets", "99"])
    assert json.loads(result.output) == []


def test_claims_csv_and_table(tmp_path: Path) -> None:
    path = _sample(tmp_path)
    csv_out = CliRunner().invoke(cli, ["claims", path, "--format", "csv"]).output
    assert csv_out.splitlines()[0] == "claim,label,article_id,sentence,outlet,categories"
    assert "outlet" in CliRunner().invoke(cli, ["claims", path]).output


def test_claims_json_names_the_claims_disputing_each(tmp_path: Path) -> None:
    stories = Path(__file__).parents[1] / "data" / "claims" / "disputes"
    path = tmp_path / "disputes.annot"
    assert CliRunner().invoke(cli, ["import", str(path), str(stories)]).exit_code == 0
    result = CliRunner().invoke(cli, ["claims", str(path), "--format", "json"])
    claims = {c["id"]: c for c in json.loads(result.output)}
    linked = [(c["id"], link["id"]) for c in claims.values() for link in c["disputed_by"]]
    assert linked and all(claims[other]["label"] for _, other in linked)
    assert all((other, one) in linked for one, other in linked)  # a dispute goes both ways
