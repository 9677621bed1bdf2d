"""Blind mode and the compare view, driven as a student and an instructor would."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QInputDialog

from annotator.core.classroom.files import export_assignment, mark_answer_key
from annotator.core.store.project import Project
from annotator.ui.workspace.layers import DifferenceOutlines


def test_blind_mode_shows_a_student_only_their_own_annotations(qtbot, open_main, sample_path: Path,
                                                               tmp_path: Path) -> None:
    with Project.open(sample_path) as project:
        project.annotate_sentence(1, 0, category="anonymous_official", annotator="teacher")
        assignment = tmp_path / "assignment.annot"
        export_assignment(project, assignment, keep=("teacher",), blind=True)
    window = open_main(assignment, "amy")
    assert window.session.blind
    window.open_article(1)
    view = window.columns.current.view
    assert view.annotations() == []  # the teacher's annotation is hidden
    assert window.library.article_rows()[-1].progress == "0/20"
    qtbot.keyClick(view, Qt.Key.Key_J)
    qtbot.keyClick(view, Qt.Key.Key_2)
    assert [a.annotator for a in view.annotations()] == ["amy"]
    window.show_tab(window.dashboard)
    qtbot.waitUntil(window.dashboard.isVisible)
    assert window.dashboard.annotator.currentData() == "amy" and not window.dashboard.annotator.isEnabled()


def test_compare_view_marks_differences_and_steps_with_keys(qtbot, open_main, sample_path: Path,
                                                            monkeypatch) -> None:
    with Project.open(sample_path) as project:
        for idx, category in [(0, "anonymous_official"), (5, "on_record"), (7, "other_outlet")]:
            project.annotate_sentence(1, idx, category=category, annotator="key")
        for idx, category in [(0, "anonymous_official"), (5, "anonymous_official"), (9, "document")]:
            project.annotate_sentence(1, idx, category=category, annotator="amy")
        mark_answer_key(project, "key")
    window = open_main(sample_path)
    window.open_article(1)
    monkeypatch.setattr(QInputDialog, "getItem", staticmethod(lambda *a, **k: ("amy", True)))
    window.classroom.choose_student()
    compare = window.tabs.currentWidget()
    assert compare.differences == [5, 7, 9]
    key_view, student_view = compare.views
    assert [a.annotator for a in key_view.annotations()] == ["key"] * 3
    assert key_view.layer(DifferenceOutlines).sentences == {5, 7, 9}
    assert student_view.current == 5 and "sentence 6" in compare.status.text()
    qtbot.keyClick(student_view, Qt.Key.Key_N)
    assert (key_view.current, student_view.current) == (7, 7)
    assert "key: other_outlet; amy: none" in compare.status.text()
    qtbot.keyClick(student_view, Qt.Key.Key_N)
    qtbot.keyClick(student_view, Qt.Key.Key_P)
    assert student_view.current == 7


def returned_file(class_path: Path, tmp_path: Path, sentences: list[int]) -> Path:
    """amy's returned assignment, with these sentences of article 1 marked as documents."""
    assignment = tmp_path / "assignment.annot"
    with Project.open(class_path) as project:
        export_assignment(project, assignment)
    student = tmp_path / "amy.annot"
    student.write_bytes(assignment.read_bytes())
    with Project.open(student) as project:
        for idx in sentences:
            project.annotate_sentence(1, idx, category="document", annotator="amy")
    return student


def test_merge_from_the_window_updates_the_views(qtbot, open_main, messages, sample_path: Path,
                                                 tmp_path: Path) -> None:
    student = returned_file(sample_path, tmp_path, [3])
    window = open_main(sample_path, "teacher")
    window.open_article(1)
    lines = window.classroom.merge([student, student])
    assert lines == ["amy.annot: added 1 by amy; 0 already there.", "amy.annot: added nothing new; 1 already there."]
    assert [a.annotator for a in window.columns.current.view.annotations()] == ["amy"]
    assert messages[-1][0] == "Merge"


def test_a_refused_file_lists_each_of_its_problems(qtbot, open_main, messages, sample_path: Path,
                                                    tmp_path: Path) -> None:
    student = returned_file(sample_path, tmp_path, [0, 1, 2])
    conn = sqlite3.connect(student)
    conn.execute("UPDATE annotations SET start = 99000, \"end\" = 99010")  # every span outside its article
    conn.commit()
    conn.close()
    window = open_main(sample_path, "teacher")
    lines = window.classroom.merge([student])
    assert lines[0] == "amy.annot: refused, nothing merged (3 problems):"
    assert [line.strip().split(":")[0] for line in lines[1:4]] == [f"annotation {n}" for n in (1, 2, 3)]
    assert "Ask the student for the file again" in lines[-1]
    assert window.session.project.annotations.count() == 0
