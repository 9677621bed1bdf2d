"""An empty list says why: a new project says how to import; a filter with no match says so."""

from __future__ import annotations

from pathlib import Path

from annotator.core.ingest.batch import import_paths
from annotator.core.store.project import Project


def show_dashboard(qtbot, window) -> None:
    window.show_tab(window.dashboard)
    qtbot.waitUntil(window.dashboard.isVisible)


def shown(window, label) -> str:
    return label.text() if label.isVisibleTo(window) else ""


def test_a_new_project_says_how_to_import_in_the_library_and_the_dashboard(qtbot, open_main, tmp_path: Path) -> None:
    path = tmp_path / "new.annot"
    Project.create(path).close()
    window = open_main(path)
    hint = shown(window, window.library.hint)
    assert hint.startswith("No articles yet. Import some with File ▸ Import articles… (Ctrl+I)")
    assert "drop files on the window (Plain text, Markdown, Web page, PDF, Word)" in hint
    show_dashboard(qtbot, window)
    assert shown(window, window.dashboard.empty_note).startswith("No articles yet. Import some")


def test_the_library_says_when_its_filter_matches_nothing(qtbot, open_main, sample_path: Path) -> None:
    window = open_main(sample_path)
    library = window.library
    assert shown(window, library.hint) == ""
    qtbot.keyClicks(library.filter, "zzyzx")
    assert library.model.rowCount() == 0
    assert shown(window, library.hint) == ("No article's title or outlet holds “zzyzx”. "
                                           "Clear the filter to see every article.")
    library.filter.clear()
    assert shown(window, library.hint) == "" and library.model.rowCount() > 0


def test_the_dashboard_says_nothing_is_annotated_then_that_the_filters_match_nothing(
        qtbot, open_main, sample_path: Path) -> None:
    window = open_main(sample_path)
    show_dashboard(qtbot, window)
    note = window.dashboard.empty_note
    assert shown(window, note).startswith("Nothing annotated yet. Mark sentences in the Workspace tab")
    window.show_tab(window.columns)
    with Project.open(sample_path) as project:  # as the command line would, while the window is open
        project.annotate_sentence(1, 0, category="anonymous_official", annotator="amy")
    window.session.catch_up()
    show_dashboard(qtbot, window)
    qtbot.waitUntil(lambda: shown(window, note) == "", timeout=5000)
    outlet = window.dashboard.outlet
    outlet.setCurrentIndex(outlet.findData("Cybernews"))  # newz9.com has the one annotation
    assert shown(window, note) == ("No annotation matches these filters (outlet “Cybernews”). "
                                   "Set a filter back to “(all)” or clear the dates to see more.")
    outlet.setCurrentIndex(0)
    assert shown(window, note) == ""


def test_the_workspace_says_import_first_until_there_is_an_article(qtbot, open_main, tmp_path: Path) -> None:
    path = tmp_path / "new.annot"
    Project.create(path).close()
    window = open_main(path)
    assert window.columns.empty.text().startswith("This project has no articles yet.\nImport some with File")
    story = tmp_path / "story.txt"
    story.write_text("A story\n\n" + "The minister said the plan would go ahead next week. " * 5, encoding="utf-8")
    with Project.open(path) as project:  # as the command line would
        assert import_paths(project, [story]).imported
    window.session.catch_up()
    assert window.columns.empty.text().startswith("Open an article from the library on the left")
    assert window.library.model.rowCount() > 0 and shown(window, window.library.hint) == ""
