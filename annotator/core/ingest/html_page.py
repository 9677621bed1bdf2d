"""Saved web pages → ParsedArticle, through trafilatura's main-text and metadata extraction.

No date is better than a wrong one: the published date comes from the page's metadata only.
The outlet is the site name the page states (og:site_name, application-name, its title's "| BBC.com"
part), made readable when it is only a host name; a name trafilatura made from the page's address is
no statement, so it is left to the guess (ingest/outlets.py), which an import's own outlet overrides.
The address is the page's canonical one, else the one a browser notes when saving ("saved from url").
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlsplit

from annotator.core.errors import ImportRefused
from annotator.core.ingest import limits
from annotator.core.ingest.dates import iso_date
from annotator.core.ingest.names import display_name
from annotator.core.ingest.outlets import readable_site_name
from annotator.core.records import ParsedArticle


# htmldate without its extensive search: dates from meta tags, JSON-LD, <time> elements and the
# page's URL only, never a copyright line ("© 2025" → 2025-01-01) or a date found in the text.
_DATE_PARAMS = {"extensive_search": False, "original_date": True}
_TAG = re.compile(r"<[A-Za-z]")
_SAVED_FROM = re.compile(r"<!--\s*saved from url=\(\d+\)(https?://[^\s>]+?)\s*-->", re.IGNORECASE)


def parse_html(html: str, path: Path) -> ParsedArticle:
    import trafilatura

    tags = len(_TAG.findall(html))
    if tags > limits.MAX_HTML_ELEMENTS:  # each costs lxml and trafilatura memory: refused before parsing
        raise ImportRefused(path, f"has more than {limits.MAX_HTML_ELEMENTS:,} HTML elements ({tags:,};"
                                  " the limit for one page)")
    document = trafilatura.bare_extraction(
        html, with_metadata=True, include_comments=False, include_tables=False,
        favor_precision=True, as_dict=False, date_extraction_params=_DATE_PARAMS,
    )
    text = getattr(document, "text", None) if document is not None else None
    if not text or not text.strip():
        raise ImportRefused(path, "no article text could be found in this web page")
    body = text.replace("\r\n", "\n").replace("\r", "\n")
    saved_from = _SAVED_FROM.search(html[:4096])
    url = document.url or (saved_from.group(1) if saved_from else None)
    return ParsedArticle(
        title=(document.title or display_name(path.stem)).strip(),
        body=body,
        outlet=_stated_site_name(document.sitename, document.url),
        url=url or None,
        author=(document.author or None),
        published=iso_date(document.date),
        source_file=display_name(path),
    )


def _stated_site_name(sitename: str | None, url: str | None) -> str | None:
    """The page's own site name, or None when trafilatura only copied its address's host."""
    if not sitename or not sitename.strip():
        return None
    host = (urlsplit(url).hostname or "") if url else ""
    bare = sitename.strip().lower()
    if host and (host == bare or host.removeprefix("www.") == bare.removeprefix("www.")):
        return None
    return readable_site_name(sitename)
