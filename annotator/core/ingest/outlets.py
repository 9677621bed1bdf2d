"""An article's outlet, read from what its file says: a header line, a byline, its web address.

Two strengths of evidence. A file that *states* its outlet (an `Outlet:`, `Source:` or `Site:`
header, a web page's site name) is taken at its word. A *guess* (the outlet named at the end of a
byline, "By Jane Doe, Reuters"; a name made from the address's host, "www.bbc.com" → "BBC") is
used only when the import gives no outlet for the batch: stated > the batch's outlet > guessed.
No table of sites: the host name is made readable by the same few rules for every site.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from annotator.core.records import ParsedArticle

LOOKED_AT = 8  # the first non-empty lines of a body searched for a byline or an address

# Subdomains that name a server, not the outlet: www.bbc.com, m.dw.com, edition.cnn.com, amp.theguardian.com.
_SERVER_LABELS = {"www", "www2", "www3", "m", "mobile", "amp", "edition", "en", "news", "eu", "uk", "us", "int"}
# Second-level labels under a country's domain: bbc.co.uk, abc.net.au, nzherald.co.nz.
_SECOND_LEVEL = {"co", "com", "net", "org", "gov", "ac", "edu", "or", "ne", "go", "gv"}
_URL_LINE = re.compile(r"^(?:(?:url|link|source|web)\s*:\s*)?<?(https?://[^\s<>]+?)>?$", re.IGNORECASE)
_BYLINE = re.compile(r"^(?:by|von|par|por|di|door)\s+(.+)$", re.IGNORECASE)
_BYLINE_OUTLET = re.compile(r"^(.+?)\s*(?:,|\||\s[-–—]\s|/)\s*(.+)$")
_ROLE_WORDS = {"staff", "reporter", "correspondent", "editor", "writer", "contributor", "and", "in", "for"}
_HOST_LIKE = re.compile(r"^[a-z0-9-]+(\.[a-z0-9-]+)+$", re.IGNORECASE)


def outlet_from_url(url: str | None) -> str | None:
    """A readable outlet name from an address's host: "https://www.bbc.com/news/x" → "BBC"."""
    if not url:
        return None
    try:
        host = urlsplit(url.strip() if "//" in url else f"//{url.strip()}").hostname or ""
    except ValueError:
        return None
    return outlet_from_host(host)


def outlet_from_host(host: str) -> str | None:
    """"www.theguardian.com" → "Theguardian", "bbc.co.uk" → "BBC", "al-monitor.com" → "Al Monitor".

    The name is the label left of the public suffix (the last label, and a second-level one such as
    "co" under a two-letter country code); server labels in front of it are dropped. Short names
    (up to four letters) are read as initials and written in capitals.
    """
    labels = [label for label in host.lower().strip(".").split(".") if label]
    if len(labels) < 2 or all(label.isdigit() for label in labels):
        return None  # "localhost", an IP address
    labels.pop()  # the top-level domain
    if len(labels) >= 2 and labels[-1] in _SECOND_LEVEL:
        labels.pop()
    while len(labels) > 1 and labels[0] in _SERVER_LABELS:
        labels.pop(0)
    name = labels[-1]
    if len(name) <= 4 and name.isalpha():
        return name.upper()
    return " ".join(part.capitalize() for part in name.split("-") if part) or None


def readable_site_name(name: str | None) -> str | None:
    """A site name as a page states it; one that is only a host ("bbc.co.uk") is made readable."""
    if not name or not name.strip():
        return None
    name = " ".join(name.split())
    return outlet_from_host(name) if _HOST_LIKE.match(name) else name


def first_lines(body: str, count: int = LOOKED_AT) -> list[str]:
    """The first `count` non-empty lines of a body, stripped of spaces and Markdown emphasis."""
    lines = []
    for line in body.split("\n"):
        line = line.strip().strip("*_").strip()
        if line:
            lines.append(line)
            if len(lines) == count:
                break
    return lines


def url_in(lines: list[str]) -> str | None:
    """An address standing alone on one of `lines` ("https://…" or "URL: https://…")."""
    for line in lines:
        match = _URL_LINE.match(line)
        if match:
            return match.group(1)
    return None


def byline_in(lines: list[str]) -> tuple[str, str | None] | None:
    """(author, outlet or None) from a line such as "By Jane Doe, Reuters" or "By Jane Doe | BBC News"."""
    for line in lines:
        match = _BYLINE.match(line)
        if not match or len(line.split()) > 12 or line.endswith((".", "?", "!")):
            continue
        rest = match.group(1).strip()
        split = _BYLINE_OUTLET.match(rest)
        if split is None:
            return rest, None
        author, outlet = split.group(1).strip(), split.group(2).strip()
        words = outlet.lower().split()
        if not words or words[0] in _ROLE_WORDS or any(ch.isdigit() for ch in outlet):
            return author, None  # "By Jane Doe, staff reporter", "By Jane Doe, 4 March 2025"
        return author, outlet
    return None


def guessed_outlet(article: ParsedArticle) -> str | None:
    """The outlet an article's own text suggests when it states none: its byline's, else its address's."""
    lines = first_lines(article.body)
    byline = byline_in(lines)
    if byline is not None and byline[1]:
        return byline[1]
    return outlet_from_url(article.url or url_in(lines))
