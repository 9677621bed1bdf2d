"""Running an operation: one user action, one transaction, in the window and the command line alike.

`apply` and `revert` run the operation's step inside one IMMEDIATE transaction, so what the step
reads (the record an edit or an undo starts from) is read under the write lock and no other process
can change it between the read and the write; every write inside commits together or not at all.
An operation that reads files or computes for long (`commits_itself`) opens its own transactions,
so no lock is held while it reads.
"""

from __future__ import annotations

from annotator.core.changes import Changes
from annotator.core.ops.base import Operation
from annotator.core.store.project import Project


def apply(project: Project, operation: Operation) -> Changes:
    """Apply `operation` as one committed transaction; raise (and write nothing) if it is refused."""
    if getattr(operation, "commits_itself", False):
        return operation.apply(project)
    with project.transaction():
        return operation.apply(project)


def revert(project: Project, operation: Operation) -> Changes:
    """Take `operation` back as one committed transaction (ChangedElsewhere: nothing was changed)."""
    with project.transaction():
        return operation.revert(project)
