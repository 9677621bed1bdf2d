"""The one place the window shows errors and messages; how, it decides by the exception's class.

A slip (an unknown category, a bad value) goes to the status bar; a change that was not saved, a
file that cannot be opened or written, and anything unexpected gets a dialog that names the file,
says what happened in plain words and what to do next. Every message box of the window is made here,
and each shows its text as plain text: a file or category name is never taken for markup.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from types import TracebackType

import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from annotator.core.errors import (
    AlreadyAnnotated, AnnotatorError, Duplicate, ExportFailed, ImportRefused, InvalidValue, NotFound, ProjectError,
    ProjectReadOnly,
)

STATUS_MS = 8000
# Dialog titles by class, most specific first; classes not listed are shown in the status bar.
_DIALOGS: list[tuple[type[BaseException], str]] = [
    (ProjectReadOnly, "Not saved"),
    (ProjectError, "Project file problem"),
    (ExportFailed, "Export failed"),
    (ImportRefused, "Import refused"),
]
_SLIPS = (NotFound, InvalidValue, Duplicate, AlreadyAnnotated)
UNEXPECTED_ADVICE = ("Everything shown as saved is in the project file. Please report this message "
                     "with what you were doing.")


def describe(error: BaseException) -> str:
    """The message for `error`: what happened, then what the user can do next."""
    if isinstance(error, AnnotatorError):
        message = str(error)
        return f"{message}\n\n{error.advice}" if error.advice else message
    return f"Something went wrong ({type(error).__name__}: {error}).\n\n{UNEXPECTED_ADVICE}"


def dialog_title(error: BaseException) -> str | None:
    """The title of the dialog that shows `error`, or None when the status bar is enough."""
    if isinstance(error, _SLIPS):
        return None
    for cls, title in _DIALOGS:
        if isinstance(error, cls):
            return title
    if isinstance(error, AnnotatorError):
        return None
    return "Something went wrong"


class ErrorSink:
    """Shows errors, notices and questions for one window."""

    def __init__(self, parent: QWidget, status: Callable[[str, int], None]) -> None:
        self.parent = parent
        self._status = status

    @property
    def alive(self) -> bool:
        """False once the window was closed and deleted: work finishing later has nobody to tell."""
        return shiboken6.isValid(self.parent)

    def report(self, error: BaseException, *, title: str | None = None) -> None:
        """Show `error`: in the status bar, and in a dialog when its class asks for one (or `title` does)."""
        if not self.alive:
            return
        self._status(str(error) if isinstance(error, AnnotatorError) else describe(error), STATUS_MS)
        title = title or dialog_title(error)
        if title is not None:
            icon = QMessageBox.Icon.Warning if isinstance(error, AnnotatorError) else QMessageBox.Icon.Critical
            show_box(self.parent, icon, title, describe(error))

    def notice(self, text: str) -> None:
        """A hint or a confirmation, in the status bar."""
        if self.alive:
            self._status(text, STATUS_MS)

    def inform(self, title: str, text: str) -> None:
        show_box(self.parent, QMessageBox.Icon.Information, title, text)

    def confirm(self, title: str, text: str, *, ok_text: str | None = None, cancel_text: str | None = None) -> bool:
        """Ask; True when OK (or the button named `ok_text`) is pressed."""
        answer = show_box(self.parent, QMessageBox.Icon.Question, title, text,
                          QMessageBox.StandardButton.Ok | QMessageBox.StandardButton.Cancel,
                          texts={QMessageBox.StandardButton.Ok: ok_text, QMessageBox.StandardButton.Cancel: cancel_text})
        return answer == QMessageBox.StandardButton.Ok


def show_box(parent: QWidget | None, icon: QMessageBox.Icon, title: str, text: str,
             buttons: QMessageBox.StandardButton = QMessageBox.StandardButton.Ok, *,
             texts: dict[QMessageBox.StandardButton, str | None] | None = None) -> QMessageBox.StandardButton:
    """Show a modal message box with `text` as plain text; return the button pressed.

    The static QMessageBox helpers guess rich text, which would render (and load the images named
    in) a title or a file name.
    """
    box = QMessageBox(icon, title, text, buttons, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    for button, label in (texts or {}).items():
        if label and box.button(button) is not None:
            box.button(button).setText(label)  # what the button does, in words ("Import the others")
    try:
        return QMessageBox.StandardButton(box.exec())
    finally:
        box.deleteLater()


def startup_question(title: str, text: str, *, ok_text: str, cancel_text: str) -> bool:
    """A question before any window exists (repair a project at opening?); True when `ok_text` is pressed."""
    answer = show_box(None, QMessageBox.Icon.Warning, title, text,
                      QMessageBox.StandardButton.Ok | QMessageBox.StandardButton.Cancel,
                      texts={QMessageBox.StandardButton.Ok: ok_text, QMessageBox.StandardButton.Cancel: cancel_text})
    return answer == QMessageBox.StandardButton.Ok


def show_startup_error(error: BaseException, *, restore_offer: str | None = None, offer_note: str = "") -> bool:
    """An error before any window exists (a project that cannot be opened at start).

    With `restore_offer` ("Restore the backup of …"), the box also offers that button, the default
    one, with `offer_note` in place of the error's advice; True when the button was pressed.
    """
    if restore_offer is None:
        show_box(None, QMessageBox.Icon.Critical, "Cannot open project", describe(error))
        return False
    text = f"{error}\n\n{offer_note}" if offer_note else describe(error)
    box = QMessageBox(QMessageBox.Icon.Critical, "Cannot open project", text, QMessageBox.StandardButton.Cancel)
    box.setTextFormat(Qt.TextFormat.PlainText)
    restore = box.addButton(restore_offer, QMessageBox.ButtonRole.AcceptRole)
    box.setDefaultButton(restore)
    try:
        box.exec()
        return box.clickedButton() == restore
    finally:
        box.deleteLater()


Hook = Callable[[type[BaseException], BaseException, TracebackType | None], None]


def unexpected_hook(sink: Callable[[], ErrorSink | None], previous: Hook = sys.__excepthook__) -> Hook:
    """A `sys.excepthook` that also shows an error no code caught (a bug in a slot) in the window.

    Qt carries on after such an exception, so without this the user would see nothing happen. The
    traceback still goes to `previous` (standard error); an interrupt is not shown; an error raised
    while showing one is not shown again.
    """
    showing = False

    def hook(kind: type[BaseException], error: BaseException, trace: TracebackType | None) -> None:
        nonlocal showing
        previous(kind, error, trace)
        target = sink()
        if target is None or showing or not isinstance(error, Exception):
            return
        showing = True
        try:
            target.report(error)
        finally:
            showing = False

    return hook
