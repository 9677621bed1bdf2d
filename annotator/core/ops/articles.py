"""Operations on articles: edit an article's outlet, title or date; give several articles one outlet or
date; rename or merge an outlet; delete articles."""

from __future__ import annotations

from annotator.core.changes import Changes
from annotator.core.errors import ChangedElsewhere, InvalidValue, NotFound
from annotator.core.records import Article, ArticleChange, OutletChange
from annotator.core.store.article_removal import RemovedArticle
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


class _SetForMany:
    """Give several articles one value of a field: one undo step; the undo puts back each one's own."""

    undoable = True
    _field = ""

    def __init__(self, article_ids: list[int], value: str) -> None:
        self._ids = list(dict.fromkeys(article_ids))
        self._value = value
        self.changes: list[ArticleChange] = []

    def apply(self, project: Project) -> Changes:
        if not self._ids:
            raise InvalidValue("no article is chosen")
        self.changes = project.articles.set_many(self._ids, **{self._field: self._value})
        return ARTICLES

    def revert(self, project: Project) -> Changes:
        assert self.changes, "revert() before apply()"
        for change in self.changes:
            try:
                now = project.articles.get(change.after.id)
            except NotFound:
                raise ChangedElsewhere(f"cannot undo: article {change.after.id} was deleted in another window or"
                                       " from the command line since") from None
            if _details(now) != _details(change.after):
                raise ChangedElsewhere(f"cannot undo: the details of “{now.title}” were changed in another window"
                                       " or from the command line since")
        for change in self.changes:
            project.articles.restore(change.before)
        return ARTICLES


class SetOutlet(_SetForMany):
    """Move several articles to one outlet (created if new; an outlet left empty disappears)."""

    _field = "outlet"

    def __init__(self, article_ids: list[int], outlet: str) -> None:
        super().__init__(article_ids, outlet)
        self.text = f"Move {_articles(len(self._ids))} to outlet {' '.join(outlet.split())!r}"


class SetPublished(_SetForMany):
    """Give several articles one publication date (YYYY-MM-DD; "" clears it)."""

    _field = "published"

    def __init__(self, article_ids: list[int], published: str) -> None:
        super().__init__(article_ids, published)
        date = published.strip()
        self.text = (f"Date {_articles(len(self._ids))} {date}" if date
                     else f"Clear the date of {_articles(len(self._ids))}")


class DeleteArticles:
    """Delete articles with their sentences, annotations and suggestions; undo brings each back as it was.

    The claims are grouped afresh afterwards (store/article_removal.py says why).
    """

    undoable = True

    def __init__(self, article_ids: list[int]) -> None:
        self._ids = list(dict.fromkeys(article_ids))
        self.text = f"Delete {_articles(len(self._ids))}"
        self.removed: list[RemovedArticle] = []

    def apply(self, project: Project) -> Changes:
        if not self._ids:
            raise InvalidValue("no article is chosen")
        self.removed = [project.articles.remove(article_id) for article_id in self._ids]
        if len(self.removed) == 1:
            self.text = f"Delete “{self.removed[0].title}”"
        return _DELETED

    def revert(self, project: Project) -> Changes:
        assert self.removed, "revert() before apply()"
        for removed in self.removed:
            project.articles.restore_removed(removed)
        return _DELETED


DeleteArticle = DeleteArticles  # one article is a list of one
_DELETED = Changes(articles=True, all_annotations=True, suggestions=True, claims=True)


def _articles(count: int) -> str:
    return "1 article" if count == 1 else f"{count} articles"
