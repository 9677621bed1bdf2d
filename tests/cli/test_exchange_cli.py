"""`annotate --from`, and `export`/`import` with the exchange formats, run as a user would."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from annotator.cli import cli
from annotator.core.store.project import Project


@pytest.fixture
def run():
    runner = CliRunner()

    def invoke(*args):
        return runner.invoke(cli, [str(a) for a in args], catch_exceptions=False)

    return invoke


@pytest.fixture
def project(run, tmp_path: Path) -> Path:
    path = tmp_path / "p.annot"
    run("sample", path)
    run("annotate", path, 1, 1, "on_record", "--annotator", "amy", "--source", "Jane Doe", "--note", "=check")
    run("annotate", path, 2, 3, "document", "--annotator", "bob")
    return path


def test_annotate_from_an_exported_csv_round_trips(run, project: Path, tmp_path: Path) -> None:
    exported, fresh, again = tmp_path / "a.csv", tmp_path / "fresh.annot", tmp_path / "b.csv"
    run("export", project, exported)
    run("sample", fresh)
    result = run("annotate", fresh, "--from", exported)
    assert result.exit_code == 0, result.output
    assert "imported 2 annotation(s) from a.csv; 0 already there, 0 refused" in result.output
    run("export", fresh, again)
    assert again.read_bytes() == exported.read_bytes()
    second = run("annotate", fresh, "--from", exported)
    assert "imported 0 annotation(s)" in second.output and "line 2: already marked on_record by amy" in second.output


def test_annotate_from_refuses_bad_lines_by_number_and_writes_nothing(run, project: Path, tmp_path: Path) -> None:
    rows = tmp_path / "r.jsonl"
    rows.write_text('{"article_id": 1, "sentence": 2, "category": "document"}\n'
                    '{"article_id": 77, "sentence": 1, "category": "document"}\n', encoding="utf-8")
    result = run("annotate", project, "--from", rows, "--annotator", "cy")
    assert result.exit_code == 1
    assert "refused line 2: no article 77 in this project" in result.output
    assert "nothing imported" in result.output
    with Project.open(project, read_only=True) as proj:
        assert proj.annotations.count() == 2
    result = run("annotate", project, "--from", rows, "--annotator", "cy", "--skip-bad")
    assert result.exit_code == 0
    assert "imported 1 annotation(s) from r.jsonl; 0 already there, 1 refused" in result.output
    with Project.open(project, read_only=True) as proj:
        assert [a.annotator for a in proj.annotations.list()].count("cy") == 1


def test_annotate_needs_either_the_arguments_or_a_file(run, project: Path, tmp_path: Path) -> None:
    assert run("annotate", project).exit_code == 2
    assert run("annotate", project, 1, 1, "document", "--from", project).exit_code == 2
    assert run("annotate", project, 1, 1, "document", "--skip-bad").exit_code == 2
    assert run("annotate", project, "--from", project, "--note", "lost").exit_code == 2
    other = tmp_path / "x.txt"
    other.write_text("x", encoding="utf-8")
    result = run("annotate", project, "--from", other)
    assert result.exit_code == 1 and "read from .csv or .jsonl" in result.output


def test_export_qdpx_then_import_it_into_a_new_project(run, project: Path, tmp_path: Path) -> None:
    out, fresh = tmp_path / "p.qdpx", tmp_path / "fresh.annot"
    result = run("export", project, out)
    assert result.exit_code == 0 and "wrote 4 article(s), 7 code(s) and 2 coded selection(s)" in result.output
    assert {"project.qde", "annotator.json"} <= set(zipfile.ZipFile(out).namelist())
    result = run("import", fresh, out)
    assert result.exit_code == 0, result.output
    assert "imported 4 article(s) (0 already there), 0 new categor(ies), 2 annotation(s)" in result.output
    a, b = tmp_path / "a.csv", tmp_path / "b.csv"
    run("export", project, a)
    run("export", fresh, b)
    assert a.read_bytes() == b.read_bytes()


def test_export_writes_the_codebook_web_annotations_and_json_lines(run, project: Path, tmp_path: Path) -> None:
    assert "wrote 7 code(s)" in run("export", project, tmp_path / "c.qdc").output
    assert "wrote 2 annotation(s)" in run("export", project, tmp_path / "w.jsonld").output
    items = json.loads((tmp_path / "w.jsonld").read_text(encoding="utf-8"))
    assert [i["type"] for i in items] == ["Annotation", "Annotation"]
    assert "wrote 2 annotation(s)" in run("export", project, tmp_path / "m.jsonl").output
    result = run("export", project, tmp_path / "x.qdpx", "--outlet", "BBC")
    assert result.exit_code == 2 and "holds the whole project" in result.output


def test_importing_a_qdpx_that_is_no_project_says_why(run, tmp_path: Path) -> None:
    bad = tmp_path / "bad.qdpx"
    bad.write_bytes(b"hello")
    result = run("import", tmp_path / "p.annot", bad)
    assert result.exit_code == 1 and "not a zip archive" in result.output
    result = run("import", tmp_path / "p.annot", bad, "--outlet", "X")
    assert result.exit_code == 2
