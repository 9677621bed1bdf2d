"""Corrections to claims: merge two, take a sentence out of one, name one. Each is undoable and is
kept across recomputation (the store records it and core/claims replays it).

A recomputation between apply and revert may move claim ids; revert learns from the store which ids
the claims have now, so a redo corrects the same claims.
"""

from __future__ import annotations

from annotator.core.changes import Changes
from annotator.core.store.claims import ClaimEdit
from annotator.core.store.project import Project

_CLAIMS = Changes(claims=True)


class _ClaimCorrection:
    undoable = True
    edit: ClaimEdit | None = None

    def revert(self, project: Project) -> Changes:
        assert self.edit is not None, "revert() before apply()"
        self._restored(project.claims.undo(self.edit))
        return _CLAIMS

    def _restored(self, ids: tuple[int | None, ...]) -> None:
        """Take the ids the corrected claims have after an undo (None: gone, the old id stays)."""


class MergeClaims(_ClaimCorrection):
    """`other_id`'s sentences join `keep_id`, which keeps its id and label."""

    text = "Merge claims"

    def __init__(self, keep_id: int, other_id: int) -> None:
        self.keep_id, self.other_id = keep_id, other_id

    def apply(self, project: Project) -> Changes:
        self.edit = project.claims.merge(self.keep_id, self.other_id)
        return _CLAIMS

    def _restored(self, ids: tuple[int | None, ...]) -> None:
        self.keep_id, self.other_id = ids[0] or self.keep_id, ids[1] or self.other_id


class RemoveFromClaim(_ClaimCorrection):
    """Take sentence `idx` (from 0) of an article out of a claim."""

    text = "Take sentence out of claim"

    def __init__(self, claim_id: int, article_id: int, idx: int) -> None:
        self.claim_id, self.article_id, self.idx = claim_id, article_id, idx

    def apply(self, project: Project) -> Changes:
        self.edit = project.claims.remove_sentence(self.claim_id, self.article_id, self.idx)
        return _CLAIMS

    def _restored(self, ids: tuple[int | None, ...]) -> None:
        self.claim_id = ids[0] or self.claim_id


class NameClaim(_ClaimCorrection):
    text = "Name claim"

    def __init__(self, claim_id: int, label: str) -> None:
        self.claim_id, self.label = claim_id, label

    def apply(self, project: Project) -> Changes:
        self.edit = project.claims.rename(self.claim_id, self.label)
        return _CLAIMS

    def _restored(self, ids: tuple[int | None, ...]) -> None:
        self.claim_id = ids[0] or self.claim_id
