"""The dashboard's table: one row per outlet, its articles beneath; counts and shares per category.

Made to stay readable with fifty outlets in the dashboard's width at 1440×900 with the docks open:
every row is two lines tall, so an outlet's name wraps onto a second line instead of being elided
(only names longer than two lines are, with the full name in the tooltip), and each category cell
shows its count above its share. The name column takes the width the figures leave, so no sideways
scrolling is needed; the figure columns have short headers, with the full name in their tooltips.
Every column sorts by its number (a share as a number, not "12 (30%)" as text); a first click on a
figure's header puts the largest first, as a comparison wants (names sort A to Z). The chart follows
the order of the outlets (`order_changed`).
"""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Qt, Signal
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QHeaderView, QStyle, QStyleOptionHeader, QTreeWidget, QTreeWidgetItem, QWidget

from annotator.core.records import ArticleSummary, Category, OutletSummary
from annotator.core.analysis.stats import Filters, shown_anonymous_share
from annotator.ui.base.swatch import swatch
from annotator.ui.base.plain_text import plain_tooltip
from annotator.ui.base.sorted_row import SORT_ROLE, SortedRow

ROW_ROLE = Qt.ItemDataRole.UserRole  # ("outlet", name) or ("article", id)
SHORT_ROLE = Qt.ItemDataRole.UserRole + 2  # a category header's short title: its key (1–9), as in the legend
FIXED = ["Outlet / article", "Articles", "Sentences", "Annotated", "Annotations", "Anonymous share"]
# What the header shows: short, so the figures leave room for names; the tooltip says the rest.
FIXED_SHORT = ["Outlet / article", "Art.", "Sent.", "Sent.\nann.", "Annot.", "Anon.\nshare"]
FIXED_TIPS = ["Outlets; expand one for its articles", "Articles", "Sentences",
              "Annotated: the share of sentences with at least one annotation", "Annotations",
              "Anonymous share: the share of attributed claims (all but unattributed ones) resting on "
              "anonymous sources; — where it means nothing (no attributed claims, or a category filter)"]


class _Header(QHeaderView):
    """Draws a category's short title (SHORT_ROLE) where its full label would be elided to nothing.

    The header's text stays the full label (and its tooltip the label and description).
    """

    def paintSection(self, painter: QPainter, rect: QRect, logical_index: int) -> None:  # noqa: N802
        short = self.model().headerData(logical_index, Qt.Orientation.Horizontal, SHORT_ROLE)
        if short is None:
            super().paintSection(painter, rect, logical_index)
            return
        option = QStyleOptionHeader()
        self.initStyleOption(option)
        self.initStyleOptionForIndex(option, logical_index)
        option.rect = rect
        option.text = short
        painter.save()
        self.style().drawControl(QStyle.ControlElement.CE_Header, option, painter, self)
        painter.restore()


