"""Build a project's provenance: a pure function over what was read (a worker thread can run it on a
connection of its own), and the reading."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass

from annotator.core.errors import NotFound
from annotator.core.provenance.aliases import OutletBook, load_entries
from annotator.core.provenance.copies import find_copies
from annotator.core.provenance.edges import Citation, CitationFinder
from annotator.core.provenance.model import (
    ArticleText, ClaimMembers, Edge, Outlet, Provenance, SourcedMark)
from annotator.core.provenance.origins import claim_origins, story_origin
from annotator.core.store import provenance_rows
from annotator.core.store.outlet_aliases import AliasStore
from annotator.core.store.project import Project
from annotator.core.suggest.cues import Lexicon, load_lexicon

Progress = Callable[[int, int, str], None]  # done, total, item: as BackgroundWork reports it


@dataclass(frozen=True)
class ProvenanceInput:
    """Everything provenance needs, read from a project (or made up in a test)."""

    articles: tuple[ArticleText, ...]
    marks: tuple[SourcedMark, ...] = ()
    claims: tuple[ClaimMembers, ...] = ()
    alias_rows: tuple[tuple[str, str, str], ...] = ()  # (key, alias, outlet) as the project stores them


def book_for(outlets: list[str], alias_rows=()) -> OutletBook:
    """The outlet book of a project: the alias files, the project's outlets and its own rows."""
    return OutletBook(load_entries(), project_outlets=outlets,
                      rows={key: outlet for key, _alias, outlet in alias_rows},
                      alias_names={key: alias for key, alias, _outlet in alias_rows})


def compute(data: ProvenanceInput, *, lexicon: Lexicon | None = None, progress: Progress | None = None) -> Provenance:
    """The provenance of the articles in `data`: pure, so a worker thread can run it."""
    articles = {a.id: a for a in data.articles}
    book = book_for(sorted({a.outlet for a in data.articles}), data.alias_rows)
    finder = CitationFinder(book, lexicon or load_lexicon())
    outlet_of = {a.id: a.outlet for a in data.articles}
    citations = finder.from_marks(list(data.marks), articles)
    covered = defaultdict(set)
    for citation in citations:
        covered[citation.article_id].add(citation.idx)
    for done, article in enumerate(data.articles, start=1):
        citations += finder.from_text(article, skip=covered[article.id])
        if progress is not None and (done % 50 == 0 or done == len(data.articles)):
            progress(done, len(data.articles), article.title)
    first_of = _first_articles(data.articles)
    edges = _cite_edges(citations, outlet_of, first_of) + _copy_edges(list(data.articles))
    edges.sort(key=lambda e: (e.from_article, e.kind, e.sentences, e.to_outlet))
    origins = [story_origin(list(data.articles), edges)]
    origins += claim_origins(data.claims, articles, edges)
    return Provenance(outlets=_outlets(book, data.articles, edges, citations), edges=tuple(edges),
                      origins=tuple(origins), articles=articles, claims={c.id: c for c in data.claims})


def _first_articles(articles) -> dict[str, int]:
    """Each project outlet's earliest article (by date, then id): what a citation of it points at."""
    first: dict[str, ArticleText] = {}
    for a in articles:
        best = first.get(a.outlet)
        if best is None or (a.published is None, a.published or "", a.id) < (best.published is None,
                                                                             best.published or "", best.id):
            first[a.outlet] = a
    return {outlet: a.id for outlet, a in first.items()}


def _cite_edges(citations: list[Citation], outlet_of: dict[int, str], first_of: dict[str, int]) -> list[Edge]:
    grouped: dict[tuple[int, str], list[Citation]] = defaultdict(list)
    for citation in citations:
        grouped[(citation.article_id, citation.outlet)].append(citation)
    edges = []
    for (article_id, outlet), found in grouped.items():
        relied = next((c.relied_on for c in found if c.relied_on), None)
        edges.append(Edge(
            from_article=article_id, from_outlet=outlet_of[article_id], to_outlet=outlet,
            to_article=first_of.get(outlet) if first_of.get(outlet) != article_id else None, kind="cites",
            sentences=tuple(sorted({c.idx + 1 for c in found})),
            basis="annotation" if any(c.basis == "annotation" for c in found) else "text",
            relied_on=relied, first_report=any(c.first_report for c in found)))
    return edges


def _copy_edges(articles: list[ArticleText]) -> list[Edge]:
    outlet_of = {a.id: a.outlet for a in articles}
    return [Edge(c.copy, outlet_of[c.copy], outlet_of[c.original], c.original, "copies", c.sentences, "text")
            for c in find_copies(articles)]


def _outlets(book: OutletBook, articles, edges: list[Edge], citations: list[Citation]) -> tuple[Outlet, ...]:
    counts: dict[str, int] = defaultdict(int)
    for a in articles:
        counts[a.outlet] += 1
    names = set(counts) | {e.to_outlet for e in edges}
    return tuple(Outlet(name, book.aliases_of(name), name in counts, counts.get(name, 0))
                 for name in sorted(names, key=str.casefold))


def read_input(project: Project) -> ProvenanceInput:
    """Read what compute() needs from an open project."""
    db = project.database
    sentences: dict[int, list[str]] = defaultdict(list)
    for article_id, _idx, text in provenance_rows.sentence_rows(db):
        sentences[article_id].append(text)
    articles = tuple(ArticleText(i, outlet, published, title, tuple(sentences.get(i, ())))
                     for i, outlet, published, title in provenance_rows.article_rows(db))
    marks = tuple(SourcedMark(a, idx, key, source) for a, idx, key, source in provenance_rows.sourced_marks(db)
                  if idx is not None)
    claims = tuple(ClaimMembers(c.id, c.label, frozenset((s.article_id, s.idx) for s in c.sentences))
                   for c in project.claims.list())
    rows = tuple((r.key, r.alias, r.outlet) for r in AliasStore(db).all())
    return ProvenanceInput(articles, marks, claims, rows)


def provenance_of(project: Project, *, claim: int | None = None, progress: Progress | None = None) -> Provenance:
    """The provenance of an open project (of one claim with `claim`): what a worker thread runs."""
    result = compute(read_input(project), progress=progress)
    if claim is not None:
        if claim not in result.claims:
            raise NotFound(f"no claim {claim} in this project (see `annotator claims`)")
        return result.for_claim(claim)
    return result
