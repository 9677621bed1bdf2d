"""The dashboard with fifty outlets: whole names, a chart that grows, numeric sorting, count and share."""

from __future__ import annotations

import importlib.util
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetrics

from annotator.ui.dashboard.dashboard_table import FIXED


def many_outlets():
    path = Path(__file__).parents[1] / "support" / "many_outlets.py"
    spec = importlib.util.spec_from_file_location("many_outlets", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def dashboard_of(qtbot, open_main, path: Path, outlets: int):
    many_outlets().build(path, outlets).close()
    window = open_main(path)
    window.resize(1440, 900)
    window.show_tab(window.dashboard)
    qtbot.waitUntil(window.dashboard.isVisible)
    return window.dashboard


def rows(table):
    return [table.topLevelItem(i) for i in range(table.topLevelItemCount())]


def test_names_are_whole_and_figures_fit_without_sideways_scrolling(qtbot, open_main, tmp_path: Path) -> None:
    table = dashboard_of(qtbot, open_main, tmp_path / "fifty.annot", 50).table
    qtbot.wait(50)
    width = table.header().sectionSize(0) - table.indentation() - 8
    for item in rows(table):
        name = item.text(0)
        if len(name) > 40:
            continue
        shown = QFontMetrics(item.font(0)).boundingRect(0, 0, width, 1000, Qt.TextFlag.TextWordWrap, name)
        assert shown.width() <= width and shown.height() <= table.visualItemRect(item).height(), name
    assert table.horizontalScrollBar().maximum() == 0


def test_chart_grows_with_the_outlets(qtbot, open_main, tmp_path: Path) -> None:
    small = dashboard_of(qtbot, open_main, tmp_path / "four.annot", 4).chart.height()
    large = dashboard_of(qtbot, open_main, tmp_path / "fifty.annot", 50).chart
    assert large.height() >= small + 46 * large.bar_height()


def test_columns_sort_by_number_and_cells_show_count_and_share(qtbot, open_main, tmp_path: Path) -> None:
    dashboard = dashboard_of(qtbot, open_main, tmp_path / "fifty.annot", 50)
    table = dashboard.table
    column = len(FIXED)  # the first category
    table.sortByColumn(column, Qt.SortOrder.DescendingOrder)
    shares = [int(item.text(column).split()[1].rstrip("%")) for item in rows(table)]
    assert shares == sorted(shares, reverse=True) and len(set(shares)) > 2
    assert all(len(item.text(column).split()) == 2 for item in rows(table))  # count, then share
    table.sortByColumn(4, Qt.SortOrder.AscendingOrder)
    counts = [int(item.text(4)) for item in rows(table)]
    assert counts == sorted(counts)
