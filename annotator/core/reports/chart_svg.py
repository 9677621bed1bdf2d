"""The per-outlet sourcing mix as an SVG stacked bar chart, drawn without any plotting library."""

from __future__ import annotations

from html import escape

from annotator.core.records import Category, OutletSummary

WIDTH = 760
BAR = 22
GAP = 10
LABEL = 190


def sourcing_chart(outlets: list[OutletSummary], categories: list[Category]) -> str:
    """One bar per outlet, 100% wide, split by each category's share of its annotations."""
    legend_rows = (len(categories) + 2) // 3
    height = 30 + len(outlets) * (BAR + GAP) + 24 + legend_rows * 20
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{height}" '
             f'viewBox="0 0 {WIDTH} {height}" font-family="DejaVu Sans, Arial, sans-serif" font-size="12">',
             f'<rect width="{WIDTH}" height="{height}" fill="#FFFFFF"/>']
    span = WIDTH - LABEL - 20
    for tick in (0, 25, 50, 75, 100):
        x = LABEL + span * tick / 100
        parts.append(f'<line x1="{x:.1f}" y1="18" x2="{x:.1f}" y2="{24 + len(outlets) * (BAR + GAP)}" '
                     'stroke="#DDDDDD"/>')
        parts.append(f'<text x="{x:.1f}" y="13" text-anchor="middle" fill="#666666">{tick}%</text>')
    for row, outlet in enumerate(outlets):
        y = 24 + row * (BAR + GAP)
        parts.append(f'<text x="{LABEL - 8}" y="{y + BAR * 0.7:.1f}" text-anchor="end">'
                     f'{escape(_short(outlet.outlet))}</text>')
        if not outlet.annotations:
            parts.append(f'<rect x="{LABEL}" y="{y}" width="{span}" height="{BAR}" fill="#F0F0F0"/>')
            parts.append(f'<text x="{LABEL + 6}" y="{y + BAR * 0.7:.1f}" fill="#777777">no annotations</text>')
            continue
        x = float(LABEL)
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


def _short(text: str, limit: int = 28) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
