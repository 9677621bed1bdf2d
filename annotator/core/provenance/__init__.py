"""Provenance: which outlets an article relays, down to the first source of a story and of each claim.

`aliases.py` (outlets as entities), `mentions.py` (outlets named in a sentence), `edges.py` (citation
edges from annotations and from the text), `relied_on.py` (what a relayed outlet relied on),
`copies.py` (articles reusing another's text), `origins.py` (first report, independent sources),
`graph.py` (the networkx graph, GraphML and DOT), `build.py` (the pure function a worker runs, and
reading a project for it). The records are in `model.py`.
"""
