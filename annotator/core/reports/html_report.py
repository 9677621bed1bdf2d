"""The written report: method, per-outlet table, chart and each outlet's annotated sentences.

It is written as Markdown and rendered with python-markdown. Everything that comes from articles
or users (titles, sentences, sources, notes, names) goes through `md_text`, which escapes HTML and
Markdown syntax, so it is shown as written and never interpreted.
"""

from __future__ import annotations

import base64
import re
from collections import defaultdict
from datetime import datetime, timezone
from html import escape
from pathlib import Path

import markdown

from annotator.core.reports.chart_svg import chart_parts, sourcing_chart
from annotator.core.analysis.evidence import annotated_sentences
from annotator.core.records import outlet_order
from annotator.core.store.project import Project
from annotator.core.records import Category, OutletSummary
from annotator.core.reports.class_section import class_section
from annotator.core.reports.claims_section import claims_section
from annotator.core.reports.provenance_section import provenance_section
from annotator.core.analysis.stats import Filters, outlet_summary, shown_anonymous_share

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|>])")

CSS = """
body { font-family: "DejaVu Sans", Arial, sans-serif; font-size: 11pt; color: #202020; max-width: 60em;
       margin: 2em auto; line-height: 1.45; }
h1 { font-size: 20pt; } h2 { font-size: 15pt; border-bottom: 1px solid #CCCCCC; margin-top: 1.6em; }
h3 { font-size: 12pt; margin-bottom: 0.3em; }
table { border-collapse: collapse; margin: 0.8em 0; } th, td { border: 1px solid #CCCCCC; padding: 3px 7px; }
th { background: #F2F2F2; text-align: left; } td.n { text-align: right; }
blockquote { margin: 0.3em 0 0.6em 0; padding-left: 0.8em; border-left: 4px solid #CCCCCC; }
.meta { color: #666666; font-size: 9.5pt; }
"""


def md_text(value: object) -> str:
    """Text from the data, safe inside Markdown: HTML-escaped, Markdown syntax backslash-escaped."""
    text = " ".join(str(value).split())
    return _MD_SPECIAL.sub(r"\\\1", escape(text, quote=False))


def _percent(part: float) -> str:
    return f"{part:.0%}"


def _share_cell(share: float | None) -> str:
    return "—" if share is None else _percent(share)


def _filters_line(filters: Filters) -> str:
    named = [f"{name.replace('_', ' ')}: {md_text(value)}" for name, value in vars(filters).items() if value]
    return "Filters: " + "; ".join(named) if named else "All annotations, all articles."


def _method(categories: list[Category]) -> list[str]:
    lines = ["## Method", "",
             "Each sentence of each article was read and marked with how its claim is sourced, using "
             "this codebook. One sentence may carry several categories. *Anonymous share* is the "
             "share of attributed claims (all but unattributed ones) that rest on anonymous sources.",
             "", "| Category | Key | Definition |", "|---|---|---|"]
    lines += [f"| {md_text(c.label)} | {md_text(c.key)} | {md_text(c.description)} |" for c in categories]
    return lines


def _outlet_table(outlets: list[OutletSummary], categories: list[Category], filters: Filters, *,
                  for_print: bool = False) -> list[str]:
    """Two tables, one row per outlet: the totals, then each category's count and share.

    The category table is cut into parts of `SCREEN_CATEGORIES` columns (`PRINT_CATEGORIES` on
    paper), each repeating the outlet column, so no table is wider than its page and no column so
    narrow that a word must break.
    """
    lines = ["| Outlet | Articles | Sentences | Annotated | Annotations | Anonymous share |",
             "|---|---:|---:|---:|---:|---:|"]
    for o in outlets:
        share = o.annotated_sentences / o.sentences if o.sentences else 0.0
        lines.append(f"| {md_text(o.outlet)} | {o.articles} | {o.sentences} | {_percent(share)} | "
                     f"{o.annotations} | {_share_cell(shown_anonymous_share(o.by_category, filters))} |")
    lines += ["", "Annotations per category, with the share of each outlet's annotations:"]
    step = PRINT_CATEGORIES if for_print else SCREEN_CATEGORIES
    for first in range(0, len(categories), step):
        part = categories[first:first + step]
        lines += ["", "| Outlet | " + " | ".join(md_text(c.label) for c in part) + " |",
                  "|---" + "|---:" * len(part) + "|"]
        for o in outlets:  # a no-break space keeps a count and its share together
            cells = [f"{o.by_category.get(c.key, 0)}&nbsp;({_percent(o.share(c.key))})" for c in part]
            lines.append(f"| {md_text(o.outlet)} | " + " | ".join(cells) + " |")
    return lines


