"""Recompute a project's claims: read its sentences, group them, replay the user's corrections, store.

`RecomputeClaims` is the operation the window runs in the background (its own connection, like an
import); the command line calls `ensure_claims` and so recomputes only when articles came or went or an
article's date changed.
"""

from __future__ import annotations

from collections.abc import Sequence
from threading import Event

from annotator.core.changes import NOTHING, Changes
from annotator.core.errors import Cancelled
from annotator.core.claims.compute import METHOD, ClaimGroup, ClaimProgress, compute_claims, short_label
from annotator.core.claims.corrections import DraftClaim, numbered, replay
from annotator.core.records import ClaimRow, Correction, NewClaim, Progress, SentenceText
from annotator.core.store.project import Project


def corrected(groups: list[ClaimGroup], corrections: list[Correction], texts: list[SentenceText], *,
              stored: Sequence[ClaimRow] = ()) -> list[NewClaim]:
    """The groups with the corrections replayed, as claims to store (a claim without a label gets one);
    `stored`, the claims as last stored, tells a corrected claim from another one come back (best_match).

    A dispute link stays between the claims its two groups became; a link to a claim the corrections
    merged into another or took away goes, as it would from the stored claims.
    """
    drafts = [DraftClaim(set(g.members), g.label) for g in groups]
    kept = [d for d in replay(list(drafts), corrections, stored=[frozenset(r.members) for r in stored])
            if d.members]
    position = {id(d): n for n, d in enumerate(kept)}
    disputes: dict[int, set[int]] = {}
    for a, group in enumerate(groups):
        for b in group.disputes:
            x, y = position.get(id(drafts[a])), position.get(id(drafts[b]))
            if x is not None and y is not None and x != y:
                disputes.setdefault(x, set()).add(y)
                disputes.setdefault(y, set()).add(x)
    text_of = {(s.article_id, s.idx): s.text for s in texts}
    return [NewClaim(frozenset(d.members), d.label or short_label(text_of.get(min(d.members), "")) or "Claim",
                     d.named, tuple(sorted(disputes.get(n, ())))) for n, d in enumerate(kept)]


def recompute(project: Project, *, progress: ClaimProgress | None = None) -> Changes:
    """Group every sentence afresh and store the result; raise Cancelled when progress returns False."""
    read = project.claims.read_state()  # before the sentences: a change after it leaves the result stale
    texts, stored = project.claims.texts(), project.claims.all_rows()
    claims = corrected(compute_claims(texts, progress=progress, dates=read[1]),
                       project.claims.corrections(), texts, stored=stored)
    rows = numbered(claims, stored)
    links = [(rows[a].id, rows[b].id) for a, claim in enumerate(claims) for b in claim.disputes]
    return project.claims.replace(rows, method=METHOD, disputes=links, read=read)


def ensure_claims(project: Project, *, progress: ClaimProgress | None = None) -> Changes:
    """Recompute when the stored claims are stale (and the project may be written); else change nothing."""
    if project.read_only or not project.claims.is_stale(METHOD):
        return NOTHING
    return recompute(project, progress=progress)


def claims_in_memory(project: Project) -> list[NewClaim]:
    """The claims a read-only, stale project would have, computed without storing them."""
    texts = project.claims.texts()
    return corrected(compute_claims(texts, dates=project.claims.dates()), project.claims.corrections(), texts,
                     stored=project.claims.all_rows())


class RecomputeClaims:
    """Recompute the claims (after an import, or on request); `cancel.set()` stops it, storing nothing.

    Not undoable; the corrections survive it, so nothing the user did is lost.
    """

    undoable = False
    commits_itself = True  # computes for long; stores in steps of its own
    text = "Find matching claims"

    def __init__(self, *, progress: Progress | None = None) -> None:
        self.progress = progress
        self.cancel = Event()

    def _progress(self, done: int, total: int) -> bool:
        if self.progress is not None:
            self.progress(done, total, "")
        return not self.cancel.is_set()

    def apply(self, project: Project) -> Changes:
        try:
            return recompute(project, progress=self._progress)
        except Cancelled:
            return NOTHING

    def revert(self, project: Project) -> Changes:
        raise TypeError("recomputing claims cannot be undone")
