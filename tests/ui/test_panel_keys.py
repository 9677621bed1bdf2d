"""Keys that move between the window's panels: the library, the columns, the tabs, row menus."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMenu

from tests.ui.key_support import press


def test_ctrl_l_goes_to_the_library_even_when_its_panel_was_closed(qtbot, workspace) -> None:
    dock = workspace.library.parentWidget()
    dock.hide()
    press(qtbot, workspace.columns.current.view, "Ctrl+L")
    qtbot.waitUntil(workspace.library.tree.hasFocus)
    assert dock.isVisible()
    press(qtbot, workspace.library.tree, "Down")  # the library's own keys work from there
    press(qtbot, workspace.library.tree, "Return")
    assert workspace.columns.current.view.hasFocus()


@pytest.fixture
def three_columns(workspace):
    for article_id in (2, 3):
        workspace.open_article(article_id, new_column=True)
    return workspace


@pytest.mark.parametrize(("key", "article"), [("Ctrl+1", 1), ("Ctrl+2", 2), ("Ctrl+3", 3)])
def test_ctrl_digit_goes_to_that_column_from_anywhere(qtbot, three_columns, key, article) -> None:
    window = three_columns
    window.library.tree.setFocus()
    qtbot.waitUntil(window.library.tree.hasFocus)
    press(qtbot, window.library.tree, key)
    assert window.columns.current.article_id == article
    assert window.columns.current.view.hasFocus()
    press(qtbot, window.columns.current.view, "J")  # the article keys act on that column
    assert window.columns.current.view.current == 1
    assert [c.view.current for c in window.columns.columns()].count(1) == 1


def test_ctrl_digit_past_the_open_columns_says_how_many_are_open(qtbot, three_columns) -> None:
    press(qtbot, three_columns.columns.current.view, "Ctrl+4")
    assert three_columns.statusBar().currentMessage() == "There is no column 4: 3 columns are open."
    assert three_columns.columns.current.article_id == 3


def test_ctrl_w_closes_the_current_column_and_the_focus_moves_left(qtbot, three_columns) -> None:
    window = three_columns
    press(qtbot, window.columns.current.view, "Ctrl+2")
    press(qtbot, window.columns.current.view, "Ctrl+W")
    assert [c.article_id for c in window.columns.columns()] == [1, 3]
    assert window.columns.current.article_id == 1 and window.columns.current.view.hasFocus()
    press(qtbot, window.columns.current.view, "Ctrl+W")
    press(qtbot, window.columns.current.view, "Ctrl+W")
    assert window.columns.columns() == [] and window.columns.current is None
    press(qtbot, window, "Ctrl+W")
    assert window.statusBar().currentMessage() == "No column is open."


def test_ctrl_w_closes_a_compare_tab_but_not_the_dashboard(qtbot, compare) -> None:
    window, view = compare
    count = window.tabs.count()
    press(qtbot, view.views[1], "Ctrl+W")
    names = [window.tabs.tabText(i) for i in range(window.tabs.count())]
    assert len(names) == count - 1 and not any("amy" in name for name in names)
    window.tabs.setCurrentIndex(1)
    press(qtbot, window, "Ctrl+W")
    assert window.tabs.count() == count - 1
    assert window.statusBar().currentMessage() == "The Dashboard tab cannot be closed."


@pytest.mark.parametrize(("keys", "tab"), [(["Ctrl+Tab"], "Dashboard"), (["Ctrl+Tab", "Ctrl+Tab"], "Story"),
                                           (["Ctrl+Shift+Tab"], "amy"), ("all", "Workspace")])
def test_ctrl_tab_steps_through_the_tabs(qtbot, compare, keys, tab) -> None:
    window, _view = compare
    if keys == "all":  # once round: back where it started
        keys = ["Ctrl+Tab"] * window.tabs.count()
    window.tabs.setCurrentIndex(0)
    window.columns.current.view.setFocus()
    for key in keys:
        press(qtbot, QApplication.focusWidget() or window, key)
    assert tab in window.tabs.tabText(window.tabs.currentIndex())
    page = window.tabs.currentWidget()
    qtbot.waitUntil(lambda: page.isAncestorOf(QApplication.focusWidget()) or window.tabs.tabBar().hasFocus())
    if window._story_tab.built:  # the Story tab groups the claims when first shown: let that end with the test
        story = window.story
        shown = window.tabs.currentWidget() is window._story_tab
        qtbot.waitUntil(lambda: (story.isVisible() or not shown) and story.task is None, timeout=15000)


def menu_shown_by(qtbot, widget, key) -> list[str]:
    """The texts of the menu a key press opens on `widget` (then closed), [] when none opens."""
    shown: list[str] = []

    def read_menu() -> None:
        menu = QApplication.activePopupWidget()
        if isinstance(menu, QMenu) and menu.isVisible() and menu.actions():
            shown.extend(a.text() for a in menu.actions())
            menu.close()
            timer.stop()

    timer = QTimer()
    timer.setInterval(10)
    timer.timeout.connect(read_menu)
    timer.start()
    press(qtbot, widget, key)
    qtbot.wait(50)
    timer.stop()
    return shown


@pytest.mark.parametrize("key", ["Menu", "Shift+F10"])
def test_the_menu_key_opens_the_current_library_row_s_menu(qtbot, workspace, key) -> None:
    library = workspace.library
    library.tree.setFocus()
    qtbot.waitUntil(library.tree.hasFocus)
    row = next(r for r in library.article_rows() if r.text.startswith("Pentagon"))
    library.select_article(row.article_id)
    assert menu_shown_by(qtbot, library.tree, key)[0] == "Edit article details…"
    library.fold_current(True)  # the current row is now its outlet
    workspace.activateWindow()  # (offscreen, a closed menu gives the window its focus back to no one)
    qtbot.waitUntil(workspace.isActiveWindow)
    library.tree.setFocus()
    qtbot.waitUntil(library.tree.hasFocus)
    assert menu_shown_by(qtbot, library.tree, key)[0] == "Rename or merge outlet…"


def test_the_menu_key_opens_the_story_grid_s_menu(qtbot, workspace) -> None:
    workspace.show_tab(workspace.story)
    story = workspace.story
    qtbot.waitUntil(lambda: story.task is None and story.model.rowCount() > 0, timeout=15000)
    story.table.setFocus()
    story.table.setCurrentIndex(story.model.index(0, 0))
    focused = QApplication.focusWidget()
    shown = menu_shown_by(qtbot, focused, "Menu")
    assert any(text.startswith("Merge") for text in shown), (shown, focused)
