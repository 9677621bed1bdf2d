"""Operations on suggestions: accept one (it becomes an annotation with its source) or reject it."""

from __future__ import annotations

from annotator.core.changes import Changes
from annotator.core.ops.annotations import AddAnnotation
from annotator.core.store.project import Project
from annotator.core.store.suggestions import Suggestion


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
