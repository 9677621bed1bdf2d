"""Running an operation: one user action, one transaction, in the window and the command line alike.

`apply` and `revert` run the operation's step inside one IMMEDIATE transaction, so what the step
reads (the record an edit or an undo starts from) is read under the write lock and no other process
can change it between the read and the write; every write inside commits together or not at all.
An operation that reads files or computes for long (`commits_itself`) opens its own transactions,
so no lock is held while it reads. An operation with a `backup_before` reason (an import, a merge,
accept-all) is preceded by a backup of the project (core/store/backups.py), made outside any
transaction.
"""

from __future__ import annotations

from annotator.core.changes import Changes
from annotator.core.ops.base import Operation
from annotator.core.store import backups
from annotator.core.store.project import Project


def back_up_first(project: Project, operation: Operation) -> None:
    """Back the project up if `operation` asks for it (None of its state is written yet)."""
    reason = getattr(operation, "backup_before", None)
    if reason and not project.read_only and not project.database.conn.in_transaction:
        backups.make_backup(project.database.conn, project.path, reason=reason)


def apply(project: Project, operation: Operation) -> Changes:
    """Apply `operation` as one committed transaction; raise (and write nothing) if it is refused."""
    back_up_first(project, operation)
    if getattr(operation, "commits_itself", False):
        return operation.apply(project)
    with project.transaction():
        return operation.apply(project)


def revert(project: Project, operation: Operation) -> Changes:
    """Take `operation` back as one committed transaction (ChangedElsewhere: nothing was changed)."""
    with project.transaction():
        return operation.revert(project)
