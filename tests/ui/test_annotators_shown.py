"""After a merge: whose marks the columns show, View ▸ Annotators… to choose, and a compare tab that fits."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt

from annotator.core.classroom.files import mark_answer_key
from annotator.core.store.project import Project
from annotator.ui.classroom.annotators_dialog import AnnotatorsDialog
from annotator.ui.classroom.compare import CompareView

LONG_NAME = "bartholomew.okonkwo-fitzgerald.of.the.evening.seminar.group.b"
SCREEN_WIDTH = 1440  # the instructor's screen (the offscreen test screen is 800 px wide)


@pytest.fixture
def class_path(sample_path: Path) -> Path:
    with Project.open(sample_path) as project:
        for idx, name in [(0, "key"), (1, "amy"), (2, "bob"), (3, "bob"), (4, LONG_NAME)]:
            project.annotate_sentence(1, idx, category="on_record", annotator=name)
        project.articles.edit(1, title="A headline long enough to fill a whole screen on its own " * 6)
        mark_answer_key(project, "key")
    return sample_path


def names(column) -> list[str]:
    return sorted({a.annotator for a in column.view.annotations()})


def choose(qtbot, window, *hidden: str) -> None:
    """View ▸ Annotators…: only the marks of everyone but `hidden` (everyone's, if none)."""
    window.classroom.actions["annotators"].trigger()
    dialog = window.classroom.dialog
    assert isinstance(dialog, AnnotatorsDialog) and dialog.isVisible()
    qtbot.waitExposed(dialog)
    radio = dialog.only if hidden else dialog.everyone
    qtbot.mouseClick(radio, Qt.MouseButton.LeftButton, pos=QPoint(8, radio.height() // 2))  # on its circle
    for name in hidden:
        dialog.item(name).setCheckState(Qt.CheckState.Unchecked)
    dialog.accept()


def test_a_column_names_whose_marks_it_shows(qtbot, open_main, class_path: Path) -> None:
    window = open_main(class_path, "teacher")
    window.open_article(1)
    column = window.columns.current
    assert column.marks_by.isVisible() and column.marks_by.text() == f"Showing marks by: amy, {LONG_NAME}, bob, key"
    window.open_article(2, new_column=True)
    assert not window.columns.current.marks_by.isVisible()  # nobody's marks there: nothing to tell


def test_the_teacher_picks_whose_marks_are_shown_and_it_is_remembered(qtbot, open_main, class_path: Path) -> None:
    window = open_main(class_path, "teacher")
    window.open_article(1)
    column = window.columns.current
    choose(qtbot, window, "bob")
    assert names(column) == ["amy", LONG_NAME, "key"]
    assert column.marks_by.text() == f"Showing marks by: amy, {LONG_NAME}, key · hidden: bob"
    assert window.statusBar().currentMessage() == f"Showing marks by: amy, {LONG_NAME}, key, teacher."
    qtbot.keyClick(column.view, Qt.Key.Key_J)
    qtbot.keyClick(column.view, Qt.Key.Key_J)
    qtbot.keyClick(column.view, Qt.Key.Key_6)  # the teacher's own mark shows though not chosen
    assert names(column) == ["amy", LONG_NAME, "key", "teacher"]
    window.close()
    window.session.project.close()
    again = open_main(class_path, "teacher")
    again.open_article(1)
    assert names(again.columns.current) == ["amy", LONG_NAME, "key", "teacher"]  # bob still hidden
    choose(qtbot, again)
    assert names(again.columns.current) == ["amy", LONG_NAME, "bob", "key", "teacher"]
    assert again.session.visible_annotators is None


def test_blind_mode_keeps_its_rule(qtbot, open_main, class_path: Path, tmp_path: Path) -> None:
    from annotator.core.classroom.files import export_assignment
    out = tmp_path / "blind.annot"
    with Project.open(class_path) as project:
        export_assignment(project, out, keep=("key", "bob"), blind=True)
    window = open_main(out, "amy")
    window.session.show_annotators({"key", "bob"})
    assert window.session.visible_annotators == {"amy"}
    assert not window.classroom.actions["annotators"].isEnabled()
    window.open_article(1)
    assert names(window.columns.current) == [] and not window.columns.current.marks_by.isVisible()


def test_compare_tabs_never_widen_the_window_past_the_screen(qtbot, open_main, class_path: Path) -> None:
    window = open_main(class_path, "teacher")
    window.resize(SCREEN_WIDTH, 860)
    qtbot.waitUntil(lambda: window.width() == SCREEN_WIDTH)
    window.open_article(1)
    permanent = window.tabs.count()  # the workspace's and the story's tabs, which cannot be closed
    for student in ("amy", "bob", LONG_NAME):
        compare = window.open_compare("key", student)
        assert isinstance(compare, CompareView)
    window.open_class_scores("key")
    qtbot.wait(50)
    assert window.minimumSizeHint().width() <= SCREEN_WIDTH
    assert window.width() <= SCREEN_WIDTH
    assert compare.minimumSizeHint().width() < 600  # the article's long title does not set the tab's width
    while window.tabs.count() > permanent:
        window.tabs.tabCloseRequested.emit(window.tabs.count() - 1)
    qtbot.wait(50)
    assert window.width() == SCREEN_WIDTH


def test_comparing_the_same_student_again_brings_their_tab_forward(qtbot, open_main, class_path: Path) -> None:
    window = open_main(class_path, "teacher")
    first = window.open_compare("key", "amy")
    window.tabs.setCurrentIndex(0)
    count = window.tabs.count()
    assert window.open_compare("key", "amy") is first
    assert window.tabs.count() == count and window.tabs.currentWidget() is first
