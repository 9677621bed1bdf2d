"""Bring a project's stored suggestions up to date: the pure function a background worker runs.

An article is recomputed when it was never suggested or was suggested with another lexicon
fingerprint (the cue files changed, the rules' version changed, or the codebook's categories
changed). Nothing is computed when suggestions are off (a blind assignment without --suggestions).
"""

from __future__ import annotations

import hashlib
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Executor, Future
from typing import NamedTuple

from annotator.core.changes import Changes
from annotator.core.ingest.workers import start_pool
from annotator.core.records import Progress, Suggestion
from annotator.core.store.project import Project
from annotator.core.suggest.cues import Lexicon
from annotator.core.suggest.layout import paragraph_numbers
from annotator.core.suggest.suggester import Suggester, detector_for, rules_for


# Articles; below this a process pool costs more than it saves. Its workers take about 0.3 s to
# start (spawn, imports, compiling the rules) before the first article; one process suggests for an
# article in about 4 ms. Measured on 2 cores: 72 articles 0.28 s in one process, 0.44 s in a pool,
# 144 articles 0.54 s and 0.57 s, 168 articles 0.63 s and 0.62 s (fewer with more cores).
PARALLEL_FROM = 150


def project_suggester(project: Project, lexicon: Lexicon | None = None) -> Suggester:
    """A suggester for the project's active categories."""
    keys = {c.key for c in project.categories.list()}
    return Suggester(lexicon, categories=keys)


def prepare_rules(project: Project) -> None:
    """Compile the project's rules and load the learned detector in this process ahead of need (about
    0.4 s the first time on a machine whose Python build the package ships no compiled patterns for,
    otherwise about 0.05 s, once a process): the window
    does it in the background when a project opens, with nothing stale to compute or the work done by
    worker processes, so the suggestions of a later import cost only its articles."""
    if project.suggestions.enabled:
        lexicon = project_suggester(project).lexicon
        rules_for(lexicon)
        detector_for(lexicon)


def fingerprint(project: Project, suggester: Suggester) -> str:
    """The lexicon's fingerprint with the categories suggestions can go to."""
    keys = ",".join(sorted(suggester.categories or ()))
    return hashlib.sha256(f"{suggester.fingerprint}|{keys}".encode()).hexdigest()[:16]


class ArticleText(NamedTuple):
    """What the suggester reads of an article: its sentences, their paragraphs, its outlet."""

    texts: list[str]
    paragraphs: list[int]
    outlet: str


def suggest_article(project: Project, suggester: Suggester, article_id: int) -> list[Suggestion]:
    """Suggestions for one article, computed (not stored)."""
    return _suggest_texts(suggester, article_id, _article_text(project, article_id))


def _article_text(project: Project, article_id: int) -> ArticleText:
    body, outlet = project.articles.body_and_outlet(article_id)
    spans = [(s.start, s.end) for s in project.articles.sentences(article_id)]
    return ArticleText([body[a:b] for a, b in spans], paragraph_numbers(body, spans), outlet)


def _suggest_texts(suggester: Suggester, article_id: int, article: ArticleText) -> list[Suggestion]:
    return [Suggestion(article_id, s.idx, s.category, s.confidence, s.cue, s.source)
            for s in suggester.suggest(article.texts, paragraphs=article.paragraphs, outlet=article.outlet)]


def _suggest_batch(job: tuple[Lexicon | None, frozenset[str], list[tuple[int, ArticleText]]]
                   ) -> dict[int, list[Suggestion]]:
    """One batch of articles' sentence texts → their suggestions; pure, run in a worker process."""
    lexicon, categories, articles = job
    suggester = Suggester(lexicon, categories=set(categories))  # the rules are cached per process
    return {article_id: _suggest_texts(suggester, article_id, text) for article_id, text in articles}


def refresh_suggestions(project: Project, *, article_ids: Iterable[int] | None = None,
                        lexicon: Lexicon | None = None, batch: int = 50,
                        cancelled: Callable[[], bool] | None = None, progress: Progress | None = None) -> Changes:
    """Compute and store suggestions for the stale articles (of `article_ids`, or all).

    Each batch is its own short transaction, so annotating goes on meanwhile; `cancelled` returning
    True stops between batches, keeping what was stored. `progress` hears (articles done, stale
    articles, "articles") after each batch.
    """
    if not project.suggestions.enabled:
        return Changes()
    suggester = project_suggester(project, lexicon)
    print_ = fingerprint(project, suggester)
    stale = project.suggestions.stale(print_, article_ids)
    workers = min(os.cpu_count() or 1, 4)
    pooled = len(stale) >= PARALLEL_FROM and workers >= 2 and suggester.categories is not None
    if pooled:  # at least two batches a worker, so no worker is left with most of the articles
        batch = max(1, min(batch, -(-len(stale) // (workers * 2))))
    jobs = ((lexicon, frozenset(suggester.categories or ()),
             [(a, _article_text(project, a)) for a in stale[at:at + batch]])
            for at in range(0, len(stale), batch))
    if not pooled:
        computed = map(_suggest_batch, jobs)
        _store(project, print_, computed, cancelled, _counting(progress, len(stale)))
    else:  # the rules are pure Python: a pool of processes, as for importing, started once per run
        pool = start_pool(workers)
        try:
            _store(project, print_, _in_pool(pool, jobs, workers * 2, cancelled), cancelled,
                   _counting(progress, len(stale)))
        finally:
            pool.shutdown(wait=True, cancel_futures=True)
    return Changes(suggestions=bool(stale))


def _in_pool(pool: Executor, jobs: Iterable[tuple], ahead: int,
             cancelled: Callable[[], bool] | None) -> Iterator[dict[int, list[Suggestion]]]:
    """The batches' results in order, with at most `ahead` batches read and sent at a time.

    Unlike `pool.map`, which reads every article before the first result, a cancel is seen within a
    batch or two, and memory holds a few batches, not the project.
    """
    sent: deque[Future] = deque()
    for job in jobs:
        if cancelled is not None and cancelled():
            return
        sent.append(pool.submit(_suggest_batch, job))
        if len(sent) >= ahead:
            yield sent.popleft().result()
    while sent:
        yield sent.popleft().result()


def _counting(progress: Progress | None, total: int) -> Callable[[int], None]:
    done = [0]

    def stored(articles: int) -> None:
        done[0] += articles
        if progress is not None:
            progress(done[0], total, "articles")
    return stored


def _store(project: Project, print_: str, computed: Iterable[dict[int, list[Suggestion]]],
           cancelled: Callable[[], bool] | None, stored: Callable[[int], None]) -> None:
    """Store each batch in its own short transaction; stop between batches when cancelled."""
    for suggestions in computed:
        if cancelled is not None and cancelled():
            break
        project.suggestions.replace(print_, suggestions)
        stored(len(suggestions))
