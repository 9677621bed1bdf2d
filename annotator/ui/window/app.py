"""Start the application: pick and open the project, ask the annotator's name once, show the window."""

from __future__ import annotations

import gc
import getpass
import os
import sys
from pathlib import Path

from PySide6.QtCore import QSettings, QThreadPool
from PySide6.QtWidgets import QApplication, QInputDialog, QWidget

from annotator.core import paths
from annotator.core.errors import AnnotatorError
from annotator.core.store.project import Project
from annotator.core.team import session as team_session
from annotator.core.store.schema_check import SchemaIncomplete
from annotator.core.resources import resources_dir
from annotator.core.sample import create_sample
from annotator.ui.window.backup_dialog import open_failed_offering_backup
from annotator.ui.base.errors import show_startup_error, startup_question, unexpected_hook
from annotator.ui.window.file_actions import remember_project
from annotator.ui.window.main_window import MainWindow
from annotator.ui.base.session import ProjectSession

ORGANISATION = paths.ORGANISATION
APPLICATION = paths.APPLICATION


def settings() -> QSettings:
    """UI state only (window, columns, recent files, annotator name); never project data.

    ANNOTATOR_SETTINGS names an .ini file to use instead of the user's settings (tests, kiosks).
    """
    override = os.environ.get("ANNOTATOR_SETTINGS")
    if override:
        return QSettings(override, QSettings.Format.IniFormat)
    return QSettings(ORGANISATION, APPLICATION)


def data_dir() -> Path:
    """The user's data folder (the one Qt's AppDataLocation names), created on demand."""
    return paths.data_dir()


def ensure_sample() -> Path:
    """The sample project in the user's data folder, created on first use."""
    path = data_dir() / "sample.annot"
    if not path.exists():
        create_sample(path)[0].close()
    return path


def default_project(store: QSettings) -> Path:
    """The last project if it still exists, else the sample project in the data folder."""
    last = store.value("project/last")
    if last and Path(str(last)).exists():
        return Path(str(last))
    return ensure_sample()


def annotator_name(store: QSettings, parent: QWidget | None = None) -> str:
    """Ask once; the name is stored with every annotation."""
    name = str(store.value("annotator/name") or "").strip()
    while not name:
        name, ok = QInputDialog.getText(parent, "Welcome to the source annotator",
                                        "Your name, stored with every annotation you make:",
                                        text=_login_name())
        name = name.strip()
        if not ok and not name:
            name = "anonymous"
    store.setValue("annotator/name", name)
    return name


def _login_name() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return ""


def open_window(path: Path, store: QSettings, *, create: bool = False,
                offer_backup: bool = True) -> MainWindow | None:
    """Open `path` in a new window; on failure say why and return None (nothing is written).

    A damaged project with a good backup is offered that backup; once restored, it is opened.
    """
    try:
        project = Project.create(path) if create else Project.open(path)
    except SchemaIncomplete as incomplete:
        project = _repaired(path, incomplete)
        if project is None:
            return None
    except AnnotatorError as error:
        if not offer_backup:
            show_startup_error(error)
            return None
        if open_failed_offering_backup(error):
            return open_window(path, store, offer_backup=False)
        return None
    remember_project(store, path)
    # In a shared project an editor or a student annotates under their server login (core/team).
    session = ProjectSession(project, team_session.annotating_as(project) or annotator_name(store))
    window = MainWindow(session, store)
    window.project_switch_requested.connect(lambda p, new, w=window: _switch(w, p, new, store))
    return window


def _repaired(path: Path, incomplete: SchemaIncomplete) -> Project | None:
    """Ask before restoring what the file lacks of ours (a backup is made first); None when declined or failed."""
    if not startup_question("Project needs repair", f"{incomplete}\n\nRestore them now? A backup of the file as it "
                            "is is made first; nothing else in it changes.", ok_text="Restore and open",
                            cancel_text="Leave it closed"):
        return None
    try:
        return Project.open(path, repair=True)
    except AnnotatorError as error:
        show_startup_error(error)
        return None


def _switch(window: MainWindow, path: Path, create: bool, store: QSettings) -> None:
    replacement = open_window(path, store, create=create)
    if replacement is None:
        return
    replacement.show()
    window.close()
    window.session.close()
    remember_project(store, path)  # closing the old window recorded it as the last project
    QApplication.instance().setProperty("main_window", replacement)


def application() -> QApplication:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setOrganizationName(ORGANISATION)
    app.setApplicationName(APPLICATION)
    app.setApplicationDisplayName("Source annotator")
    style = resources_dir() / "style.qss"
    if style.exists():
        app.setStyleSheet(style.read_text(encoding="utf-8"))
    # What was made to start (modules, Qt's wrappers: most objects the program will ever hold) is
    # set aside from the cycle collector, whose full passes otherwise walk it all again while an
    # article's ten thousand sentences and highlights are read.
    gc.freeze()
    return app


def run(project: Path | None) -> int:
    app = application()
    store = settings()
    path = project if project is not None else default_project(store)
    window = open_window(path, store)
    if window is None:  # the message was shown; stay up on the last project or the sample
        fallback = default_project(store)
        if fallback != path:
            window = open_window(fallback, store)
        if window is None and ensure_sample() not in (path, fallback):
            window = open_window(ensure_sample(), store)
    if window is None:
        return 1
    app.setProperty("main_window", window)
    sys.excepthook = unexpected_hook(lambda: getattr(app.property("main_window"), "errors", None), sys.excepthook)
    window.show()
    code = app.exec()
    # Closing the window cancels an import or a claims run after its current step; let background
    # work finish before Python tears down the objects its signals report to.
    QThreadPool.globalInstance().waitForDone(30_000)
    return code
