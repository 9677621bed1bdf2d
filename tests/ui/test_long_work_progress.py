"""Long work says how far it is in the status bar: computing suggestions counts the articles."""

from __future__ import annotations

from pathlib import Path

from annotator.core.store.project import Project


def test_computing_suggestions_counts_the_articles_in_the_status_bar(qtbot, open_main, sample_path: Path,
                                                                     messages) -> None:
    with Project.open(sample_path) as project:  # make every article stale: a lexicon the file has not seen
        project.database.conn.execute("UPDATE suggested_articles SET fingerprint = 'old'")
        project.database.conn.commit()
    said: list[str] = []
    window = open_main(sample_path)  # the window computes the stale articles at opening
    window.statusBar().messageChanged.connect(said.append)
    qtbot.waitUntil(lambda: not window.suggesting.computer.computing, timeout=20000)
    qtbot.waitUntil(lambda: "Suggestions computed for 4 articles." in said, timeout=5000)
