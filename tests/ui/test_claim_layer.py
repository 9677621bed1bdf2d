"""Claim marks: the sentences in the other open columns that state the current sentence's claim."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QKeySequence

from annotator.core.claims.refresh import ensure_claims
from annotator.core.store.project import Project
from annotator.ui.story.claim_layer import ClaimMarks


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


def sharing(window, article_id: int, idx: int) -> dict[int, set[int]]:
    """What the other open columns should mark for a sentence: the sentences of every stored claim it is in."""
    claims = [c for c in window.session.project.claims.list()
              if (article_id, idx) in {(s.article_id, s.idx) for s in c.sentences}]
    return {c.article_id: set() if c.article_id == article_id else
            {s.idx for claim in claims for s in claim.sentences if s.article_id == c.article_id}
            for c in window.columns.columns()}


def newz9_sentences(window) -> range:
    return range(window.session.project.articles.get(1).sentence_count)


def test_the_current_sentence_marks_its_claim_in_the_other_columns(side_by_side) -> None:
    window = side_by_side
    view = window.columns.current.view
    view.select_sentence(0)  # the pause order, which the other three outlets report too
    expected = sharing(window, 1, 0)
    assert 0 in expected[2] and expected[3]  # the Unknown outlet's lead states it, and Cybernews does
    assert marks(window) == expected
    # a sentence whose claims reach one of the other columns and not the other: that one stays unmarked
    one_sided = next(i for i in newz9_sentences(window)
                     if bool(sharing(window, 1, i)[2]) != bool(sharing(window, 1, i)[3]))
    view.select_sentence(one_sided)
    assert marks(window) == sharing(window, 1, one_sided) and set() in (marks(window)[2], marks(window)[3])
    alone = next(i for i in newz9_sentences(window) if not window.session.project.claims.of_sentence(1, i))
    view.select_sentence(alone)  # in no claim
    assert marks(window) == {2: set(), 3: set(), 1: set()}


def test_a_marked_sentence_is_scrolled_into_view(qtbot, side_by_side) -> None:
    window = side_by_side
    window.resize(1200, 500)
    qtbot.wait(50)
    window.columns.current.view.select_sentence(7)  # The Record…: article 3, sentence 4 (its first marked)
    cybernews = next(c.view for c in window.columns.columns() if c.article_id == 3)
    rects = cybernews.line_rects(cybernews.sentences[4].start, cybernews.sentences[4].end)
    assert rects and 0 <= rects[0].top() < cybernews.viewport().height()


def test_c_steps_through_the_marks_across_columns(qtbot, side_by_side) -> None:
    window = side_by_side
    view = window.columns.current.view
    view.select_sentence(0)
    expected = sharing(window, 1, 0)
    matches = [(2, i) for i in sorted(expected[2])] + [(3, i) for i in sorted(expected[3])]  # left to right
    assert expected[2] and expected[3]
    steps = len(expected[2]) + 1  # through the Unknown outlet's column into Cybernews', then back to the first
    keys = ["C"] * steps + ["Shift+C"] * (steps - 1)
    positions = list(range(steps)) + list(range(steps - 2, -1, -1))
    stepped = []
    for key in keys:
        press(qtbot, view, key)
        stepped.append({c.article_id: c.view.layer(ClaimMarks).stepped for c in window.columns.columns()
                        if c.view.layer(ClaimMarks).stepped is not None})
    assert stepped == [dict([matches[p]]) for p in positions]
    assert window.columns.current.view is view and view.current == 0  # the focus stays
    first = min(expected[2])
    message = window.statusBar().currentMessage()
    assert message.startswith(f"Same claim 1 of {len(matches)}: Unknown outlet, sentence {first + 1} — ")
    both = {c.label for c in window.session.project.claims.of_sentence(1, 0)
            if (2, first) in {(s.article_id, s.idx) for s in c.sentences}}
    shown = message.split(" — ", 1)[1].removesuffix("…")  # a long label is shortened
    assert shown and any(label.startswith(shown) for label in both)  # named by a claim the two sentences share


def test_c_without_a_match_says_so(qtbot, side_by_side) -> None:
    window = side_by_side
    view = window.columns.current.view
    alone = next(i for i in newz9_sentences(window) if not window.session.project.claims.of_sentence(1, i))
    view.select_sentence(alone)
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
