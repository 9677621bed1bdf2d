"""Operations on articles' metadata: edit an article's outlet, title or date; rename or merge an outlet."""

from __future__ import annotations

from annotator.core.changes import Changes
from annotator.core.errors import ChangedElsewhere
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
        self.before: Article | None = None  # the article as apply() found and left it
        self.after: Article | None = None

    def apply(self, project: Project) -> Changes:
        change = project.articles.edit(self._article_id, **self._fields)
        self.before, self.after = change.before, change.after
        return ARTICLES

    def revert(self, project: Project) -> Changes:
        assert self.before is not None and self.after is not None, "revert() before apply()"
        now = project.articles.get(self._article_id)
        if _details(now) != _details(self.after):
            raise ChangedElsewhere("cannot undo the edit: the article's details were changed in another window"
                                   " or from the command line since")
        project.articles.restore(self.before)
        return ARTICLES


def _details(article: Article) -> tuple:
    return article.outlet, article.title, article.published


class RenameOutlet:
    """Rename an outlet, or merge it into another that exists already."""

    undoable = True

    def __init__(self, old: str, new: str) -> None:
        self.text = f"Rename outlet {old!r} to {new.strip()!r}"
        self._old = old
        self._new = new
        self.change: OutletChange | None = None

    def apply(self, project: Project) -> Changes:
        self.change = project.articles.rename_outlet(self._old, self._new)
        return ARTICLES

    def revert(self, project: Project) -> Changes:
        assert self.change is not None, "revert() before apply()"
        if self.change.new not in project.articles.outlets():
            raise ChangedElsewhere(f"cannot undo the renaming: outlet {self.change.new!r} was renamed or"
                                   " emptied in another window or from the command line since")
        project.articles.restore_outlet(self.change)
        return ARTICLES
