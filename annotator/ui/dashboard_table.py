"""The dashboard's table: one row per outlet, its articles beneath; counts and shares per category."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHeaderView, QTreeWidget, QTreeWidgetItem, QWidget

from annotator.core.records import ArticleSummary, Category, OutletSummary
from annotator.core.analysis.stats import Filters, shown_anonymous_share
from annotator.ui.codebook_panel import swatch
from annotator.ui.plain_text import plain_tooltip

ROW_ROLE = Qt.ItemDataRole.UserRole  # ("outlet", name) or ("article", id)
FIXED = ["Outlet / article", "Articles", "Sentences", "Annotated", "Annotations", "Anonymous share"]


class OutletTable(QTreeWidget):
    """Clicking a count emits what it counts: (outlet or None, article id or None, category or None)."""

    cell_chosen = Signal(object, object, object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAlternatingRowColors(True)
        self.setUniformRowHeights(True)
        self.itemClicked.connect(self._on_item_clicked)
        self.itemExpanded.connect(self._on_item_expanded)
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
        self.clear()
        self.setHeaderLabels(FIXED + [c.label for c in categories])
        for n, category in enumerate(categories):
            self.headerItem().setIcon(len(FIXED) + n, swatch(category.color))
            self.headerItem().setToolTip(len(FIXED) + n, plain_tooltip(category.description))
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
        header = self.header()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        self.setColumnWidth(0, 220)

    def _on_item_expanded(self, item: QTreeWidgetItem) -> None:
        kind, name = item.data(0, ROW_ROLE)
        if kind != "outlet" or item.childCount():
            return
        for article in self._articles.get(name, []):
            self._row(item, ("article", article.article_id), article.title, None, article.sentences,
                      article.annotated_sentences, article.annotations, article.by_category)

    def _row(self, parent, key, label, articles, sentences, annotated, annotations, by_category) -> QTreeWidgetItem:
        share = annotated / sentences if sentences else 0.0
        cells = [label, "" if articles is None else str(articles), str(sentences), f"{share:.0%}",
                 str(annotations), _share_cell(shown_anonymous_share(by_category, self._filters))]
        for category in self._categories:
            count = by_category.get(category.key, 0)
            cells.append(f"{count} ({count / annotations:.0%})" if annotations else "0")
        item = QTreeWidgetItem(parent if parent is not None else self, cells)
        item.setData(0, ROW_ROLE, key)
        item.setToolTip(0, plain_tooltip(label))
        for column in range(1, len(cells)):
            item.setTextAlignment(column, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
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


def _share_cell(share: float | None) -> str:
    return "—" if share is None else f"{share:.0%}"
