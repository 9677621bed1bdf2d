"""The Class scores tab, driven as an instructor would: the figures of `annotator score`, kept current."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction

from annotator.core.classroom.files import export_assignment, mark_answer_key
from annotator.core.classroom.scoring import score_students
from annotator.core.store.project import Project
from annotator.ui.classroom.class_scores import ClassScores
from annotator.ui.classroom.compare import CompareView

MARKS = {  # annotator → (sentence idx, category) on article 1
    "teacher": [(0, "anonymous_official"), (1, "on_record"), (2, "document"), (3, "social_post")],
    "amy": [(0, "anonymous_official"), (1, "on_record"), (2, "document")],
    "bob": [(0, "on_record"), (2, "other_outlet"), (5, "document")],
}


@pytest.fixture
def class_path(sample_path: Path) -> Path:
    with Project.open(sample_path) as project:
        for name, marks in MARKS.items():
            for idx, category in marks:
                project.annotate_sentence(1, idx, category=category, annotator=name)
        mark_answer_key(project, "teacher")
    return sample_path


def menu_action(window, text: str) -> QAction:
    return next(a for a in window.findChildren(QAction) if a.text() == text)


def open_scores(window) -> ClassScores:
    menu_action(window, "Class &scores…").trigger()
    scores = window.tabs.currentWidget()
    assert isinstance(scores, ClassScores)
    return scores


def rows(table) -> list[list[str]]:
    return [[table.topLevelItem(i).text(c) for c in range(table.columnCount())]
            for i in range(table.topLevelItemCount())]


def test_the_tab_shows_each_student_as_the_command_scores_them(qtbot, open_main, class_path: Path) -> None:
    window = open_main(class_path, "teacher")
    scores = open_scores(window)
    expected, agreement = score_students(window.session.project.database, "teacher")
    by_name = {s.annotator: s for s in expected}
    shown = rows(scores.students)
    assert [r[0] for r in shown] == ["bob", "amy"]  # the weakest first
    for row in shown:
        score = by_name[row[0]]
        assert row[1:4] == [str(score.units), f"{score.accuracy:.0%}", f"{score.cohen_kappa:.2f}"]
    headers = [scores.students.headerItem().text(c) for c in range(4, scores.students.columnCount())]
    assert headers[:3] == ["F1: Anonymous\nofficial", "F1: On-record\nstatement", "F1: Social post"]
    assert "F1: Other outlet's\nreport" in headers
    assert "Anonymous official" in scores.students.headerItem().toolTip(4)
    assert f"Krippendorff's α {agreement.krippendorff_alpha:.2f}" in scores.summary.text()
    assert "Answer key: teacher. 2 students" in scores.summary.text()
    assert "✗" in scores.students.topLevelItem(0).toolTip(0)  # bob's confusion, his errors marked


def test_a_disagreement_opens_its_sentence_and_a_student_opens_the_comparison(qtbot, open_main,
                                                                             class_path: Path) -> None:
    window = open_main(class_path, "teacher")
    scores = open_scores(window)
    first = scores.disagreements.topLevelItem(0)
    assert first.text(0) == "50%" and "amy" in first.text(4) and "bob" in first.text(4)
    assert first.toolTip(4).count(": ") == 2  # each student on a line
    sentence = int(first.text(2))
    with Project.open(class_path, read_only=True) as project:
        article = project.articles.get(1)
        start, end = project.articles.sentence(1, sentence - 1).start, project.articles.sentence(1, sentence - 1).end
        assert first.text(3) == " ".join(project.articles.body(1)[start:end].split())
    assert first.text(1) == article.outlet
    scores.disagreements.itemActivated.emit(first, 0)
    assert window.tabs.currentWidget() is window.columns
    assert window.columns.current.view.current == sentence - 1
    open_scores(window)  # the same tab again, not a second one
    assert sum(isinstance(window.tabs.widget(i), ClassScores) for i in range(window.tabs.count())) == 1
    scores.students.itemActivated.emit(scores.students.topLevelItem(0), 0)
    compare = window.tabs.currentWidget()
    assert isinstance(compare, CompareView) and window.tabs.tabText(window.tabs.currentIndex()) == "teacher vs bob"


def test_the_figures_follow_new_annotations(qtbot, open_main, class_path: Path) -> None:
    window = open_main(class_path, "teacher")
    scores = open_scores(window)
    before = rows(scores.students)
    window.tabs.setCurrentWidget(window.columns)
    window.open_article(1)
    view = window.columns.current.view
    view.setFocus()
    for _ in range(4):
        qtbot.keyClick(view, Qt.Key.Key_J)
    qtbot.keyClick(view, Qt.Key.Key_2)  # the key marks sentence 5 on the record: amy left it empty
    qtbot.waitUntil(lambda: rows(scores.students) != before)
    amy = next(r for r in rows(scores.students) if r[0] == "amy")
    assert amy[2] == f"{next(s for s in score_students(window.session.project.database, 'teacher')[0] if s.annotator == 'amy').accuracy:.0%}"


def test_without_an_answer_key_the_menu_says_what_to_do(qtbot, open_main, sample_path: Path) -> None:
    window = open_main(sample_path, "teacher")
    count = window.tabs.count()
    menu_action(window, "Class &scores…").trigger()
    assert window.tabs.count() == count
    assert "Mark the answer key first" in window.statusBar().currentMessage()


def test_a_blind_assignment_keeps_the_key_hidden(qtbot, open_main, class_path: Path, tmp_path: Path) -> None:
    assignment = tmp_path / "assignment.annot"
    with Project.open(class_path) as project:
        export_assignment(project, assignment, keep=("teacher",), blind=True)
    window = open_main(assignment, "amy")
    for text in ("Mark the answer &key…", "&Compare a student with the key…", "Class &scores…"):
        assert not menu_action(window, text).isEnabled()
    count = window.tabs.count()
    window.classroom.show_scores()
    window.classroom.choose_key()
    assert window.tabs.count() == count
    assert "Not in a blind assignment" in window.statusBar().currentMessage()
    assert window.session.project.info.value("answer_key") is None
