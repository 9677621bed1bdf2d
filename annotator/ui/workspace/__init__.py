"""The workspace: article columns and their views, highlights and layers, the mix bar, annotating, the inspector, the codebook panel and the search panel."""
