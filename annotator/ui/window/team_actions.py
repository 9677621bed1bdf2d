"""File ▸ Share…, Join…, Sync and "Sync every 5 minutes": the window's side of the team server, with
the status bar's word on when the project last synced.

Each runs core/team/session.py in the thread pool on a connection of its own (a server that cannot
be reached takes up to ten seconds to say so). What a sync brings in is written by that connection,
so it reaches the views as another process's writes do: through the session's look at the change
log. One sync runs at a time; a tick of the automatic sync while one runs is skipped, and its
failure is said in the status bar only (the next tick tries again).
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QObject, QSignalBlocker, Qt, QTimer, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog, QFileDialog, QMenu, QProgressDialog, QWidget

from annotator.core.changes import NOTHING, Changes
from annotator.core.errors import AnnotatorError
from annotator.core.store import sync_link
from annotator.core.store.project import Project
from annotator.core.store.sync_link import Link
from annotator.core.team import session as team
from annotator.core.team.connect import database_name, without_password
from annotator.ui.base.background import BackgroundWork
from annotator.ui.base.errors import ErrorSink
from annotator.ui.base.session import ProjectSession
from annotator.ui.window.file_actions import PROJECT_FILTER
from annotator.ui.window.sync_status import SyncFailure, SyncStatusLabel
from annotator.ui.window.team_dialogs import ServerDialog, join_dialog, share_dialog

AUTO_MINUTES = 5
LABEL_SECONDS = 30


class TeamActions(QObject):
    project_switch_requested = Signal(object, bool)  # the joined copy's path, and False: it exists
    sync_ended = Signal(object)  # the SyncSummary, or the exception that stopped the sync

    def __init__(self, session: ProjectSession, errors: ErrorSink, parent: QWidget) -> None:
        super().__init__(parent)
        self.session = session
        self.errors = errors
        self.parent_widget = parent
        self.status_label = SyncStatusLabel(parent)
        self.syncing = False
        self.busy: QProgressDialog | None = None  # a share or a join under way
        self.failure: SyncFailure | None = None  # the last sync's, until one succeeds
        self.auto_timer = QTimer(self)
        self.auto_timer.timeout.connect(self._on_auto_timer_timeout)
        # A sync from the command line that brought nothing leaves no entry in the change log: the label
        # is read again now and then (one row and a count), so its "Synced HH:MM" follows it.
        self.label_timer = QTimer(self)
        self.label_timer.setInterval(LABEL_SECONDS * 1000)
        self.label_timer.timeout.connect(self._on_label_timer_timeout)

    def populate(self, menu: QMenu, *, before: QAction) -> None:
        """The team's items, in a group of their own just above `before`."""
        self.share_action = self._action(menu, "&Share…", self.share, before)
        self.join_action = self._action(menu, "&Join…", self.join, before)
        self.sync_action = self._action(menu, "S&ync", self.sync, before)
        self.auto_action = self._action(menu, f"Sync every {AUTO_MINUTES} &minutes", None, before)
        self.auto_action.setCheckable(True)
        self.auto_action.toggled.connect(self._on_auto_action_toggled)
        menu.insertSeparator(before)
        self.session.changed.connect(self._on_session_changed)  # a change here: one more waits to be sent
        self.refresh()
        self.label_timer.start()

    def _action(self, menu: QMenu, text: str, slot, before: QAction) -> QAction:
        action = QAction(text, self.parent_widget)
        if slot is not None:
            action.triggered.connect(lambda _checked=False: slot())
        menu.insertAction(before, action)
        return action

    # -- what the window shows ---------------------------------------------------------------------
    def refresh(self) -> None:
        """Enable the items and set the status label from the project's link (a cheap read)."""
        project = self.session.project
        if not project.is_open:  # the window moved to another project: nothing to sync any more
            self.auto_timer.stop()
            return
        link, waiting = team.status(project)
        writable = not project.read_only
        self.share_action.setEnabled(writable and link is None and self.busy is None)
        self.join_action.setEnabled(self.busy is None)
        self.sync_action.setEnabled(writable and link is not None and not self.syncing)
        self.auto_action.setEnabled(writable and link is not None)
        with QSignalBlocker(self.auto_action):
            self.auto_action.setChecked(link is not None and link.auto_minutes > 0)
        self.status_label.show_link(link, waiting, failure=self.failure, syncing=self.syncing)
        self._arm(link if writable else None)

    def _arm(self, link: Link | None) -> None:
        """Run the automatic sync's timer while the link asks for it (not restarted by every refresh)."""
        wanted = link.auto_minutes * 60_000 if link is not None and link.auto_minutes > 0 else 0
        if not wanted:
            self.auto_timer.stop()
        elif not self.auto_timer.isActive() or self.auto_timer.interval() != wanted:
            self.auto_timer.start(wanted)

    def _on_label_timer_timeout(self) -> None:
        if not self.session.project.is_open:
            self.label_timer.stop()
            return
        if self.busy is None:
            self.refresh()

    def _on_session_changed(self, _changes: Changes) -> None:
        self.refresh()

    # -- share and join ------------------------------------------------------------------------------
    def share(self) -> None:
        """Ask the server's address, then publish the project there in the background."""
        project = self.session.project
        if project.read_only:
            self.errors.notice("The project is open read-only; it cannot be shared.")
            return
        link, _ = team.status(project)
        if link is not None:
            self.errors.notice(f"The project is shared already, on {link.url}.")
            return
        answer = _asked(share_dialog(self.parent_widget))
        if answer is None:
            return
        address, blind = answer
        work = BackgroundWork(project.path, lambda p: team.share(p, address, blind=blind), errors=self.errors,
                              failure_title="Not shared", read_only=False)
        work.on_end(self._end_busy).on_success(self._on_shared)
        self._start_busy("Share", f"Sharing {project.name} on {without_password(address)}…")
        work.start()

    def _on_shared(self, summary: team.SyncSummary) -> None:
        self.failure = None
        self.refresh()
        link, waiting = team.status(self.session.project)
        lines = [f"{self.session.project.name} is shared on the team server at", f"    {link.url}",
                 f"You are a {link.role} there. Others join it with File ▸ Join… and this address.", "",
                 *summary.lines()]
        if waiting:
            lines.append(f"{waiting:,} changes made meanwhile wait for the next sync.")
        self.errors.inform("Shared", "\n".join(lines))

    def join(self) -> None:
        """Ask the address and where to save the new copy; make it in the background, then open it."""
        answer = _asked(join_dialog(self.parent_widget))
        if answer is None:
            return
        address, _blind = answer
        target = self._new_copy_path(address)
        if target is None:
            return
        work = BackgroundWork.without_project(lambda: _joined(address, target), errors=self.errors,
                                              failure_title="Not joined")
        work.on_end(self._end_busy).on_success(lambda path: self.project_switch_requested.emit(path, False))
        self._start_busy("Join", f"Fetching the shared project from {without_password(address)}…")
        work.start()

    def _new_copy_path(self, address: str) -> Path | None:
        default = self.session.project.path.with_name(f"{database_name(address)}.annot")
        path, _ = QFileDialog.getSaveFileName(self.parent_widget, "Save the shared project's copy as", str(default),
                                              PROJECT_FILTER, options=QFileDialog.Option.DontConfirmOverwrite)
        if not path:
            return None
        target = Path(path) if Path(path).suffix else Path(path).with_suffix(".annot")
        if target.exists():
            self.errors.inform("Join", f"{target} exists already; choose another name.")
            return None
        return target

    def _start_busy(self, title: str, text: str) -> None:
        busy = QProgressDialog(text, None, 0, 0, self.parent_widget)  # no Cancel: it ends by itself
        busy.setWindowTitle(title)
        busy.setWindowModality(Qt.WindowModality.WindowModal)
        busy.setMinimumDuration(0)
        busy.show()
        self.busy = busy
        self.refresh()

    def _end_busy(self) -> None:
        if self.busy is not None:
            self.busy.reset()
            self.busy.deleteLater()
        self.busy = None
        self.refresh()

    # -- sync ------------------------------------------------------------------------------------------
    def sync(self, *, automatic: bool = False) -> None:
        """Send this copy's changes and take the team's, in the background; one sync at a time."""
        project = self.session.project
        if self.syncing:
            if not automatic:
                self.errors.notice("A sync is under way already.")
            return
        if not project.is_open or project.read_only or team.status(project)[0] is None:
            if not automatic:
                self.errors.notice("Only a shared project that can be written is synced (File ▸ Share…).")
            return
        self.syncing = True
        work = BackgroundWork(project.path, team.sync, errors=self.errors, read_only=False)
        work.on_end(self._on_sync_over).on_success(lambda summary: self._on_synced(summary, automatic))
        work.on_failure(lambda error: self._on_sync_failed(error, automatic))
        self.refresh()
        work.start()

    def _on_sync_over(self) -> None:
        self.syncing = False

    def _on_synced(self, summary: team.SyncSummary, automatic: bool) -> None:
        self.failure = None
        self.session.catch_up()  # what it brought in shows now, not at the session's next look
        self.refresh()
        lines = summary.lines()
        if not automatic or summary.sent or summary.received:
            self.errors.notice(lines[0])
        if len(lines) > 1:  # conflicts, changes kept here only or not written here: the user must know
            self.errors.inform("Sync", "\n\n".join(lines))
        self.sync_ended.emit(summary)

    def _on_sync_failed(self, error: BaseException, automatic: bool) -> None:
        reason = str(error) if isinstance(error, AnnotatorError) else f"{type(error).__name__}: {error}"
        self.failure = SyncFailure(datetime.now().astimezone(), reason)
        self.refresh()
        if automatic:  # no box every few minutes while the server is away: the next tick tries again
            self.errors.notice("The automatic sync failed; your work is kept, and it tries again at its next turn.")
        else:
            self.errors.report(error, title="Sync failed")
        self.sync_ended.emit(error)

    def _on_auto_timer_timeout(self) -> None:
        if not self.session.project.is_open:
            self.auto_timer.stop()
            return
        self.sync(automatic=True)

    def _on_auto_action_toggled(self, on: bool) -> None:
        """Keep the choice in the project (every copy of it syncs as its user chose)."""
        project = self.session.project
        if project.is_open and not project.read_only:
            try:
                self.session.step(lambda: _store_auto_minutes(project, AUTO_MINUTES if on else 0))
            except AnnotatorError as error:
                self.errors.report(error)
        self.refresh()


def _asked(dialog: ServerDialog) -> tuple[str, bool] | None:
    """The address (and blind choice) from a server dialog; None when it was cancelled."""
    try:
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.address(), dialog.blind()
    finally:
        dialog.deleteLater()


def _joined(address: str, target: Path) -> Path:
    team.join(address, target).close()  # opened on this thread: closed here, opened again by the window
    return target


def _store_auto_minutes(project: Project, minutes: int) -> Changes:
    sync_link.update(project.database.conn, auto_minutes=minutes)
    return NOTHING
