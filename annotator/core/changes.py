"""What a change to a project touched: the one value every write returns and every view reads.

A view refreshes only what a Changes value says it shows: an article view the annotation spans in
its article, the library the progress of those articles, the codebook panel the counts of the
categories of the added and removed annotations, and so on.
Values combine with `|`, so a compound change still travels as one value.
"""

from __future__ import annotations

from dataclasses import dataclass

from annotator.core.records import Annotation


@dataclass(frozen=True)
class Span:
    """A stretch [start, end) of one article's body whose annotations were added, edited or removed."""

    article_id: int
    start: int
    end: int


@dataclass(frozen=True)
class Changes:
    spans: tuple[Span, ...] = ()
    added: tuple[Annotation, ...] = ()  # annotations as they now are (an edit: added and removed)
    removed: tuple[Annotation, ...] = ()  # annotations as they were
    all_annotations: bool = False  # annotations anywhere may have changed (a merge)
    codebook: bool = False  # categories added, edited, reordered, archived or restored
    articles: bool = False  # articles added, or their outlet, title or date edited
    project_info: bool = False  # the project's own settings, such as its answer key
    suggestions: bool = False  # suggested categories computed, rejected or un-rejected
    claims: bool = False  # claims recomputed, merged, named, or a sentence taken out of one

    def __or__(self, other: Changes) -> Changes:
        return Changes(
            spans=self.spans + other.spans,
            added=self.added + other.added,
            removed=self.removed + other.removed,
            all_annotations=self.all_annotations or other.all_annotations,
            codebook=self.codebook or other.codebook,
            articles=self.articles or other.articles,
            project_info=self.project_info or other.project_info,
            suggestions=self.suggestions or other.suggestions,
            claims=self.claims or other.claims,
        )

    @property
    def annotations(self) -> bool:
        """Whether any annotation may have changed."""
        return self.all_annotations or bool(self.spans)

    @property
    def annotated_articles(self) -> frozenset[int]:
        """The articles named by the changed spans (all_annotations means: any article)."""
        return frozenset(span.article_id for span in self.spans)

    def spans_in(self, article_id: int) -> list[Span]:
        return [span for span in self.spans if span.article_id == article_id]

    def touches_annotations_of(self, article_id: int) -> bool:
        return self.all_annotations or any(span.article_id == article_id for span in self.spans)


def _span(annotation: Annotation) -> Span:
    return Span(annotation.article_id, annotation.start, annotation.end)


def annotation_added(annotation: Annotation) -> Changes:
    return Changes(spans=(_span(annotation),), added=(annotation,))


def annotation_removed(annotation: Annotation) -> Changes:
    return Changes(spans=(_span(annotation),), removed=(annotation,))


def annotation_edited(before: Annotation, after: Annotation) -> Changes:
    return Changes(spans=(_span(after),), added=(after,), removed=(before,))


NOTHING = Changes()
# What views re-read when anything may have changed (a step that failed part-way).
EVERYTHING = Changes(all_annotations=True, codebook=True, articles=True, project_info=True, suggestions=True,
                     claims=True)
