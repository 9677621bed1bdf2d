"""Operations on articles' metadata: move an article to another outlet."""

from __future__ import annotations

from annotator.core.changes import Changes
from annotator.core.store.project import Project

ARTICLES = Changes(articles=True)


class SetOutlet:
    """Move an article to another outlet (created if new; an outlet left empty disappears)."""

    undoable = True

    def __init__(self, article_id: int, outlet: str) -> None:
        self.text = f"Move to outlet {outlet.strip()!r}"
        self._article_id = article_id
        self._outlet = outlet
        self._old: str | None = None

    def apply(self, project: Project) -> Changes:
        self._old, _new = project.articles.set_outlet(self._article_id, self._outlet)
        return ARTICLES

    def revert(self, project: Project) -> Changes:
        assert self._old is not None, "revert() before apply()"
        project.articles.set_outlet(self._article_id, self._old)
        return ARTICLES
