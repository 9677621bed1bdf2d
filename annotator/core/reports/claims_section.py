"""The report's claims section: which outlets report each claim, and how each sources it.

Claims are read as last computed (the window and `annotator claims` compute them); a report never
writes to the project, so when articles came since, the section says the claims may be out of date.
"""

from __future__ import annotations

from annotator.core.records import Claim
from annotator.core.store.database import outlet_order
from annotator.core.store.project import Project

MAX_CLAIMS = 40


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
    lines.append(f"The claims that two outlets or more report ({len(claims)}"
                 + (f", the first {MAX_CLAIMS} shown" if len(claims) > MAX_CLAIMS else "")
                 + "), most outlets first, with the categories marked on each outlet's sentences: "
                 "*not annotated* where the outlet reports the claim but its sentences are not marked yet, "
                 "— where it does not report it.")
    if stale:
        lines += ["", "Articles were imported since the claims were last computed: they may be out of date."]
    lines += ["", "| Claim | " + " | ".join(md_text(o) for o in outlets) + " |",
              "|---" + "|---" * len(outlets) + "|"]
    for claim in shown:
        cells = [_cell(claim, outlet, labels, md_text) for outlet in outlets]
        lines.append(f"| {md_text(claim.label)} | " + " | ".join(cells) + " |")
    return lines


def _stale(project: Project) -> bool:
    """Whether articles came or went since the claims were computed (by whichever method computed them)."""
    method = project.claims.last_method()
    return method is None or project.claims.is_stale(method)


def _cell(claim: Claim, outlet: str, labels: dict[str, str], md_text) -> str:
    sentences = [s for s in claim.sentences if s.outlet == outlet]
    if not sentences:
        return "—"
    keys = list(dict.fromkeys(k for s in sentences for k in s.categories))
    parts = [md_text(labels.get(k, k)) for k in keys]
    if any(not s.categories for s in sentences):
        parts.append("*not annotated*")
    return ", ".join(parts)
