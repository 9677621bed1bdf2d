"""Reports over many outlets and claims: no section wider than its page, every word whole in the PDF."""

from __future__ import annotations

import importlib.util
import os
import re
import shutil
import stat
import subprocess
import time
import unicodedata
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path

import pytest

from annotator.core.records import Category
from annotator.core.reports.claims_section import GRID_OUTLETS, MAX_CLAIMS
from annotator.core.reports.html_report import PRINT_CATEGORIES, SCREEN_CATEGORIES, report_html, write_html_report

needs_pdftotext = pytest.mark.skipif(shutil.which("pdftotext") is None,
                                     reason="pdftotext (Debian poppler-utils) not installed")


def support(name: str):
    path = Path(__file__).parents[2] / "support" / f"{name}.py"
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def wide(tmp_path_factory):
    """Fifty outlets, a hundred claims that two outlets up to all fifty report."""
    project = support("many_claims").build(tmp_path_factory.mktemp("wide") / "wide.annot", 50, 100)
    yield project
    project.close()


class _Text(HTMLParser):
    """The text a reader sees (no style sheet, no title: the page's heading repeats it)."""

    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag, attrs) -> None:
        self._skip += tag in ("style", "title")

    def handle_endtag(self, tag) -> None:
        self._skip -= tag in ("style", "title")

    def handle_data(self, data) -> None:
        if not self._skip:
            self.parts.append(data)


def words(text: str) -> Counter[str]:
    """The words of a text, each with how often it occurs (numbers aside: the generated time may differ)."""
    text = unicodedata.normalize("NFKC", text)  # ligatures ("ﬃ") as letters
    return Counter(w for w in re.findall(r"\w+", text) if not w.isdigit())


def html_words(html: str) -> Counter[str]:
    parser = _Text()
    parser.feed(html)
    return words(" ".join(parser.parts))


def table_widths(html: str) -> list[int]:
    """The number of columns of each table's header row."""
    return [len(re.findall(r"<th[ >]", head)) for head in re.findall(r"<thead>.*?</thead>", html, re.DOTALL)]


def test_claims_are_a_table_each_when_outlets_are_many(wide) -> None:
    html = report_html(wide)
    section = html.split("<h2>Claims</h2>")[1].split("<h2>")[0]
    claims = wide.claims.list(min_outlets=2)
    assert len(claims) == 100
    assert max(table_widths(section)) == 3  # the claim's name across, then sourcing, outlets
    assert section.count("<th>Sourcing</th>") == MAX_CLAIMS
    for claim in claims[:MAX_CLAIMS]:
        head = f'<th colspan="2">{claim.label} — reported by {len(claim.outlets)} outlets</th>'
        assert head in section
        table = section.split(head)[1].split("</table>")[0]
        listed = re.findall(r"<td>(.*?)</td>", table)
        names = [n for cell in listed[1::2] for n in cell.split(", ")]
        assert sorted(names) == sorted(claim.outlets)  # each outlet once, in the row of its sourcing
    assert claims[MAX_CLAIMS].label not in section
    assert "the first 40 shown" in section


def test_a_few_outlets_keep_one_grid(sample) -> None:
    from annotator.core.claims.refresh import ensure_claims

    ensure_claims(sample)
    assert len(sample.articles.outlets()) <= GRID_OUTLETS
    section = report_html(sample).split("<h2>Claims</h2>")[1].split("<h2>")[0]
    assert table_widths(section) == [1 + len(sample.articles.outlets())]


def test_no_table_is_wider_than_a_page_with_many_categories(sample) -> None:
    from annotator.core.classroom.files import mark_answer_key

    for n in range(12):
        sample.categories.add_labelled(f"Extra category {n}")
    for name, category in [("key", "anonymous_official"), ("amy", "anonymous_official"), ("ben", "on_record")]:
        sample.annotate_sentence(1, 0, category=category, annotator=name)
    mark_answer_key(sample, "key")  # the class section has a column per category too
    count = len(sample.categories.list(include_archived=True))
    assert count > SCREEN_CATEGORIES + PRINT_CATEGORIES
    screen = report_html(sample)
    assert "<h2>Class</h2>" in screen
    assert max(table_widths(screen)) <= 1 + SCREEN_CATEGORIES
    printed = table_widths(report_html(sample, chart_src="c.png", for_print=True))
    assert printed[1] == 6  # the totals: an outlet and five figures, sized for paper (html_report.py)
    assert max(printed[:1] + printed[2:]) <= 1 + PRINT_CATEGORIES
    for n in range(12):  # every category's count, and its F1, is still in the report
        assert screen.count(f"Extra category {n}</th>") == 2


@needs_pdftotext
def test_every_word_of_the_report_is_whole_in_the_pdf(qapp, wide, tmp_path: Path) -> None:
    from annotator.ui.dashboard.report_pdf import write_pdf_report  # qapp: the suite's one QApplication, made first

    start = time.perf_counter()
    write_html_report(wide, tmp_path / "r.html")
    html_seconds = time.perf_counter() - start
    start = time.perf_counter()
    write_pdf_report(wide, tmp_path / "r.pdf")
    pdf_seconds = time.perf_counter() - start
    # Loosely: it finishes, in a time of the HTML's order (tests/bench/bench_core.py measures the ratio).
    assert pdf_seconds < 60 + 100 * html_seconds
    text = subprocess.run(["pdftotext", str(tmp_path / "r.pdf"), "-"], capture_output=True, text=True,
                          check=True).stdout
    expected = html_words((tmp_path / "r.html").read_text(encoding="utf-8"))
    assert "Investigative" in expected and "Süddeutsche" in expected and "Sourcing" in expected
    missing = expected - words(text)  # each word as often as in the HTML (a repeated table head adds some)
    assert not missing, sorted(missing.items())[:40]  # a word broken across lines is missing once at least
    pages = int(re.search(r"Pages:\s+(\d+)", subprocess.run(["pdfinfo", str(tmp_path / "r.pdf")],
                                                            capture_output=True, text=True).stdout).group(1))
    assert pages < 4 * len(wide.articles.list())  # not a letter or two per line over hundreds of pages


def test_the_pdf_follows_the_umask(qapp, sample, tmp_path: Path) -> None:
    from annotator.ui.dashboard.report_pdf import write_pdf_report

    old = os.umask(0o027)
    try:
        write_pdf_report(sample, tmp_path / "r.pdf")
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "r.pdf").stat().st_mode) == 0o640
    os.umask(0o002)
    try:
        write_pdf_report(sample, tmp_path / "shared.pdf")
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "shared.pdf").stat().st_mode) == 0o664


def test_a_claims_name_is_shown_as_written_in_its_table(wide) -> None:
    from annotator.core.ops.claims import NameClaim

    hostile = '<img src="/dev/zero"> **bold** | pipe [x](http://evil) & co'
    claim = wide.claims.list(min_outlets=2)[0]
    op = NameClaim(claim.id, hostile)
    op.apply(wide)
    try:
        section = report_html(wide).split("<h2>Claims</h2>")[1]
    finally:
        op.revert(wide)
    assert "<img" not in section and 'href="http://evil"' not in section
    assert (f'<th colspan="2">&lt;img src="/dev/zero"&gt; **bold** | pipe [x](http://evil) &amp; co'
            f' — reported by {len(claim.outlets)} outlets</th>') in section
