"""Each claim's independent sources, for the Story grid: the distinct original sources behind the
outlets that state it, once relays and copies are followed (core/provenance/origins.py).

The whole project's provenance is computed in the background, one run at a time (a change during a
run asks for one more when it ends); the grid shows the stored claims meanwhile, with "…" in the
column until the figures come.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from annotator.core.provenance.build import provenance_of
from annotator.core.provenance.model import Origin
from annotator.core.store.project import Project
from annotator.ui.base.background import BackgroundWork
from annotator.ui.base.errors import ErrorSink
from annotator.ui.base.one_run import OneRunAtATime
from annotator.ui.base.session import ProjectSession


def claim_origins(project: Project) -> dict[int, Origin]:
    """Claim id → its origin (first report and independent sources): what the worker thread runs."""
    return {o.claim: o for o in provenance_of(project).origins if o.claim is not None}


class ClaimSources(QObject):
    """The origins of the project's claims, as last computed (None before the first run ends)."""

    computed = Signal()

    def __init__(self, session: ProjectSession, errors: ErrorSink, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.errors = errors
        self.origins: dict[int, Origin] | None = None
        self._runs = OneRunAtATime(self._start)

    @property
    def computing(self) -> bool:
        return self._runs.running

    def compute(self) -> None:
        if self.session.project.is_open:
            self._runs.request()

    def _start(self) -> None:
        work = BackgroundWork(self.session.project.path, claim_origins, errors=self.errors,
                              failure_title="Independent sources not computed")
        work.on_end(self._runs.ended).on_success(self._on_computed).start()

    def _on_computed(self, origins: dict[int, Origin]) -> None:
        self.origins = origins
        self.computed.emit()
