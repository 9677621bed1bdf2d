"""Operations on suggestions: accept one (it becomes an annotation with its source) or reject it."""

from __future__ import annotations

from threading import Event

from annotator.core.changes import Changes
from annotator.core.ops.annotations import AddAnnotation
from annotator.core.records import Progress, Suggestion
from annotator.core.store.project import Project


class AcceptSuggestion:
    """Mark the suggestion's sentence with its category and source, by `annotator`; undo removes the mark."""

    undoable = True

    def __init__(self, suggestion: Suggestion, *, annotator: str, label: str | None = None) -> None:
        self.text = f"Accept suggestion: {label or suggestion.category}"
        self.suggestion = suggestion
        self._annotator = annotator
        self._add: AddAnnotation | None = None

    def apply(self, project: Project) -> Changes:
        if self._add is None:
            s = self.suggestion
            sentence = project.articles.sentence(s.article_id, s.idx)
            self._add = AddAnnotation(s.article_id, sentence.start, sentence.end, category=s.category,
                                      annotator=self._annotator, source=s.source)
        return self._add.apply(project) | Changes(suggestions=True)

    def revert(self, project: Project) -> Changes:
        assert self._add is not None, "revert() before apply()"
        return self._add.revert(project) | Changes(suggestions=True)


class RejectSuggestion:
    """Never offer this category for this sentence again; undo offers it again."""

    undoable = True

    def __init__(self, suggestion: Suggestion, *, label: str | None = None) -> None:
        self.text = f"Reject suggestion: {label or suggestion.category}"
        self.suggestion = suggestion

    def apply(self, project: Project) -> Changes:
        s = self.suggestion
        project.suggestions.reject(s.article_id, s.idx, s.category)
        return Changes(suggestions=True)

    def revert(self, project: Project) -> Changes:
        s = self.suggestion
        project.suggestions.unreject(s.article_id, s.idx, s.category)
        return Changes(suggestions=True)


class AcceptSuggestions:
    """Accept several suggestions as one step (accept all in an article); undo removes every mark.

    A suggestion whose sentence already carries its category from `annotator` is left out, so
    accepting all never fails on a mark that is there already. Run as one transaction (ops/runner.py):
    if one accept fails, none is kept.
    """

    undoable = True
    backup_before = "before-accept-all"

    def __init__(self, suggestions: list[Suggestion], *, annotator: str, text: str = "Accept all suggestions") -> None:
        self.text = text
        self.suggestions = list(suggestions)
        self._annotator = annotator
        self._accepts: list[AcceptSuggestion] | None = None

    def apply(self, project: Project) -> Changes:
        if self._accepts is None:
            self._accepts = [AcceptSuggestion(s, annotator=self._annotator) for s in self.suggestions
                             if not _marked(project, s, self._annotator)]
        changes = Changes(suggestions=True)
        for accept in self._accepts:
            changes |= accept.apply(project)
        return changes

    def revert(self, project: Project) -> Changes:
        assert self._accepts is not None, "revert() before apply()"
        changes = Changes(suggestions=True)
        for accept in reversed(self._accepts):
            changes |= accept.revert(project)
        return changes

    @property
    def count(self) -> int:
        """How many annotations apply() added (known after it ran)."""
        return len(self._accepts or [])


def _marked(project: Project, suggestion: Suggestion, annotator: str) -> bool:
    sentence = project.articles.sentence(suggestion.article_id, suggestion.idx)
    return any(a.start == sentence.start and a.end == sentence.end and a.category == suggestion.category
               for a in project.annotations.in_span(suggestion.article_id, sentence.start, sentence.end,
                                                    annotator=annotator))


class RefreshSuggestions:
    """Bring stored suggestions up to date (the background job); not undoable, changes no annotation."""

    undoable = False
    commits_itself = True  # computes for long; stores a batch of articles at a time
    text = "Compute suggestions"

    def __init__(self, article_ids: list[int] | None = None, *, progress: Progress | None = None) -> None:
        self.article_ids = article_ids
        self.progress = progress  # hears (articles done, articles to compute, "articles")
        self.cancel = Event()  # set: stop after the current batch; what was stored is kept

    def apply(self, project: Project) -> Changes:
        # The cue rules load when first needed, not with every operation.
        from annotator.core.suggest.refresh import prepare_rules, refresh_suggestions
        changes = refresh_suggestions(project, article_ids=self.article_ids, cancelled=self.cancel.is_set,
                                      progress=self.progress)
        if not self.cancel.is_set():
            prepare_rules(project)  # in the background, so an import's suggestions cost only its articles
        return changes

    def revert(self, project: Project) -> Changes:
        raise TypeError("computing suggestions is not undone")
