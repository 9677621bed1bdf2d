"""The search index follows the sentences: written with them, emptied with them, in time linear in the body.

The work is counted, not timed: SQLite's `substr` is replaced by one that adds up the characters
of the text it is handed, which is what the old triggers did for every sentence (the whole body).
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from annotator.core.analysis.search import search_sentences
from annotator.core.records import ParsedArticle
from annotator.core.store.project import Project
from annotator.core.store.schema import APPLICATION_ID, LATEST_VERSION, MIGRATIONS, SENTENCE_KEY


def _body(sentences: int) -> tuple[str, list[tuple[int, int]]]:
    texts = [f"Sentence {i} names the harbour of town{i} and nothing else. " for i in range(sentences)]
    spans, start = [], 0
    for text in texts:
        spans.append((start, start + len(text) - 1))
        start += len(text)
    return "".join(texts), spans


def _add(project: Project, sentences: int, title: str = "Long") -> int:
    body, spans = _body(sentences)
    return project.articles.add(ParsedArticle(title=title, body=body, outlet="Wire"), spans).id


def _count_substr(conn: sqlite3.Connection) -> list[int]:
    """Make SQLite's substr count the characters it is handed; returns the running total."""
    handed = [0]

    def substr(text, start, length=None):
        handed[0] += len(text)
        begin = max(start - 1, 0)
        return text[begin:] if length is None else text[begin:begin + length]

    conn.execute("PRAGMA trusted_schema = ON")  # a trigger may then call a function defined here
    conn.create_function("substr", 3, substr)
    return handed


def _index_is_right(project: Project) -> None:
    """FTS5's own check: every row of the index matches the text it reads from the body."""
    project.database.conn.execute("INSERT INTO sentence_fts (sentence_fts, rank) VALUES ('integrity-check', 1)")


def test_storing_an_article_hands_sqlite_its_body_a_bounded_number_of_times(project: Project) -> None:
    handed = _count_substr(project.database.conn)
    article = _add(project, 2_000)
    length = len(project.articles.body(article))
    assert handed[0] <= 2 * length, f"{handed[0]:,} characters read for a body of {length:,}"
    _index_is_right(project)


def test_deleting_an_article_hands_sqlite_its_body_a_bounded_number_of_times(project: Project) -> None:
    article = _add(project, 2_000)
    length = len(project.articles.body(article))
    handed = _count_substr(project.database.conn)
    project.articles.remove(article)
    assert handed[0] <= 2 * length, f"{handed[0]:,} characters read for a body of {length:,}"
    _index_is_right(project)


def test_search_finds_a_stored_sentence_not_a_deleted_one_and_a_restored_one_again(project: Project) -> None:
    first, second = _add(project, 30, "First"), _add(project, 40, "Second")
    assert [(h.article_id, h.idx) for h in search_sentences(project.database, "town7")] == [(first, 7), (second, 7)]
    removed = project.articles.remove(first)
    _index_is_right(project)
    assert [(h.article_id, h.idx) for h in search_sentences(project.database, "town7")] == [(second, 7)]
    project.articles.restore_removed(removed)
    _index_is_right(project)
    assert [(h.article_id, h.idx) for h in search_sentences(project.database, "town7")] == [(first, 7), (second, 7)]
    assert len(search_sentences(project.database, "harbour")) == 70


def test_a_new_project_has_no_trigger_writing_the_index_per_sentence(project: Project) -> None:
    triggers = {name for (name,) in project.database.conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'sentences'")}
    assert "sentence_indexed" not in triggers


def _schema_6_file(path: Path) -> None:
    """A file as version 6 wrote it: its triggers indexed the sentences inserted here."""
    conn = sqlite3.connect(path, isolation_level=None)
    for version, statements in MIGRATIONS:
        if version <= 6:
            for statement in statements:
                conn.execute(statement)
    conn.execute("INSERT INTO outlets (id, name) VALUES (1, 'Wire')")
    for article, sentences in ((1, 30), (2, 40)):
        body, spans = _body(sentences)
        conn.execute("INSERT INTO articles (id, outlet_id, title, body, body_sha256, imported_at)"
                     " VALUES (?, 1, 'Old', ?, ?, '2025-01-01T00:00:00Z')", (article, body, f"sha{article}"))
        conn.executemany('INSERT INTO sentences (article_id, idx, start, "end") VALUES (?, ?, ?, ?)',
                         [(article, idx, start, end) for idx, (start, end) in enumerate(spans)])
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    conn.execute("PRAGMA user_version = 6")
    conn.close()


@pytest.mark.parametrize("read_only", [False, True])
def test_a_version_6_file_upgrades_and_searches_as_before(tmp_path: Path, read_only: bool) -> None:
    path = tmp_path / "old.annot"
    _schema_6_file(path)
    with Project.open(path, read_only=read_only) as project:
        assert project.database.row("PRAGMA user_version")[0] == LATEST_VERSION
        assert [(h.article_id, h.idx) for h in search_sentences(project.database, "town7")] == [(1, 7), (2, 7)]
        if read_only:
            return
        _index_is_right(project)
        project.articles.remove(1)
        third = _add(project, 10, "New")
        _index_is_right(project)
        keys = [key for (key,) in project.database.conn.execute(
            "SELECT rowid FROM sentence_fts WHERE sentence_fts MATCH 'town7'")]
        assert keys == [2 * SENTENCE_KEY + 7, third * SENTENCE_KEY + 7]
