"""Typed records that cross the core's boundary; all immutable."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import NamedTuple, NewType

ArticleId = NewType("ArticleId", int)
AnnotationId = NewType("AnnotationId", int)
CategoryId = NewType("CategoryId", int)

# How a long operation (an import, a claim recompute) tells whoever watches how far it is:
# (done, total, the item under way or ""). The window shows it; the work goes on regardless.
Progress = Callable[[int, int, str], None]


def outlet_order(name: str) -> tuple[str, str]:
    """How outlets sort everywhere (listings, figures, CSVs, report): ignoring case, then as written.

    SQL sorts the same way with `ORDER BY name COLLATE OUTLET` (store/database.py).
    """
    return name.casefold(), name


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


# -- claims: the same statement in several articles (core/claims groups, the store keeps) ---------------

Member = tuple[int, int]  # a sentence as (article_id, idx), idx from 0


@dataclass(frozen=True)
class SentenceText:
    """One sentence of one article, as claim matching reads it (idx from 0)."""

    article_id: int
    idx: int
    text: str


@dataclass(frozen=True)
class Correction:
    """A user's correction, remembering the claims it touched by their sentences (ids do not survive a
    recomputation)."""

    action: str  # "merge", "remove" or "name"
    first: frozenset[Member]  # the claim kept, left or named, as it was
    second: frozenset[Member] = frozenset()  # merge: the claim merged into the first
    sentence: Member | None = None  # remove: the sentence taken out
    label: str | None = None  # name: the new name


@dataclass(frozen=True)
class NewClaim:
    """A claim from a recomputation (corrections already replayed on it), before it has an id."""

    members: frozenset[Member]
    label: str
    named: bool = False
    disputes: tuple[int, ...] = ()  # positions, in the same recomputation's list, of the claims it disputes


@dataclass(frozen=True)
class ClaimSentence:
    """A sentence of a claim (idx from 0), its article's outlet and the category keys marked on it."""

    article_id: int
    idx: int
    outlet: str
    categories: tuple[str, ...]


@dataclass(frozen=True)
class Claim:
    id: int
    label: str
    named: bool  # the user named it; a recomputation keeps the name
    sentences: tuple[ClaimSentence, ...]
    disputes: tuple[tuple[int, str], ...] = ()  # (id, label) of each claim disputing it (a denial of it, or
    # what it denies), by id

    @property
    def outlets(self) -> tuple[str, ...]:
        return tuple(sorted({s.outlet for s in self.sentences}, key=outlet_order))

    @property
    def disputed_by(self) -> tuple[str, ...]:
        """The labels of the claims disputing it."""
        return tuple(label for _, label in self.disputes)


@dataclass(frozen=True)
class ClaimRow:
    """A claim as stored, enough to put it back (undo)."""

    id: int
    label: str
    named: bool
    members: tuple[Member, ...]


@dataclass(frozen=True)
class ClaimEdit:
    """What a correction did: the claims `before` it and as it left them (`after`), for undo; `cut`, the
    dispute links of the claims before it, each as (position in `before`, the disputing claim as it
    was), which an undo that writes those claims afresh puts back."""

    correction_id: int
    correction: Correction
    before: tuple[ClaimRow, ...]
    after: tuple[ClaimRow, ...]
    cut: tuple[tuple[int, ClaimRow], ...] = ()


# -- suggestions ------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Suggestion:
    """Category `category` suggested for sentence `idx` (from 0) of an article, with its cue and source."""

    article_id: int
    idx: int
    category: str
    confidence: float
    cue: str
    source: str = ""