def chart_part_src(chart_src: str, n: int) -> str:
    """The address of the `n`th part (from 0) of a chart cut for paper."""
    return chart_src if n == 0 else f"{chart_src}?part={n + 1}"


def _chart(outlets: list[OutletSummary], categories: list[Category], chart_src: str | None,
           for_print: bool) -> list[str]:
    """The chart, in parts that each fit a page on paper; embedded as SVG unless `chart_src` names it."""
    parts = chart_parts(outlets) if for_print else [outlets]
    lines = []
    for n, part in enumerate(parts):
        if chart_src is None:
            svg = sourcing_chart(part, categories).encode("utf-8")
            src = "data:image/svg+xml;base64," + base64.b64encode(svg).decode("ascii")
        else:
            src = chart_part_src(chart_src, n)
        lines += ["", f"![Sourcing mix by outlet]({src})", ""]
    return lines


def _sentences(project: Project, filters: Filters, categories: list[Category]) -> list[str]:
    labels = {c.key: c.label for c in categories}
    grouped: dict[str, dict[str, list]] = defaultdict(lambda: defaultdict(list))
    for item in annotated_sentences(project.database, filters):
        grouped[item.outlet][item.category].append(item)
    lines: list[str] = []
    for outlet in sorted(grouped, key=outlet_order):
        lines += ["", f"## {md_text(outlet)}"]
        for key in [c.key for c in categories if c.key in grouped[outlet]]:
            lines += ["", f"### {md_text(labels[key])} ({len(grouped[outlet][key])})", ""]
            for item in grouped[outlet][key]:
                lines.append(f"> {md_text(item.text)}")
                lines.append(">")
                meta = [f"{md_text(item.title)}, sentence {item.sentence}"]
                if item.source:
                    meta.append(f"source: **{md_text(item.source)}**")
                if item.note:
                    meta.append(f"note: *{md_text(item.note)}*")
                meta.append(f"by {md_text(item.annotator)}")
                lines += ["> <span class=\"meta\">" + " · ".join(meta) + "</span>", ""]
    return lines


def report_markdown(project: Project, filters: Filters = Filters(), *, chart_src: str | None = None,
                    for_print: bool = False) -> str:
    """The whole report as Markdown; `chart_src` overrides the embedded SVG chart's address.

    `for_print` cuts wide tables and tall charts into parts for pages (see `chart_part_src`).
    """
    categories = project.categories.list(include_archived=True)
    outlets = outlet_summary(project.database, filters)
    stamp = datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    lines = [f"# Sourcing report: {md_text(project.name)}", "",
             f"Generated {stamp} from {md_text(project.path.name)}. {_filters_line(filters)}", ""]
    lines += _method(categories)
    lines += ["", "## Outlets", ""] + _outlet_table(outlets, categories, filters, for_print=for_print)
    lines += _chart(outlets, categories, chart_src, for_print)
    lines += _sentences(project, filters, categories)
    lines += claims_section(project, md_text)
    lines += provenance_section(project, md_text)
    key = project.info.value("answer_key")
    if key is not None and len(project.annotations.annotators()) > 1:
        lines += class_section(project, key, md_text,
                               per_table=PRINT_CATEGORIES if for_print else SCREEN_CATEGORIES)
    return "\n".join(lines) + "\n"