class OutletTable(QTreeWidget):
    """Clicking a count emits what it counts: (outlet or None, article id or None, category or None)."""

    cell_chosen = Signal(object, object, object)
    order_changed = Signal(list)  # the outlets' names as the rows now stand, after a sort

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAlternatingRowColors(True)
        self.setUniformRowHeights(True)  # two lines each: the first row sets the height of all
        self.setWordWrap(True)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        header = _Header(Qt.Orientation.Horizontal, self)
        self.setHeader(header)
        header.setSectionsClickable(True)
        header.setStretchLastSection(False)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignCenter)
        header.setTextElideMode(Qt.TextElideMode.ElideNone)  # short titles, some on two lines
        header.setSortIndicator(0, Qt.SortOrder.AscendingOrder)
        header.setSortIndicatorShown(True)
        self.itemClicked.connect(self._on_item_clicked)
        self.itemExpanded.connect(self._on_item_expanded)
        self.model().layoutChanged.connect(self._on_layout_changed)  # after every sort
        self._categories: list[Category] = []
        self._filters = Filters()
        self._articles: dict[str, list[ArticleSummary]] = {}

    def show_rows(self, outlets: list[OutletSummary], articles: list[ArticleSummary],
                  categories: list[Category], *, filters: Filters = Filters()) -> None:
        """The anonymous share is shown as — where it means nothing (as in the report and the JSON)."""
        self._filters = filters
        expanded = {self.topLevelItem(i).data(0, ROW_ROLE) for i in range(self.topLevelItemCount())
                    if self.topLevelItem(i).isExpanded()}
        self._categories = categories
        self.setSortingEnabled(False)  # rows are sorted once, when all are in
        self.clear()
        self.setColumnCount(len(FIXED) + len(categories))  # fewer under a category filter
        self.setHeaderLabels(FIXED_SHORT + [c.label for c in categories])
        head = self.headerItem()
        for column, tip in enumerate(FIXED_TIPS):
            head.setToolTip(column, plain_tooltip(tip))
        for column in range(1, len(FIXED) + len(categories)):  # figures: the largest first on a first click
            head.setData(column, Qt.ItemDataRole.InitialSortOrderRole, Qt.SortOrder.DescendingOrder.value)
        for n, category in enumerate(categories):
            column = len(FIXED) + n
            head.setIcon(column, swatch(category.color))
            head.setData(column, SHORT_ROLE, short_title(category))
            head.setToolTip(column, plain_tooltip("\n".join(filter(None, [
                category.label, category.description,
                "Each cell: the count, and below it the share of the row's annotations"]))))
        self._articles = {}
        for article in articles:
            self._articles.setdefault(article.outlet, []).append(article)
        for outlet in outlets:
            item = self._row(None, ("outlet", outlet.outlet), outlet.outlet, outlet.articles, outlet.sentences,
                             outlet.annotated_sentences, outlet.annotations, outlet.by_category)
            font = item.font(0)
            font.setBold(True)
            item.setFont(0, font)
            # Article rows are made when an outlet is first expanded: thousands of rows cost time.
            item.setChildIndicatorPolicy(QTreeWidgetItem.ChildIndicatorPolicy.ShowIndicator)
            item.setExpanded(("outlet", outlet.outlet) in expanded)
        self._size_columns()
        self.setSortingEnabled(True)  # sorts by the column and order the header shows

    def outlet_order(self) -> list[str]:
        """The outlets' names, top to bottom, as the table shows them now."""
        return [self.topLevelItem(i).data(0, ROW_ROLE)[1] for i in range(self.topLevelItemCount())]

    def _on_layout_changed(self, *_args) -> None:
        if self.isSortingEnabled():  # not while show_rows fills the rows
            self.order_changed.emit(self.outlet_order())

    def _size_columns(self) -> None:
        """Figures as wide as their cells (a category's label is elided: its tooltip has it all)."""
        header = self.header()
        header.setMinimumSectionSize(30)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)  # names take what is left
        metrics = header.fontMetrics()
        for column in range(1, self.columnCount()):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            if column < len(FIXED):
                title = max(metrics.horizontalAdvance(line) for line in FIXED_SHORT[column].split("\n"))
            else:
                title = metrics.horizontalAdvance(short_title(self._categories[column - len(FIXED)])) + 20
            header.resizeSection(column, max(self.sizeHintForColumn(column), title + 10))

    def _on_item_expanded(self, item: QTreeWidgetItem) -> None:
        kind, name = item.data(0, ROW_ROLE)
        if kind != "outlet" or item.childCount():
            return
        for article in self._articles.get(name, []):
            self._row(item, ("article", article.article_id), article.title, None, article.sentences,
                      article.annotated_sentences, article.annotations, article.by_category)

    def _row(self, parent, key, label, articles, sentences, annotated, annotations, by_category) -> QTreeWidgetItem:
        share = annotated / sentences if sentences else 0.0
        anonymous = shown_anonymous_share(by_category, self._filters)
        cells = [label, "" if articles is None else str(articles), str(sentences), f"{share:.0%}",
                 str(annotations), _share_cell(anonymous)]
        keys: list[object] = [label.casefold(), articles or 0, sentences, share, annotations,
                              -1.0 if anonymous is None else anonymous]
        tips = [label, "", "", f"{annotated} of {sentences} sentences annotated", "", ""]
        for category in self._categories:
            count = by_category.get(category.key, 0)
            part = count / annotations if annotations else 0.0
            cells.append(f"{count}\n{part:.0%}" if annotations else "0")
            keys.append(part * 1e6 + count)  # by share, then by count
            tips.append(f"{category.label}: {count} of {annotations} annotations ({part:.0%})")
        item = SortedRow(parent if parent is not None else self, cells)
        # Two lines, whatever this row holds: with uniform row heights the first row sets every row's
        # height, and an outlet with no annotation (its counts a bare "0") would squeeze all to one line.
        item.setSizeHint(0, QSize(0, 2 * self.fontMetrics().lineSpacing() + 6))
        item.setData(0, ROW_ROLE, key)
        for column, (sort_key, tip) in enumerate(zip(keys, tips)):
            item.setData(column, SORT_ROLE, sort_key)
            item.setToolTip(column, plain_tooltip(tip))
        for column in range(1, len(cells)):  # figures right-aligned, a category's count over its share centred
            item.setTextAlignment(column, (Qt.AlignmentFlag.AlignRight if column < len(FIXED)
                                           else Qt.AlignmentFlag.AlignHCenter) | Qt.AlignmentFlag.AlignVCenter)
        return item

    def _on_item_clicked(self, item: QTreeWidgetItem, column: int) -> None:
        if column < 4:
            return  # names and sentence counts: nothing annotated to list
        kind, value = item.data(0, ROW_ROLE)
        outlet = value if kind == "outlet" else item.parent().data(0, ROW_ROLE)[1]
        article = value if kind == "article" else None
        category = None
        if column == 5:
            if self._filters.category is not None:
                return
            category = "anonymous"
        elif column >= len(FIXED):
            category = self._categories[column - len(FIXED)].key
        self.cell_chosen.emit(outlet, article, category)


def short_title(category: Category) -> str:
    """A category's key (1–9) if it has one, else its label's initials (archived ones have no key)."""
    return category.shortcut or "".join(word[0] for word in category.label.split()[:3]).upper() or "?"


def _share_cell(share: float | None) -> str:
    return "—" if share is None else f"{share:.0%}"
