"""The report's provenance section: who first reported the story, how many independent sources stand
behind it, which outlet relays (or copies) which, and each shared claim's sources.

Provenance is computed over every article of the project, whatever the report's filters: a relay
chain runs through outlets a filter would leave out. Claims are read as last computed, as in the
claims section.
"""

from __future__ import annotations

from collections import defaultdict

from annotator.core.provenance.build import provenance_of
from annotator.core.provenance.model import Edge, Origin, Provenance
from annotator.core.records import outlet_order
from annotator.core.store.project import Project

MAX_CLAIMS = 40  # as the claims section


def provenance_section(project: Project, md_text) -> list[str]:
    """Markdown lines; `md_text` escapes text from the data."""
    lines = ["", "## Provenance", ""]
    provenance = provenance_of(project)
    story = next((o for o in provenance.origins if o.claim is None), None)
    if story is None or not provenance.articles:
        return lines + ["No articles yet."]
    lines += ["Who relays whom, over every article of the project (the filters above do not apply here). "
              "An article relays an outlet when a sentence attributes content to it: found from annotations, or "
              "from the text where nothing is marked; a copy shares passages of another article's text. "
              "Independent sources are what remains once relays and copies are followed to their end.", ""]
    lines.append(_first_line(story, md_text))
    sources = story.independent_sources
    outlets = [o for o in provenance.outlets if o.in_project]
    lines += ["", f"**Independent sources behind the story:** {len(sources)} for {len(outlets)} outlet"
                  f"{'' if len(outlets) == 1 else 's'} ({', '.join(md_text(s) for s in sources)})."]
    lines += _relay_table(provenance, md_text)
    lines += _claim_table(project, provenance, md_text)
    return lines


def _first_line(origin: Origin, md_text) -> str:
    if origin.first_reported_by is None:
        return "**First reported by:** not known (no text says so and no article is dated)."
    how = ("as the texts say" if origin.first_by_text else "the earliest dated article")
    line = f"**First reported by:** {md_text(origin.first_reported_by)} ({how})"
    if origin.first_by_text and origin.first_by_date and origin.first_by_date != origin.first_by_text:
        line += f"; the earliest dated article is {md_text(origin.first_by_date)}'s"
    return line + "."


def _relay_table(provenance: Provenance, md_text) -> list[str]:
    """A row per outlet of the project that relays or copies another: whom, and how it was found."""
    by_outlet: dict[str, list[Edge]] = defaultdict(list)
    for edge in provenance.edges:
        if edge.from_outlet != edge.to_outlet:
            by_outlet[edge.from_outlet].append(edge)
    own = sorted((o.name for o in provenance.outlets if o.in_project and o.name not in by_outlet), key=outlet_order)
    lines = ["", "### Who relays whom", ""]
    if not by_outlet:
        return lines + ["No article relays another outlet or copies another article's text."]
    lines += ["| Outlet | Relays | Found from |", "|---|---|---|"]
    for outlet in sorted(by_outlet, key=outlet_order):
        edges = by_outlet[outlet]
        named = sorted({e.to_outlet for e in edges if e.kind == "cites"}, key=str.casefold)
        copied = sorted({e.to_outlet for e in edges if e.kind == "copies"}, key=str.casefold)
        relays = [md_text(n) for n in named] + [f"copy of {md_text(n)}" for n in copied]
        bases = {e.basis for e in edges}
        found = ("annotations and the text" if bases == {"annotation", "text"}
                 else "annotations" if bases == {"annotation"} else "the text only")
        lines.append(f"| {md_text(outlet)} | {', '.join(relays)} | {found} |")
    if own:
        lines += ["", "Relaying no other outlet (their own reporting, or sources not named): "
                  + ", ".join(md_text(o) for o in own) + "."]
    return lines


def _claim_table(project: Project, provenance: Provenance, md_text) -> list[str]:
    origins = {o.claim: o for o in provenance.origins if o.claim is not None}
    claims = [c for c in project.claims.list(min_outlets=2) if c.id in origins]
    if not claims:
        return []
    shown = claims[:MAX_CLAIMS]
    counted = f"{len(claims)}" + (f", the first {MAX_CLAIMS} shown" if len(claims) > MAX_CLAIMS else "")
    lines = ["", "### Sources of the shared claims", "",
             f"The claims that two outlets or more report ({counted}): how many outlets report each, and the "
             "independent sources behind them; — where no text says who was first and no article stating it is dated.",
             "",
             "| Claim | Outlets | Independent sources | First reported by |", "|---|---|---|---|"]
    for claim in shown:
        origin = origins[claim.id]
        names = ", ".join(md_text(s) for s in origin.independent_sources)
        lines.append(f"| {md_text(claim.label)} | {len(claim.outlets)} | {len(origin.independent_sources)}: {names} "
                     f"| {md_text(origin.first_reported_by or '—')} |")
    return lines