# For print (Qt's rich-text subset, which reads table borders and widths from attributes, not CSS,
# and has no `white-space: nowrap`): the page gives the width, and tables and the chart fill it.
# Tables use a smaller font; the outlet column is given the width of the longest name, so each
# outlet's row stays on one line; the category table is cut into parts of PRINT_CATEGORIES columns
# (each a label that wraps only between words) and the chart into parts that fit a page.
PRINT_CSS = (CSS.replace(" max-width: 60em;", "").replace("margin: 2em auto;", "margin: 0;")
             + "th, td { font-size: 8.5pt; }\n")
PRINT_CATEGORIES = 4
SCREEN_CATEGORIES = 8  # columns of figures that fit the screen report's 60em beside an outlet's name
_PRINT_SOURCING = '<th width="34%">Sourcing</th>'  # the claims section's table per claim (claims_section.py)
PRINT_WIDTH = 680  # pixels across an A4 portrait page inside 15 mm margins at 96 dpi (report_pdf.py)
PRINT_WIDTH_LANDSCAPE = 1009  # the same, across a landscape page
# The totals' figure columns, as wide as their longest header word in bold (percent of the page).
_PRINT_FIGURES = {"Articles": 9, "Sentences": 10, "Annotated": 10, "Annotations": 12, "Anonymous share": 10}
_PRINT_CHAR = 6.4  # an average character of DejaVu Sans at 8.5 pt, in pixels, with a margin to spare
_PRINT_TABLE = '<table width="100%" border="1" cellspacing="0" cellpadding="4">'
_PRINT_IMAGE = '<img width="600" '


def _name_width(outlets: list[OutletSummary]) -> float:
    return max((len(o.outlet) for o in outlets), default=10) * _PRINT_CHAR + 16


def print_landscape(project: Project, filters: Filters = Filters()) -> bool:
    """Whether the PDF needs landscape pages: when the longest outlet name takes over a third of a
    portrait page, the figures beside it would leave their headers too little room for whole words."""
    return _name_width(outlet_summary(project.database, filters)) > PRINT_WIDTH / 3


def _outlet_column(outlets: list[OutletSummary], page: int) -> int:
    """The outlet column's share of the page width, in percent: wide enough for the longest name."""
    return max(20, min(60, int(_name_width(outlets) * 100 / page) + 1))


def report_html(project: Project, filters: Filters = Filters(), *, chart_src: str | None = None,
                for_print: bool = False) -> str:
    """The report as one HTML page; `for_print` lays it out for a page of paper (the PDF writer)."""
    body = markdown.markdown(report_markdown(project, filters, chart_src=chart_src, for_print=for_print),
                             extensions=["tables"])
    css = CSS
    if for_print:
        css = PRINT_CSS
        outlets = outlet_summary(project.database, filters)
        width = _outlet_column(outlets, PRINT_WIDTH_LANDSCAPE if print_landscape(project, filters) else PRINT_WIDTH)
        body = (body.replace("<table>", _PRINT_TABLE).replace("<img ", _PRINT_IMAGE)
                .replace("<th>Outlet</th>", f'<th width="{width}%">Outlet</th>')
                .replace("<th>Sourcing</th>", _PRINT_SOURCING))
        for title, share in _PRINT_FIGURES.items():
            body = body.replace(f'<th style="text-align: right;">{title}</th>',
                                f'<th width="{share}%" style="text-align: right;">{title}</th>')
    return (f"<!doctype html>\n<html><head><meta charset=\"utf-8\"><title>Sourcing report: "
            f"{escape(project.name)}</title><style>{css}</style></head><body>\n{body}\n</body></html>\n")


def write_html_report(project: Project, path: Path, filters: Filters = Filters()) -> None:
    from annotator.core.reports.atomic import atomic_text

    with atomic_text(path, bom=False) as handle:
        handle.write(report_html(project, filters))
