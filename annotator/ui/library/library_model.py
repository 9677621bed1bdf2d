"""The library's rows: an outlet row, then its articles, for every outlet; read from the file a page at a time.

One flat list (outlet rows are headings that fold their articles away), so the view asks only for
the rows on screen: opening a project of 10,000 articles reads the outlet counts and the first
page, not every title. A filter keeps the articles whose title (or outlet) holds the text.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, QPointF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPixmap, QPolygonF

from annotator.core.records import ArticleId
from annotator.core.store.listing import ArticleListing, ListedArticle, ListedOutlet
from annotator.ui.base.plain_text import plain_tooltip

ARTICLE_ROLE = Qt.ItemDataRole.UserRole
OUTLET_ROLE = Qt.ItemDataRole.UserRole + 1
PAGE = 128  # articles read at once
TITLE, PROGRESS = 0, 1
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
Index = QModelIndex | QPersistentModelIndex


@dataclass
class OutletGroup:
    outlet: ListedOutlet
    ids: list[ArticleId] | None = None  # the filter's matches; None: every article of the outlet
    collapsed: bool = False

    @property
    def matches(self) -> int:
        return self.outlet.articles if self.ids is None else len(self.ids)

    @property
    def shown(self) -> int:
        return 0 if self.collapsed else self.matches

    def label(self) -> str:
        count = (f"{self.outlet.articles}" if self.ids is None
                 else f"{len(self.ids)} of {self.outlet.articles}")
        return f"{self.outlet.name} ({count})"


class LibraryModel(QAbstractTableModel):
    def __init__(self, listing: ArticleListing, annotator: str | None, parent=None) -> None:
        super().__init__(parent)
        self.listing = listing
        self.annotator = annotator
        self._needle = ""
        self._collapsed: set[int] = set()  # outlet ids, kept across reloads and filters
        self._groups: list[OutletGroup] = []  # the groups shown (with a match)
        self._starts: list[int] = []  # the row of each shown group's heading
        self._rows = 0
        self._pages: dict[tuple[int, int], list[ListedArticle]] = {}  # (outlet id, page) → rows
        # outlet id → (article id, title) in id order; read when a filter or typing needs them
        self._titles: dict[int, list[tuple[ArticleId, str]]] | None = None
        self._outlets: list[ListedOutlet] = []
        self._heading_font = QFont()
        self._heading_font.setBold(True)

    # -- what is listed ------------------------------------------------------------------------
    def reload(self) -> None:
        """Read the outlets again and forget every page: articles were added, edited or moved."""
        self.beginResetModel()
        self._outlets = self.listing.outlets()
        self._collapsed &= {o.id for o in self._outlets}  # a deleted outlet's id may be given to a new one
        self._titles = None
        self._pages.clear()
        self._layout()
        self.endResetModel()

    def set_filter(self, text: str) -> None:
        needle = text.casefold().strip()
        if needle == self._needle:
            return
        self.beginResetModel()
        self._needle = needle
        self._pages.clear()
        self._layout()
        self.endResetModel()

    def set_collapsed(self, row: int, collapsed: bool) -> None:
        group = self.group_at(row)
        if group is None or group.collapsed == collapsed:
            return
        group.collapsed = collapsed
        (self._collapsed.add if collapsed else self._collapsed.discard)(group.outlet.id)
        first = row + 1
        if collapsed:
            self.beginRemoveRows(QModelIndex(), first, first + group.matches - 1)
            self._place()
            self.endRemoveRows()
        else:
            self.beginInsertRows(QModelIndex(), first, first + group.matches - 1)
            self._place()
            self.endInsertRows()
        heading = self.index(row, TITLE)
        self.dataChanged.emit(heading, heading)

    def _layout(self) -> None:
        matches = self._matches() if self._needle else {}
        self._groups = []
        for outlet in self._outlets:
            group = OutletGroup(outlet, collapsed=outlet.id in self._collapsed)
            if self._needle and self._needle not in outlet.name.casefold():
                group.ids = matches.get(outlet.id, [])
                if not group.ids:
                    continue
            self._groups.append(group)
        self._place()

    def _titles_by_outlet(self) -> dict[int, list[tuple[ArticleId, str]]]:
        if self._titles is None:
            self._titles = {}
            for outlet_id, article_id, title in self.listing.titles():
                self._titles.setdefault(outlet_id, []).append((article_id, title))
        return self._titles

    def _matches(self) -> dict[int, list[ArticleId]]:
        return {outlet_id: kept for outlet_id, titles in self._titles_by_outlet().items()
                if (kept := [a for a, title in titles if self._needle in title.casefold()])}

    def _place(self) -> None:
        self._starts, row = [], 0
        for group in self._groups:
            self._starts.append(row)
            row += 1 + group.shown
        self._rows = row

    @property
    def pages_read(self) -> int:
        """How many pages of articles were read from the file since the last reload or filter."""
        return len(self._pages)

    # -- finding rows --------------------------------------------------------------------------
    def _locate(self, row: int) -> tuple[int, int]:
        """(group number, article offset in the group, or -1 for the heading)."""
        g = bisect_right(self._starts, row) - 1
        return g, row - self._starts[g] - 1

    def group_at(self, row: int) -> OutletGroup | None:
        if not 0 <= row < self._rows:
            return None
        g, offset = self._locate(row)
        return self._groups[g] if offset < 0 else None

    def first_article_row(self) -> int | None:
        """The row of the first article listed (the articles of a folded outlet are not), or None."""
        return next((r for r in range(self._rows) if self.article_at(r) is not None), None)

    def article_at(self, row: int) -> ListedArticle | None:
        if not 0 <= row < self._rows:
            return None
        g, offset = self._locate(row)
        if offset < 0:
            return None
        group = self._groups[g]
        page = self._page(group, offset // PAGE)
        return page[offset % PAGE] if offset % PAGE < len(page) else None

    def outlet_row(self, row: int) -> int:
        """The row of the heading of the outlet that `row` belongs to."""
        return self._starts[self._locate(row)[0]]

    def find_row(self, text: str, start: int) -> int | None:
        """The first row from `start` on (then from the top) whose outlet or title begins with `text`.

        What typing in the list looks for; it reads the titles, not a page per row.
        """
        needle = text.casefold()
        by_outlet = self._titles_by_outlet()
        hits = []
        for g, group in enumerate(self._groups):
            heading = self._starts[g]
            if group.outlet.name.casefold().startswith(needle):
                hits.append(heading)
            if group.collapsed:
                continue
            titles = by_outlet.get(group.outlet.id, [])
            if group.ids is not None:
                kept = set(group.ids)
                titles = [t for t in titles if t[0] in kept]
            hits.extend(heading + 1 + k for k, (_, title) in enumerate(titles) if title.casefold().startswith(needle))
        later = [row for row in hits if row >= start]
        return (later or hits or [None])[0]

    def heading_row(self, outlet_id: int) -> int | None:
        """The row of the outlet's heading; None when the filter hides the whole outlet."""
        for g, group in enumerate(self._groups):
            if group.outlet.id == outlet_id:
                return self._starts[g]
        return None

    def shows(self, article_id: int) -> bool:
        """Whether the filter keeps the article (its outlet may be folded)."""
        place = self.listing.position(article_id)
        row = None if place is None else self.heading_row(place[0])
        if row is None:
            return False
        group = self.group_at(row)
        return group.ids is None or article_id in group.ids

    def row_of(self, article_id: int) -> int | None:
        """The row showing the article; None when the filter hides it or its outlet is folded."""
        place = self.listing.position(article_id)
        if place is None:
            return None
        outlet_id, rank = place
        for g, group in enumerate(self._groups):
            if group.outlet.id != outlet_id:
                continue
            if group.ids is not None:
                if article_id not in group.ids:
                    return None
                rank = group.ids.index(ArticleId(article_id))
            return None if group.collapsed else self._starts[g] + 1 + rank
        return None

    def _page(self, group: OutletGroup, number: int) -> list[ListedArticle]:
        key = (group.outlet.id, number)
        page = self._pages.get(key)
        if page is None:
            if group.ids is None:
                page = self.listing.page(group.outlet.id, number * PAGE, PAGE, annotator=self.annotator)
            else:
                page = self.listing.by_ids(group.ids[number * PAGE:(number + 1) * PAGE], annotator=self.annotator)
            self._pages[key] = page
        return page

    def refresh_progress(self, article_ids: set[int]) -> None:
        """Read the annotated counts of these articles again, where their rows were read."""
        changed = []
        for page in list(self._pages.values()):
            stale = [k for k, row in enumerate(page) if row.id in article_ids]
            if not stale:
                continue
            fresh = {row.id: row for row in self.listing.by_ids([page[k].id for k in stale], annotator=self.annotator)}
            for k in stale:
                page[k] = fresh.get(page[k].id, page[k])
                changed.append(page[k].id)
        for article_id in changed:  # told once every page is up to date, so a reader sees it whole
            row = self.row_of(article_id)
            if row is not None:
                cell = self.index(row, PROGRESS)
                self.dataChanged.emit(cell, cell)

    # -- the Qt model --------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802 (Qt override)
        return 0 if parent.isValid() else self._rows

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802 (Qt override)
        return 0 if parent.isValid() else 2

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802 (Qt override)
                   role: int = Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return "Article" if section == TITLE else "Annotated"
        if role == Qt.ItemDataRole.ToolTipRole and section == PROGRESS:
            return "Sentences annotated / sentences in the article"
        if role == Qt.ItemDataRole.TextAlignmentRole and section == PROGRESS:
            return _RIGHT
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        row, column = index.row(), index.column()
        group = self.group_at(row)
        if group is not None:
            return self._heading_data(group, column, role)
        article = self.article_at(row)
        if article is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return article.title if column == TITLE else f"{article.annotated}/{article.sentences}"
        if role == Qt.ItemDataRole.ToolTipRole:
            outlet = self._groups[self._locate(row)[0]].outlet.name
            return plain_tooltip(article_tooltip(article, outlet))
        if role == Qt.ItemDataRole.TextAlignmentRole and column == PROGRESS:
            return _RIGHT
        if role == Qt.ItemDataRole.DecorationRole and column == TITLE:
            return indent()  # titles line up with their outlet's name, under the arrow's width
        if role == ARTICLE_ROLE:
            return int(article.id)
        return None

    def _heading_data(self, group: OutletGroup, column: int, role: int):
        if role == Qt.ItemDataRole.DisplayRole:
            return group.label() if column == TITLE else ""
        if role == Qt.ItemDataRole.FontRole:
            return self._heading_font
        if role == Qt.ItemDataRole.DecorationRole and column == TITLE:
            return fold_arrow(group.collapsed)
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain_tooltip(f"{group.outlet.name}\nClick the arrow, double-click, or press ← / → to fold or unfold its articles")
        if role == OUTLET_ROLE:
            return group.outlet.name
        return None


def article_tooltip(article: ListedArticle, outlet: str) -> str:
    """Title, outlet and date, then where the article came from: its file and its address."""
    lines = [article.title, f"{outlet} · {article.published or 'no date'}"]
    if article.source_file:
        lines.append(f"File: {article.source_file}")
    if article.url:
        lines.append(f"URL: {article.url}")
    return "\n".join(lines)


_ARROWS: dict[bool | None, QPixmap] = {}


def indent() -> QPixmap:
    """A blank as wide as the fold arrow."""
    if None not in _ARROWS:
        _ARROWS[None] = QPixmap(10, 10)
        _ARROWS[None].fill(Qt.GlobalColor.transparent)
    return _ARROWS[None]


def fold_arrow(folded: bool) -> QPixmap:
    """A small grey triangle: pointing right when the outlet is folded, down when it is open."""
    if folded not in _ARROWS:
        pixmap = QPixmap(10, 10)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor("#606060"))
        points = [(2, 1), (8, 5), (2, 9)] if folded else [(1, 2), (9, 2), (5, 8)]
        painter.drawPolygon(QPolygonF([QPointF(x, y) for x, y in points]))
        painter.end()
        _ARROWS[folded] = pixmap
    return _ARROWS[folded]
