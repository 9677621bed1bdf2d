"""The report's claims section: which outlets report each claim, and how each sources it.

With a few outlets (up to `GRID_OUTLETS`) the claims are one table, a column per outlet, which
reads across at a glance. With more, such a table would be wider than any page (and than a
screen), so each claim gets a small table of its own: the ways its sentences are sourced, each
with the outlets that source it so. Nothing is ever wider than the page, on screen or on paper.

A claim disputed by another (a denial and the statement it denies are two claims) says so: "disputed
by" and the other's name.

Claims are read as last computed (the window and `annotator claims` compute them); a report never
writes to the project, so when articles came since, the section says the claims may be out of date.
"""

from __future__ import annotations

from html import escape

from annotator.core.records import Claim, outlet_order
from annotator.core.store.project import Project

MAX_CLAIMS = 40
GRID_OUTLETS = 4  # up to this many outlets, one table with a column per outlet
NOT_ANNOTATED = "*not annotated*"
_NOT_ANNOTATED_HTML = "<em>not annotated</em>"


def claims_section(project: Project, md_text) -> list[str]:
    """Markdown lines for the claims reported by two outlets or more; `md_text` escapes text from the data."""
    claims = project.claims.list(min_outlets=2)
    stale = _stale(project)
    lines = ["", "## Claims", ""]
    if not claims:
        lines.append("No claim is reported by two outlets or more" + (
            " yet: the claims have not been computed since articles were imported (open the Story tab, or run "
            "`annotator claims`)." if stale else "."))
        return lines
    labels = {c.key: c.label for c in project.categories.list(include_archived=True)}
    outlets = sorted({o for c in claims for o in c.outlets}, key=outlet_order)
    shown = claims[:MAX_CLAIMS]
    counted = (f"{len(claims)}" + (f", the first {MAX_CLAIMS} shown" if len(claims) > MAX_CLAIMS else ""))
    if len(outlets) <= GRID_OUTLETS:
        lines.append(f"The claims that two outlets or more report ({counted}), most outlets first, with the "
                     "categories marked on each outlet's sentences: *not annotated* where the outlet reports the "
                     "claim but its sentences are not marked yet, — where it does not report it.")
    else:
        lines.append(f"The claims that two outlets or more report ({counted}), most outlets first. Under each, "
                     "the outlets that report it, grouped by the categories marked on their sentences of it: "
                     "*not annotated* where they are not marked yet.")
    if stale:
        lines += ["", "Articles were imported since the claims were last computed: they may be out of date."]
    if len(outlets) <= GRID_OUTLETS:
        return lines + _grid(shown, outlets, labels, md_text)
    for claim in shown:
        lines += _claim_table(claim, labels)
    return lines


def _grid(claims: list[Claim], outlets: list[str], labels: dict[str, str], md_text) -> list[str]:
    lines = ["", "| Claim | " + " | ".join(md_text(o) for o in outlets) + " |",
             "|---" + "|---" * len(outlets) + "|"]
    for claim in claims:
        cells = [_cell(claim, outlet, labels, md_text, NOT_ANNOTATED) or "—" for outlet in outlets]
        disputed = (" — *disputed by* " + "; ".join(md_text(label) for label in claim.disputed_by)
                    if claim.disputed_by else "")
        lines.append(f"| {md_text(claim.label)}{disputed} | " + " | ".join(cells) + " |")
    return lines


def _claim_table(claim: Claim, labels: dict[str, str]) -> list[str]:
    """The claim's table: its name across the head (repeated on each page it spans, never left alone at the
    foot of one), then a row per way of sourcing it with the outlets that do so, most first.

    Written as HTML, since a Markdown table has no cell spanning two columns; text is escaped here.
    """
    groups: dict[str, list[str]] = {}
    for outlet in claim.outlets:
        cell = _cell(claim, outlet, labels, _html_text, _NOT_ANNOTATED_HTML)
        groups.setdefault(cell, []).append(_html_text(outlet))
    ordered = sorted(groups.items(), key=lambda item: (item[0] == _NOT_ANNOTATED_HTML, -len(item[1])))
    lines = ["", "<table>", "<thead>",
             f'<tr><th colspan="2">{_html_text(claim.label)} — reported by {len(claim.outlets)} outlets</th></tr>',
             "<tr><th>Sourcing</th><th>Outlets</th></tr>", "</thead>", "<tbody>"]
    if claim.disputed_by:
        lines.insert(-3, '<tr><th colspan="2">Disputed by: '
                     + "; ".join(_html_text(label) for label in claim.disputed_by) + "</th></tr>")
    lines += [f"<tr><td>{sourcing}</td><td>{', '.join(names)}</td></tr>" for sourcing, names in ordered]
    return lines + ["</tbody>", "</table>", ""]


def _html_text(value: object) -> str:
    return escape(" ".join(str(value).split()), quote=False)


def _stale(project: Project) -> bool:
    """Whether articles came or went since the claims were computed (by whichever method computed them)."""
    method = project.claims.last_method()
    return method is None or project.claims.is_stale(method)


def _cell(claim: Claim, outlet: str, labels: dict[str, str], text, not_annotated: str) -> str:
    """The categories marked on the outlet's sentences of the claim, escaped by `text` ('' when it does
    not report it); `not_annotated` marks sentences not marked yet."""
    sentences = [s for s in claim.sentences if s.outlet == outlet]
    if not sentences:
        return ""
    keys = list(dict.fromkeys(k for s in sentences for k in s.categories))
    parts = [text(labels.get(k, k)) for k in keys]
    if any(not s.categories for s in sentences):
        parts.append(not_annotated)
    return ", ".join(parts)
