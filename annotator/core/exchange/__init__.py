"""Annotations and projects in the formats of the field: annotation rows (CSV, JSON Lines), REFI-QDA
(.qdpx project, .qdc codebook) and W3C Web Annotation (.jsonld)."""
