"""Saved web pages → ParsedArticle, through trafilatura's main-text and metadata extraction.

No date is better than a wrong one: the published date comes from the page's metadata only.
"""

from __future__ import annotations

from pathlib import Path

from annotator.core.errors import ImportRefused
from annotator.core.ingest.dates import iso_date
from annotator.core.ingest.names import display_name
from annotator.core.records import ParsedArticle


# htmldate without its extensive search: dates from meta tags, JSON-LD, <time> elements and the
# page's URL only, never a copyright line ("© 2025" → 2025-01-01) or a date found in the text.
_DATE_PARAMS = {"extensive_search": False, "original_date": True}


def parse_html(html: str, path: Path) -> ParsedArticle:
    import trafilatura

    document = trafilatura.bare_extraction(
        html, with_metadata=True, include_comments=False, include_tables=False,
        favor_precision=True, as_dict=False, date_extraction_params=_DATE_PARAMS,
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
        published=iso_date(document.date),
        source_file=display_name(path),
    )
