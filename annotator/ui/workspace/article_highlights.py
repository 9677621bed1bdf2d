"""One article's annotations as character formats on its document, and the stripes for extra categories.

The document is never edited, only formatted. On a change only the changed stretch is re-read
from the project and re-formatted, so a key press costs the same on a long article as on a short one.
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor, QTextDocument

from annotator.core.offsets import OffsetMap
from annotator.core.records import Annotation, ArticleId
from annotator.ui.workspace.highlights import segments
from annotator.ui.base.session import ProjectSession

UNKNOWN = QColor("#DDDDDD")
_KEEP = QTextCursor.MoveMode.KeepAnchor


class ArticleHighlights:
    """The annotations shown on one article (for one annotator, or all), and how they are coloured."""

    def __init__(self, session: ProjectSession, article_id: ArticleId, annotator: str | None,
                 document: QTextDocument, offsets: OffsetMap, length: int) -> None:
        self.session = session
        self.article_id = article_id
        self.annotator = annotator
        self.document = document
        self.offsets = offsets
        self.length = length  # of the body, in code points
        self._annotations: dict[int, Annotation] = {}
        self._sorted: list[Annotation] | None = None  # annotations() until the next change
        self._colors: dict[str, QColor] = {}
        self._formats: dict[str, QTextCharFormat] = {}  # one per category: made once, not once per highlight
        self.stripes: list[tuple[int, int, list[str]]] = []  # (start, end, categories beyond the first)

    def annotations(self) -> list[Annotation]:
        """The article's annotations in start order; sorted once per change, not once per call."""
        if self._sorted is None:
            self._sorted = sorted(self._annotations.values(), key=lambda a: (a.start, a.id))
        return self._sorted

    def color(self, category: str) -> QColor:
        return self._colors.get(category, UNKNOWN)

    def reload(self) -> None:
        """Re-read the codebook's colours and all of the article's annotations; format the whole text."""
        project = self.session.project
        self._colors = {c.key: QColor(c.color) for c in self.session.codebook.all}
        self._formats = {}
        self._annotations = {a.id: a for a in self._shown(project.annotations.for_article(self.article_id,
                                                                                          annotator=self.annotator))}
        self._sorted = None
        self._render(0, self.length, clear=False)

    def refresh_span(self, start: int, end: int) -> None:
        """Re-read the annotations over body[start:end] from the project and re-format that stretch."""
        for key in [i for i, a in self._annotations.items() if a.end > start and a.start < end]:
            del self._annotations[key]
        fresh = self._shown(self.session.project.annotations.in_span(self.article_id, start, end,
                                                                    annotator=self.annotator))
        self._annotations.update((a.id, a) for a in fresh)
        self._sorted = None
        self._render(min([start, *(a.start for a in fresh)]), max([end, *(a.end for a in fresh)]))

    def _shown(self, annotations: list[Annotation]) -> list[Annotation]:
        """Those of the annotators the session shows, unless this view is one annotator's (compare view)."""
        return annotations if self.annotator is not None else [a for a in annotations
                                                               if self.session.shows(a.annotator)]

    def _render(self, lo: int, hi: int, *, clear: bool = True) -> None:
        cursor = QTextCursor(self.document)
        cursor.beginEditBlock()  # one layout pass for all the formats, not one per format
        if clear:
            self._format(cursor, lo, hi, QTextCharFormat())
        pieces = segments(self._annotations.values(), lo, hi)
        for start, end, covering in pieces:
            self._format(cursor, start, end, self._category_format(covering[0].category))
        cursor.endEditBlock()
        kept = [s for s in self.stripes if s[1] <= lo or s[0] >= hi]
        new = [(start, end, [a.category for a in covering[1:]])
               for start, end, covering in pieces if len(covering) > 1]
        self.stripes = sorted(kept + new)

    def _category_format(self, category: str) -> QTextCharFormat:
        fmt = self._formats.get(category)
        if fmt is None:
            fmt = self._formats[category] = QTextCharFormat()
            fmt.setBackground(self.color(category))
        return fmt

    def _format(self, cursor: QTextCursor, start: int, end: int, fmt: QTextCharFormat) -> None:
        if self.offsets.identity:
            cursor.setPosition(start)
            cursor.setPosition(end, _KEEP)
        else:
            cursor.setPosition(self.offsets.to_utf16(start))
            cursor.setPosition(self.offsets.to_utf16(end), _KEEP)
        cursor.setCharFormat(fmt)
