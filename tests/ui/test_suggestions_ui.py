"""Suggested categories in the window, driven as a user would: outlined, accepted, rejected, hidden, and off
in a blind assignment."""

from __future__ import annotations


import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QInputDialog

from annotator.core.classroom.files import export_assignment
from annotator.core.ops.suggestions import AcceptSuggestions
from annotator.core.records import Suggestion
from annotator.core.store.project import Project
from annotator.core.suggest.refresh import (
    fingerprint,
    project_suggester,
    refresh_suggestions,
)
from annotator.ui.workspace.layers import CurrentSentenceOutline
from annotator.ui.suggestions.shown import SHOWN_SETTING
from annotator.ui.suggestions.suggestion_commands import OFF
from annotator.ui.suggestions.suggestion_layer import SuggestionOutlines, outline_color
from tests.ui.key_support import press, stored




def computed(qtbot, window) -> None:
    """Wait for the background computation the window started."""
    qtbot.waitUntil(lambda: not window.suggesting.computer.computing, timeout=20000)


def layer(window) -> SuggestionOutlines:
    return window.columns.current.view.layer(SuggestionOutlines)


def outlined(window) -> list[tuple[int, str]]:
    return [(s.idx, s.category) for s in layer(window).suggestions]


@pytest.fixture
def workspace(qtbot, open_main, sample_path):
    window = open_main(sample_path)
    computed(qtbot, window)
    window.open_article(1)
    return window


def test_the_layer_outlines_the_suggested_sentences_in_their_colours(qtbot, workspace) -> None:
    view = workspace.columns.current.view
    expected = [(s.idx, s.category) for s in workspace.session.project.suggestions.for_article(1)]
    assert expected and outlined(workspace) == expected
    spans = list(layer(workspace).spans(view))
    first = workspace.session.project.suggestions.for_article(1)[0]
    assert spans[0] == (view.sentences[first.idx].start, view.sentences[first.idx].end,
                        outline_color(view.highlights.color(first.category)))
    assert len(spans) == len(expected)
    assert view.layers[-1] is view.layer(CurrentSentenceOutline)  # the current sentence's outline stays on top
    # dashed lines, never a fill: the sentence's inside keeps the page colour
    qtbot.waitExposed(view)
    view.select_sentence(1)  # the current sentence's outline elsewhere; the first sentence in view
    view.viewport().repaint()
    image = view.viewport().grab().toImage()
    rect = view.line_rects(view.sentences[first.idx].start, view.sentences[first.idx].end)[0]
    color = spans[0][2]
    edge = [image.pixelColor(x, y) for x in range(rect.left(), rect.right()) for y in range(rect.top() - 6, rect.top() - 2)]
    tinted = [c for c in edge if c.hsvSaturation() > 40 and abs(c.hsvHue() - color.hsvHue()) < 12]
    assert len(tinted) > 100  # the dashes above the sentence's first line, antialiased
    inside = [image.pixelColor(x, rect.top() - 2) for x in range(rect.left() + 8, rect.right() - 8)]
    assert all(c.lightness() > 240 for c in inside)  # between the dashes and the text: no fill


def test_outline_colours_are_dark_enough_to_read_on_white() -> None:
    for color in ("#E28E4C", "#4CBB9D", "#89CAF0", "#F4EC7B", "#B8B8B8", "#123456"):
        assert outline_color(QColor(color)).value() <= 150


@pytest.mark.parametrize("key", ["Return", "Enter", "A"])
def test_enter_or_a_accepts_with_the_source_filled_and_ctrl_z_takes_it_back(qtbot, workspace, sample_path,
                                                                          key) -> None:
    view = workspace.columns.current.view
    view.select_sentence(4)  # on-record, JD Vance
    press(qtbot, view, key)
    [annotation] = stored(sample_path)
    sentence = view.sentences[4]
    assert (annotation.category, annotation.source, annotation.annotator) == (
        "on_record", "JD Vance, Vice President", "amy")
    assert (annotation.start, annotation.end) == (sentence.start, sentence.end)
    assert (4, "on_record") not in outlined(workspace)  # the sentence carries it now
    assert workspace.inspector.chosen().id == annotation.id
    assert workspace.statusBar().currentMessage() == "Accepted: On-record statement — JD Vance, Vice President."
    press(qtbot, view, "Ctrl+Z")
    assert stored(sample_path) == []
    assert (4, "on_record") in outlined(workspace)


