"""The Story grid as CSV: one row per claim, one column per outlet.

A cell lists the category keys marked on that outlet's sentences of the claim, with "not annotated"
when one of them carries none yet; it is empty when the outlet does not report the claim.
`disputed_by` names the claims disputing it (a denial of it, or what it denies), joined by " | ". Written
as the other CSV reports are (UTF-8 with a byte-order mark, formulas neutralised, atomically).
"""

from __future__ import annotations

import csv
from collections.abc import Mapping, Sequence
from pathlib import Path

from annotator.core.records import Claim, ClaimSentence
from annotator.core.reports.atomic import atomic_text
from annotator.core.reports.csv_export import neutralise

FIXED_COLUMNS = ["claim", "label", "outlets_reporting", "independent_sources", "sources_named", "disputed_by"]
DISPUTED_BY_SEPARATOR = " | "
NOT_ANNOTATED = "not annotated"


def claim_cell(sentences: Sequence[ClaimSentence]) -> str:
    """An outlet's cell: its category keys in codebook order, 'not annotated' for a bare sentence, or ''."""
    if not sentences:
        return ""
    keys = list(dict.fromkeys(k for s in sentences for k in s.categories))
    if any(not s.categories for s in sentences):
        keys.append(NOT_ANNOTATED)
    return "; ".join(keys)


def write_claims_csv(path: Path, claims: Sequence[Claim], outlets: Sequence[str], *,
                     sources: Mapping[int, Sequence[str]] | None = None) -> int:
    """Write the grid of `claims` (in the order given) over `outlets`; return the number of rows.

    `sources` gives each claim's independent sources (core/provenance); a claim without them has
    those two cells empty.
    """
    sources = sources or {}
    with atomic_text(path) as handle:
        writer = csv.writer(handle)
        writer.writerow(FIXED_COLUMNS + [neutralise(o) for o in outlets])
        for claim in claims:
            cells = [neutralise(claim_cell([s for s in claim.sentences if s.outlet == o])) for o in outlets]
            named = sources.get(claim.id)
            writer.writerow([claim.id, neutralise(claim.label), len(claim.outlets),
                             "" if named is None else len(named),
                             "" if named is None else neutralise("; ".join(named)),
                             neutralise(DISPUTED_BY_SEPARATOR.join(claim.disputed_by)), *cells])
    return len(claims)
