"""The provenance as a networkx graph, and its files: GraphML (networkx) and Graphviz DOT.

Nodes are outlets (`in_project`, `articles`, `aliases`, `first_report`); an edge per citation or
copy, from the relaying outlet to the relayed one, with the articles, sentences, basis and what the
relayed outlet relied on. What a relayed outlet relied on is also a node of its own ("source"), so the
chain reads down to the original sources.
"""

from __future__ import annotations

import io

import networkx as nx

from annotator.core.provenance.model import Provenance


def to_graph(provenance: Provenance) -> nx.MultiDiGraph:
    graph = nx.MultiDiGraph()
    firsts = {o.first_reported_by for o in provenance.origins if o.first_reported_by}
    for outlet in provenance.outlets:
        graph.add_node(outlet.name, kind="outlet", in_project=outlet.in_project, articles=outlet.articles,
                       aliases="; ".join(outlet.aliases), first_report=outlet.name in firsts)
    for edge in provenance.edges:
        for name in (edge.from_outlet, edge.to_outlet):
            if name not in graph:
                graph.add_node(name, kind="outlet", in_project=False, articles=0, aliases="",
                               first_report=name in firsts)
        graph.add_edge(edge.from_outlet, edge.to_outlet, kind=edge.kind, from_article=edge.from_article,
                       to_article=edge.to_article if edge.to_article is not None else -1,
                       sentences=",".join(map(str, edge.sentences)), basis=edge.basis,
                       relied_on=edge.relied_on or "", first_report=edge.first_report)
        if edge.relied_on:
            source = f"source: {edge.relied_on}"
            graph.add_node(source, kind="source", in_project=False, articles=0, aliases="", first_report=False)
            graph.add_edge(edge.to_outlet, source, kind="relied_on", from_article=edge.from_article, to_article=-1,
                           sentences=",".join(map(str, edge.sentences)), basis=edge.basis, relied_on="",
                           first_report=False)
    return graph


def layers(provenance: Provenance) -> list[list[str]]:
    """The outlets in layers for drawing: the original sources first (outlets relaying nobody that
    others relay), then each outlet one layer below the lowest it relays; outlets in a relay cycle
    share a layer. Outlets with no edge at all come last, in one layer."""
    graph = nx.DiGraph()
    graph.add_nodes_from(o.name for o in provenance.outlets)
    graph.add_edges_from((e.to_outlet, e.from_outlet) for e in provenance.edges if e.from_outlet != e.to_outlet)
    linked = [n for n in graph if graph.degree(n)]
    condensed = nx.condensation(graph.subgraph(linked))
    out = [sorted((m for c in generation for m in condensed.nodes[c]["members"]), key=str.casefold)
           for generation in nx.topological_generations(condensed)]
    alone = sorted((n for n in graph if not graph.degree(n)), key=str.casefold)
    return out + ([alone] if alone else [])


def graphml(provenance: Provenance) -> str:
    """The graph as GraphML text (networkx reads it back with read_graphml)."""
    buffer = io.BytesIO()
    nx.write_graphml(to_graph(provenance), buffer, encoding="utf-8")
    return buffer.getvalue().decode("utf-8")


def _quote(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def dot(provenance: Provenance) -> str:
    """The graph in Graphviz's DOT: outlets of the project as boxes, others as ellipses, relied-on
    sources as notes; edges found only in the text dashed, copies bold."""
    graph = to_graph(provenance)
    lines = ["digraph provenance {", "  rankdir=BT;", "  node [fontname=\"Helvetica\"];"]
    for name, data in graph.nodes(data=True):
        shape = "note" if data["kind"] == "source" else "box" if data["in_project"] else "ellipse"
        extra = ", penwidth=2" if data["first_report"] else ""
        lines.append(f"  {_quote(name)} [shape={shape}{extra}];")
    for a, b, data in graph.edges(data=True):
        if data["kind"] == "relied_on":
            lines.append(f"  {_quote(a)} -> {_quote(b)} [style=dotted, label=\"relied on\"];")
            continue
        style = "bold" if data["kind"] == "copies" else "dashed" if data["basis"] == "text" else "solid"
        label = f"{data['kind']} #{data['from_article']}: {data['sentences']}"
        lines.append(f"  {_quote(a)} -> {_quote(b)} [style={style}, label={_quote(label)}];")
    lines.append("}")
    return "\n".join(lines) + "\n"
