"""The shape every operation has: apply and revert, each returning what it changed."""

from __future__ import annotations

from typing import Protocol

from annotator.core.changes import Changes
from annotator.core.store.project import Project


class Operation(Protocol):
    """One user-visible change. `apply` may run again after `revert` (redo); both commit before returning.

    `undoable` False marks an operation the window runs but cannot take back (an import, a merge);
    the window says so before running it, and `revert` is never called.
    """

    text: str
    undoable: bool

    def apply(self, project: Project) -> Changes: ...

    def revert(self, project: Project) -> Changes: ...