def test_x_rejects_and_the_suggestion_stays_gone_after_recomputing_and_reopening(qtbot, open_main, workspace,
                                                                                 sample_path) -> None:
    view = workspace.columns.current.view
    view.select_sentence(0)
    press(qtbot, view, "X")
    assert (0, "anonymous_official") not in outlined(workspace)
    assert stored(sample_path) == []
    assert "Rejected: Anonymous official" in workspace.statusBar().currentMessage()
    project = workspace.session.project
    project.suggestions.replace("another lexicon", {1: []})  # as if the cues had changed
    assert project.suggestions.for_article(1) == []
    workspace.suggesting.computer.compute()
    computed(qtbot, workspace)
    assert project.suggestions.for_article(1, include_rejected=True)[0].idx == 0  # computed again...
    assert outlined(workspace)[0][0] != 0  # ...and still not offered
    workspace.close()
    project.close()
    again = open_main(sample_path)
    computed(qtbot, again)
    again.open_article(1)
    assert outlined(again) and 0 not in [idx for idx, _ in outlined(again)]


def test_undoing_a_rejection_offers_it_again(qtbot, workspace) -> None:
    view = workspace.columns.current.view
    press(qtbot, view, "X")
    assert (0, "anonymous_official") not in outlined(workspace)
    press(qtbot, view, "Ctrl+Z")
    assert (0, "anonymous_official") in outlined(workspace)


def test_a_sentence_without_suggestions_says_so(qtbot, workspace, sample_path) -> None:
    view = workspace.columns.current.view
    view.select_sentence(1)
    press(qtbot, view, "A")
    press(qtbot, view, "X")
    assert stored(sample_path) == []
    assert workspace.statusBar().currentMessage() == "No suggestion for this sentence."


def test_shift_s_and_the_view_menu_hide_and_show_the_layer(qtbot, workspace, sample_path) -> None:
    view = workspace.columns.current.view
    action = workspace.suggesting.commands.toggle_action
    assert action in workspace.view_menu.actions() and action.isChecked()
    press(qtbot, view, "Shift+S")
    assert not action.isChecked() and not layer(workspace).shown
    assert list(layer(workspace).spans(view)) == []
    assert workspace.settings.value(SHOWN_SETTING) == "false"  # UI state, not project data
    assert not workspace.inspector.suggestions.isVisible()
    press(qtbot, view, "Enter")  # hidden suggestions are not accepted blindly
    assert stored(sample_path) == []
    action.trigger()  # View ▸ Show suggestions
    assert action.isChecked() and layer(workspace).shown and list(layer(workspace).spans(view))


def test_the_hidden_state_is_kept_for_the_next_window(qtbot, open_main, workspace, sample_path) -> None:
    press(qtbot, workspace.columns.current.view, "Shift+S")
    workspace.close()
    workspace.session.project.close()
    again = open_main(sample_path)
    computed(qtbot, again)
    again.open_article(1)
    assert not again.suggesting.commands.toggle_action.isChecked() and not layer(again).shown


def test_accept_all_asks_first_and_is_one_undo_step(qtbot, workspace, sample_path, messages) -> None:
    view = workspace.columns.current.view
    offered = workspace.session.project.suggestions.for_article(1)
    press(qtbot, view, "Ctrl+Shift+A")
    title, text = messages[-1]
    assert title == "Accept all suggestions"
    assert text.startswith(f"Accept all {len(offered)} suggestions in “US pauses offensive cyber operations")
    assert sorted((a.start, a.category, a.source) for a in stored(sample_path)) == sorted(
        (view.sentences[s.idx].start, s.category, s.source) for s in offered)
    assert outlined(workspace) == []
    assert workspace.statusBar().currentMessage() == f"Accepted {len(offered)} suggestions."
    press(qtbot, view, "Ctrl+Z")
    assert stored(sample_path) == []
    assert len(outlined(workspace)) == len(offered)


def test_accept_all_does_nothing_when_the_question_is_cancelled(qtbot, workspace, sample_path, monkeypatch) -> None:
    asked = []
    monkeypatch.setattr(workspace.suggesting.commands.errors, "confirm", lambda title, text: asked.append(title) or False)
    workspace.suggesting.commands.actions["accept_all_suggestions"].trigger()  # Edit ▸ Accept all suggestions…
    assert asked == ["Accept all suggestions"]
    assert stored(sample_path) == []


def test_accept_all_leaves_out_what_is_marked_already(qtbot, workspace, sample_path) -> None:
    view = workspace.columns.current.view
    view.select_sentence(4)
    press(qtbot, view, "A")
    press(qtbot, view, "Ctrl+Shift+A")
    assert len(stored(sample_path)) == len(workspace.session.project.suggestions.for_article(1))


def test_the_compound_operation_applies_reverts_and_applies_again(sample_path) -> None:
    with Project.open(sample_path) as project:
        refresh_suggestions(project)
        offered = project.suggestions.for_article(2)
        operation = AcceptSuggestions(offered, annotator="amy")
        changes = operation.apply(project)
        assert changes.suggestions and len(changes.added) == len(offered) == len(project.annotations.list())
        assert not operation.revert(project).added and project.annotations.list() == []
        operation.apply(project)
        assert sorted(a.source for a in project.annotations.list()) == sorted(s.source for s in offered)


