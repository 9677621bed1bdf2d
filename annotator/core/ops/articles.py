"""Operations on articles' metadata: edit an article's outlet, title or date; rename or merge an outlet."""

from __future__ import annotations

from annotator.core.changes import Changes
from annotator.core.records import Article, OutletChange
from annotator.core.store.project import Project

ARTICLES = Changes(articles=True)


class EditArticle:
    """Change an article's outlet, title or publication date (None leaves a field; "" clears the date)."""

    undoable = True

    def __init__(self, article_id: int, *, outlet: str | None = None, title: str | None = None,
                 published: str | None = None) -> None:
        self.text = "Edit article details" if outlet is None else f"Move to outlet {outlet.strip()!r}"
        self._article_id = article_id
        self._fields = {"outlet": outlet, "title": title, "published": published}
        self._before: Article | None = None

    def apply(self, project: Project) -> Changes:
        self._before = project.articles.edit(self._article_id, **self._fields).before
        return ARTICLES

    def revert(self, project: Project) -> Changes:
        assert self._before is not None, "revert() before apply()"
        project.articles.restore(self._before)
        return ARTICLES


class RenameOutlet:
    """Rename an outlet, or merge it into another that exists already."""

    undoable = True

    def __init__(self, old: str, new: str) -> None:
        self.text = f"Rename outlet {old!r} to {new.strip()!r}"
        self._old = old
        self._new = new
        self._change: OutletChange | None = None

    def apply(self, project: Project) -> Changes:
        self._change = project.articles.rename_outlet(self._old, self._new)
        return ARTICLES

    def revert(self, project: Project) -> Changes:
        assert self._change is not None, "revert() before apply()"
        project.articles.restore_outlet(self._change)
        return ARTICLES
