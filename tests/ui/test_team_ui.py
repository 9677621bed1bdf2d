"""File ▸ Share…, Join…, Sync and "Sync every 5 minutes", and the status bar's sync label, against a real
PostgreSQL server (tests/conftest.py: `team_url`)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog

from annotator.core.store import database, sync_link
from annotator.core.store.project import Project
from annotator.core.team import session as team
from annotator.ui.window.team_dialogs import ServerDialog

SYNC_MS = 30_000  # a sync against the local test server takes well under a second; this is a ceiling
DEAD_URL = "postgresql://annotator_admin@127.0.0.1:1/nothing_listens_here"


def answering(qtbot, address: str, *, blind: bool = False, problems: list[str] | None = None):
    """Stand-in for ServerDialog.exec: type `address` into the real dialog, tick Blind if asked, press its
    OK button; a dialog that stays open (a refused address) is closed as cancelled, its message kept."""
    def exec_(dialog: ServerDialog) -> QDialog.DialogCode:
        dialog.show()
        qtbot.waitExposed(dialog)
        qtbot.keyClicks(dialog.address_field, address)
        if blind:
            qtbot.keyClick(dialog.blind_box, Qt.Key.Key_Space)
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
        if dialog.isVisible():
            if problems is not None:
                problems.append(dialog.problem.text() if dialog.problem.isVisible() else "")
            dialog.reject()
        return QDialog.DialogCode(dialog.result())
    return exec_


def share_from_window(qtbot, window, monkeypatch, messages, url: str, *, blind: bool = False) -> None:
    monkeypatch.setattr(ServerDialog, "exec", answering(qtbot, url, blind=blind))
    shown = len(messages)
    window.team.share_action.trigger()
    qtbot.waitUntil(lambda: len(messages) > shown and window.team.busy is None, timeout=SYNC_MS)


def sync_from_window(qtbot, window):
    with qtbot.waitSignal(window.team.sync_ended, timeout=SYNC_MS) as ended:
        window.team.sync_action.trigger()
    return ended.args[0]


def link_of(path: Path) -> sync_link.Link | None:
    with Project.open(path, read_only=True) as project:
        return sync_link.read(project.database.conn)


def progress(window, article_id: int) -> str:
    return next(r.progress for r in window.library.article_rows() if r.article_id == article_id)


def other_copy_annotates(url: str, path: Path, note: str) -> None:
    """Another member's copy: joined, one annotation made there, synced."""
    with team.join(url, path) as other:
        other.annotate_sentence(1, 4, category="document", annotator="ben", note=note)
        team.sync(other)


# -- before anything is shared ---------------------------------------------------------------------
def test_sync_is_offered_only_once_the_project_is_shared(qtbot, open_main, messages, sample_path, team_url,
                                                         monkeypatch) -> None:
    window = open_main(sample_path)
    team_actions = window.team
    assert team_actions.share_action.isEnabled() and team_actions.join_action.isEnabled()
    assert not team_actions.sync_action.isEnabled() and not team_actions.auto_action.isEnabled()
    assert team_actions.status_label.isHidden()
    monkeypatch.setattr(ServerDialog, "exec", answering(qtbot, team_url))
    team_actions.share_action.trigger()
    busy = team_actions.busy  # a wait while it runs; the menu's team items wait too
    assert busy is not None and busy.isVisible() and busy.labelText().startswith("Sharing sample on postgresql://")
    assert not team_actions.share_action.isEnabled() and not team_actions.join_action.isEnabled()
    qtbot.waitUntil(lambda: bool(messages) and team_actions.busy is None, timeout=SYNC_MS)
    title, text = messages[-1]
    assert title == "Shared" and "is shared on the team server at\n    postgresql://annotator_admin@127.0.0.1" in text
    assert "Sent" in text and "received 0." in text
    assert not team_actions.share_action.isEnabled()
    assert team_actions.sync_action.isEnabled() and team_actions.auto_action.isEnabled()
    assert team_actions.status_label.isVisible()
    assert re.fullmatch(r"Synced \d\d:\d\d · no changes waiting", team_actions.status_label.text())
    assert link_of(sample_path).url.endswith(team_url.rsplit("/", 1)[1])


