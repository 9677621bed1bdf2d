"""The `annotator` command, run as a user would, through click's test runner."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from annotator.cli import cli

README = Path(__file__).resolve().parents[2] / "README.md"


@pytest.fixture
def run():
    runner = CliRunner()

    def invoke(*args: str):
        return runner.invoke(cli, [str(a) for a in args], catch_exceptions=False)

    return invoke


def test_sample_annotate_summary_export_round_trip(run, tmp_path: Path) -> None:
    project = tmp_path / "p.annot"
    assert "4 imported" in run("sample", project).output
    result = run("annotate", project, 1, 1, "anonymous_official", "--source", "a senior official",
                 "--annotator", "amy")
    assert result.exit_code == 0, result.output
    data = json.loads(run("summary", project, "--format", "json").output)
    newz9 = next(o for o in data if o["outlet"] == "newz9.com")
    assert {k: newz9[k] for k in ("articles", "sentences", "annotations")} == {
        "articles": 1, "sentences": 20, "annotations": 1}
    assert newz9["by_category"]["anonymous_official"] == 1
    out = tmp_path / "a.csv"
    assert run("export", project, out).exit_code == 0
    assert "a senior official" in out.read_text(encoding="utf-8-sig")
    assert run("export", project, tmp_path / "o.csv", "--what", "outlets").exit_code == 0
    assert "newz9.com" in run("summary", project).output
    assert run("summary", project, "--format", "csv").output.startswith("outlet,articles,")


def test_import_creates_the_project_and_reports_each_file(run, tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("A headline\nSome story. More. It was reported by several outlets in Washington on Tuesday, and officials declined to say more about it.\n")
    (tmp_path / "b.bin").write_bytes(b"\x00\x01")
    result = run("import", tmp_path / "new.annot", tmp_path / "a.txt", tmp_path / "b.bin", "--outlet", "X")
    assert "imported 1: A headline (X, 4 sentences)" in result.output
    assert "refused" in result.output and "b.bin" in result.output
    assert "1 imported, 0 duplicate(s) skipped, 1 refused" in result.output


def test_listing_commands(run, tmp_path: Path) -> None:
    project = tmp_path / "p.annot"
    run("sample", project)
    assert "newz9.com" in run("articles", project).output
    assert "   1  The US has paused" in run("sentences", project, 1).output
    assert "anonymous_official" in run("categories", project).output


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("annotate", "{p}", "1", "99", "on_record"), "has no sentence 99"),
        (("annotate", "{p}", "1", "1", "rumour"), "no category 'rumour'"),
        (("annotate", "{p}", "42", "1", "on_record"), "no article 42"),
        (("summary", "{notes}"), "not an annotator project"),
    ],
)
def test_errors_go_to_stderr_without_traceback(run, tmp_path: Path, args, message) -> None:
    project = tmp_path / "p.annot"
    run("sample", project)
    notes = tmp_path / "notes.annot"
    notes.write_text("hello")
    result = CliRunner().invoke(cli, [a.format(p=project, notes=notes) for a in args])
    assert result.exit_code == 1
    assert message in result.stderr
    assert "Traceback" not in result.output + result.stderr


def test_every_command_and_option_is_documented_in_the_readme() -> None:
    readme = README.read_text(encoding="utf-8")
    for name, command in cli.commands.items():
        assert re.search(rf"annotator {name}\b", readme), f"`annotator {name}` is not in README.md"
        for param in command.params:
            for opt in param.opts:
                if opt.startswith("--"):
                    assert opt in readme, f"{opt} of `annotator {name}` is not in README.md"
