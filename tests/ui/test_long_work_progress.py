"""Long work says how far it is in the status bar: computing suggestions counts the articles."""

from __future__ import annotations

from pathlib import Path

from annotator.core.store.project import Project


def _make_every_article_stale(path: Path) -> None:
    with Project.open(path) as project:  # a lexicon the file has not seen: every article is recomputed
        project.database.conn.execute("UPDATE suggested_articles SET fingerprint = 'old'")
        project.database.conn.commit()


def test_computing_suggestions_counts_the_articles_in_the_status_bar(qtbot, open_main, sample_path: Path,
                                                                     messages) -> None:
    window = open_main(sample_path)  # the window computes what is stale at opening; let that end first
    qtbot.waitUntil(lambda: not window.suggesting.computer.computing, timeout=20000)
    window.statusBar().clearMessage()  # the same text shown again would not be heard as a change
    said: list[str] = []
    window.statusBar().messageChanged.connect(said.append)
    _make_every_article_stale(sample_path)  # as another process would (a second window, the command line)
    window.suggesting.computer.compute()
    qtbot.waitUntil(lambda: not window.suggesting.computer.computing, timeout=20000)
    qtbot.waitUntil(lambda: "Suggestions computed for 4 articles." in said, timeout=5000)
    assert window.statusBar().currentMessage() == "Suggestions computed for 4 articles."
