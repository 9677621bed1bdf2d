"""The user's corrections to claims (merge, take a sentence out, name): what each does to the claims,
its reverse for undo, and its replay on a fresh grouping. Pure: the store reads and writes the rows.

A correction remembers the claims it touched by their sentences, not their ids, because ids do not
survive a recomputation: each is replayed on the new claim that shares the most sentences with the
remembered one (by Jaccard overlap), in the order the user made them, passing over a new claim that is
plainly another stored claim come back (a broad claim holding every sentence of a narrow one nested in
it is still the broad claim). A new claim takes the id of the old claim it overlaps most (`numbered`),
so ids stay put where the claims did. An undo after a recomputation reverses the correction on the
recomputed claims (`undone`), so it neither restores stale sentences nor overwrites a claim that took
a freed id.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from itertools import count

from annotator.core.errors import InvalidValue, NotFound
from annotator.core.records import ClaimEdit, ClaimRow, Correction, Member, NewClaim

# What a correction leaves: the correction to store, the claims before it and as it leaves them.
Corrected = tuple[Correction, tuple[ClaimRow, ...], tuple[ClaimRow, ...]]


def jaccard(a, b) -> float:
    a, b = set(a), set(b)
    return len(a & b) / len(a | b) if a | b else 0.0


def _spans_articles(members: Iterable[Member]) -> bool:
    return len({article for article, _ in members}) >= 2


# -- a correction on the stored claims -------------------------------------------------------------
def check_merge(keep_id: int, other_id: int) -> None:
    if keep_id == other_id:
        raise InvalidValue("a claim cannot be merged with itself")


def merged(keep: ClaimRow, other: ClaimRow) -> Corrected:
    """One claim of two: `other`'s sentences join `keep`, which keeps its id and label (or takes
    `other`'s name when only `other` was named)."""
    members = tuple(sorted(set(keep.members) | set(other.members)))
    label, named = (other.label, True) if other.named and not keep.named else (keep.label, keep.named)
    correction = Correction("merge", frozenset(keep.members), frozenset(other.members))
    return correction, (keep, other), (ClaimRow(keep.id, label, named, members),)


def removed(row: ClaimRow, article_id: int, idx: int) -> Corrected:
    """The claim without sentence `idx` (from 0) of an article; a claim left within one article goes."""
    if (article_id, idx) not in row.members:
        raise NotFound(f"sentence {idx + 1} of article {article_id} is not in claim {row.id}")
    left = ClaimRow(row.id, row.label, row.named, tuple(m for m in row.members if m != (article_id, idx)))
    correction = Correction("remove", frozenset(row.members), sentence=(article_id, idx))
    return correction, (row,), (left,) if _spans_articles(left.members) else ()


def claim_name(label: str) -> str:
    """`label` with its spaces tidied; a claim needs a name."""
    label = " ".join(label.split())
    if not label:
        raise InvalidValue("a claim needs a name")
    return label


def renamed(row: ClaimRow, label: str) -> Corrected:
    """The claim named `label` (tidied by claim_name)."""
    correction = Correction("name", frozenset(row.members), label=label)
    return correction, (row,), (ClaimRow(row.id, label, True, row.members),)


# -- undo --------------------------------------------------------------------------------------------
def undone(edit: ClaimEdit, rows: Iterable[ClaimRow]) -> tuple[list[ClaimRow | None], list[int]]:
    """Undo a correction on the claims as they are now (`rows`): the claims to write (in the order of
    `edit.before`, None for one that is gone; id 0 for a new id) and the ids to delete.

    With no recomputation since, `edit.before` comes back as it was; otherwise its rows are stale (ids
    may have moved, sentences come or gone) and the correction is reversed on the claims of now.
    """
    by_id = {row.id: row for row in rows}
    if _untouched(edit, by_id):
        return list(edit.before), [row.id for row in edit.after]
    return reverse(edit, by_id)


def _untouched(edit: ClaimEdit, rows: dict[int, ClaimRow]) -> bool:
    """Whether the claims are as the correction left them (no recomputation since), so undo can put
    `edit.before` back as it was."""
    gone = {row.id for row in edit.before} - {row.id for row in edit.after}
    return all(rows.get(row.id) == row for row in edit.after) and not gone & rows.keys()


