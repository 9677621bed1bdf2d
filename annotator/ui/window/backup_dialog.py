"""Backups in the window: the list to restore from, the daily backup at opening, the offer at start.

The copying itself is the core's (core/store/backups.py); here it runs off the UI thread, and the
only message boxes are ui/errors.py's.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView, QDialog, QDialogButtonBox, QHeaderView, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget,
)

from annotator.core.clock import local_time
from annotator.core.errors import AnnotatorError, NotAProject, ProjectDamaged
from annotator.core.store import backups
from annotator.core.store.backups import BackupInfo
from annotator.core.store.project import Project
from annotator.ui.base.background import BackgroundWork
from annotator.ui.base.errors import ErrorSink, show_startup_error
from annotator.ui.base.plain_text import plain_label
from annotator.ui.base.session import ProjectSession

REASONS = {
    "daily": "daily, at opening",
    "manual": "made by hand",
    "before-restore": "before a restore",
    "before-import": "before an import",
    "before-merge": "before a merge",
    "before-upgrade": "before a file upgrade",
    "before-accept-all": "before accepting all suggestions",
    backups.DAMAGED: "damaged file, set aside",
}
NO_BACKUPS = ("No backups yet. One is made each day the project is opened, and before an import, a merge, "
              "accepting all suggestions, a file upgrade and a restore.")



def reason_text(reason: str) -> str:
    return REASONS.get(reason, reason.replace("-", " "))


def described(backup: BackupInfo) -> str:
    """`the backup of 2026-12-05 10:30 (daily, at opening)`."""
    return f"the backup of {local_time(backup.made_at)} ({reason_text(backup.reason)})"


class BackupDialog(QDialog):
    """The project's backups, newest first (date, reason, size); Restore takes the one selected."""

    def __init__(self, project_path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Restore from backup")
        self.backups = backups.list_backups(project_path)
        intro = plain_label(
            f"Backups of {project_path.name}, newest first. The project as it is now is kept as a backup "
            "before the one you choose is put back, so a restore can be taken back the same way."
            if self.backups else NO_BACKUPS)
        intro.setWordWrap(True)
        self.tree = self._make_tree()
        folder = plain_label(f"Kept in {backups.backup_folder(project_path)}")
        folder.setObjectName("backupFolder")
        folder.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        folder.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.restore_button = self.buttons.addButton("&Restore", QDialogButtonBox.ButtonRole.AcceptRole)
        self.restore_button.setEnabled(bool(self.backups))
        layout = QVBoxLayout(self)
        for widget in (intro, self.tree, folder, self.buttons):
            layout.addWidget(widget)
        self.tree.setVisible(bool(self.backups))
        self._connect_signals()
        self.resize(640, 340)

    def _make_tree(self) -> QTreeWidget:
        tree = QTreeWidget()
        tree.setObjectName("backupList")
        tree.setColumnCount(3)
        tree.setHeaderLabels(["Made", "Reason", "Size"])
        tree.setRootIsDecorated(False)
        tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        for backup in self.backups:
            item = QTreeWidgetItem([local_time(backup.made_at), reason_text(backup.reason),
                                    backups.size_text(backup.size)])
            item.setTextAlignment(2, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            item.setToolTip(0, str(backup.path))
            tree.addTopLevelItem(item)
        header = tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        if self.backups:
            tree.setCurrentItem(tree.topLevelItem(0))
        return tree

    def _connect_signals(self) -> None:
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.tree.itemDoubleClicked.connect(lambda _item, _column: self.accept())
        self.tree.currentItemChanged.connect(
            lambda current, _previous: self.restore_button.setEnabled(current is not None))

    def chosen(self) -> BackupInfo | None:
        """The backup selected, or None."""
        item = self.tree.currentItem()
        return self.backups[self.tree.indexOfTopLevelItem(item)] if item is not None else None


def restore_and_upgrade(project_path: Path, backup_path: Path) -> Path | None:
    """Restore, then open the project once so a backup from an older version is upgraded at once
    (the window's connection reads the tables of this version). Where the state before was kept."""
    kept = backups.restore(project_path, backup_path)
    Project.open(project_path).close()
    return kept


def start_daily_backup(session: ProjectSession, errors: ErrorSink) -> BackgroundWork:
    """Make the day's backup of the session's project in the background (skipped when one is recent);
    the status bar says why when none could be made."""
    work = BackgroundWork(session.project.path, lambda p: backups.backup_if_due(p.database.conn, p.path),
                          errors=errors, read_only=False)
    return work.on_failure(lambda error: errors.notice(f"The daily backup was not made: {error}")).start()


def open_failed_offering_backup(error: BaseException) -> bool:
    """Say why a project cannot be opened; when it is damaged and has a good backup, offer to restore it.

    True when the backup was restored: the project can be opened again.
    """
    good = None
    if isinstance(error, (ProjectDamaged, NotAProject)):
        good = backups.newest_good_backup(error.path)
    if good is None:
        show_startup_error(error)
        return False
    if isinstance(error, NotAProject):  # it has backups, so it was a project: it is damaged
        error = ProjectDamaged(error.path, "the project file is damaged: it no longer reads as a project")
    when = local_time(good.made_at)
    offer = f"Restore the backup of {when}"
    note = (f"Its newest good backup was made {when} ({reason_text(good.reason)}). Restoring it keeps this "
            "file, as it is now, in the backup folder.")
    if not show_startup_error(error, restore_offer=offer, offer_note=note):
        return False
    try:
        restore_and_upgrade(error.path, good.path)
    except AnnotatorError as failure:
        show_startup_error(failure)
        return False
    return True
