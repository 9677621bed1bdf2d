"""The status bar's word on a shared project: when it last synced, what waits to be sent, or why the
last sync failed. Hidden for a project that is not shared."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget

from annotator.core.clock import in_local_zone
from annotator.core.store.sync_link import Link

MAX_WIDTH = 460  # pixels; a long reason is cut in its middle (its cause comes last), whole in the tooltip


@dataclass(frozen=True)
class SyncFailure:
    at: datetime  # local time
    reason: str


def clock_time(when: datetime, *, today: datetime | None = None) -> str:
    """'14:05' today, '2026-03-02 14:05' on another day (local time)."""
    today = today or datetime.now().astimezone()
    return when.strftime("%H:%M" if when.date() == today.date() else "%Y-%m-%d %H:%M")


def waiting_text(waiting: int) -> str:
    if waiting == 0:
        return "no changes waiting"
    return f"{waiting:,} change{'s' * (waiting != 1)} waiting"


def status_text(link: Link, waiting: int, *, failure: SyncFailure | None = None, syncing: bool = False) -> str:
    """'Synced 14:05 · 3 changes waiting', 'Not synced yet · 12 changes waiting', 'Sync failed 14:10: …'."""
    if syncing:
        return f"Syncing… · {waiting_text(waiting)}"
    if failure is not None:
        return f"Sync failed {clock_time(failure.at)}: {failure.reason}"
    when = in_local_zone(link.last_sync) if link.last_sync else None
    if when is None:
        return f"Not synced yet · {waiting_text(waiting)}"
    return f"Synced {clock_time(when)} · {waiting_text(waiting)}"


def tooltip_text(link: Link, *, failure: SyncFailure | None = None) -> str:
    lines = [f"Shared on {link.url} as {link.member} ({link.role})."]
    if failure is not None:
        lines.append(f"The last sync failed at {clock_time(failure.at)}: {failure.reason}")
        lines.append("Your work is kept in the project file; what waits is sent at the next sync.")
    if link.auto_minutes:
        lines.append(f"Syncs every {link.auto_minutes} minutes while the project is open.")
    lines.append("File ▸ Sync sends your changes and takes the team's.")
    return "\n".join(lines)


class SyncStatusLabel(QLabel):
    """A permanent status-bar label; `show_link` sets it from the project's link (None hides it)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("syncStatus")
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.full_text = ""  # the text before it is cut to fit
        self._failed = False
        self._set_failed(False)
        self.hide()

    def show_link(self, link: Link | None, waiting: int, *, failure: SyncFailure | None = None,
                  syncing: bool = False) -> None:
        if link is None:
            self.full_text = ""
            self.hide()
            return
        self.full_text = status_text(link, waiting, failure=failure, syncing=syncing)
        self.setText(self.fontMetrics().elidedText(self.full_text, Qt.TextElideMode.ElideMiddle, MAX_WIDTH))
        self.setToolTip(tooltip_text(link, failure=failure))
        self._set_failed(failure is not None and not syncing)
        self.show()

    def _set_failed(self, failed: bool) -> None:
        """The failure in the read-only notice's colour; the style set only when it changes (it costs)."""
        if failed != self._failed or not self.styleSheet():
            self._failed = failed
            self.setStyleSheet("color: #8A1C00; padding: 0 6px;" if failed else "padding: 0 6px;")
