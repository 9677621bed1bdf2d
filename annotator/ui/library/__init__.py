"""The library: the table of articles, its model and the article dialog."""
