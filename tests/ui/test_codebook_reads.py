"""The window reads the codebook once after each change to it, not on every key press."""

from __future__ import annotations

import re

from PySide6.QtCore import Qt

from annotator.core.ops.codebook import EditCategory

# A read of the codebook selects the categories' labels; an annotation's write looks up only the id.
CODEBOOK_READ = re.compile(r"^\s*SELECT\b.*\blabel\b.*\bFROM\s+categories\b", re.IGNORECASE | re.DOTALL)


def codebook_reads(window) -> list[str]:
    """Every statement on the window's connection that reads the codebook, from now on."""
    seen: list[str] = []
    window.session.project.database.conn.set_trace_callback(
        lambda sql: seen.append(sql) if CODEBOOK_READ.search(sql) else None)
    return seen


def test_a_key_press_that_assigns_reads_no_category_rows(qtbot, open_main, sample_path) -> None:
    window = open_main(sample_path)
    assert window.library.select_article(window.library.article_rows()[0].article_id)
    qtbot.keyClick(window.library.tree, Qt.Key.Key_Return)
    view = window.columns.current.view
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_1)  # the first key press may read the codebook once
    reads = codebook_reads(window)
    for key in (Qt.Key.Key_J, Qt.Key.Key_2, Qt.Key.Key_J, Qt.Key.Key_3):
        qtbot.keyClick(view, key)
    window.session.project.database.conn.set_trace_callback(None)
    assert len(window.session.project.annotations.list()) >= 3
    assert reads == []


def test_a_codebook_change_is_read_once_and_shown(qtbot, open_main, sample_path) -> None:
    window = open_main(sample_path)
    assert window.library.select_article(window.library.article_rows()[0].article_id)
    qtbot.keyClick(window.library.tree, Qt.Key.Key_Return)
    key = window.session.codebook.active[0].key
    reads = codebook_reads(window)
    window.session.run(EditCategory(key, label="Renamed category"))
    window.session.project.database.conn.set_trace_callback(None)
    assert window.session.codebook.get(key).label == "Renamed category"
    whole = [r for r in reads if " WHERE " not in r]  # the edit itself reads its category by key
    assert len(whole) == 1, reads  # the codebook read once for every view, not once per view
