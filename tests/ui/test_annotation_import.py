"""File ▸ Import annotations…: a file of annotations in one undo step, refused lines shown, nothing half done."""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMessageBox

from annotator.core.classroom.files import export_assignment
from annotator.core.store.project import Project


def jsonl(path: Path, rows: list[dict]) -> Path:
    path.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
    return path


def choose(monkeypatch, path: Path) -> None:
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(path), "")))


def stored(path: Path) -> set[tuple]:
    with Project.open(path, read_only=True) as project:
        return {(a.article_id, a.category, a.annotator, a.source, a.note)
                for a in project.annotations.list()}


ROWS = [{"article_id": 1, "sentence": 1, "category": "anonymous_official"},
        {"article_id": 2, "sentence": 3, "category": "on_record", "source": "Jason Kikta", "note": "named",
         "annotator": "ben"}]
EXPECTED = {(1, "anonymous_official", "amy", "", ""), (2, "on_record", "ben", "Jason Kikta", "named")}


def test_a_file_of_annotations_comes_in_as_one_undo_step(qtbot, open_main, sample_path: Path, tmp_path: Path,
                                                         monkeypatch, messages) -> None:
    window = open_main(sample_path)
    choose(monkeypatch, jsonl(tmp_path / "marks.jsonl", ROWS))
    window.files.import_annotations_action.trigger()
    assert stored(sample_path) == EXPECTED  # committed: another connection reads them
    assert window.statusBar().currentMessage().startswith("Imported 2 annotations from marks.jsonl")
    assert messages == []  # nothing left out: no dialog
    assert window.undo_action.text() == "&Undo Import annotations from marks.jsonl"
    window.undo_action.trigger()
    assert stored(sample_path) == set()
    window.redo_action.trigger()
    assert stored(sample_path) == EXPECTED
    window.open_article(2)
    assert [a.category for a in window.columns.current.view.annotations()] == ["on_record"]


def test_refused_lines_are_listed_and_the_others_imported_when_asked(qtbot, open_main, sample_path: Path,
                                                                      tmp_path: Path, monkeypatch, messages) -> None:
    window = open_main(sample_path)
    bad = [*ROWS, {"article_id": 1, "sentence": 2, "category": "no_such_category"}, {"article_id": 99, "sentence": 1,
                                                                                       "category": "on_record"}]
    choose(monkeypatch, jsonl(tmp_path / "marks.jsonl", bad))
    window.files.import_annotations_action.trigger()
    (title, text), = [m for m in messages if m[0] == "Import the other lines?"]
    assert "2 lines of marks.jsonl cannot be imported" in text
    assert "line 3:" in text and "no_such_category" in text and "line 4:" in text
    assert "Import the other 2 annotations and leave these lines out" in text
    assert stored(sample_path) == EXPECTED  # OK was pressed
    assert window.statusBar().currentMessage().startswith("Imported 2 annotations from marks.jsonl (0 already "
                                                          "there, 2 left out)")
    window.undo_action.trigger()
    assert stored(sample_path) == set()


def test_cancel_imports_nothing(qtbot, open_main, sample_path: Path, tmp_path: Path, monkeypatch) -> None:
    seen: list[str] = []

    def cancel(box: QMessageBox) -> QMessageBox.StandardButton:
        seen.append(box.windowTitle())
        return QMessageBox.StandardButton.Cancel

    monkeypatch.setattr(QMessageBox, "exec", cancel)
    window = open_main(sample_path)
    choose(monkeypatch, jsonl(tmp_path / "marks.jsonl", [*ROWS, {"article_id": 1, "sentence": 999,
                                                                   "category": "on_record"}]))
    window.files.import_annotations_action.trigger()
    assert seen == ["Import the other lines?"]
    assert stored(sample_path) == set() and not window.session.undo_stack.canUndo()


def test_a_file_that_is_not_annotations_is_refused_with_its_reason(qtbot, open_main, sample_path: Path,
                                                                   tmp_path: Path, monkeypatch, messages) -> None:
    window = open_main(sample_path)
    notes = tmp_path / "notes.txt"
    notes.write_text("not a table\n", encoding="utf-8")
    choose(monkeypatch, notes)
    window.files.import_annotations_action.trigger()
    broken = tmp_path / "broken.csv"
    broken.write_bytes(b"article_id,sentence,category\n1,1,\xff\xfe\n")
    choose(monkeypatch, broken)
    window.files.import_annotations_action.trigger()
    assert [title for title, _ in messages] == ["Annotations not imported"] * 2
    assert "read from .csv or .jsonl files" in messages[0][1]
    assert "not UTF-8" in messages[1][1]
    assert stored(sample_path) == set()


def test_a_student_imports_only_their_own_annotations(qtbot, open_main, sample_path: Path, tmp_path: Path,
                                                      monkeypatch, messages) -> None:
    assignment = tmp_path / "assignment.annot"
    with Project.open(sample_path) as project:
        export_assignment(project, assignment, keep=(), blind=True)
    window = open_main(assignment, "amy")
    rows = [ROWS[0], {**ROWS[0], "sentence": 2, "annotator": "amy"}, {**ROWS[1], "annotator": "key"}]
    choose(monkeypatch, jsonl(tmp_path / "marks.jsonl", rows))
    window.files.import_annotations_action.trigger()
    (title, text), = messages[:1]
    assert title == "Import the other lines?" and "annotator 'key' is not you (amy)" in text
    assert {(a, c, who) for a, c, who, _s, _n in stored(assignment)} == {(1, "anonymous_official", "amy")}
    with Project.open(assignment, read_only=True) as project:
        assert len(project.annotations.list()) == 2
