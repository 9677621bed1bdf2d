"""Saved web pages → ParsedArticle, through trafilatura's main-text and metadata extraction."""

from __future__ import annotations

from pathlib import Path

from annotator.core.errors import ImportRefused
from annotator.core.ingest.names import display_name
from annotator.core.records import ParsedArticle


def parse_html(html: str, path: Path) -> ParsedArticle:
    import trafilatura

    document = trafilatura.bare_extraction(
        html, with_metadata=True, include_comments=False, include_tables=False,
        favor_precision=True, as_dict=False,
    )
    text = getattr(document, "text", None) if document is not None else None
    if not text or not text.strip():
        raise ImportRefused(path, "no article text could be found in this web page")
    body = text.replace("\r\n", "\n").replace("\r", "\n")
    return ParsedArticle(
        title=(document.title or display_name(path.stem)).strip(),
        body=body,
        outlet=(document.sitename or None),
        url=(document.url or None),
        author=(document.author or None),
        published=(document.date or None),
        source_file=display_name(path),
    )
