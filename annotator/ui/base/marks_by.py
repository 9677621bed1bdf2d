"""Whose marks an article column shows ("Showing marks by: amy, key"), and whose it hides."""

from __future__ import annotations

from annotator.core.records import Annotation, ArticleId
from annotator.ui.base.session import ProjectSession

CHOOSE_HINT = "View ▸ Annotators… chooses whose marks are shown"


def marks_by_text(session: ProjectSession, article_id: ArticleId, shown: list[Annotation]) -> str:
    """One line naming the annotators whose marks are shown on the article, and those hidden;
    empty when there is nothing to tell (only the user's own marks, everyone's shown, or blind mode)."""
    if session.blind:
        return ""
    names = sorted({a.annotator for a in shown}, key=str.casefold)
    if session.visible_annotators is None:
        return "" if set(names) <= {session.annotator} else f"Showing marks by: {', '.join(names)}"
    hidden = sorted({a.annotator for a in session.project.annotations.for_article(article_id)
                     if not session.shows(a.annotator)}, key=str.casefold)
    text = f"Showing marks by: {', '.join(names) or 'nobody on this article'}"
    return text + (f" · hidden: {', '.join(hidden)}" if hidden else "")
