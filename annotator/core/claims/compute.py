"""compute_claims: from sentence texts to claim groups, as a pure function a worker thread can run."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from annotator.core.errors import Cancelled
from annotator.core.claims.clustering import Thresholds, cluster
from annotator.core.claims.features import Weights, document_frequencies, term_lists, vectors
from annotator.core.records import SentenceText

METHOD = "overlap-majority-cores-2level-3"  # stored with the claims; a new method makes stored claims stale
LABEL_CHARS = 90

ClaimProgress = Callable[[int, int], bool]  # (done, total) → go on? False cancels


@dataclass(frozen=True)
class ClaimGroup:
    """Sentences, as (article_id, idx), stating one claim; the label is the most central one not already
    labelling a larger claim, shortened."""

    members: tuple[tuple[int, int], ...]
    label: str


def short_label(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= LABEL_CHARS else text[: LABEL_CHARS - 1].rsplit(" ", 1)[0] + "…"


def compute_claims(sentences: Sequence[SentenceText], *, progress: ClaimProgress | None = None,
                   thresholds: Thresholds = Thresholds(), weights: Weights = Weights()) -> list[ClaimGroup]:
    """Group the sentences of different articles that state the same claim; raise Cancelled on request.

    Groups come out largest first (then by their first sentence), each spanning two articles or more.
    """
    total = len(sentences)
    if progress is not None and not progress(0, total):
        raise Cancelled()
    lists = term_lists([s.text for s in sentences])
    vecs = vectors(lists, document_frequencies(lists), weights=weights)
    articles = [s.article_id for s in sentences]
    groups, found = cluster(vecs, articles, thresholds=thresholds, weights=weights, progress=progress)
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
    return sorted(result, key=lambda g: (-len(g.members), g.members))