@pytest.fixture
def two_on_one_sentence(sample_path):
    """Sentence 1 of article 1 gets two suggestions (stored with the current fingerprint: not recomputed)."""
    with Project.open(sample_path) as project:
        refresh_suggestions(project)
        current = project.suggestions.for_article(1)
        extra = [Suggestion(1, 1, "document", 0.6, "a report", ""), Suggestion(1, 1, "other_outlet", 0.8,
                                                                                   "<b>Reuters</b> said", "Reuters")]
        project.suggestions.replace(fingerprint(project, project_suggester(project)), {1: current + extra})
    return sample_path


def test_shift_a_picks_one_of_several_and_the_inspector_lists_them(qtbot, open_main, two_on_one_sentence,
                                                                   monkeypatch) -> None:
    window = open_main(two_on_one_sentence)
    computed(qtbot, window)
    window.open_article(1)
    view = window.columns.current.view
    view.select_sentence(1)
    text = window.inspector.suggestions.text()
    assert text.splitlines() == [
        "Suggestions — Enter accepts ▸, X rejects it, Shift+A picks another:",
        "▸ Other outlet's report · 0.80 · cue: “<b>Reuters</b> said” · source: Reuters",
        "   Document or data · 0.60 · cue: “a report”",
    ]
    assert window.inspector.suggestions.textFormat() == Qt.TextFormat.PlainText
    offered = []
    monkeypatch.setattr(QInputDialog, "getItem", staticmethod(lambda *a, **k: offered.append(a[3]) or (a[3][1], True)))
    press(qtbot, view, "Shift+A")
    assert len(offered[0]) == 2
    assert [(a.category, a.start) for a in stored(two_on_one_sentence)] == [("document", view.sentences[1].start)]
    assert [c for idx, c in outlined(window) if idx == 1] == ["other_outlet"]  # the other one stays offered


def test_the_inspector_shows_cue_confidence_and_source_of_the_current_sentence(qtbot, workspace) -> None:
    view = workspace.columns.current.view
    view.select_sentence(4)
    label = workspace.inspector.suggestions
    assert label.isVisible()
    assert label.text() == ("Suggestion — Enter accepts, X rejects:\n"
                            "On-record statement · 0.85 · cue: “after President Trump and Vice President JD Vance"
                            " criticized” · source: JD Vance, Vice President")
    view.select_sentence(1)
    assert not label.isVisible()


def test_a_blind_assignment_shows_no_suggestions(qtbot, open_main, sample_path, tmp_path) -> None:
    assignment = tmp_path / "assignment.annot"
    with Project.open(sample_path) as project:
        export_assignment(project, assignment, blind=True)
    window = open_main(assignment)
    assert not window.suggesting.computer.computing
    window.open_article(1)
    view = window.columns.current.view
    assert outlined(window) == [] and list(layer(window).spans(view)) == []
    assert not window.suggesting.commands.toggle_action.isChecked()
    for key in ("A", "X", "Shift+S", "Ctrl+Shift+A"):
        press(qtbot, view, key)
        assert window.statusBar().currentMessage() == OFF, key
    assert stored(assignment) == []
    assert window.session.project.suggestions.for_article(1) == []  # not even computed
    assert not window.inspector.suggestions.isVisible()


def test_a_blind_assignment_written_with_suggestions_shows_them(qtbot, open_main, sample_path, tmp_path) -> None:
    assignment = tmp_path / "assignment.annot"
    with Project.open(sample_path) as project:
        export_assignment(project, assignment, blind=True, suggestions=True)
    window = open_main(assignment)
    computed(qtbot, window)
    window.open_article(1)
    assert outlined(window)


def test_imported_articles_get_suggestions_in_the_background(qtbot, open_main, sample_path, tmp_path,
                                                             messages) -> None:
    window = open_main(sample_path)
    computed(qtbot, window)
    text = tmp_path / "new.txt"
    text.write_text("A new headline\nA senior official said the talks had stalled. Nothing else happened."
                    " The talks began in the spring and went on for several weeks in three cities, with more"
                    " planned for the autumn.\n",
                    encoding="utf-8")
    window.files.import_files([text])
    qtbot.waitUntil(lambda: window.files.last_report is not None, timeout=20000)
    project = window.session.project
    new = max(a.id for a in project.articles.list())
    qtbot.waitUntil(lambda: bool(project.suggestions.for_article(new)), timeout=20000)
    window.open_article(new)
    assert [c for _, c in outlined(window)] == ["anonymous_official"]