def test_the_file_menu_holds_the_team_items_above_quit(open_main, sample_path) -> None:
    window = open_main(sample_path)
    file_menu = window.menuBar().actions()[0].menu()
    texts = [a.text() for a in file_menu.actions()]
    at = texts.index("&Share…")
    assert texts[at:at + 6] == ["&Share…", "&Join…", "S&ync", "Sync every 5 &minutes", "", "&Quit"]
    assert window.team.auto_action.isCheckable() and not window.team.auto_action.isChecked()


def test_a_read_only_project_cannot_be_shared(open_main, sample_path, monkeypatch) -> None:
    monkeypatch.setattr(database.os, "access", lambda path, mode: mode != database.os.W_OK)
    window = open_main(sample_path)
    assert window.session.project.read_only
    assert not window.team.share_action.isEnabled() and not window.team.sync_action.isEnabled()
    assert window.team.join_action.isEnabled()  # a new copy is written elsewhere


@pytest.mark.parametrize(("address", "said"), [
    ("", "Give the server's address, as postgresql://user@host:5432/database."),
    ("just some words", "is not a PostgreSQL address"),
    ("postgresql://amy@localhost:5432", "names no database"),
])
@pytest.mark.parametrize("item", ["share_action", "join_action"])
def test_a_blank_or_malformed_address_is_named_in_the_dialog_and_nothing_runs(
        qtbot, open_main, messages, sample_path, monkeypatch, address, said, item) -> None:
    window = open_main(sample_path)
    problems: list[str] = []
    monkeypatch.setattr(ServerDialog, "exec", answering(qtbot, address, problems=problems))
    asked = []
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: asked.append(a) or ("", "")))
    getattr(window.team, item).trigger()
    assert len(problems) == 1 and said in problems[0]
    if address:
        assert "Give the server as postgresql://user@host:port/database." in problems[0]  # the advice
    assert asked == [] and messages == [] and window.team.busy is None
    assert link_of(sample_path) is None


def test_the_share_dialog_says_where_the_password_comes_from(qtbot, open_main, sample_path) -> None:
    window = open_main(sample_path)
    from annotator.ui.window.team_dialogs import share_dialog
    dialog = share_dialog(window)
    qtbot.addWidget(dialog)
    texts = " ".join(label.text() for label in dialog.findChildren(type(dialog.problem)))
    assert "~/.pgpass" in texts and "PGPASSWORD" in texts and "never stored in the project" in texts
    assert dialog.address_field.placeholderText() == "postgresql://user@host:5432/database"
    assert dialog.blind_box.text() == "Blind class assignment" and not dialog.blind_box.isHidden()


def test_a_server_that_cannot_be_reached_is_said_with_its_advice_and_nothing_is_shared(
        qtbot, open_main, messages, sample_path, monkeypatch) -> None:
    window = open_main(sample_path)
    share_from_window(qtbot, window, monkeypatch, messages, DEAD_URL)
    title, text = messages[-1]
    assert title == "Not shared" and "cannot reach the team server" in text
    assert "Your work is kept in the project file" in text  # the advice
    assert window.team.share_action.isEnabled() and not window.team.sync_action.isEnabled()
    assert link_of(sample_path) is None


def test_a_blind_share_makes_a_blind_server_project(qtbot, open_main, messages, sample_path, team_url,
                                                    monkeypatch, tmp_path) -> None:
    window = open_main(sample_path)
    share_from_window(qtbot, window, monkeypatch, messages, team_url, blind=True)
    assert messages[-1][0] == "Shared"
    from annotator.core.team import members
    from psycopg.conninfo import conninfo_to_dict, make_conninfo

    members.add_member(team_url, "stu_ui", "student")
    params = conninfo_to_dict(team_url)
    params["user"] = "stu_ui"
    with team.join(make_conninfo(**params), tmp_path / "student.annot") as joined:
        assert joined.info.value("blind") == "1"  # a student's copy of a blind assignment


