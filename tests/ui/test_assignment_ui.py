"""Classroom ▸ Make assignment… for the instructor; the banner and Return to teacher… for the student."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog

from annotator.core.classroom.files import export_assignment, is_assignment, merge_file
from annotator.core.store.project import Project
from annotator.ui.classroom.assignment_dialog import AssignmentDialog

TEACHER_ONLY = ("Make &assignment…", "&Merge returned files… (cannot be undone)", "Mark the answer &key…")
RETURN = "&Return to teacher…"


def menu_action(window, text: str) -> QAction:
    return next(a for a in window.findChildren(QAction) if a.text() == text)


def open_dialog(window) -> AssignmentDialog:
    menu_action(window, "Make &assignment…").trigger()
    dialog = window.classroom.dialog
    assert isinstance(dialog, AssignmentDialog) and dialog.isVisible()
    return dialog


def type_path(qtbot, dialog: AssignmentDialog, path: Path) -> None:
    dialog.path.selectAll()
    qtbot.keyClicks(dialog.path, str(path))


def test_make_assignment_writes_the_chosen_articles_and_says_where(qtbot, open_main, messages, sample_path: Path,
                                                                   tmp_path: Path) -> None:
    window = open_main(sample_path, "teacher")
    dialog = open_dialog(window)
    assert dialog.count.text() == "4 of 4 articles chosen"  # all by default
    assert dialog.suggestions.isChecked()
    dialog.articles.setCurrentRow(1)
    qtbot.keyClick(dialog.articles, Qt.Key.Key_Space)  # a student gets three of the four
    assert dialog.count.text() == "3 of 4 articles chosen"
    qtbot.mouseClick(dialog.blind, Qt.MouseButton.LeftButton)
    assert not dialog.suggestions.isChecked()  # a blind exercise without suggestions, unless ticked
    out = tmp_path / "week3"
    type_path(qtbot, dialog, out)
    qtbot.mouseClick(dialog.write_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(messages), timeout=10000)
    written = out.with_suffix(".annot")
    assert messages[0][0] == "Assignment written" and f"Wrote {written}" in messages[0][1]
    assert "3 articles; blind" in messages[0][1] and "without suggested categories" in messages[0][1]
    with Project.open(written, read_only=True) as project, Project.open(sample_path, read_only=True) as source:
        assert is_assignment(project) and project.info.value("blind") == "1" and not project.suggestions.enabled
        skipped = sorted(source.articles.list(), key=lambda a: a.id)[1]
        assert skipped.title not in [a.title for a in project.articles.list()]
        assert project.articles.count() == 3 and project.annotations.count() == 0


def test_the_dialog_never_replaces_a_file_and_needs_an_article(qtbot, open_main, messages, sample_path: Path,
                                                               tmp_path: Path) -> None:
    window = open_main(sample_path, "teacher")
    dialog = open_dialog(window)
    taken = tmp_path / "taken.annot"
    taken.write_text("the student's work")
    type_path(qtbot, dialog, taken)
    qtbot.mouseClick(dialog.write_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and "exists already" in dialog.problem.text() and dialog.problem.isVisible()
    assert taken.read_text() == "the student's work"
    qtbot.mouseClick(dialog.none_button, Qt.MouseButton.LeftButton)
    assert dialog.count.text() == "0 of 4 articles chosen" and not dialog.write_button.isEnabled()
    qtbot.mouseClick(dialog.all_button, Qt.MouseButton.LeftButton)
    type_path(qtbot, dialog, sample_path)
    qtbot.mouseClick(dialog.write_button, Qt.MouseButton.LeftButton)
    assert "this project itself" in dialog.problem.text()
    dialog.reject()
    assert messages == []


def student_file(sample_path: Path, tmp_path: Path, **options) -> Path:
    out = tmp_path / "week3.annot"
    with Project.open(sample_path) as project:
        export_assignment(project, out, **options)
    return out


def test_a_student_is_told_what_to_do_and_sees_no_instructor_commands(qtbot, open_main, sample_path: Path,
                                                                     tmp_path: Path) -> None:
    window = open_main(student_file(sample_path, tmp_path), "amy")
    banner = window.assignment_banner
    assert banner is not None and banner.isVisible()
    assert banner.text.text().startswith("This is an assignment from your instructor: ")
    assert "Classroom ▸ Return to teacher… writes the file to send" in banner.text.text()
    assert banner.mapTo(window, QPoint(0, banner.height())).y() <= window.tabs.y()  # a bar above the workspace
    assert banner.width() > window.width() * 0.9  # across the window, over the docks too
    assert menu_action(window, RETURN).isVisible()
    assert not any(menu_action(window, text).isVisible() for text in TEACHER_ONLY)
    window.classroom.merge([sample_path])  # and the slots refuse, should anything still call them
    assert "student's assignment" in window.statusBar().currentMessage()


def test_the_instructor_sees_no_banner_and_no_return(qtbot, open_main, sample_path: Path) -> None:
    window = open_main(sample_path, "teacher")
    assert window.assignment_banner is None
    assert not menu_action(window, RETURN).isVisible()
    assert all(menu_action(window, text).isVisible() for text in TEACHER_ONLY)


def test_a_blind_file_written_before_the_marker_is_an_assignment(qtbot, open_main, sample_path: Path,
                                                                 tmp_path: Path) -> None:
    path = student_file(sample_path, tmp_path, blind=True)
    with Project.open(path) as project:
        project.info.set_value("assignment", None)
    window = open_main(path, "amy")
    assert window.assignment_banner is not None and "only your own marks" in window.assignment_banner.text.text()
    assert not menu_action(window, "Make &assignment…").isVisible()


def test_return_to_teacher_writes_a_copy_named_for_the_student(qtbot, open_main, messages, sample_path: Path,
                                                               tmp_path: Path, monkeypatch) -> None:
    window = open_main(student_file(sample_path, tmp_path), "amy")
    window.open_article(1)
    view = window.columns.current.view
    qtbot.keyClick(view, Qt.Key.Key_J)
    qtbot.keyClick(view, Qt.Key.Key_6)
    offered = []
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        staticmethod(lambda _parent, _title, default, _filter: offered.append(default) or (default, "")))
    qtbot.mouseClick(window.assignment_banner.return_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(messages), timeout=10000)
    returned = tmp_path / "week3-amy.annot"
    assert offered == [str(returned)]
    assert messages[0][0] == "Return to teacher" and f"Wrote {returned}" in messages[0][1]
    with Project.open(sample_path) as class_project:
        assert merge_file(class_project, returned).added == {"amy": 1}


def test_returning_nothing_asks_first(qtbot, open_main, messages, sample_path: Path, tmp_path: Path,
                                      monkeypatch) -> None:
    window = open_main(student_file(sample_path, tmp_path), "amy")
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: ("", "")))
    menu_action(window, RETURN).trigger()
    assert messages == [("Return to teacher", "You (amy) have not marked anything yet. Write the file to send anyway?")]
    assert not (tmp_path / "week3-amy.annot").exists()


def test_the_dialog_offers_a_name_not_yet_taken(qtbot, open_main, sample_path: Path) -> None:
    sample_path.with_name("sample-assignment.annot").write_text("last week's")
    window = open_main(sample_path, "teacher")
    assert open_dialog(window).path.text() == str(sample_path.with_name("sample-assignment-2.annot"))
