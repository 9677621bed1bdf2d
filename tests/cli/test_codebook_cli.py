"""`annotator codebook export` and `import`: a desk shares its codebook through a JSON file."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from annotator.cli import cli
from annotator.core.store.project import Project


def run(*args: object):
    return CliRunner().invoke(cli, [str(a) for a in args])


def test_a_codebook_exported_from_one_project_is_imported_into_another(sample: Project, tmp_path: Path) -> None:
    path = sample.path
    sample.categories.update("on_record", label="On the record", description="Named and quoted.")
    sample.close()
    out = tmp_path / "desk.json"
    exported = run("codebook", "export", path, out)
    assert exported.exit_code == 0, exported.stderr
    assert "wrote 7 categories" in exported.output
    entries = json.loads(out.read_text(encoding="utf-8"))["categories"]
    assert entries[1]["label"] == "On the record" and entries[1]["description"] == "Named and quoted."

    other = tmp_path / "other.annot"
    Project.create(other).close()
    entries.append({"key": "leak", "label": "Leak", "color": "#ABCDEF", "description": "A leaked document."})
    out.write_text(json.dumps({"categories": entries}), encoding="utf-8")
    imported = run("codebook", "import", other, out)
    assert imported.exit_code == 0, imported.stderr
    assert "1 categories added, 1 updated" in imported.output
    with Project.open(other, read_only=True) as project:
        assert project.categories.get("on_record").label == "On the record"
        assert project.categories.get("leak").description == "A leaked document."


def test_a_file_that_is_not_a_codebook_is_refused_and_nothing_changes(sample: Project, tmp_path: Path) -> None:
    path = sample.path
    before = [c.label for c in sample.categories.list()]
    sample.close()
    bad = tmp_path / "notes.json"
    bad.write_text('{"title": "not a codebook"}', encoding="utf-8")
    result = run("codebook", "import", path, bad)
    assert result.exit_code == 1 and "not a codebook file" in result.stderr and "Traceback" not in result.output
    with Project.open(path, read_only=True) as project:
        assert [c.label for c in project.categories.list()] == before