# -- sync ---------------------------------------------------------------------------------------------
def test_a_sync_brings_another_copys_annotation_into_the_open_article(
        qtbot, open_main, messages, sample_path, team_url, monkeypatch, tmp_path) -> None:
    window = open_main(sample_path)
    window.open_article(1)
    view = window.columns.current.view
    share_from_window(qtbot, window, monkeypatch, messages, team_url)
    other_copy_annotates(team_url, tmp_path / "ben.annot", "seen by ben")
    before = progress(window, 1)
    shown = len(messages)
    summary = sync_from_window(qtbot, window)
    assert isinstance(summary, team.SyncSummary) and summary.received >= 1
    qtbot.waitUntil(lambda: "seen by ben" in [a.note for a in view.annotations()], timeout=2000)
    qtbot.waitUntil(lambda: progress(window, 1) != before, timeout=2000)
    assert window.statusBar().currentMessage() == summary.lines()[0]
    assert len(messages) == shown  # no conflicts: no box


def test_ctrl_shift_s_syncs(qtbot, open_main, messages, sample_path, team_url, monkeypatch) -> None:
    window = open_main(sample_path)
    window.open_article(1)
    share_from_window(qtbot, window, monkeypatch, messages, team_url)
    qtbot.keyClick(window.columns.current.view, Qt.Key.Key_1)
    with qtbot.waitSignal(window.team.sync_ended, timeout=SYNC_MS) as ended:
        qtbot.keyClick(window.columns.current.view, Qt.Key.Key_S,
                       Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert ended.args[0].sent == 1


def test_the_status_label_counts_what_waits_and_says_when_it_synced(
        qtbot, open_main, messages, sample_path, team_url, monkeypatch) -> None:
    window = open_main(sample_path)
    window.open_article(1)
    share_from_window(qtbot, window, monkeypatch, messages, team_url)
    label = window.team.status_label
    qtbot.keyClick(window.columns.current.view, Qt.Key.Key_1)  # a change made here
    assert re.fullmatch(r"Synced \d\d:\d\d · 1 change waiting", label.text())
    assert "as annotator_admin (teacher)" in label.toolTip()
    summary = sync_from_window(qtbot, window)
    assert summary.sent == 1
    assert window.statusBar().currentMessage() == "Sent 1 change, received 0."
    assert re.fullmatch(r"Synced \d\d:\d\d · no changes waiting", label.text())
    assert window.team.sync_action.isEnabled()


def test_a_conflict_is_listed_in_a_box(qtbot, open_main, messages, sample_path, team_url, monkeypatch,
                                       tmp_path) -> None:
    with Project.open(sample_path) as project:
        project.annotate_sentence(1, 2, category="document", annotator="amy", note="first")
    window = open_main(sample_path)
    share_from_window(qtbot, window, monkeypatch, messages, team_url)
    with team.join(team_url, tmp_path / "ben.annot") as other:
        other.annotations.update(other.annotations.list()[0].id, note="ben's")
        team.sync(other)
    mine = window.session.project.annotations.list()[0]
    window.session.project.annotations.update(mine.id, note="amy's, later")
    summary = sync_from_window(qtbot, window)
    assert len(summary.conflicts) == 1
    title, text = messages[-1]
    assert title == "Sync" and text.startswith("Sent 1 change, received ")
    assert "Conflict: annotation document by amy" in text and "your later edit was kept over the server's" in text
    assert window.statusBar().currentMessage() == summary.lines()[0]


def test_one_sync_runs_at_a_time(qtbot, open_main, messages, sample_path, team_url, monkeypatch) -> None:
    window = open_main(sample_path)
    share_from_window(qtbot, window, monkeypatch, messages, team_url)
    with qtbot.waitSignal(window.team.sync_ended, timeout=SYNC_MS):
        window.team.sync()
        assert not window.team.sync_action.isEnabled()
        assert window.team.status_label.text().startswith("Syncing…")
        window.team.sync()  # a second request while it runs
        assert window.statusBar().currentMessage() == "A sync is under way already."
        window.team.sync(automatic=True)  # a tick of the timer: skipped
    assert window.team.sync_action.isEnabled()


def test_a_sync_that_cannot_reach_the_server_says_so_and_loses_nothing(
        qtbot, open_main, messages, sample_path, team_url, monkeypatch, tmp_path) -> None:
    window = open_main(sample_path)
    window.open_article(1)
    share_from_window(qtbot, window, monkeypatch, messages, team_url)
    qtbot.keyClick(window.columns.current.view, Qt.Key.Key_1)
    mine = window.session.project.annotations.list()[-1]
    good = link_of(sample_path).url
    with Project.open(sample_path) as elsewhere, elsewhere.transaction() as conn:
        sync_link.update(conn, url=DEAD_URL)
    label = window.team.status_label
    failure = sync_from_window(qtbot, window)
    assert isinstance(failure, team.SyncError)
    title, text = messages[-1]
    assert title == "Sync failed" and "cannot reach the team server" in text and "Your work is kept" in text
    assert label.full_text.startswith("Sync failed ") and "cannot reach the team server" in label.full_text
    assert re.match(r"Sync failed \d\d:\d\d: ", label.text())
    assert "cannot reach the team server" in label.toolTip()
    assert team.status(window.session.project)[1] == 1  # still waiting to be sent
    assert window.team.sync_action.isEnabled()  # it can be tried again
    # The automatic sync's failure: the status bar only, no box.
    shown = len(messages)
    with qtbot.waitSignal(window.team.sync_ended, timeout=SYNC_MS):
        window.team.auto_timer.timeout.emit()
    assert len(messages) == shown
    assert window.statusBar().currentMessage().startswith("The automatic sync failed; your work is kept")
    assert label.text().startswith("Sync failed ")
    # The server back: the next sync sends what waited, and another copy receives it.
    with Project.open(sample_path) as elsewhere, elsewhere.transaction() as conn:
        sync_link.update(conn, url=good)
    assert sync_from_window(qtbot, window).sent == 1
    assert re.fullmatch(r"Synced \d\d:\d\d · no changes waiting", label.text())
    with team.join(team_url, tmp_path / "ben.annot") as other:
        assert [(a.article_id, a.start, a.category) for a in other.annotations.list()
                if a.start == mine.start and a.article_id == mine.article_id] == [(mine.article_id, mine.start,
                                                                                    mine.category)]


def test_automatic_sync_is_kept_in_the_project_and_runs_on_its_timer(
        qtbot, open_main, messages, sample_path, team_url, monkeypatch, tmp_path) -> None:
    window = open_main(sample_path)
    share_from_window(qtbot, window, monkeypatch, messages, team_url)
    auto = window.team.auto_action
    auto.trigger()
    assert auto.isChecked() and link_of(sample_path).auto_minutes == 5
    assert window.team.auto_timer.isActive() and window.team.auto_timer.interval() == 5 * 60_000
    assert "Syncs every 5 minutes" in window.team.status_label.toolTip()
    other_copy_annotates(team_url, tmp_path / "ben.annot", "by the timer")
    with qtbot.waitSignal(window.team.sync_ended, timeout=SYNC_MS) as ended:
        window.team.auto_timer.timeout.emit()
    assert ended.args[0].received >= 1
    assert "by the timer" in [a.note for a in window.session.project.annotations.list()]
    auto.trigger()
    assert not auto.isChecked() and link_of(sample_path).auto_minutes == 0
    assert not window.team.auto_timer.isActive()


def test_a_project_opened_with_automatic_sync_on_starts_its_timer(
        qtbot, open_main, messages, sample_path, team_url) -> None:
    with Project.open(sample_path) as project:
        team.share(project, team_url)
        with project.transaction() as conn:
            sync_link.update(conn, auto_minutes=5)
    window = open_main(sample_path)
    assert window.team.auto_action.isChecked() and window.team.auto_timer.isActive()
    assert re.fullmatch(r"Synced \d\d:\d\d · no changes waiting", window.team.status_label.text())


# -- join --------------------------------------------------------------------------------------------
def test_join_makes_a_local_copy_and_opens_it(qtbot, open_main, messages, sample_path, team_url, monkeypatch,
                                              tmp_path) -> None:
    with Project.open(sample_path) as project:
        team.share(project, team_url)
        articles = project.articles.count()
    window = open_main(sample_path)
    target = tmp_path / "joined" / "team-copy"
    target.parent.mkdir()
    monkeypatch.setattr(ServerDialog, "exec", answering(qtbot, team_url))
    asked = []
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        staticmethod(lambda *a, **k: asked.append(a) or (str(target), "")))
    with qtbot.waitSignal(window.project_switch_requested, timeout=SYNC_MS) as switched:
        window.team.join_action.trigger()
    assert asked[0][2].endswith(f"{team_url.rsplit('/', 1)[1]}.annot")  # the database's name offered
    joined = target.with_suffix(".annot")
    assert switched.args == [joined, False]
    replacement = QApplication.instance().property("main_window")
    try:
        assert replacement.session.project.path == joined
        assert replacement.session.project.articles.count() == articles
        assert re.fullmatch(r"Synced \d\d:\d\d · no changes waiting", replacement.team.status_label.text())
        assert replacement.team.sync_action.isEnabled() and not replacement.team.share_action.isEnabled()
    finally:
        replacement.close()
        replacement.session.close()
    assert messages == []


