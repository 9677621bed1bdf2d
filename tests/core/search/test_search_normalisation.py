"""A query typed decomposed (NFD: "Zu" + U+0308 + "rich") finds what the composed one does, in articles
stored composed (NFC, as imports store them) or decomposed (older projects, some PDFs)."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

from annotator.core.analysis.search import match_expression, search_sentences
from annotator.core.ingest.batch import import_paths
from annotator.core.records import ParsedArticle
from annotator.core.store.project import Project


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def nfd(text: str) -> str:
    return unicodedata.normalize("NFD", text)


SENTENCES = ["Talks were held in Zürich on Monday. ", "Η συνάντηση έγινε στην Αθήνα. ", "회담은 서울에서 열렸다. "]


def _add(project: Project, body: str) -> int:
    spans, start = [], 0
    for sentence in SENTENCES:
        spans.append((start, start + len(nfc(sentence) if body == nfc(body) else nfd(sentence))))
        start = spans[-1][1]
    return project.articles.add(ParsedArticle(title="T", body=body, outlet="Wire"), spans).id


@pytest.fixture
def both(project: Project) -> Project:
    """Article 1 stored in NFC, article 2 the same text in NFD."""
    _add(project, nfc("".join(SENTENCES)))
    _add(project, nfd("".join(SENTENCES)))
    return project


def _found(project: Project, query: str) -> list[tuple[int, int]]:
    return [(hit.article_id, hit.idx) for hit in search_sentences(project.database, query)]


@pytest.mark.parametrize(("query", "sentence"), [
    ("Zürich", 0), ("zurich", 0), ("Zür*", 0), ('"in Zürich on"', 0),
    ("Αθήνα", 1), ('"στην Αθήνα"', 1), ("Αθή*", 1),
    ("서울에서", 2), ("회담은", 2),
], ids=["word", "unaccented", "prefix", "phrase", "greek", "greek-phrase", "greek-prefix", "hangul", "hangul-2"])
@pytest.mark.parametrize("form", [nfc, nfd], ids=["typed-nfc", "typed-nfd"])
def test_either_form_of_a_query_finds_both_forms_of_the_text(both: Project, query: str, sentence: int, form) -> None:
    assert _found(both, form(query)) == [(1, sentence), (2, sentence)]


def test_a_query_without_accents_or_decomposition_is_unchanged() -> None:
    assert match_expression('pause "ordered by" heg*') == '"pause" AND "ordered by" AND "heg"*'


def test_a_decomposed_query_is_one_word_not_two() -> None:
    assert match_expression(nfd("Zürich")) == match_expression("Zürich")


def test_an_accent_with_no_letter_is_no_word() -> None:
    with pytest.raises(Exception, match="type at least one word"):
        match_expression("\u0308")


def test_an_imported_decomposed_file_is_stored_composed_and_found(project: Project, tmp_path: Path) -> None:
    text = nfd("Officials met in Zürich on Monday, said Señora Peña. " * 4 + "Nobody from Genève came.\n")
    (tmp_path / "mac.txt").write_text(text, encoding="utf-8")
    report = import_paths(project, [tmp_path / "mac.txt"])
    (article,) = project.articles.list()
    body = project.articles.body(article.id)
    assert report.imported and body == nfc(text)
    assert [body[s.start:s.end] for s in project.articles.sentences(article.id)][0].startswith("Officials met in Zürich")
    assert _found(project, nfd("Zürich")) and _found(project, "Peña") and _found(project, "geneve")
