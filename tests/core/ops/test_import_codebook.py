"""A shared codebook file: written from a project, read back with every rule checked, imported as one undo step."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from annotator.core.codebook import codebook_json, read_codebook
from annotator.core.errors import ChangedElsewhere, InvalidValue
from annotator.core.ops import runner
from annotator.core.ops.codebook import ImportCodebook
from annotator.core.sample import create_sample
from annotator.core.store.project import Project


@pytest.fixture
def project(tmp_path: Path):
    proj, _ = create_sample(tmp_path / "p.annot")
    yield proj
    proj.close()


def state(project: Project) -> list[tuple]:
    return [(c.key, c.label, c.color, c.description, c.shortcut, c.archived)
            for c in project.categories.list(include_archived=True)]


def test_a_written_codebook_reads_back_as_the_same_categories(project, tmp_path: Path) -> None:
    path = tmp_path / "desk.json"
    path.write_text(codebook_json(project.categories.list(include_archived=True)), encoding="utf-8")
    specs = read_codebook(path)
    assert [(s.key, s.label, s.color, s.description, s.shortcut) for s in specs] == [
        (c.key, c.label, c.color, c.description, c.shortcut) for c in project.categories.list()]
    assert json.loads(path.read_text(encoding="utf-8"))["format"] == "annotator-codebook/1"


def test_importing_updates_adds_and_one_undo_takes_it_all_back(project, tmp_path: Path) -> None:
    before = state(project)
    path = tmp_path / "desk.json"
    path.write_text(json.dumps({"categories": [
        {"key": "on_record", "label": "On the record", "color": "#123456", "description": "Named and quoted.",
         "shortcut": "2"},
        {"key": "press_release", "label": "Press release", "color": "#ABCDEF", "description": "A statement.",
         "shortcut": 1},  # taken by anonymous_official: the new category gets no shortcut
    ]}), encoding="utf-8")
    operation = ImportCodebook(read_codebook(path), name="desk.json")
    runner.apply(project, operation)
    assert operation.updated == ["on_record"] and operation.added == ["press_release"]
    on_record = project.categories.get("on_record")
    assert (on_record.label, on_record.color, on_record.description) == ("On the record", "#123456",
                                                                         "Named and quoted.")
    added = project.categories.get("press_release")
    assert added.shortcut is None and project.categories.get("anonymous_official").shortcut == "1"
    runner.revert(project, operation)
    assert state(project) == before
    runner.apply(project, operation)  # redo
    assert project.categories.get("press_release").label == "Press release"


def test_an_import_whose_new_category_was_used_since_cannot_be_undone(project, tmp_path: Path) -> None:
    path = tmp_path / "desk.json"
    path.write_text(json.dumps({"categories": [{"key": "leak", "label": "Leak", "color": "#ABCDEF"}]}),
                    encoding="utf-8")
    operation = ImportCodebook(read_codebook(path))
    runner.apply(project, operation)
    article = project.articles.list()[0]
    sentence = project.articles.sentences(article.id)[0]
    project.annotations.add(article.id, sentence.start, sentence.end, category="leak", annotator="amy")
    with pytest.raises(ChangedElsewhere):
        runner.revert(project, operation)
    assert project.categories.get("leak").label == "Leak"


@pytest.mark.parametrize(("content", "expected"), [
    ("not json", "not a codebook file"),
    ('{"categories": []}', "no list of categories"),
    ('{"categories": [{"key": "a", "label": "A", "color": "red"}]}', "category 1: colour"),
    ('{"categories": [{"key": "a", "label": "A", "color": "#000000"}, '
     '{"key": "a", "label": "B", "color": "#000000"}]}', "appears twice"),
    ('{"categories": [{"key": "a", "label": "A", "color": "#000000", "shortcut": "1"}, '
     '{"key": "b", "label": "B", "color": "#000000", "shortcut": "1"}]}', "given to two"),
])
def test_a_bad_codebook_file_is_refused_naming_the_file_and_the_problem(tmp_path: Path, content, expected) -> None:
    path = tmp_path / "bad.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InvalidValue, match=expected) as raised:
        read_codebook(path)
    assert str(path) in str(raised.value)
