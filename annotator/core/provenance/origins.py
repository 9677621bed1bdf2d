"""Origins: who first reported the story and each claim, and how many independent sources stand
behind it once relays and copies are followed.

First report: the outlet the texts name as first ("first reported by The Record", "The Record broke
this"; the most named wins), else the outlet of the earliest dated article. Independent sources: the
outlets at the end of the relay chains (networkx: what an outlet reaches that relays nobody), where
an article relaying nobody is a source itself and a copy counts as its original.
"""

from __future__ import annotations

from collections import Counter, defaultdict

import networkx as nx

from annotator.core.provenance.model import ArticleText, ClaimMembers, Edge, Origin

_NEAR = 1  # an edge speaks for a claim's sentence when it is in that sentence or next to it


def relay_graph(edges: list[Edge] | tuple[Edge, ...]) -> nx.DiGraph:
    """Outlets, each pointing at the outlets it relays or copies."""
    graph = nx.DiGraph()
    for edge in edges:
        if edge.from_outlet != edge.to_outlet:
            graph.add_edge(edge.from_outlet, edge.to_outlet)
    return graph


def ends_of(graph: nx.DiGraph, start: str) -> set[str]:
    """The outlets `start` leads to that relay nobody (itself if it relays nobody); a cycle counts as
    its first member reached."""
    if start not in graph or graph.out_degree(start) == 0:
        return {start}
    reached = nx.descendants(graph, start) | {start}
    ends = {n for n in reached if graph.out_degree(n) == 0}
    if ends:
        return ends
    return {min(reached)}


class _Ends:
    """ends_of, remembered per outlet: a claim's sources ask for the same outlets again and again."""

    def __init__(self, graph: nx.DiGraph) -> None:
        self._graph = graph
        self._known: dict[str, set[str]] = {}

    def __call__(self, outlet: str) -> set[str]:
        if outlet not in self._known:
            self._known[outlet] = ends_of(self._graph, outlet)
        return self._known[outlet]


def first_report(articles: list[ArticleText], edges: list[Edge]) -> tuple[str | None, str | None, str | None]:
    """(first reported by, by the texts, by date) for these articles and the edges that speak for them."""
    votes = Counter(e.to_outlet for e in edges if e.first_report and e.kind == "cites")
    by_text = None
    if votes:
        best = max(votes.values())
        by_text = min(o for o, v in votes.items() if v == best)
    dated = [a for a in articles if a.published]
    by_date = min(dated, key=lambda a: (a.published, a.id)).outlet if dated else None
    return by_text or by_date, by_text, by_date


def story_origin(articles: list[ArticleText], edges: list[Edge]) -> Origin:
    graph = relay_graph(edges)
    sources: set[str] = set()
    for outlet in {a.outlet for a in articles}:
        sources |= ends_of(graph, outlet)
    first, by_text, by_date = first_report(articles, edges)
    return Origin(None, "the story", first, tuple(sorted(sources, key=str.casefold)), by_text, by_date)


def claim_origins(claims, articles: dict[int, ArticleText], edges: list[Edge]) -> list[Origin]:
    """Each claim's first report and sources: only the edges next to its sentences speak for it."""
    graph = relay_graph(edges)
    ends = _Ends(graph)
    by_article: dict[int, list[Edge]] = defaultdict(list)
    for edge in edges:
        by_article[edge.from_article].append(edge)
    return [_claim_origin(claim, articles, by_article, ends) for claim in claims]


def _claim_origin(claim: ClaimMembers, articles: dict[int, ArticleText], by_article: dict[int, list[Edge]],
                  ends: _Ends) -> Origin:
    near: list[Edge] = []
    sources: set[str] = set()
    numbers_in: dict[int, set[int]] = defaultdict(set)
    for article_id, idx in claim.members:
        numbers_in[article_id].add(idx + 1)
    for article_id, numbers in sorted(numbers_in.items()):
        near_numbers = {m + d for m in numbers for d in range(-_NEAR, _NEAR + 1)}
        own = [e for e in by_article.get(article_id, ()) if not near_numbers.isdisjoint(e.sentences)]
        near += own
        if own:
            for edge in own:
                sources |= ends(edge.to_outlet)
        elif article_id in articles:
            sources.add(articles[article_id].outlet)
    stating = [articles[a] for a in numbers_in if a in articles]
    first, by_text, by_date = first_report(stating, near)
    return Origin(claim.id, claim.label, first, tuple(sorted(sources, key=str.casefold)), by_text, by_date)
