"""Source-credibility annotator: mark how each claim in a news article is sourced."""

__version__ = "0.1.0"
