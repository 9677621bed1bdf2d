"""The report with fifty outlets: outlets as rows, print tables cut to fit, each row on one line."""

from __future__ import annotations

import importlib.util
import re
import shutil
import subprocess
import unicodedata
from pathlib import Path

import pytest

from annotator.core.reports.chart_svg import chart_parts, sourcing_chart
from annotator.core.reports.html_report import PRINT_CATEGORIES, print_landscape, report_html
from annotator.core.analysis.stats import outlet_summary


def many_outlets():
    path = Path(__file__).parents[2] / "support" / "many_outlets.py"
    spec = importlib.util.spec_from_file_location("many_outlets", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def fifty(tmp_path_factory):
    project = many_outlets().build(tmp_path_factory.mktemp("fifty") / "fifty.annot", 50)
    yield project
    project.close()


def test_category_table_has_outlets_as_rows(fifty) -> None:
    html = report_html(fifty)
    labels = [c.label for c in fifty.categories.list(include_archived=True)]
    header = "<th>Outlet</th>\n" + "\n".join(f'<th style="text-align: right;">{label}</th>' for label in labels)
    assert header in html  # one table on screen, its columns the categories
    for outlet in outlet_summary(fifty.database):
        figures = html.split("<h2>Provenance</h2>")[0]  # the provenance section names outlets too
        assert figures.count(f"<td>{outlet.outlet}</td>") == 2, outlet.outlet  # totals and categories


def test_print_layout_cuts_wide_tables_and_tall_charts(fifty) -> None:
    html = report_html(fifty, chart_src="chart.png", for_print=True)
    parts = -(-7 // PRINT_CATEGORIES)
    assert html.count('<th width="') >= 1 + parts  # the outlet column sized for the longest name
    for outlet in outlet_summary(fifty.database):
        assert html.split("<h2>Provenance</h2>")[0].count(f"<td>{outlet.outlet}</td>") == 1 + parts
    assert "&nbsp;(" in html  # a count stays with its share
    assert 'src="chart.png"' in html and 'src="chart.png?part=2"' in html
    assert print_landscape(fifty)


def test_chart_grows_with_the_outlets_and_keeps_names_whole(fifty) -> None:
    outlets = outlet_summary(fifty.database)
    categories = fifty.categories.list(include_archived=True)

    def height(svg: str) -> int:
        return int(re.search(r'height="(\d+)"', svg).group(1))

    assert height(sourcing_chart(outlets, categories)) > 3 * height(sourcing_chart(outlets[:10], categories))
    svg = sourcing_chart(outlets, categories)
    assert ">The Record from Recorded Future News<" in svg and "Investigative Reporting Network" in svg
    assert [len(p) for p in chart_parts(outlets)] == [25, 25]


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="pdftotext (Debian poppler-utils) not installed")
def test_each_outlet_row_of_the_pdf_is_one_line(qapp, fifty, tmp_path: Path) -> None:
    from annotator.ui.dashboard.report_pdf import write_pdf_report  # qapp: the suite's one QApplication, made first

    write_pdf_report(fifty, tmp_path / "r.pdf")
    text = subprocess.run(["pdftotext", "-layout", str(tmp_path / "r.pdf"), "-"], capture_output=True,
                          text=True, check=True).stdout
    text = unicodedata.normalize("NFKC", text)  # ligatures ("ﬃ") as letters
    lines = text.splitlines()
    parts = -(-7 // PRINT_CATEGORIES)
    for outlet in outlet_summary(fifty.database):
        rows = [line for line in lines if re.search(rf"{re.escape(outlet.outlet)}\s+\d", line)]
        assert len(rows) >= 1 + parts, (outlet.outlet, rows)
    words = {w for c in fifty.categories.list(include_archived=True) for w in re.findall(r"[\w'-]+", c.label)}
    words |= {"Articles", "Sentences", "Annotated", "Annotations", "Anonymous", "share"}
    found = set(re.findall(r"[\w'-]+", text))
    assert words <= found, words - found  # no header word broken
