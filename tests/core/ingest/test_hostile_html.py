"""A web page of more elements than the limit is refused before lxml and trafilatura parse it (each
element costs them memory and, in one paragraph, time that grows faster than the page)."""

from __future__ import annotations

from pathlib import Path

from annotator.core.ingest import limits
from tests.core.ingest.hostile import PAGE_TEXT, read_in_child


def test_a_page_of_too_many_elements_is_refused_at_once(tmp_path: Path) -> None:
    tags = limits.MAX_HTML_ELEMENTS + 100
    path = tmp_path / "tags.html"
    path.write_text(f"<html><body><article><p>{PAGE_TEXT}</p><p>{'<i>a</i> ' * tags}</p></article></body></html>",
                    encoding="utf-8")
    outcome = read_in_child(path, timeout=20)
    assert outcome["refused"] == (f"has more than {limits.MAX_HTML_ELEMENTS:,} HTML elements ({tags + 5:,};"
                                  " the limit for one page)")
    assert outcome["seconds"] < 5 and outcome["peak_mb"] < 200


def test_an_ordinary_page_is_read(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_text(f"<html><head><title>Rules</title></head><body><article><h1>Rules</h1><p>{PAGE_TEXT}</p>"
                    f"<p>{PAGE_TEXT}</p></article></body></html>", encoding="utf-8")
    outcome = read_in_child(path)
    assert outcome["refused"] is None and PAGE_TEXT in outcome["body"]
