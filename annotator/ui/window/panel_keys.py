"""The window's keys for getting around: the library, the columns, the tabs, the search panel, row menus;
and each column's place in its article, kept between sessions."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QContextMenuEvent
from PySide6.QtWidgets import QAbstractItemView, QApplication, QDockWidget, QMainWindow, QWidget

from annotator.core.records import ArticleId
from annotator.ui.base.errors import ErrorSink


class PanelKeys:
    """The commands of the keymap's PANELS section, on a main window (its columns, tabs, docks)."""

    def __init__(self, window: QMainWindow, errors: ErrorSink) -> None:
        self.window = window
        self.errors = errors

    def commands(self) -> dict[str, Callable[..., None]]:
        return {"focus_library": self.focus_library, "focus_column": self.focus_column,
                "close_column": self.close_column, "next_tab": lambda: self.step_tab(1),
                "previous_tab": lambda: self.step_tab(-1), "context_menu": self.context_menu}

    def focus_library(self) -> None:
        dock = self.window.findChild(QDockWidget, "libraryDock")
        dock.show()
        dock.raise_()
        self.window.library.tree.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def focus_column(self, key: str) -> None:
        """Ctrl+1–4: the workspace's column of that number, from anywhere in the window."""
        number = int(key.rpartition("+")[2])
        columns = self.window.columns
        self.window.tabs.setCurrentWidget(columns)
        if not columns.focus_column(number):
            count = len(columns.columns())
            self.errors.notice(f"There is no column {number}: " + (
                "no article is open." if not count else f"{count} column{'s are' if count > 1 else ' is'} open."))

    def close_column(self) -> None:
        """Ctrl+W: in the workspace, its current column; in a compare or scores tab, that tab."""
        tabs = self.window.tabs
        if tabs.currentWidget() is self.window.columns:
            if not self.window.columns.close_current():
                self.errors.notice("No column is open.")
        else:
            count, name = tabs.count(), tabs.tabText(tabs.currentIndex())
            tabs.tabCloseRequested.emit(tabs.currentIndex())  # what its ✕ does: only compare and scores tabs close
            if tabs.count() == count:
                self.errors.notice(f"The {name} tab cannot be closed.")

    def step_tab(self, step: int) -> None:
        """Ctrl+Tab, Ctrl+Shift+Tab: the next or previous tab (wrapping), the focus inside it."""
        tabs = self.window.tabs
        tabs.setCurrentIndex((tabs.currentIndex() + step) % tabs.count())
        page = tabs.currentWidget()
        if page is self.window.columns and self.window.columns.current is not None:
            self.window.columns.current.view.setFocus(Qt.FocusReason.ShortcutFocusReason)
            return
        target = next((w for w in page.findChildren(QWidget) if w.isVisible()
                       and w.focusPolicy() & Qt.FocusPolicy.TabFocus), tabs.tabBar())
        target.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def close_search(self) -> None:
        """Hide the search panel; the focus goes back to the article the user was in."""
        self.window.search_dock.hide()
        current = self.window.columns.current
        if current is not None and self.window.tabs.currentWidget() is self.window.columns:
            current.view.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def context_menu(self) -> None:
        """Menu, Shift+F10: the focused list's menu for its current row, shown beside that row."""
        widget = QApplication.focusWidget()
        if widget is None:
            return
        if isinstance(widget, QAbstractItemView):
            index = widget.currentIndex()
            if not index.isValid():
                self.errors.notice("Choose a row first (the arrow keys move through the list).")
                return
            widget.scrollTo(index)
            rect = widget.visualRect(index)
            position = QPoint(rect.left() + min(rect.width() // 2, 40), rect.center().y())
            target = widget.viewport()
        else:
            position, target = widget.rect().center(), widget
        event = QContextMenuEvent(QContextMenuEvent.Reason.Keyboard, position, target.mapToGlobal(position))
        QApplication.sendEvent(target, event)

    # -- each column's place, between sessions ----------------------------------------------------
    def places(self) -> list[str]:
        """'article:current:anchor:top' per column, the current column's marked with '*'."""
        columns = self.window.columns
        return [("*" if column is columns.current else "") + ":".join(
            map(str, (column.article_id, *column.view.place()))) for column in columns.columns()]

    def restore_places(self, stored) -> None:
        """Put each reopened column back where places() found it; entries that no longer fit are skipped."""
        stored = [stored] if isinstance(stored, str) else (stored or [])
        by_article: dict[int, tuple[int, int, int]] = {}
        current = None
        for entry in stored:
            fields = str(entry).lstrip("*").split(":")
            if len(fields) != 4 or not all(f.isdigit() for f in fields):
                continue
            article, *place = map(int, fields)
            by_article[article] = tuple(place)
            if str(entry).startswith("*"):
                current = article
        columns = self.window.columns.columns()
        for column in columns:
            if column.article_id in by_article:
                column.view.restore_place(*by_article[column.article_id])
        numbers = [n for n, c in enumerate(columns, 1) if c.article_id == ArticleId(current or -1)]
        if numbers:
            self.window.columns.focus_column(numbers[0])
