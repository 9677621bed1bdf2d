"""Outlets as entities: names resolve through the alias list, the project's outlets and its own rows."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from annotator.core.errors import InvalidValue
from annotator.core.provenance.aliases import OutletBook, load_entries, name_key


@pytest.fixture
def book() -> OutletBook:
    return OutletBook(load_entries())


@pytest.mark.parametrize("name, outlet", [
    ("AP", "The Associated Press"),
    ("the Associated Press", "The Associated Press"),
    ("Recorded Future News", "The Record"),
    ("Agence France-Presse", "AFP"),
    ("NYT", "The New York Times"),
    ("Bloomberg News", "Bloomberg"),
    ("Deseret News", "Deseret News"),  # not in the list: an outlet of its own
])
def test_a_name_resolves_to_its_outlet(book: OutletBook, name: str, outlet: str) -> None:
    assert book.resolve(name) == outlet


def test_the_times_means_the_new_york_times_only_after_it_was_named(book: OutletBook) -> None:
    assert book.resolve("the Times") == "The Times"
    assert book.resolve("the Times", named_before={"The New York Times"}) == "The New York Times"


def test_a_project_outlet_is_preferred_to_the_list_name() -> None:
    book = OutletBook(load_entries(), project_outlets=["Recorded Future News"])
    assert book.resolve("The Record") == "Recorded Future News"
    assert book.in_project("Recorded Future News")
    assert "The Record" in book.aliases_of("Recorded Future News")


def test_the_projects_rows_merge_split_and_rename() -> None:
    rows = {"tr": "The Record", "recorded future news": "Recorded Future News", "cbs news": "CBS"}
    book = OutletBook(load_entries(), rows=rows, alias_names={"tr": "TR"})
    assert book.resolve("TR") == "The Record"
    assert book.resolve("Recorded Future News") == "Recorded Future News"  # split off
    assert "Recorded Future News" not in book.aliases_of("The Record")
    assert book.resolve("CBS News") == "CBS"  # renamed; its alias follows
    assert book.resolve("CBS") == "CBS"


def test_names_are_compared_without_case_the_or_possessive() -> None:
    assert name_key("The Guardian's") == name_key("guardian") == "guardian"


def test_a_users_alias_file_adds_outlets_and_aliases(tmp_path: Path, monkeypatch) -> None:
    (tmp_path / "mine.json").write_text(json.dumps({"outlets": [
        {"name": "Valdera Daily", "aliases": ["the Daily"]}, {"name": "Reuters", "aliases": ["Reuters wire"]}]}),
        encoding="utf-8")
    monkeypatch.setenv("ANNOTATOR_OUTLETS_DIR", str(tmp_path))
    book = OutletBook(load_entries())
    assert book.resolve("the Daily") == "Valdera Daily"
    assert book.resolve("Reuters wire") == book.resolve("Thomson Reuters") == "Reuters"


def test_a_broken_alias_file_is_refused_with_its_name(tmp_path: Path) -> None:
    (tmp_path / "bad.json").write_text('{"outlets": [{"aliases": []}]}', encoding="utf-8")
    with pytest.raises(InvalidValue, match="bad.json"):
        load_entries([tmp_path])
