"""One error path: exceptions, not strings, reach the window, which shows each by its class."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog

from annotator.core.errors import (
    AlreadyAnnotated, DiskFull, ExportFailed, InvalidValue, NotFound, ProjectLocked, ProjectReadOnly,
)
from annotator.core.records import Annotation
from annotator.ui.base.background import BackgroundWork
from annotator.ui.base.errors import describe, dialog_title, unexpected_hook


@pytest.mark.parametrize("error, title", [
    (NotFound("no article 9 in this project"), None),
    (InvalidValue("a category needs a label"), None),
    (AlreadyAnnotated(Annotation(1, 1, 0, 5, "document", "amy", "", "", "", "")), None),
    (ProjectLocked("/p.annot", "the project is locked by another program"), "Project file problem"),
    (DiskFull("/p.annot", "the disk is full"), "Project file problem"),
    (ProjectReadOnly("/p.annot", "the project is open read-only"), "Not saved"),
    (ExportFailed("/out.csv", "cannot write there"), "Export failed"),
    (RuntimeError("boom"), "Something went wrong"),
])
def test_each_error_class_has_its_place(error, title) -> None:
    assert dialog_title(error) == title


def test_the_message_names_the_file_the_problem_and_the_next_step() -> None:
    text = describe(DiskFull("/data/class.annot", "the disk is full; nothing was saved from the last change"))
    assert text.startswith("/data/class.annot: the disk is full")
    assert "Free some space on the disk" in text
    assert "RuntimeError: boom" in describe(RuntimeError("boom"))


def test_a_slip_goes_to_the_status_bar_only(open_main, messages, sample_path: Path) -> None:
    window = open_main(sample_path)
    window.errors.report(NotFound("no article 9 in this project"))
    assert messages == []
    assert window.statusBar().currentMessage() == "no article 9 in this project"


def test_a_failed_background_export_reaches_the_user_with_its_class_message(
        qtbot, open_main, messages, sample_path: Path, tmp_path: Path, monkeypatch) -> None:
    window = open_main(sample_path)
    target = tmp_path / "missing-folder" / "out.csv"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(target), "")))
    window.files.export_action.trigger()  # File ▸ Export annotations CSV…
    qtbot.waitUntil(lambda: bool(messages), timeout=10000)
    title, text = messages[-1]
    assert title == "Export failed"
    assert str(target) in text and "cannot write there" in text
    assert ExportFailed.advice in text


def test_an_unexpected_exception_in_background_work_is_shown_with_its_class_by_default(
        qtbot, open_main, messages, sample_path) -> None:
    window = open_main(sample_path)

    def broken(project):
        raise KeyError("column")

    work = BackgroundWork(sample_path, broken, errors=window.errors)  # no failure handler: the default one
    ended: list[bool] = []
    work.on_end(lambda: ended.append(True))
    with qtbot.waitSignal(work.signals.failed, timeout=10000):
        work.start()
    qtbot.waitUntil(lambda: bool(messages), timeout=10000)
    assert ended == [True]
    assert messages[-1][0] == "Something went wrong"
    assert "KeyError" in messages[-1][1]


def test_an_undo_the_file_refuses_leaves_no_lying_history(qtbot, open_main, messages, sample_path, monkeypatch) -> None:
    from PySide6.QtCore import Qt

    window = open_main(sample_path)
    window.open_article(1)
    view = window.columns.current.view
    qtbot.keyClick(view, Qt.Key.Key_1)
    assert window.session.undo_stack.canUndo()

    def locked(annotation_id):
        raise ProjectLocked(sample_path, "the project is locked by another program; close it there and try again")

    monkeypatch.setattr(window.session.project.annotations, "delete", locked)
    window.undo_action.trigger()
    assert messages[-1][0] == "Project file problem" and "locked" in messages[-1][1]
    assert window.session.project.annotations.count() == 1  # still in the file...
    assert [a.category for a in view.annotations()] == ["anonymous_official"]  # ...and still shown
    assert not window.session.undo_stack.canRedo()  # no redo of an undo that never happened


def test_an_exception_no_code_caught_is_shown_in_the_window_and_still_printed(open_main, messages,
                                                                              sample_path: Path) -> None:
    window = open_main(sample_path)
    printed = []
    hook = unexpected_hook(lambda: window.errors, lambda *args: printed.append(args[1]))
    try:
        {}["missing"]
    except KeyError as error:
        hook(KeyError, error, error.__traceback__)
    assert len(printed) == 1
    assert messages[-1][0] == "Something went wrong" and "KeyError: 'missing'" in messages[-1][1]
    hook(KeyboardInterrupt, KeyboardInterrupt(), None)  # printed, not shown
    assert len(printed) == 2 and len(messages) == 1


def test_an_error_while_showing_an_error_is_not_shown_again(open_main, messages, sample_path: Path,
                                                            monkeypatch) -> None:
    window = open_main(sample_path)
    hook = unexpected_hook(lambda: window.errors, lambda *args: None)
    monkeypatch.setattr(window.errors, "report", lambda error: hook(ValueError, ValueError("again"), None)
                        or messages.append(("shown", str(error))))
    hook(RuntimeError, RuntimeError("first"), None)
    assert messages == [("shown", "first")]
