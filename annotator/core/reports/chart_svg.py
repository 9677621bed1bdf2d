"""The per-outlet sourcing mix as an SVG stacked bar chart, drawn without any plotting library.

The chart grows a bar per outlet, and its name column grows with the longest name (names past
`NAME_CHARS` characters are shortened, the full name is in the tables). For paper, `chart_parts`
cuts the outlets into parts of `PART` bars, each drawn as a chart that fits a page. The dashboard
saves its chart with `write_chart_svg`, its bars in the order of its table (`in_order`).
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape
from pathlib import Path

from annotator.core.records import Category, OutletSummary

WIDTH = 760
BAR = 20
GAP = 8
NAME_CHARS = 40
CHAR_WIDTH = 7.0  # an average character of DejaVu Sans at 12 px, for the name column's width
PART = 25  # bars per chart on paper


def sourcing_chart(outlets: list[OutletSummary], categories: list[Category]) -> str:
    """One bar per outlet, 100% wide, split by each category's share of its annotations."""
    legend_rows = (len(categories) + 2) // 3
    longest = max((len(_short(o.outlet)) for o in outlets), default=10)
    label = int(min(max(longest * CHAR_WIDTH + 16, 120), WIDTH * 0.45))
    height = 30 + len(outlets) * (BAR + GAP) + 24 + legend_rows * 20
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{height}" '
             f'viewBox="0 0 {WIDTH} {height}" font-family="DejaVu Sans, Arial, sans-serif" font-size="12">',
             f'<rect width="{WIDTH}" height="{height}" fill="#FFFFFF"/>']
    span = WIDTH - label - 20
    for tick in (0, 25, 50, 75, 100):
        x = label + span * tick / 100
        parts.append(f'<line x1="{x:.1f}" y1="18" x2="{x:.1f}" y2="{24 + len(outlets) * (BAR + GAP)}" '
                     'stroke="#DDDDDD"/>')
        parts.append(f'<text x="{x:.1f}" y="13" text-anchor="middle" fill="#666666">{tick}%</text>')
    for row, outlet in enumerate(outlets):
        y = 24 + row * (BAR + GAP)
        parts.append(f'<text x="{label - 8}" y="{y + BAR * 0.7:.1f}" text-anchor="end">'
                     f'{escape(_short(outlet.outlet))}</text>')
        if not outlet.annotations:
            parts.append(f'<rect x="{label}" y="{y}" width="{span}" height="{BAR}" fill="#F0F0F0"/>')
            parts.append(f'<text x="{label + 6}" y="{y + BAR * 0.7:.1f}" fill="#777777">no annotations</text>')
            continue
        x = float(label)
        for category in categories:
            share = outlet.share(category.key)
            if share <= 0:
                continue
            width = span * share
            parts.append(f'<rect x="{x:.2f}" y="{y}" width="{width:.2f}" height="{BAR}" '
                         f'fill="{category.color}"><title>{escape(category.label)}: '
                         f'{outlet.by_category.get(category.key, 0)} ({share:.0%})</title></rect>')
            x += width
    top = 24 + len(outlets) * (BAR + GAP) + 14
    for n, category in enumerate(categories):
        x, y = 10 + (n % 3) * 250, top + (n // 3) * 20
        parts.append(f'<rect x="{x}" y="{y}" width="12" height="12" fill="{category.color}"/>')
        parts.append(f'<text x="{x + 18}" y="{y + 10}">{escape(category.label)}</text>')
    parts.append("</svg>")
    return "\n".join(parts)


def chart_parts(outlets: list[OutletSummary], size: int = PART) -> list[list[OutletSummary]]:
    """The outlets in parts of at most `size`, as even as can be (50 outlets: two of 25)."""
    if not outlets:
        return [[]]
    count = -(-len(outlets) // size)
    step = -(-len(outlets) // count)
    return [outlets[n:n + step] for n in range(0, len(outlets), step)]


def _short(text: str, limit: int = NAME_CHARS) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def in_order(outlets: Sequence[OutletSummary], names: Sequence[str]) -> list[OutletSummary]:
    """The outlets in the order `names` gives (as a table sorted them); any it does not name follow."""
    rank = {name: n for n, name in enumerate(names)}
    return sorted(outlets, key=lambda o: rank.get(o.outlet, len(rank)))


def write_chart_svg(path: Path, outlets: list[OutletSummary], categories: list[Category]) -> None:
    """The chart as an SVG file, moved into place only once complete."""
    from annotator.core.reports.atomic import atomic_text

    with atomic_text(path, bom=False) as handle:
        handle.write(sourcing_chart(outlets, categories))
