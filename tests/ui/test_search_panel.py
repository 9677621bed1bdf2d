"""The search panel: Ctrl+Shift+F searches every article, Ctrl+F the current one; results open their sentence."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence

from annotator.core.ingest.batch import import_paths
from annotator.core.store.project import Project
from annotator.ui.workspace import search_panel
from annotator.ui.workspace.search_panel import HIT_ROLE, HTML_ROLE, TEXT, match_spans, snippet_html

HOSTILE = '<img src="/dev/zero"> & <b>bold</b>'


def press(qtbot, widget, key: str) -> None:
    combination = QKeySequence(key)[0]
    qtbot.keyClick(widget, combination.key(), combination.keyboardModifiers())


@pytest.fixture
def project_path(tmp_path: Path, sample_path: Path) -> Path:
    """The sample with a short article about Zürich whose title is markup."""
    folder = tmp_path / "more"
    folder.mkdir()
    (folder / "zurich.txt").write_text(
        f"{HOSTILE}\nOfficials met in Zürich on Monday. The talks in ZURICH ended late. Nothing else happened.\n",
        encoding="utf-8")
    with Project.open(sample_path) as project:
        assert import_paths(project, [folder]).imported
    return sample_path


def rows(window) -> list:
    tree = window.search.results
    return [tree.topLevelItem(i) for i in range(tree.topLevelItemCount())]


def search(qtbot, window, text: str, key: str = "Ctrl+Shift+F") -> None:
    press(qtbot, window.columns.current.view if window.columns.current else window, key)
    qtbot.waitUntil(window.search.query.hasFocus)
    qtbot.keyClicks(window.search.query, text)
    qtbot.keyClick(window.search.query, Qt.Key.Key_Return)


def test_ctrl_shift_f_finds_accented_text_without_accents(qtbot, open_main, project_path) -> None:
    window = open_main(project_path)
    window.open_article(1)
    search(qtbot, window, "zurich")
    assert window.search_dock.isVisible()
    hits = [item.data(0, HIT_ROLE) for item in rows(window)]
    assert [(h.article_id, h.idx) for h in hits] == [(5, 1), (5, 2)]
    assert rows(window)[0].text(1) == HOSTILE
    assert "<b>Zürich</b>" in rows(window)[0].data(TEXT, HTML_ROLE)
    assert "<b>ZURICH</b>" in rows(window)[1].data(TEXT, HTML_ROLE)
    assert "2 sentences in the project" in window.search.summary.text()


def test_enter_on_a_result_opens_its_sentence(qtbot, open_main, project_path) -> None:
    window = open_main(project_path)
    search(qtbot, window, "talks")
    tree = window.search.results
    qtbot.waitUntil(tree.hasFocus)  # Enter in the field moves to the results
    assert tree.currentItem() is rows(window)[0]
    qtbot.keyClick(tree, Qt.Key.Key_Return)
    view = window.columns.current.view
    assert (view.article_id, view.current) == (5, 2)
    assert window.tabs.currentWidget() is window.columns


def test_hostile_text_is_shown_literally(qtbot, open_main, project_path) -> None:
    window = open_main(project_path)
    search(qtbot, window, "officials")
    item = next(i for i in rows(window) if i.data(0, HIT_ROLE).article_id == 5)
    assert item.text(1) == HOSTILE  # a tree item's text is never rich
    assert "<img" not in item.toolTip(1) and "&lt;img" in item.toolTip(1)
    html = snippet_html('<img src="x"> officials & co', "officials")
    assert html == '&lt;img src=&quot;x&quot;&gt; <b>officials</b> &amp; co'


def test_ctrl_f_finds_in_the_current_article_and_enter_goes_to_the_next(qtbot, open_main, project_path) -> None:
    window = open_main(project_path)
    window.open_article(1)
    window.open_article(3, new_column=True)
    search(qtbot, window, "cyber", key="Ctrl+F")
    hits = [item.data(0, HIT_ROLE) for item in rows(window)]
    assert hits and {h.article_id for h in hits} == {3}
    assert window.search.in_article.isChecked()
    view = window.columns.current.view
    assert (view.article_id, view.current) == (3, hits[0].idx)  # Enter went to the first match
    assert window.search.query.hasFocus()
    qtbot.keyClick(window.search.query, Qt.Key.Key_Return)
    assert view.current == hits[1].idx
    window.search.in_article.setChecked(False)  # the whole project again
    assert {item.data(0, HIT_ROLE).article_id for item in rows(window)} > {3}


def test_an_empty_or_syntax_only_query_says_so(qtbot, open_main, project_path, messages) -> None:
    window = open_main(project_path)
    search(qtbot, window, '"" (')
    assert rows(window) == []
    assert "nothing to search for" in window.search.summary.text()
    assert messages == []


def test_match_spans_fold_case_accents_phrases_and_prefixes() -> None:
    text = "Zürich's cyber-operations halted; Cyber Command halts"
    assert [text[a:b] for a, b in match_spans(text, "zurich")] == ["Zürich"]
    assert [text[a:b] for a, b in match_spans(text, '"cyber operations" halt*')] == [
        "cyber-operations", "halted", "halts"]


def test_show_more_appends_the_next_page_after_the_last_result(qtbot, open_main, project_path, monkeypatch) -> None:
    monkeypatch.setattr(search_panel, "PAGE", 1)
    window = open_main(project_path)
    search(qtbot, window, "zurich")
    assert [(h.article_id, h.idx) for h in (i.data(0, HIT_ROLE) for i in rows(window))] == [(5, 1)]
    assert window.search.more.isVisible()
    assert "The first 1 of 2 sentences" in window.search.summary.text()
    first = rows(window)[0]
    window.search.results.setCurrentItem(first)
    qtbot.mouseClick(window.search.more, Qt.MouseButton.LeftButton)
    assert [(h.article_id, h.idx) for h in (i.data(0, HIT_ROLE) for i in rows(window))] == [(5, 1), (5, 2)]
    assert rows(window)[0] is first and window.search.results.currentItem() is first  # appended, not rebuilt
    assert not window.search.more.isVisible()
    assert "2 sentences in the project" in window.search.summary.text()


def test_ctrl_f_asks_the_index_for_the_current_article_only(qtbot, open_main, project_path, monkeypatch) -> None:
    calls = []
    real = search_panel.search_sentences

    def spy(db, query, **kwargs):
        calls.append(kwargs)
        return real(db, query, **kwargs)

    monkeypatch.setattr(search_panel, "search_sentences", spy)
    window = open_main(project_path)
    window.open_article(3)
    search(qtbot, window, "cyber", key="Ctrl+F")
    assert calls and all(call.get("article_id") == 3 for call in calls)
    assert {item.data(0, HIT_ROLE).article_id for item in rows(window)} == {3}


def test_a_new_query_starts_at_its_first_page(qtbot, open_main, project_path, monkeypatch) -> None:
    monkeypatch.setattr(search_panel, "PAGE", 1)
    window = open_main(project_path)
    search(qtbot, window, "zurich")
    qtbot.mouseClick(window.search.more, Qt.MouseButton.LeftButton)
    assert len(rows(window)) == 2
    window.search.query.setText("officials")
    window.search.search()
    assert len(rows(window)) == 1 and window.search.more.isVisible()


@pytest.mark.parametrize("where", ["query", "results"])
def test_escape_closes_the_search_and_the_article_has_the_keys_again(qtbot, open_main, project_path, where) -> None:
    window = open_main(project_path)
    window.open_article(1)
    search(qtbot, window, "officials")
    widget = window.search.query if where == "query" else window.search.results
    widget.setFocus()
    qtbot.waitUntil(widget.hasFocus)
    press(qtbot, widget, "Escape")
    assert not window.search_dock.isVisible()
    view = window.columns.current.view
    qtbot.waitUntil(view.hasFocus)
    press(qtbot, view, "J")
    assert view.current == 1


def test_the_search_panel_has_a_visible_close_button(qtbot, open_main, project_path) -> None:
    window = open_main(project_path)
    window.open_article(1)
    search(qtbot, window, "officials")
    button = window.search.close_button
    assert button.isVisible() and button.text() == "✕"
    assert "Escape" in button.toolTip()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert not window.search_dock.isVisible()
    press(qtbot, window.columns.current.view, "Ctrl+Shift+F")  # and it comes back
    assert window.search_dock.isVisible()
    qtbot.waitUntil(window.search.query.hasFocus)
