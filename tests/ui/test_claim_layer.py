"""Claim marks: the sentences in the other open columns that state the current sentence's claim."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QKeySequence

from annotator.core.claims.refresh import ensure_claims
from annotator.core.store.project import Project
from annotator.ui.claim_layer import ClaimMarks


def press(qtbot, widget, key: str) -> None:
    combination = QKeySequence(key)[0]
    qtbot.keyClick(widget, combination.key(), combination.keyboardModifiers())


@pytest.fixture
def side_by_side(open_main, sample_path):
    with Project.open(sample_path) as project:
        ensure_claims(project)
    window = open_main(sample_path)
    for n, article_id in enumerate((2, 3, 1)):  # article 1 last: the current column
        window.open_article(article_id, new_column=n > 0)
    return window


def marks(window) -> dict[int, set[int]]:
    return {c.article_id: set(c.view.layer(ClaimMarks).sentences) for c in window.columns.columns()}


def test_the_current_sentence_marks_its_claim_in_the_other_columns(side_by_side) -> None:
    window = side_by_side
    view = window.columns.current.view
    view.select_sentence(0)  # claim 1: articles 2 (sentences 0, 1) and 3 (1, 2, 11, 13)
    assert marks(window) == {2: {0, 1}, 3: {1, 2, 11, 13}, 1: set()}
    view.select_sentence(4)  # claim 4: article 2, sentence 3; Cybernews does not report it
    assert marks(window) == {2: {3}, 3: set(), 1: set()}
    view.select_sentence(2)  # in no claim
    assert marks(window) == {2: set(), 3: set(), 1: set()}


def test_a_marked_sentence_is_scrolled_into_view(qtbot, side_by_side) -> None:
    window = side_by_side
    window.resize(1200, 500)
    qtbot.wait(50)
    window.columns.current.view.select_sentence(7)  # The Record…: article 3, sentences 4 and 21
    cybernews = next(c.view for c in window.columns.columns() if c.article_id == 3)
    rects = cybernews.line_rects(cybernews.sentences[4].start, cybernews.sentences[4].end)
    assert rects and 0 <= rects[0].top() < cybernews.viewport().height()


def test_c_steps_through_the_marks_across_columns(qtbot, side_by_side) -> None:
    window = side_by_side
    view = window.columns.current.view
    view.select_sentence(0)
    stepped = []
    for key in ("C", "C", "C", "Shift+C", "Shift+C"):
        press(qtbot, view, key)
        stepped.append({c.article_id: c.view.layer(ClaimMarks).stepped for c in window.columns.columns()
                        if c.view.layer(ClaimMarks).stepped is not None})
    assert stepped == [{2: 0}, {2: 1}, {3: 1}, {2: 1}, {2: 0}]
    assert window.columns.current.view is view and view.current == 0  # the focus stays
    assert window.statusBar().currentMessage().startswith("Same claim 1 of 6: Unknown outlet, sentence 1")


def test_c_without_a_match_says_so(qtbot, side_by_side) -> None:
    window = side_by_side
    view = window.columns.current.view
    view.select_sentence(2)
    press(qtbot, view, "C")
    assert "No sentence in the other open columns" in window.statusBar().currentMessage()


def test_marks_follow_a_claim_correction_and_its_undo(qtbot, side_by_side) -> None:
    from annotator.core.ops.claims import RemoveFromClaim

    window = side_by_side
    view = window.columns.current.view
    view.select_sentence(4)
    claim = window.session.project.claims.of_sentence(1, 4)[0]
    window.session.run(RemoveFromClaim(claim.id, 2, 3))
    assert marks(window)[2] == set()
    press(qtbot, view, "Ctrl+Z")
    assert marks(window)[2] == {3}
