"""The Story grid marks a disputed claim and names, in its tooltip, the claim disputing it."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect, Qt

from annotator.core.records import ParsedArticle
from annotator.core.store.project import Project
from annotator.ui.story.story_model import DISPUTED_MARK, NAME
from tests.core.claims.test_dispute_store import STORY


@pytest.fixture
def story(qtbot, open_main, tmp_path):
    path = tmp_path / "pentagon.annot"
    with Project.create(path) as project:
        for outlet, text in STORY:
            project.articles.add(ParsedArticle(title=outlet, body=text, outlet=outlet), [(0, len(text))])
    window = open_main(path)
    window.show_tab(window.story)
    tab = window.story
    qtbot.waitUntil(lambda: tab.task is None and tab.model.rowCount() > 0, timeout=15000)
    return tab


def _name_cell(tab, outlet: str):
    row = next(r for r, c in enumerate(tab.model.claims) if outlet in c.outlets)
    return tab.model.index(row, NAME)


def test_a_denial_and_its_statement_are_two_rows_each_marked_disputed(story) -> None:
    assert story.model.rowCount() == 2
    statement, denial = _name_cell(story, "Ledger"), _name_cell(story, "Post")
    assert statement.row() != denial.row()
    statement_label = story.model.claim(statement.row()).label
    denial_label = story.model.claim(denial.row()).label
    assert "denied" in denial_label and "denied" not in statement_label
    assert statement.data() == f"{statement_label}  {DISPUTED_MARK}"
    assert denial.data() == f"{denial_label}  {DISPUTED_MARK}"
    assert f"Disputed by: {denial_label}" in statement.data(Qt.ItemDataRole.ToolTipRole)
    assert f"Disputed by: {statement_label}" in denial.data(Qt.ItemDataRole.ToolTipRole)


def test_a_disputed_rows_height_fits_its_name_with_the_mark(qtbot, story) -> None:
    table = story.table
    table.setColumnWidth(NAME, 160)  # narrow: the name and its mark wrap onto several lines
    story._fit_rows()
    metrics = table.frozen.fontMetrics()
    width = max(20, table.columnWidth(NAME) - 12)
    for row in range(story.model.rowCount()):
        shown = story.model.index(row, NAME).data()
        assert DISPUTED_MARK in shown
        needed = metrics.boundingRect(QRect(0, 0, width, 10_000), Qt.TextFlag.TextWordWrap, shown).height() + 8
        assert table.rowHeight(row) >= min(needed, 5 * metrics.lineSpacing() + 8)
