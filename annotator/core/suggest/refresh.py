"""Bring a project's stored suggestions up to date: the pure function a background worker runs.

An article is recomputed when it was never suggested or was suggested with another lexicon
fingerprint (the cue files changed, the rules' version changed, or the codebook's categories
changed). Nothing is computed when suggestions are off (a blind assignment without --suggestions).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable

from annotator.core.changes import Changes
from annotator.core.store.project import Project
from annotator.core.store.suggestions import Suggestion
from annotator.core.suggest.cues import Lexicon
from annotator.core.suggest.suggester import Suggester


def project_suggester(project: Project, lexicon: Lexicon | None = None) -> Suggester:
    """A suggester for the project's active categories."""
    keys = {c.key for c in project.categories.list()}
    return Suggester(lexicon, categories=keys)


def fingerprint(project: Project, suggester: Suggester) -> str:
    """The lexicon's fingerprint with the categories suggestions can go to."""
    keys = ",".join(sorted(suggester.categories or ()))
    return hashlib.sha256(f"{suggester.fingerprint}|{keys}".encode()).hexdigest()[:16]


def suggest_article(project: Project, suggester: Suggester, article_id: int) -> list[Suggestion]:
    """Suggestions for one article, computed (not stored)."""
    body = project.articles.body(article_id)
    texts = [body[s.start:s.end] for s in project.articles.sentences(article_id)]
    return [Suggestion(article_id, s.idx, s.category, s.confidence, s.cue, s.source)
            for s in suggester.suggest(texts)]


def refresh_suggestions(project: Project, *, article_ids: Iterable[int] | None = None,
                        lexicon: Lexicon | None = None, batch: int = 50,
                        cancelled: Callable[[], bool] | None = None) -> Changes:
    """Compute and store suggestions for the stale articles (of `article_ids`, or all).

    Each batch is its own short transaction, so annotating goes on meanwhile; `cancelled` returning
    True stops between batches, keeping what was stored.
    """
    if not project.suggestions.enabled:
        return Changes()
    suggester = project_suggester(project, lexicon)
    print_ = fingerprint(project, suggester)
    stale = project.suggestions.stale(print_, article_ids)
    for at in range(0, len(stale), batch):
        if cancelled is not None and cancelled():
            break
        chunk = stale[at:at + batch]
        project.suggestions.replace(print_, {a: suggest_article(project, suggester, a) for a in chunk})
    return Changes(suggestions=bool(stale))
