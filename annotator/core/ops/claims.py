"""Corrections to claims: merge two, take a sentence out of one, name one. Each is undoable and is
kept across recomputation (the store records it and core/claims replays it).

core/claims/corrections.py works out what each does to the claims and what its undo puts back; the
store writes it. A recomputation between apply and revert may move claim ids; revert learns from the
store which ids the claims have now, so a redo corrects the same claims.
"""

from __future__ import annotations

from annotator.core.changes import Changes
from annotator.core.claims.corrections import (check_merge, claim_name, merged, relinked, removed, renamed,
                                               undone)
from annotator.core.records import ClaimEdit
from annotator.core.store.project import Project

_CLAIMS = Changes(claims=True)


class _ClaimCorrection:
    undoable = True
    edit: ClaimEdit | None = None

    def revert(self, project: Project) -> Changes:
        assert self.edit is not None, "revert() before apply()"
        rows = project.claims.all_rows()
        put, delete = undone(self.edit, rows)
        links = relinked(self.edit, put, delete, rows)
        self._restored(project.claims.undo(self.edit.correction_id, put=put, delete=delete, links=links))
        return _CLAIMS

    def _restored(self, ids: tuple[int | None, ...]) -> None:
        """Take the ids the corrected claims have after an undo (None: gone, the old id stays)."""


class MergeClaims(_ClaimCorrection):
    """`other_id`'s sentences join `keep_id`, which keeps its id and label."""

    text = "Merge claims"

    def __init__(self, keep_id: int, other_id: int) -> None:
        self.keep_id, self.other_id = keep_id, other_id

    def apply(self, project: Project) -> Changes:
        check_merge(self.keep_id, self.other_id)
        keep, other = project.claims.row_of(self.keep_id), project.claims.row_of(self.other_id)
        self.edit = project.claims.record(*merged(keep, other))
        return _CLAIMS

    def _restored(self, ids: tuple[int | None, ...]) -> None:
        self.keep_id, self.other_id = ids[0] or self.keep_id, ids[1] or self.other_id


class RemoveFromClaim(_ClaimCorrection):
    """Take sentence `idx` (from 0) of an article out of a claim."""

    text = "Take sentence out of claim"

    def __init__(self, claim_id: int, article_id: int, idx: int) -> None:
        self.claim_id, self.article_id, self.idx = claim_id, article_id, idx

    def apply(self, project: Project) -> Changes:
        row = project.claims.row_of(self.claim_id)
        self.edit = project.claims.record(*removed(row, self.article_id, self.idx))
        return _CLAIMS

    def _restored(self, ids: tuple[int | None, ...]) -> None:
        self.claim_id = ids[0] or self.claim_id


class NameClaim(_ClaimCorrection):
    text = "Name claim"

    def __init__(self, claim_id: int, label: str) -> None:
        self.claim_id, self.label = claim_id, label

    def apply(self, project: Project) -> Changes:
        label = claim_name(self.label)
        self.edit = project.claims.record(*renamed(project.claims.row_of(self.claim_id), label))
        return _CLAIMS

    def _restored(self, ids: tuple[int | None, ...]) -> None:
        self.claim_id = ids[0] or self.claim_id