def _now_of(row: ClaimRow, rows: dict[int, ClaimRow]) -> ClaimRow | None:
    """The claim that is now what `row` was: the one of its id while it shares at least half as much
    of its sentences as the best (a recomputation keeps the id of the claim a new one overlaps most,
    so a narrow claim keeps its id beside the broad one that holds all its sentences), else the one
    sharing most."""
    scored = [(jaccard(row.members, r.members), r.id == row.id, -r.id, r) for r in rows.values()]
    scored = [item for item in scored if item[0] > 0]
    if not scored:
        return None
    best = max(scored, key=lambda item: item[:3])
    own = next((item for item in scored if item[1]), None)
    return own[3] if own is not None and own[0] >= best[0] / 2 else best[3]


def reverse(edit: ClaimEdit, rows: dict[int, ClaimRow]) -> tuple[list[ClaimRow | None], list[int]]:
    """Undo a correction on recomputed claims `rows`: the claims to write (in the order of `edit.before`,
    None for one that is gone; id 0 for a new id) and the ids to delete. Never lists a sentence twice
    in a claim, nor adds a claim that is shown already."""
    correction, shown = edit.correction, {frozenset(r.members) for r in rows.values()}
    if correction.action == "name":
        now = _now_of(edit.after[0], rows)
        if now is None:
            return [None], []
        return [ClaimRow(now.id, edit.before[0].label, edit.before[0].named, now.members)], []
    if correction.action == "remove":
        was, sentence = edit.before[0], correction.sentence
        now = _now_of(edit.after[0], rows) if edit.after else None
        if now is not None:
            return [ClaimRow(now.id, now.label, now.named, tuple(sorted({*now.members, sentence})))], []
        if frozenset(was.members) in shown:  # the claim is back already
            return [next(r for r in rows.values() if frozenset(r.members) == frozenset(was.members))], []
        return [ClaimRow(was.id if was.id not in rows else 0, was.label, was.named, was.members)], []
    keep, other = edit.before
    now = _now_of(edit.after[0], rows)
    if now is None:
        return [None, None], []
    only_other = set(other.members) - set(keep.members)
    kept = {m for m in now.members if m not in only_other}
    split = {m for m in now.members if m in set(other.members)}
    label, named = (keep.label, keep.named) if keep.named or now.named else (now.label, False)
    puts: list[ClaimRow | None] = [ClaimRow(now.id, label, named, tuple(sorted(kept)))
                                   if _spans_articles(kept) else None]
    if not _spans_articles(split):
        puts.append(None)
    elif frozenset(split) in shown:
        puts.append(next(r for r in rows.values() if frozenset(r.members) == frozenset(split)))
    else:
        puts.append(ClaimRow(other.id if other.id not in rows else 0, other.label, other.named,
                             tuple(sorted(split))))
    return puts, [] if puts[0] is not None else [now.id]


def relinked(edit: ClaimEdit, put: Sequence[ClaimRow | None], delete: Iterable[int],
             rows: Iterable[ClaimRow]) -> list[tuple[int, int]]:
    """The dispute links an undo puts back (`put` and `delete` from `undone`, `rows` the claims before
    it): for each link the correction cut, the position in `put` of the claim it deleted and the id of
    the claim disputing it, that claim being the one that is now what it was (it may have moved in a
    recomputation since)."""
    deleted = set(delete)
    now = {row.id: row for row in rows if row.id not in deleted}
    position = {row.id: n for n, row in enumerate(edit.before)}
    links = []
    for n, other in edit.cut:
        if put[n] is None:
            continue
        if other.id in position:  # the other claim of the same correction, as the undo puts it back
            back = put[position[other.id]]
            other_id = back.id if back is not None else 0
        else:
            found = _now_of(other, now)
            other_id = found.id if found is not None else 0
        if other_id:
            links.append((n, other_id))
    return links


