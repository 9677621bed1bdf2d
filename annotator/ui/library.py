"""The library: outlets → articles, with how much of each article is annotated, and a filter."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QInputDialog,
    QMenu,
    QHeaderView,
    QLineEdit,
    QStyledItemDelegate,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from annotator.core.changes import Changes
from annotator.core.ops.articles import EditArticle, RenameOutlet
from annotator.core.records import ArticleId
from annotator.ui import keymap
from annotator.ui.article_dialog import ArticleDialog
from annotator.ui.errors import ErrorSink
from annotator.ui.plain_text import plain_tooltip
from annotator.ui.session import ProjectSession

ARTICLE_ROLE = Qt.ItemDataRole.UserRole
OUTLET_ROLE = Qt.ItemDataRole.UserRole + 1


class LibraryPanel(QWidget):
    open_requested = Signal(int, bool)  # article id, in a new column

    def __init__(self, session: ProjectSession, errors: ErrorSink, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.errors = errors
        # Progress counts are refreshed just after a burst of changes, off the key press's path.
        self._pending: set[int] = set()
        self._progress_timer = QTimer(self)
        self._progress_timer.setSingleShot(True)
        self._progress_timer.setInterval(120)
        self.filter = QLineEdit(self)
        self.filter.setPlaceholderText("Filter by title or outlet…")
        self.filter.setClearButtonEnabled(True)
        self.tree = QTreeWidget(self)
        self.tree.setHeaderLabels(["Article", "Annotated"])
        self.tree.setRootIsDecorated(True)
        self.tree.setUniformRowHeights(True)
        self.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.tree.setItemDelegateForColumn(1, _RightAligned(self.tree))
        self.tree.headerItem().setToolTip(1, "Sentences annotated / sentences in the article")
        self._items: dict[int, QTreeWidgetItem] = {}
        self._filtered = False  # whether some rows may be hidden by the filter
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        # A fixed width for "annotated/total": sizing it to its contents would measure every row.
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Fixed)
        header.resizeSection(1, self.fontMetrics().horizontalAdvance("Annotated") + 24)
        self.setMinimumWidth(220)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.filter)
        layout.addWidget(self.tree)
        self.key_actions = keymap.install(self.tree, {
            "open_article": lambda: self.open_current(new_column=False),
            "open_in_new_column": lambda: self.open_current(new_column=True),
        }, keymap.LIBRARY)
        self._connect_signals()
        self.reload()

    def _connect_signals(self) -> None:
        self.filter.textChanged.connect(self._on_filter_text_changed)
        self.tree.itemActivated.connect(self._on_tree_item_activated)
        self.tree.customContextMenuRequested.connect(self._on_tree_context_menu_requested)
        self.session.changed.connect(self._on_session_changed)
        self._progress_timer.timeout.connect(self._refresh_progress)

    def reload(self) -> None:
        """Rebuild the tree: items are made parentless and added in bulk (10,000 articles in a blink)."""
        if not self.session.project.is_open:
            return
        self.tree.clear()
        self._items = {}
        self._filtered = False
        groups: dict[str, list[QTreeWidgetItem]] = {}
        for article in self.session.project.articles.list(annotator=self.session.visible_annotator):
            item = QTreeWidgetItem([article.title, _progress(article.annotated_sentences, article.sentence_count)])
            item.setData(0, ARTICLE_ROLE, article.id)
            item.setToolTip(0, plain_tooltip(f"{article.title}\n{article.outlet} · {article.published or 'no date'}"))
            groups.setdefault(article.outlet, []).append(item)
            self._items[article.id] = item
        outlets = []
        for name, items in groups.items():
            parent = QTreeWidgetItem([f"{name} ({len(items)})", ""])
            parent.setFlags(Qt.ItemFlag.ItemIsEnabled)
            parent.setData(0, OUTLET_ROLE, name)
            font = parent.font(0)
            font.setBold(True)
            parent.setFont(0, font)
            parent.addChildren(items)
            outlets.append(parent)
        self.tree.addTopLevelItems(outlets)
        self.tree.expandAll()
        self._on_filter_text_changed(self.filter.text())

    def article_items(self) -> list[QTreeWidgetItem]:
        items = []
        for i in range(self.tree.topLevelItemCount()):
            parent = self.tree.topLevelItem(i)
            items.extend(parent.child(j) for j in range(parent.childCount()))
        return items

    def _on_session_changed(self, changes: Changes) -> None:
        if changes.articles or changes.all_annotations:
            self.reload()
        elif changes.spans:
            self._pending |= changes.annotated_articles
            self._progress_timer.start()

    def _refresh_progress(self) -> None:
        pending, self._pending = self._pending, set()
        if not self.session.project.is_open:
            return
        for article_id in pending & self._items.keys():  # one indexed read per changed article
            article = self.session.project.articles.get(article_id, annotator=self.session.visible_annotator)
            self._items[article_id].setText(1, _progress(article.annotated_sentences, article.sentence_count))

    def _on_filter_text_changed(self, text: str) -> None:
        needle = text.casefold().strip()
        if not needle and not self._filtered:
            return  # nothing is hidden: a fresh tree shows everything
        self._filtered = bool(needle)
        for i in range(self.tree.topLevelItemCount()):
            parent = self.tree.topLevelItem(i)
            outlet_match = needle in str(parent.data(0, OUTLET_ROLE)).casefold()
            visible = 0
            for j in range(parent.childCount()):
                child = parent.child(j)
                show = not needle or outlet_match or needle in child.text(0).casefold()
                child.setHidden(not show)
                visible += show
            parent.setHidden(visible == 0)

    def open_current(self, *, new_column: bool) -> None:
        item = self.tree.currentItem()
        article_id = item.data(0, ARTICLE_ROLE) if item is not None else None
        if article_id is not None:
            self.open_requested.emit(ArticleId(article_id), new_column)

    def _on_tree_item_activated(self, item: QTreeWidgetItem, column: int) -> None:
        """A double-click (Enter is the keymap's); with Ctrl, in a new column."""
        article_id = item.data(0, ARTICLE_ROLE)
        if article_id is not None:
            new = bool(QApplication.keyboardModifiers() & Qt.KeyboardModifier.ControlModifier)
            self.open_requested.emit(ArticleId(article_id), new)


    # -- corrections ---------------------------------------------------------------------------
    def _on_tree_context_menu_requested(self, position) -> None:
        item = self.tree.itemAt(position)
        if item is None or self.session.project.read_only:
            return
        menu = QMenu(self)
        article_id = item.data(0, ARTICLE_ROLE)
        if article_id is not None:
            menu.addAction("Edit article details…", lambda: self.edit_article(ArticleId(article_id)))
        else:
            outlet = item.data(0, OUTLET_ROLE)
            menu.addAction("Rename or merge outlet…", lambda: self.rename_outlet(outlet))
        menu.exec(self.tree.viewport().mapToGlobal(position))

    def edit_article(self, article_id: ArticleId) -> None:
        """Correct an article's outlet, title or date; one undo step."""
        article = self.session.project.articles.get(article_id)
        dialog = ArticleDialog(article, self.session.project.articles.outlets(), self)
        if dialog.exec() != QDialog.DialogCode.Accepted or not dialog.changed_fields():
            return
        self._run(EditArticle(article_id, **dialog.changed_fields()))

    def rename_outlet(self, outlet: str) -> None:
        """Rename an outlet; a name that exists already merges the two (one undo step)."""
        name, ok = QInputDialog.getText(self, "Rename or merge outlet",
                                        "New name (an existing outlet's name merges them):", text=outlet)
        if ok and name.strip() and name.strip() != outlet:
            self._run(RenameOutlet(outlet, name))

    def _run(self, operation) -> None:
        self.session.try_run(operation, self.errors.report)


def _progress(annotated: int, total: int) -> str:
    return f"{annotated}/{total}"


class _RightAligned(QStyledItemDelegate):
    """Numbers right-aligned, set once for the column rather than on each of thousands of items."""

    def initStyleOption(self, option, index) -> None:  # noqa: N802 (Qt override)
        super().initStyleOption(option, index)
        option.displayAlignment = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
