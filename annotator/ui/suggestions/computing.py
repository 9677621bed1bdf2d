"""Keeping the stored suggestions up to date: computed in the background when the project opens, after
an import and after a codebook change (only articles whose cues changed are recomputed)."""

from __future__ import annotations

from PySide6.QtCore import QObject

from annotator.core.changes import Changes
from annotator.core.ops.suggestions import RefreshSuggestions
from annotator.ui.base.errors import ErrorSink
from annotator.ui.base.session import ProjectSession


class SuggestionComputing(QObject):
    """Schedules one refresh at a time; a change during one asks for one more when it is done."""

    def __init__(self, session: ProjectSession, errors: ErrorSink, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.errors = errors
        self.enabled = session.project.suggestions.enabled
        self.computing = False
        self.refreshing: RefreshSuggestions | None = None
        self.progress: tuple[int, int] | None = None
        self._again = False  # something changed while computing: compute once more when done
        session.changed.connect(self._on_session_changed)

    def compute(self) -> None:
        """Bring the stored suggestions up to date in the background (only stale articles are recomputed)."""
        if not self.enabled or self.session.project.read_only:
            return
        if self.computing:
            self._again = True
            return
        self.computing, self._again = True, False
        self.refreshing = RefreshSuggestions()
        self.progress: tuple[int, int] | None = None  # (articles done, articles to compute) while it runs
        (self.session.run_in_background(self.refreshing, self.errors).on_progress(self._on_progressed)
         .on_end(self._on_ended).on_success(self._on_computed).on_failure(self._on_failed).start())

    def cancel(self) -> None:
        """Stop computing after the current batch of articles (the window is closing)."""
        if self.computing and self.refreshing is not None:
            self.refreshing.cancel.set()
            self._again = False

    def _on_session_changed(self, changes: Changes) -> None:
        if self.session.project.is_open and (changes.articles or changes.codebook):
            self.compute()  # new articles, or categories whose cues count

    def _on_progressed(self, done: int, total: int, _item: str) -> None:
        """Long work says how far it is: "Computing suggestions: 150 of 480 articles…"."""
        self.progress = (done, total)
        if total and done < total and self.session.project.is_open:
            self.errors.notice(f"Computing suggestions: {done:,} of {_articles(total)}…")

    def _on_ended(self) -> None:
        self.computing = False

    def _on_computed(self, _changes: Changes) -> None:
        if self.progress is not None and self.progress[1]:
            self.errors.notice(f"Suggestions computed for {_articles(self.progress[1])}.")
        self.progress = None
        if self._again:
            self.compute()

    def _on_failed(self, error: BaseException) -> None:
        if self.session.project.is_open:  # not after the window closed with its project
            self.errors.report(error)


def _articles(count: int) -> str:
    return f"{count:,} article{'' if count == 1 else 's'}"
