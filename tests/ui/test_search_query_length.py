"""The search panel takes a query as long as the command line does: a longer one, typed or pasted,
is refused with the limit beside the field, never cut silently (QLineEdit cuts at 32,767)."""

from __future__ import annotations

from PySide6.QtGui import QKeySequence

from annotator.core.analysis.search import MAX_QUERY_CHARS
from annotator.ui.workspace.search_panel import HIT_ROLE


def open_search(qtbot, open_main, sample_path):
    window = open_main(sample_path)
    combination = QKeySequence("Ctrl+Shift+F")[0]
    qtbot.keyClick(window, combination.key(), combination.keyboardModifiers())
    qtbot.waitUntil(window.search.query.hasFocus)
    return window


def results(window) -> list:
    tree = window.search.results
    return [tree.topLevelItem(i) for i in range(tree.topLevelItemCount())]


def test_a_query_at_the_limit_is_searched(qtbot, open_main, sample_path, messages) -> None:
    window = open_search(qtbot, open_main, sample_path)
    query = "kikta" + " " * (MAX_QUERY_CHARS - 5)
    window.search.query.setText(query)  # as a paste does
    window.search.search()
    assert window.search.query.text() == query
    assert results(window) and "Kikta" in results(window)[0].data(0, HIT_ROLE).text
    assert messages == []


def test_a_longer_query_is_refused_whole_with_the_limit_said(qtbot, open_main, sample_path, messages) -> None:
    window = open_search(qtbot, open_main, sample_path)
    query = "kikta " * 8_000  # 48,000 characters: beyond QLineEdit's default maximum too
    window.search.query.setText(query)
    window.search.search()
    assert window.search.query.text() == query  # nothing cut
    assert results(window) == []
    assert f"the query is {len(query):,} characters long; the limit is {MAX_QUERY_CHARS:,}" in \
        window.search.summary.text()
    assert messages == []
