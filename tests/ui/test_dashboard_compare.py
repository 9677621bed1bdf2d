"""Comparing outlets on the dashboard: largest first on a first click, the chart in the table's order,
and the chart saved as PNG or SVG (in the background, in that order)."""

from __future__ import annotations

import importlib.util
import os
import re
import stat
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QFileDialog

from annotator.core.reports.chart_svg import NAME_CHARS
from annotator.ui.dashboard.report_actions import CHART_PNG, CHART_SVG


def many_outlets():
    path = Path(__file__).parents[1] / "support" / "many_outlets.py"
    spec = importlib.util.spec_from_file_location("many_outlets", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture
def dashboard(qtbot, open_main, tmp_path: Path):
    path = tmp_path / "eleven.annot"
    many_outlets().build(path, 11).close()
    window = open_main(path)
    window.resize(1440, 900)
    window.show_tab(window.dashboard)
    qtbot.waitUntil(window.dashboard.isVisible)
    return window.dashboard


def click_header(qtbot, table, column: int) -> None:
    header = table.header()
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton,
                     pos=QPoint(header.sectionViewportPosition(column) + header.sectionSize(column) // 2, 8))


def column_values(table, column: int) -> list[str]:
    return [table.topLevelItem(i).text(column) for i in range(table.topLevelItemCount())]


def chart_follows_table(dashboard) -> None:
    order = dashboard.table.outlet_order()
    assert dashboard.chart.outlets_shown() == order
    counts = {o: int(dashboard.table.topLevelItem(i).text(4)) for i, o in enumerate(order)}
    bars = list(reversed(order))  # the bar sets hold the bottom bar first
    for n, outlet in enumerate(bars):  # each bar's segments add up to that outlet's annotations
        assert sum(bar_set.at(n) for bar_set in dashboard.chart.bar_sets.values()) == counts[outlet], outlet


def test_figures_sort_largest_first_and_names_a_to_z_and_the_chart_follows(qtbot, dashboard) -> None:
    table = dashboard.table
    names = column_values(table, 0)
    assert names == sorted(names, key=str.casefold)
    chart_follows_table(dashboard)
    click_header(qtbot, table, 4)  # Annotations: the most first
    counts = [int(v) for v in column_values(table, 4)]
    assert counts == sorted(counts, reverse=True) != sorted(counts)
    chart_follows_table(dashboard)
    click_header(qtbot, table, 4)  # a second click: the fewest first
    assert [int(v) for v in column_values(table, 4)] == sorted(counts)
    chart_follows_table(dashboard)
    category = 6  # the first category's column: by share, the largest first
    click_header(qtbot, table, category)
    shares = [int(v.split()[1].rstrip("%")) for v in column_values(table, category)]
    assert shares == sorted(shares, reverse=True)
    chart_follows_table(dashboard)
    click_header(qtbot, table, 0)  # names: A to Z on a first click
    assert column_values(table, 0) == names
    chart_follows_table(dashboard)


def test_the_chart_keeps_the_tables_order_when_figures_change(qtbot, dashboard) -> None:
    click_header(qtbot, dashboard.table, 4)
    combo = dashboard.annotator
    combo.setCurrentIndex(combo.findData("ben"))  # a filter: new figures, the same sort
    counts = [int(v) for v in column_values(dashboard.table, 4)]
    assert counts == sorted(counts, reverse=True)
    chart_follows_table(dashboard)


def svg_names(svg: str) -> list[str]:
    return re.findall(r'<text x="[\d.]+" y="[\d.]+" text-anchor="end">([^<]+)</text>', svg)


def test_the_chart_is_saved_as_svg_and_png_in_the_tables_order(qtbot, dashboard, tmp_path: Path,
                                                               monkeypatch) -> None:
    click_header(qtbot, dashboard.table, 4)
    order = dashboard.table.outlet_order()
    assert order != sorted(order)
    answers = iter([(str(tmp_path / "mix.svg"), CHART_SVG), (str(tmp_path / "mix"), CHART_PNG)])
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: next(answers)))
    old = os.umask(0o027)
    try:
        dashboard.chart_area.save_button.click()
        qtbot.waitUntil(lambda: dashboard.reports.last_written == tmp_path / "mix.svg", timeout=10000)
    finally:
        os.umask(old)
    svg = (tmp_path / "mix.svg").read_text(encoding="utf-8")
    shortened = [n if len(n) <= NAME_CHARS else n[:NAME_CHARS - 1] + "…" for n in order]
    assert svg.startswith("<svg") and svg_names(svg) == shortened  # as the table stands, top to bottom
    assert stat.S_IMODE((tmp_path / "mix.svg").stat().st_mode) == 0o640

    menu = dashboard.chart.context_menu()  # the chart's context menu
    assert [a.text() for a in menu.actions()] == ["Save chart…"]
    menu.actions()[0].trigger()
    qtbot.waitUntil(lambda: dashboard.reports.last_written == tmp_path / "mix.png", timeout=10000)
    image = QImage(str(tmp_path / "mix.png"))
    width, height = map(int, re.search(r'width="(\d+)" height="(\d+)"', svg).groups())
    assert (image.width(), image.height()) == (2 * width, 2 * height)  # drawn from the same SVG, twice as sharp
    colours = {image.pixelColor(x, y).name() for x in range(0, image.width(), 7) for y in range(0, image.height(), 7)}
    categories = {c.color.lower() for c in dashboard.session.codebook.all}
    assert len(colours & categories) >= 3  # the bars are drawn, in the codebook's colours
