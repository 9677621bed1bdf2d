"""Typed records that cross the core's boundary; all immutable."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import NamedTuple, NewType

ArticleId = NewType("ArticleId", int)
AnnotationId = NewType("AnnotationId", int)
CategoryId = NewType("CategoryId", int)


@dataclass(frozen=True)
class ParsedArticle:
    """An article read from a file, before it is stored."""

    title: str
    body: str
    outlet: str | None = None
    url: str | None = None
    author: str | None = None
    published: str | None = None
    source_file: str | None = None


@dataclass(frozen=True)
class Article:
    id: ArticleId
    outlet: str
    title: str
    url: str | None
    author: str | None
    published: str | None
    source_file: str | None
    imported_at: str
    sentence_count: int
    annotated_sentences: int


class Sentence(NamedTuple):
    """A sentence span [start, end) in its article's body; idx counts from 0.

    A named tuple, not a frozen dataclass: a long article has ten thousand of them, and a frozen
    dataclass takes several times as long to make.
    """

    article_id: ArticleId
    idx: int
    start: int
    end: int


@dataclass(frozen=True)
class Category:
    id: CategoryId
    key: str
    label: str
    description: str
    color: str
    shortcut: str | None
    position: int
    archived: bool


class Annotation(NamedTuple):
    """A span of an article's body marked with a category; enough to recreate it.

    A named tuple for the same reason as Sentence: opening an article makes one per highlight.
    """

    id: AnnotationId
    article_id: ArticleId
    start: int
    end: int
    category: str
    annotator: str
    source: str
    note: str
    created_at: str
    updated_at: str


@dataclass(frozen=True)
class AnnotationChange:
    """What an edit did: undo by applying `before`, redo by applying `after`."""

    before: Annotation
    after: Annotation


@dataclass(frozen=True)
class ImportedArticle:
    id: ArticleId
    title: str
    outlet: str
    path: str
    sentences: int


@dataclass(frozen=True)
class ImportProblem:
    path: str
    reason: str


@dataclass
class ImportReport:
    """Outcome of importing a batch: what was stored, skipped as duplicate, or refused."""

    imported: list[ImportedArticle] = field(default_factory=list)
    duplicates: list[ImportProblem] = field(default_factory=list)
    refused: list[ImportProblem] = field(default_factory=list)
    cancelled: bool = False
    # Imported, but the user should check: characters replaced, a near-duplicate, nothing imported.
    warnings: list[ImportProblem] = field(default_factory=list)
    # Files found in a folder and not read: hidden, or of a type the annotator does not import.
    skipped: list[ImportProblem] = field(default_factory=list)


@dataclass(frozen=True)
class ArticleSummary:
    article_id: ArticleId
    outlet: str
    title: str
    published: str | None
    sentences: int
    annotated_sentences: int
    annotations: int
    by_category: dict[str, int]


@dataclass(frozen=True)
class OutletSummary:
    outlet: str
    articles: int
    sentences: int
    annotated_sentences: int
    annotations: int
    by_category: dict[str, int]

    def share(self, key: str) -> float:
        """Share of this outlet's annotations in category `key` (0 when it has none)."""
        return self.by_category.get(key, 0) / self.annotations if self.annotations else 0.0


@dataclass(frozen=True)
class ArticleChange:
    """What an article edit did: undo with ArticleStore.restore(before)."""

    before: Article
    after: Article


@dataclass(frozen=True)
class OutletChange:
    """What renaming an outlet did; `merged` when `new` existed and took `old`'s articles.

    Undo with ArticleStore.restore_outlet(change).
    """

    old: str
    new: str
    article_ids: tuple[ArticleId, ...]
    merged: bool
