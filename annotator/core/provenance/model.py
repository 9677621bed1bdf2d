"""The records of provenance: what goes in (articles, sourced marks, claims) and what comes out."""

from __future__ import annotations

from dataclasses import dataclass, field, replace


@dataclass(frozen=True)
class ArticleText:
    """An article as provenance reads it; `sentences` in order (sentence n is sentences[n - 1])."""

    id: int
    outlet: str
    published: str | None
    title: str
    sentences: tuple[str, ...]


@dataclass(frozen=True)
class SourcedMark:
    """An annotation that names a source (or is marked other_outlet); `idx` from 0."""

    article_id: int
    idx: int
    category: str
    source: str


@dataclass(frozen=True)
class ClaimMembers:
    """A claim and its sentences as (article id, idx from 0)."""

    id: int
    label: str
    members: frozenset[tuple[int, int]]


@dataclass(frozen=True)
class Outlet:
    """An outlet of the story: `in_project` when articles of the project are under it."""

    name: str
    aliases: tuple[str, ...]
    in_project: bool
    articles: int = 0


@dataclass(frozen=True)
class Edge:
    """`from_article` relays `to_outlet` (cites) or reuses the text of `to_article` (copies).

    `sentences` are numbers from 1 in `from_article`; `basis` is "annotation" when an annotation says
    so, "text" when only the text does; `relied_on` is what the relayed outlet relied on, when the
    text says; `first_report` marks an edge whose sentence says the outlet reported first.
    """

    from_article: int
    from_outlet: str
    to_outlet: str
    to_article: int | None
    kind: str
    sentences: tuple[int, ...]
    basis: str
    relied_on: str | None = None
    first_report: bool = False

    def as_json(self) -> dict:
        return {"from_article": self.from_article, "from_outlet": self.from_outlet, "to_outlet": self.to_outlet,
                "to_article": self.to_article, "kind": self.kind, "sentences": list(self.sentences),
                "basis": self.basis}


@dataclass(frozen=True)
class Origin:
    """Who first reported the story (claim None) or a claim, and its independent sources.

    `first_by_text` is the outlet the texts name as first ("first reported by …"), `first_by_date`
    the outlet of the earliest dated article; `first_reported_by` is the first, else the second.
    """

    claim: int | None
    label: str
    first_reported_by: str | None
    independent_sources: tuple[str, ...]
    first_by_text: str | None = None
    first_by_date: str | None = None

    def as_json(self) -> dict:
        return {"claim": self.claim, "first_reported_by": self.first_reported_by,
                "independent_sources": list(self.independent_sources)}


@dataclass(frozen=True)
class Provenance:
    """The provenance of a project's story: outlets, edges between articles and outlets, origins."""

    outlets: tuple[Outlet, ...]
    edges: tuple[Edge, ...]
    origins: tuple[Origin, ...]
    articles: dict[int, ArticleText] = field(default_factory=dict, compare=False, repr=False)
    claims: dict[int, ClaimMembers] = field(default_factory=dict, compare=False, repr=False)

    def for_claim(self, claim_id: int) -> Provenance:
        """Only what concerns one claim: the edges from its articles near its sentences, its origin."""
        claim = self.claims[claim_id]
        near = {(a, i + 1 + d) for a, i in claim.members for d in (-1, 0, 1)}
        edges = tuple(e for e in self.edges if any((e.from_article, n) in near for n in e.sentences))
        named = {e.to_outlet for e in edges} | {self.articles[a].outlet for a, _ in claim.members
                                                 if a in self.articles}
        origins = tuple(o for o in self.origins if o.claim == claim_id)
        named |= {s for o in origins for s in o.independent_sources}
        return replace(self, outlets=tuple(o for o in self.outlets if o.name in named), edges=edges, origins=origins)

    def edges_between(self, from_outlet: str, to_outlet: str) -> list[Edge]:
        return [e for e in self.edges if e.from_outlet == from_outlet and e.to_outlet == to_outlet]

    def as_json(self) -> dict:
        """The shape `annotator provenance --format json` prints."""
        return {"outlets": [{"name": o.name, "aliases": list(o.aliases), "in_project": o.in_project}
                            for o in self.outlets],
                "edges": [e.as_json() for e in self.edges],
                "origins": [o.as_json() for o in self.origins]}