# -- a fresh grouping --------------------------------------------------------------------------------
@dataclass
class DraftClaim:
    """A claim while corrections are replayed on it; `claim_id` is filled in when it is stored."""

    members: set[Member]
    label: str
    named: bool = False
    claim_id: int | None = field(default=None, compare=False)


def best_match(members: Iterable[Member], claims: Sequence[DraftClaim], *,
               stored: Sequence[frozenset[Member]] = ()) -> DraftClaim | None:
    """The claim sharing most of `members` (by Jaccard; the first on a tie), passing over one that is
    plainly another stored claim (`stored`, the claims as last stored) come back: it matches that
    claim better than `members`, and that claim matches nothing better. So of a broad claim and a
    narrow one nested in it, a correction of the narrow one stays on the narrow one even when the
    broad one holds all its sentences. One sharing less than half as much as the best is no match."""
    members = set(members)
    scored = sorted(((jaccard(members, claim.members), -n, claim) for n, claim in enumerate(claims)),
                    key=lambda item: item[:2], reverse=True)
    scored = [item for item in scored if item[0] > 0]
    if not scored:
        return None
    others = _other_stored(members, stored)
    for score, _, claim in scored:
        if score < scored[0][0] / 2:
            break
        if not any(_comes_back_as(other, claim, score, claims) for other in others):
            return claim
    return scored[0][2]


def _other_stored(members: set[Member], stored: Sequence[frozenset[Member]]) -> list[frozenset[Member]]:
    """The stored claims but the one that is now what `members` was (the most like it)."""
    if not stored:
        return []
    own = max(range(len(stored)), key=lambda n: (jaccard(members, stored[n]), -n))
    return [claim for n, claim in enumerate(stored) if n != own or not members & claim]


def _comes_back_as(other: frozenset[Member], claim: DraftClaim, score: float, claims: Sequence[DraftClaim]) -> bool:
    """Whether stored claim `other` is `claim` come back: it matches `claim` better than `score`, and
    matches no claim better."""
    if not other & claim.members:
        return False
    mine = jaccard(other, claim.members)
    return mine > score and all(jaccard(other, c.members) <= mine for c in claims if c.members & other)


def replay(claims: list[DraftClaim], corrections: Iterable[Correction], *,
           stored: Sequence[frozenset[Member]] = ()) -> list[DraftClaim]:
    """Apply the corrections in order (each on its best_match, given the claims as last `stored`); a
    claim left with one article's sentences is dropped."""
    claims = list(claims)
    for correction in corrections:
        first = best_match(correction.first, claims, stored=stored)
        if correction.action == "merge":
            second = best_match(correction.second, [c for c in claims if c is not first], stored=stored)
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
            if not _spans_articles(first.members):
                claims.remove(first)
        elif correction.action == "name" and correction.label is not None:
            if first is None:
                first = DraftClaim(set(correction.first), correction.label)
                claims.append(first)
            first.label, first.named = correction.label, True
    return claims


def numbered(claims: Sequence[NewClaim], old: Sequence[ClaimRow]) -> list[ClaimRow]:
    """The claims of a fresh grouping as rows to store, each with an id from `keep_ids`."""
    return [ClaimRow(claim_id, claim.label, claim.named, tuple(sorted(claim.members)))
            for claim, claim_id in zip(claims, keep_ids(claims, old))]


def keep_ids(claims: Sequence[NewClaim], old: Sequence[ClaimRow]) -> list[int]:
    """For each new claim, the id of the old claim it overlaps most (each old id once, greedily), or a new
    id above every old one (letting SQLite choose could hand out an id a later claim keeps)."""
    pairs = sorted(((jaccard(c.members, o.members), -n, o.id) for n, c in enumerate(claims) for o in old
                    if c.members & set(o.members)), reverse=True)
    ids: list[int | None] = [None] * len(claims)
    used: set[int] = set()
    for _, n, old_id in pairs:
        if ids[-n] is None and old_id not in used:
            ids[-n] = old_id
            used.add(old_id)
    fresh = count(max((o.id for o in old), default=0) + 1)
    return [i if i is not None else next(fresh) for i in ids]
