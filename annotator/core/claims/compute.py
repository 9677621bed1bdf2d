"""compute_claims: from sentence texts to claim groups, as a pure function a worker thread can run."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from annotator.core.display_text import is_display_text
from annotator.core.errors import Cancelled
from annotator.core.claims.clustering import Thresholds, edges, group_edges
from annotator.core.claims.disputes import disputing, split_by_stance
from annotator.core.claims.features import Weights, document_frequencies, term_lists, vectors
from annotator.core.claims.name_variants import merge_variants
from annotator.core.claims.periods import day_number, split_in_time
from annotator.core.claims.stance import stance
from annotator.core.records import SentenceText

# stored with the claims; a new one makes them stale
METHOD = "overlap-majority-cores-2level-stance-display-names-dates-9"
LABEL_CHARS = 90

ClaimProgress = Callable[[int, int], bool]  # (done, total) → go on? False cancels


@dataclass(frozen=True)
class ClaimGroup:
    """Sentences, as (article_id, idx), stating one claim; the label is the most central one not already
    labelling a larger claim, shortened. `disputes`: the positions, in the list compute_claims returns,
    of the claims this one disputes (a denial and what it denies; the link goes both ways)."""

    members: tuple[tuple[int, int], ...]
    label: str
    disputes: tuple[int, ...] = ()


def short_label(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= LABEL_CHARS else text[: LABEL_CHARS - 1].rsplit(" ", 1)[0] + "…"


def compute_claims(sentences: Sequence[SentenceText], *, progress: ClaimProgress | None = None,
                   dates: Mapping[int, str | None] | None = None, thresholds: Thresholds = Thresholds(),
                   weights: Weights = Weights()) -> list[ClaimGroup]:
    """Group the sentences of different articles that state the same claim; raise Cancelled on request.

    Groups come out largest first (then by their first sentence), each spanning two articles or more.
    A denial and what it denies are two claims, linked as disputing each other (core/claims/disputes.py).
    Display text (a headline, caption, credit or promotion: core/display_text.py) is no claim, however
    many outlets carry it, and is left out. `dates` (article id → its publication date, YYYY-MM-DD):
    two articles published more than thresholds.max_days_apart days apart tell different stories, and
    none of their sentences are compared; an article of unknown date is compared with every other, but
    carries no claim across such a gap (core/claims/periods.py).
    """
    total = len(sentences)
    if progress is not None and not progress(0, total):
        raise Cancelled()
    sentences = [s for s in sentences if not is_display_text(s.text)]
    articles = [s.article_id for s in sentences]
    lists = merge_variants(term_lists([s.text for s in sentences]), articles)
    vecs = vectors(lists, document_frequencies(lists), weights=weights)
    stances = [stance(s.text) for s in sentences]
    day_of = {a: day_number(d) for a, d in (dates or {}).items()}
    days = [day_of.get(a) for a in articles] if day_of else None
    found, cross = split_by_stance(edges(vecs, articles, thresholds=thresholds, weights=weights, progress=progress,
                                         days=days), stances)
    groups = split_in_time(group_edges(len(sentences), articles, found, thresholds=thresholds), articles, days,
                           found, thresholds.max_days_apart)
    links = disputing(groups, articles, cross, thresholds=thresholds)
    result, used = [], set()
    for group in sorted(groups, key=len, reverse=True):  # a narrow claim does not take its broad one's label
        ranked = sorted(group, key=lambda i: (-sum(found.get((min(i, j), max(i, j)), 0.0) for j in group), i))
        labels = [short_label(sentences[i].text) for i in ranked]
        label = next((text for text in labels if text not in used), labels[0])
        used.add(label)
        members = tuple(sorted((sentences[i].article_id, sentences[i].idx) for i in group))
        result.append(ClaimGroup(members, label))
    if progress is not None:
        progress(total, total)
    return _linked(result, [(groups[a], groups[b]) for a, b in links], sentences)


def _linked(result: list[ClaimGroup], links: list[tuple[list[int], list[int]]],
            sentences: Sequence[SentenceText]) -> list[ClaimGroup]:
    """The groups in their final order, each with the positions of the groups it disputes."""
    ordered = sorted(result, key=lambda g: (-len(g.members), g.members))
    position = {g.members: n for n, g in enumerate(ordered)}

    def key(group: list[int]) -> tuple[tuple[int, int], ...]:
        return tuple(sorted((sentences[i].article_id, sentences[i].idx) for i in group))

    disputes: dict[int, set[int]] = {}
    for a, b in links:
        x, y = position[key(a)], position[key(b)]
        disputes.setdefault(x, set()).add(y)
        disputes.setdefault(y, set()).add(x)
    return [ClaimGroup(g.members, g.label, tuple(sorted(disputes.get(n, ())))) for n, g in enumerate(ordered)]
