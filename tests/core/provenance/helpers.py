"""Small made-up articles for the provenance tests."""

from __future__ import annotations

from annotator.core.provenance.build import ProvenanceInput, compute
from annotator.core.provenance.model import ArticleText, ClaimMembers, Provenance


def article(article_id: int, outlet: str, *sentences: str, published: str | None = None) -> ArticleText:
    return ArticleText(article_id, outlet, published, f"Story {article_id}", tuple(sentences))


def provenance(*articles: ArticleText, claims: tuple[ClaimMembers, ...] = (), marks=()) -> Provenance:
    return compute(ProvenanceInput(tuple(articles), tuple(marks), claims))


def relays(result: Provenance, article_id: int = 1) -> dict[str, tuple[int, ...]]:
    return {e.to_outlet: e.sentences for e in result.edges if e.from_article == article_id and e.kind == "cites"}
