"""Publication dates come from a page's metadata only: a copyright year or a date in the text is no date."""

from __future__ import annotations

from pathlib import Path

import pytest

from annotator.core.ingest.dates import iso_date
from annotator.core.ingest.html_page import parse_html

BODY = "<p>" + "The Pentagon said late Tuesday that cyber operations had not been stopped. " * 5 + "</p>"
HEAD = "<title>Pentagon denies pause</title>"


def page(head: str = "", article: str = "", footer: str = "") -> str:
    return (f"<html><head>{HEAD}{head}</head><body><article><h1>Pentagon denies pause</h1>{article}{BODY}"
            f"</article><footer>{footer}</footer></body></html>")


@pytest.mark.parametrize("footer", ["© 2025 Example News", "Copyright 2024 Example Media Group",
                                    "(c) 2023 All rights reserved", "© 2019–2025 Example"])
def test_copyright_year_is_not_a_publication_date(footer: str) -> None:
    assert parse_html(page(footer=footer), Path("a.html")).published is None


def test_date_written_only_in_the_text_is_not_taken() -> None:
    assert parse_html(page(article="<p>Posted 12 January 2024</p>"), Path("a.html")).published is None


@pytest.mark.parametrize(("head", "article", "expected"), [
    ("<meta property='article:published_time' content='2025-03-05T10:00:00Z'>", "", "2025-03-05"),
    ("""<script type="application/ld+json">{"@type": "NewsArticle", "datePublished": "2025-02-01T08:00:00Z"}
     </script>""", "", "2025-02-01"),
    ("", "<p class='byline'>By Jane Doe, <time datetime='2025-03-04'>March 4, 2025</time></p>", "2025-03-04"),
])
def test_metadata_date_is_taken_even_with_a_copyright_footer(head: str, article: str, expected: str) -> None:
    assert parse_html(page(head, article, footer="© 2026 Example"), Path("a.html")).published == expected


@pytest.mark.parametrize("text", ["© 2025", "Copyright 2025 Example", "(c) 2025"])
def test_copyright_line_in_a_markdown_header_is_no_date(text: str) -> None:
    assert iso_date(text) is None
