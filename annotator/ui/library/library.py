"""The library: outlets → articles, with how much of each article is annotated, and a filter.

Several articles can be chosen (Ctrl+click, Shift+click, Shift+arrows) and given one outlet or date,
or deleted, each as one undo step (the context menu, Edit menu, or Delete).
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QInputDialog,
    QLineEdit,
    QMenu,
    QVBoxLayout,
    QWidget,
)

from annotator.core.changes import Changes
from annotator.core.ops.articles import DeleteArticles, EditArticle, RenameOutlet, SetOutlet, SetPublished
from annotator.core.ingest.formats import format_names
from annotator.core.records import ArticleId
from annotator.ui.base import keymap
from annotator.ui.library.article_dialog import ArticleDialog
from annotator.ui.library.batch_dialogs import SetDateDialog, SetOutletDialog
from annotator.ui.base.errors import ErrorSink
from annotator.ui.base.plain_text import plain_label
from annotator.ui.library.library_model import ARTICLE_ROLE, OUTLET_ROLE, PROGRESS, TITLE, LibraryModel
from annotator.ui.library.library_view import LibraryView
from annotator.ui.base.session import ProjectSession


@dataclass(frozen=True)
class LibraryRow:
    """A row as shown: an outlet heading (article_id None) or an article with its progress."""

    text: str
    progress: str
    tooltip: str
    article_id: ArticleId | None
    outlet: str | None
    folded: bool | None  # for an outlet heading


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
        self.filter.setPlaceholderText("Filter by title or outlet… (Down: to the list)")
        self.filter.setClearButtonEnabled(True)
        self.model = LibraryModel(session.project.listing, session.visible_annotator, self)
        self.hint = plain_label("", self)  # when nothing is listed: how to import, or that the filter matched nothing
        self.hint.setObjectName("libraryHint")
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet("color: palette(placeholder-text); padding: 6px 2px;")
        self.hint.setVisible(False)
        self.tree = LibraryView(self)
        self.tree.setModel(self.model)
        self.setMinimumWidth(220)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.filter)
        layout.addWidget(self.hint)
        layout.addWidget(self.tree)
        self.key_actions = keymap.install(self.tree, {
            "open_article": lambda: self.open_current(new_column=False),
            "open_in_new_column": lambda: self.open_current(new_column=True),
            "fold_outlet": lambda: self.fold_current(True),
            "unfold_outlet": lambda: self.fold_current(False),
            "delete_articles": self.delete_selected,
        }, keymap.LIBRARY)
        self.key_actions.update(keymap.install(self.filter, {"filter_to_list": self._on_filter_to_list},
                                               keymap.LIBRARY_FILTER))
        # For the Edit menu: they act on the articles chosen in the list.
        self.set_outlet_action = self._menu_action("Set &outlet of chosen articles…", self.set_outlet_of_selected)
        self.set_date_action = self._menu_action("Set &date of chosen articles…", self.set_date_of_selected)
        self.delete_action = self._menu_action("De&lete chosen articles…", self.delete_selected)
        self._connect_signals()
        self.reload()

    def _menu_action(self, text: str, slot) -> QAction:
        action = QAction(text, self)
        action.setEnabled(not self.session.project.read_only)
        action.triggered.connect(lambda _checked=False: slot())
        return action

    def _connect_signals(self) -> None:
        self.filter.textChanged.connect(self._on_filter_text_changed)
        self.tree.arrow_clicked.connect(self._on_arrow_clicked)
        self.tree.activated.connect(self._on_tree_activated)
        self.tree.doubleClicked.connect(self._on_tree_double_clicked)
        self.tree.customContextMenuRequested.connect(self._on_tree_context_menu_requested)
        self.session.changed.connect(self._on_session_changed)
        self._progress_timer.timeout.connect(self._refresh_progress)

    def reload(self) -> None:
        """List the outlets again; articles are read a page at a time as they scroll into view."""
        if self.session.project.is_open:
            self.model.annotator = self.session.visible_annotator
            self._keeping_current(self.model.reload)
            self._show_hint()

    # -- what the panel shows (also what tests read) ---------------------------------------------
    def rows(self) -> list[LibraryRow]:
        return [self._row(r) for r in range(self.model.rowCount())]

    def article_rows(self) -> list[LibraryRow]:
        return [row for row in self.rows() if row.article_id is not None]

    def outlet_rows(self) -> list[LibraryRow]:
        return [row for row in self.rows() if row.article_id is None]

    def _row(self, r: int) -> LibraryRow:
        title, progress = self.model.index(r, TITLE), self.model.index(r, PROGRESS)
        article = title.data(ARTICLE_ROLE)
        group = self.model.group_at(r)
        return LibraryRow(title.data(), progress.data(), title.data(Qt.ItemDataRole.ToolTipRole),
                          None if article is None else ArticleId(article), title.data(OUTLET_ROLE),
                          None if group is None else group.collapsed)

    def select_article(self, article_id: int) -> bool:
        """Make the article the current row (unfolding its outlet); False when the filter hides it."""
        if not self.model.shows(article_id):
            return False
        row = self.model.row_of(article_id)
        if row is None:  # its outlet is folded
            outlet_id, _ = self.session.project.listing.position(article_id)
            self.model.set_collapsed(self.model.heading_row(outlet_id), False)
            row = self.model.row_of(article_id)
        self.tree.setCurrentIndex(self.model.index(row, TITLE))
        self.tree.scrollTo(self.tree.currentIndex())
        return True

    def _keeping_current(self, change) -> None:
        """Run `change` (which resets the list) and put the current row back on the same article or outlet."""
        row = self.tree.currentIndex().row()
        article, group = self.model.article_at(row), self.model.group_at(row)
        change()
        if article is not None and self.model.shows(article.id):
            self.select_article(article.id)
        elif group is not None and (heading := self.model.heading_row(group.outlet.id)) is not None:
            self.tree.setCurrentIndex(self.model.index(heading, TITLE))

    def _on_session_changed(self, changes: Changes) -> None:
        if changes.articles or changes.all_annotations:
            self.reload()
        elif changes.spans:
            self._pending |= changes.annotated_articles
            self._progress_timer.start()

    def _refresh_progress(self) -> None:
        pending, self._pending = self._pending, set()
        if self.session.project.is_open:
            self.model.refresh_progress(pending)  # one indexed read per changed article on screen

    def _on_filter_text_changed(self, text: str) -> None:
        self._keeping_current(lambda: self.model.set_filter(text))
        self._show_hint()

    def _show_hint(self) -> None:
        """Say why the list is empty: a new project (and how to import), or a filter nothing matches."""
        text = ""
        if self.model.rowCount() == 0:
            needle = self.filter.text().strip()
            if needle:
                text = f"No article's title or outlet holds \u201c{needle}\u201d. Clear the filter to see every article."
            elif self.session.project.read_only:
                text = "This project has no articles (opened read-only)."
            else:
                keys = keymap.keys_text(keymap.binding("import").keys)
                text = (f"No articles yet. Import some with File \u25b8 Import articles\u2026 ({keys}), "
                        f"or drop files on the window ({format_names()}).")
        self.hint.setText(text)
        self.hint.setVisible(bool(text))

    # -- opening and folding -------------------------------------------------------------------
    def open_current(self, *, new_column: bool) -> None:
        row = self.tree.currentIndex().row()
        article = self.model.article_at(row)
        if article is not None:
            self.open_requested.emit(article.id, new_column)
        elif (group := self.model.group_at(row)) is not None:
            self.model.set_collapsed(row, not group.collapsed)

    def fold_current(self, folded: bool) -> None:
        """Fold (or unfold) the current row's outlet; folding from an article moves to its outlet."""
        row = self.tree.currentIndex().row()
        if row < 0 or row >= self.model.rowCount():
            return
        heading = self.model.outlet_row(row)
        self.model.set_collapsed(heading, folded)
        self.tree.setCurrentIndex(self.model.index(heading if folded else row, TITLE))

    def _on_arrow_clicked(self, row: int) -> None:
        group = self.model.group_at(row)
        if group is not None:
            self.model.set_collapsed(row, not group.collapsed)

    def _on_tree_double_clicked(self, index: QModelIndex) -> None:
        self._on_arrow_clicked(index.row())  # on an outlet: fold or unfold it

    def _on_filter_to_list(self) -> None:
        """Down or Enter in the filter: on to the list, at its first article unless one is chosen."""
        first = self.model.first_article_row()
        if self.model.article_at(self.tree.currentIndex().row()) is None and first is not None:
            self.tree.setCurrentIndex(self.model.index(first, 0))
        self.tree.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def _on_tree_activated(self, index: QModelIndex) -> None:
        """A double-click (Enter is the keymap's) opens the article; with Ctrl, in a new column."""
        article = self.model.article_at(index.row())
        if article is not None:
            new = bool(QApplication.keyboardModifiers() & Qt.KeyboardModifier.ControlModifier)
            self.open_requested.emit(article.id, new)

    # -- corrections ---------------------------------------------------------------------------
    def _on_tree_context_menu_requested(self, position) -> None:
        index = self.tree.indexAt(position)
        if not index.isValid() or self.session.project.read_only:
            return
        menu = QMenu(self)
        article, group = self.model.article_at(index.row()), self.model.group_at(index.row())
        if article is not None:
            chosen = self.selected_article_ids()
            if article.id not in chosen:  # a right-click outside the selection acts on that row alone
                self.tree.setCurrentIndex(self.model.index(index.row(), TITLE))
                chosen = [article.id]
            several = f" of {len(chosen)} articles" if len(chosen) > 1 else ""
            if len(chosen) == 1:
                menu.addAction("Edit article details…", lambda: self.edit_article(article.id))
            menu.addAction(f"Set outlet{several}…", lambda: self.set_outlet(chosen))
            menu.addAction(f"Set date{several}…", lambda: self.set_date(chosen))
            menu.addSeparator()
            menu.addAction(f"Delete {'article' if len(chosen) == 1 else f'{len(chosen)} articles'}…",
                           lambda: self.delete_articles(chosen))
        elif group is not None:
            outlet = group.outlet.name
            menu.addAction("Rename or merge outlet…", lambda: self.rename_outlet(outlet))
        else:  # a row whose article was moved by another program since the list was read
            return
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

    # -- several articles at once ---------------------------------------------------------------
    def selected_article_ids(self) -> list[ArticleId]:
        """The chosen articles, top to bottom (outlet rows are not articles); else the current row's article."""
        rows = sorted({i.row() for i in self.tree.selectionModel().selectedRows()})
        chosen = [article.id for row in rows if (article := self.model.article_at(row)) is not None]
        if not chosen and (current := self.model.article_at(self.tree.currentIndex().row())) is not None:
            chosen = [current.id]
        return chosen

    def _chosen_or_say(self) -> list[ArticleId]:
        if self.session.project.read_only:
            self.errors.notice("The project is open read-only; its articles cannot be changed.")
            return []
        chosen = self.selected_article_ids()
        if not chosen:
            self.errors.notice("Choose one or more articles in the library first (Ctrl+click or Shift+click"
                               " chooses several).")
        return chosen

    def set_outlet_of_selected(self) -> None:
        if chosen := self._chosen_or_say():
            self.set_outlet(chosen)

    def set_date_of_selected(self) -> None:
        if chosen := self._chosen_or_say():
            self.set_date(chosen)

    def delete_selected(self) -> None:
        if chosen := self._chosen_or_say():
            self.delete_articles(chosen)

    def set_outlet(self, article_ids: list[ArticleId]) -> None:
        """Move the articles to one outlet (one undo step); the dialog offers the outlets there are."""
        articles = self.session.project.articles
        outlets = {articles.get(i).outlet for i in article_ids}
        dialog = SetOutletDialog(len(article_ids), articles.outlets(), outlets.pop() if len(outlets) == 1 else "", self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self._run(SetOutlet(article_ids, dialog.value()))

    def set_date(self, article_ids: list[ArticleId]) -> None:
        """Give the articles one publication date, or clear it (one undo step)."""
        dates = {self.session.project.articles.get(i).published or "" for i in article_ids}
        dialog = SetDateDialog(len(article_ids), dates.pop() if len(dates) == 1 else "", self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self._run(SetPublished(article_ids, dialog.value()))

    def delete_articles(self, article_ids: list[ArticleId]) -> None:
        """Delete the articles with their annotations after saying how many go; one undo step."""
        project = self.session.project
        count = project.articles.annotation_count(article_ids)
        if len(article_ids) == 1:
            what, its = f"“{project.articles.get(article_ids[0]).title}”", "its"
        else:
            what, its = f"these {len(article_ids)} articles", "their"
        if count.annotations:
            question = (f"Delete {what} and {its} {_count(count.annotations, 'annotation')} by "
                        f"{_count(count.annotators, 'annotator')}?")
        else:
            question = f"Delete {what}? {'It has' if len(article_ids) == 1 else 'They have'} no annotations."
        if self.errors.confirm("Delete articles", f"{question}\n\nEdit ▸ Undo brings "
                               f"{'it' if len(article_ids) == 1 else 'them'} back."):
            self._run(DeleteArticles(article_ids))

    def _run(self, operation) -> None:
        self.session.try_run(operation, self.errors.report)


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"
