"""Provenance of a stored project: the sample story, its JSON shape, its GraphML and DOT."""

from __future__ import annotations

import io

import networkx as nx

from annotator.core.claims.refresh import ensure_claims
from annotator.core.provenance.build import provenance_of
from annotator.core.provenance.graph import dot, graphml, layers
from annotator.core.store.project import Project


def test_the_sample_story_relays_the_record_first(sample: Project) -> None:
    result = provenance_of(sample)
    by_outlet = {(e.from_outlet, e.to_outlet): e for e in result.edges}
    assert by_outlet[("Cybernews", "Bloomberg")].sentences == (7,)
    assert by_outlet[("Cybernews", "Bloomberg")].relied_on == "another senior official"
    assert by_outlet[("newz9.com", "The Record")].first_report
    assert result.origins[0].first_reported_by == "The Record"
    assert {o.name for o in result.outlets if not o.in_project} >= {"The Record", "Bloomberg", "CBS News"}


def test_the_json_has_the_documented_shape(sample: Project) -> None:
    data = provenance_of(sample).as_json()
    assert set(data) == {"outlets", "edges", "origins"}
    assert all(set(o) == {"name", "aliases", "in_project"} for o in data["outlets"])
    assert all(set(e) == {"from_article", "from_outlet", "to_outlet", "to_article", "kind", "sentences", "basis"}
               for e in data["edges"])
    assert all(e["kind"] in ("cites", "copies") and e["basis"] in ("annotation", "text") and min(e["sentences"]) >= 1
               for e in data["edges"])
    assert data["origins"][0] == {"claim": None, "first_reported_by": "The Record",
                                  "independent_sources": data["origins"][0]["independent_sources"]}


def test_an_annotation_turns_a_text_edge_into_an_annotated_one(sample: Project) -> None:
    cybernews = next(a for a in sample.articles.list() if a.outlet == "Cybernews")
    sample.annotate_sentence(cybernews.id, 6, category="anonymous_official", annotator="amy",
                             source="another senior official (Bloomberg)")
    edge = next(e for e in provenance_of(sample).edges if e.to_outlet == "Bloomberg")
    assert (edge.basis, edge.sentences) == ("annotation", (7,))


def test_graphml_is_read_back_by_networkx(sample: Project) -> None:
    result = provenance_of(sample)
    graph = nx.read_graphml(io.StringIO(graphml(result)))
    assert graph.has_edge("Cybernews", "Bloomberg")
    assert graph.nodes["The Record"]["first_report"] is True
    assert graph.nodes["Cybernews"]["in_project"] is True
    assert "source: another senior official" in graph


def test_dot_dashes_the_edges_found_only_in_text(sample: Project) -> None:
    text = dot(provenance_of(sample))
    assert text.startswith("digraph provenance {")
    assert '"Cybernews" -> "Bloomberg" [style=dashed' in text


def test_one_claims_provenance_is_a_part_of_the_whole(sample: Project) -> None:
    ensure_claims(sample)
    claim = sample.claims.list(min_outlets=2)[0]
    result = provenance_of(sample, claim=claim.id)
    assert [o.claim for o in result.origins] == [claim.id]
    assert set(result.edges) <= set(provenance_of(sample).edges)


def test_layers_put_the_original_sources_above_the_outlets_relaying_them(sample: Project) -> None:
    found = layers(provenance_of(sample))
    layer_of = {name: i for i, layer in enumerate(found) for name in layer}
    assert layer_of["The Record"] < layer_of["Cybernews"] and layer_of["Bloomberg"] < layer_of["Cybernews"]
    assert found[-1] == ["metaworld.media"]  # relays nobody, relayed by nobody