def test_join_refuses_to_replace_a_file(qtbot, open_main, messages, sample_path, team_url, monkeypatch,
                                        tmp_path) -> None:
    window = open_main(sample_path)
    taken = tmp_path / "taken.annot"
    taken.write_bytes(b"mine")
    monkeypatch.setattr(ServerDialog, "exec", answering(qtbot, team_url))
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(taken), "")))
    window.team.join_action.trigger()
    assert messages == [("Join", f"{taken} exists already; choose another name.")]
    assert taken.read_bytes() == b"mine" and window.team.busy is None


def test_an_editor_s_copy_annotates_under_the_server_login(qtbot, open_main, messages, sample_path, team_url,
                                                           tmp_path) -> None:
    from annotator.core.team import members
    from psycopg.conninfo import conninfo_to_dict, make_conninfo

    with Project.open(sample_path) as project:
        team.share(project, team_url)
    members.add_member(team_url, "ben_ui", "editor")
    params = conninfo_to_dict(team_url)
    params["user"] = "ben_ui"
    team.join(make_conninfo(**params), tmp_path / "ben.annot").close()
    window = open_main(tmp_path / "ben.annot", name="amy")
    assert window.session.annotator == "ben_ui"
    window.open_article(1)
    qtbot.keyClick(window.columns.current.view, Qt.Key.Key_1)
    summary = sync_from_window(qtbot, window)
    assert summary.sent == 1 and not summary.not_allowed


def test_the_label_follows_a_sync_made_from_the_command_line(qtbot, open_main, messages, sample_path, team_url,
                                                             monkeypatch) -> None:
    window = open_main(sample_path)
    share_from_window(qtbot, window, monkeypatch, messages, team_url)
    with Project.open(sample_path) as project:  # another process syncs, receiving nothing
        with project.transaction() as conn:
            sync_link.update(conn, last_sync="2020-01-01T12:00:00.000Z")
    assert "2020-01-0" not in window.team.status_label.text()
    assert window.team.label_timer.isActive()
    window.team.label_timer.timeout.emit()
    assert re.fullmatch(r"Synced 2020-01-0\d \d\d:\d\d · no changes waiting", window.team.status_label.text())
