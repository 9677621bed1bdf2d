"""`annotator suggest`: formats, --min-confidence, open ones only unless --all, --apply then `annotator score`,
blind assignments."""

from __future__ import annotations

import csv
import io
import json

import pytest
from click.testing import CliRunner

from annotator.cli import cli


@pytest.fixture
def sample(tmp_path):
    path = tmp_path / "s.annot"
    assert CliRunner().invoke(cli, ["sample", str(path)]).exit_code == 0
    return path


def run(*args: str):
    result = CliRunner().invoke(cli, [str(a) for a in args])
    return result


def test_json_lists_one_object_per_sentence_and_category(sample) -> None:
    result = run("suggest", sample, "3", "--format", "json")
    assert result.exit_code == 0, result.output
    records = json.loads(result.output)
    assert records and set(records[0]) == {"article_id", "sentence", "category", "source", "confidence", "cue"}
    assert all(r["article_id"] == 3 and r["sentence"] >= 1 for r in records)
    assert {"anonymous_official", "other_outlet", "social_post"} <= {r["category"] for r in records}


def test_csv_and_table_carry_the_same_rows(sample) -> None:
    rows = list(csv.DictReader(io.StringIO(run("suggest", sample, "3", "--format", "csv").output)))
    table = run("suggest", sample, "3").output.splitlines()
    assert len(rows) == len(table) - 2 and rows[0]["category"]


def test_min_confidence_leaves_out_less_confident_suggestions(sample) -> None:
    every = json.loads(run("suggest", sample, "--format", "json").output)
    confident = json.loads(run("suggest", sample, "--format", "json", "--min-confidence", "0.85").output)
    assert 0 < len(confident) < len(every) and all(r["confidence"] >= 0.85 for r in confident)


def test_an_accepted_suggestion_is_listed_only_with_all(sample) -> None:
    first = json.loads(run("suggest", sample, "3", "--format", "json").output)[0]
    assert run("annotate", sample, "3", first["sentence"], first["category"], "--annotator", "amy").exit_code == 0
    listed = json.loads(run("suggest", sample, "3", "--format", "json").output)
    every = json.loads(run("suggest", sample, "3", "--format", "json", "--all").output)
    assert first not in listed and first in every and len(every) == len(listed) + 1


def test_apply_counts_an_accepted_suggestion_as_already_there(sample) -> None:
    first = json.loads(run("suggest", sample, "3", "--format", "json").output)[0]
    assert run("annotate", sample, "3", first["sentence"], first["category"], "--annotator", "amy").exit_code == 0
    every = json.loads(run("suggest", sample, "3", "--format", "json", "--all").output)
    result = run("suggest", sample, "3", "--apply", "--annotator", "amy")
    assert result.exit_code == 0, result.output
    assert f"stored {len(every) - 1} annotation(s) by amy (1 already there)" in result.output


def test_apply_stores_annotations_that_score_compares_with_a_key(sample) -> None:
    assert run("annotate", sample, "1", "1", "anonymous_official", "--annotator", "teacher").exit_code == 0
    assert run("key", sample, "teacher").exit_code == 0
    result = run("suggest", sample, "1", "--apply", "--annotator", "suggester")
    assert result.exit_code == 0 and "stored" in result.output
    scored = run("score", sample, "--format", "json")
    assert scored.exit_code == 0, scored.output
    assert [s["annotator"] for s in json.loads(scored.output)] == ["suggester"]
    assert "0 annotation(s)" in run("suggest", sample, "1", "--apply", "--annotator", "suggester").output


def test_apply_needs_an_annotator(sample) -> None:
    assert run("suggest", sample, "--apply").exit_code == 2


def test_a_missing_article_is_an_error(sample) -> None:
    result = run("suggest", sample, "99")
    assert result.exit_code == 1 and "99" in result.output


def test_a_blind_assignment_offers_suggestions_only_when_written_with_them(sample, tmp_path) -> None:
    blind, open_ = tmp_path / "blind.annot", tmp_path / "open.annot"
    assert run("assignment", sample, blind, "--blind").exit_code == 0
    assert run("assignment", sample, open_, "--blind", "--suggestions").exit_code == 0
    assert run("suggest", blind).exit_code == 1
    assert run("suggest", open_, "--format", "json").exit_code == 0
