"""The user's corrections to claims (merge, take a sentence out, name), replayed on a fresh grouping.

A correction remembers the claims it touched by their sentences, not their ids, because ids do not
survive a recomputation: each is replayed on the new claim that shares the most sentences with the
remembered one (by Jaccard overlap), in the order the user made them.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from annotator.core.store.claims import Correction, Member, jaccard

@dataclass
class DraftClaim:
    """A claim while corrections are replayed on it; `claim_id` is filled in when it is stored."""

    members: set[Member]
    label: str
    named: bool = False
    claim_id: int | None = field(default=None, compare=False)


def best_match(members: Iterable[Member], claims: Sequence[DraftClaim]) -> DraftClaim | None:
    members = set(members)
    scored = [(jaccard(members, claim.members), -n, claim) for n, claim in enumerate(claims)]
    scored = [item for item in scored if item[0] > 0]
    return max(scored, key=lambda item: item[:2])[2] if scored else None


def _spans_articles(claim: DraftClaim) -> bool:
    return len({article for article, _ in claim.members}) >= 2


def replay(claims: list[DraftClaim], corrections: Iterable[Correction]) -> list[DraftClaim]:
    """Apply the corrections in order; a claim left with one article's sentences is dropped."""
    claims = list(claims)
    for correction in corrections:
        first = best_match(correction.first, claims)
        if correction.action == "merge":
            second = best_match(correction.second, [c for c in claims if c is not first])
            if first is None:
                first = DraftClaim(set(correction.first), "")  # labelled when stored
                claims.append(first)
            first.members |= second.members if second is not None else set(correction.second)
            if second is not None:
                if second.named and not first.named:
                    first.label, first.named = second.label, True
                claims.remove(second)
        elif correction.action == "remove" and first is not None and correction.sentence is not None:
            first.members.discard(correction.sentence)
            if not _spans_articles(first):
                claims.remove(first)
        elif correction.action == "name" and correction.label is not None:
            if first is None:
                first = DraftClaim(set(correction.first), correction.label)
                claims.append(first)
            first.label, first.named = correction.label, True
    return claims
