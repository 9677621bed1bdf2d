"""Bad project files, read-only files, two windows, a killed process, and background import."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QDialog

from annotator.core.store.project import Project
from annotator.core.store.schema import LATEST_VERSION
from annotator.ui.window import app


def test_not_a_project_shows_a_message_and_writes_nothing(open_main, messages, tmp_path: Path) -> None:
    path = tmp_path / "notes.annot"
    path.write_text("my notes\n" * 50)
    assert open_main(path) is None
    assert "not an annotator project" in messages[0][1] and str(path) in messages[0][1]
    assert path.read_text() == "my notes\n" * 50


def test_corrupt_and_newer_files_are_refused(open_main, messages, sample_path: Path, tmp_path: Path) -> None:
    newer = tmp_path / "newer.annot"
    newer.write_bytes(sample_path.read_bytes())
    conn = sqlite3.connect(newer)
    conn.execute(f"PRAGMA user_version = {LATEST_VERSION + 1}")
    conn.close()
    before = newer.read_bytes()
    assert open_main(newer) is None
    assert "newer version" in messages[-1][1]
    assert newer.read_bytes() == before
    corrupt = tmp_path / "corrupt.annot"
    data = bytearray(sample_path.read_bytes())
    data[100:2000] = b"\x00\xff" * 950
    corrupt.write_bytes(bytes(data))
    assert open_main(corrupt) is None
    assert str(corrupt) in messages[-1][1]


def test_read_only_file_opens_with_a_notice_and_refuses_changes(
    qtbot, open_main, messages, sample_path: Path, monkeypatch
) -> None:
    from annotator.core.store import database

    monkeypatch.setattr(database.os, "access", lambda path, mode: mode != os.W_OK)
    window = open_main(sample_path)
    assert window.session.project.read_only
    assert window.read_only_label.isVisible()
    assert not window.files.import_action.isEnabled()
    window.open_article(1)
    qtbot.keyClick(window.columns.current.view, Qt.Key.Key_1)
    assert window.session.project.annotations.count() == 0
    assert "read-only" in messages[-1][1]


def test_two_windows_on_one_file_both_save(qtbot, open_main, sample_path: Path) -> None:
    first = open_main(sample_path, "amy")
    second = open_main(sample_path, "ben")
    first.open_article(1)
    second.open_article(1)
    qtbot.keyClick(first.columns.current.view, Qt.Key.Key_1)
    qtbot.keyClick(second.columns.current.view, Qt.Key.Key_2)
    with Project.open(sample_path, read_only=True) as project:
        assert sorted(a.annotator for a in project.annotations.list()) == ["amy", "ben"]
        assert project.database.row("PRAGMA integrity_check")[0] == "ok"


KILLED = """
import os, signal, sys
from pathlib import Path
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from annotator.ui.window import app
qt = app.application()
store = app.settings()
store.setValue("annotator/name", "amy")
window = app.open_window(Path(sys.argv[1]), store)
window.show()
window.open_article(1)
view = window.columns.current.view
for _ in range(5):
    QTest.keyClick(view, Qt.Key.Key_1)
    QTest.keyClick(view, Qt.Key.Key_J)
print(window.session.project.annotations.count(), flush=True)
os.kill(os.getpid(), signal.SIGKILL)
"""


def test_killed_process_loses_nothing_shown_as_saved(sample_path: Path, tmp_path: Path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "ANNOTATOR_SETTINGS": str(tmp_path / "k.ini")}
    result = subprocess.run([sys.executable, "-c", textwrap.dedent(KILLED), str(sample_path)],
                            capture_output=True, text=True, env=env, timeout=60)
    assert result.returncode == -signal.SIGKILL, result.stderr
    assert result.stdout.strip() == "5"
    with Project.open(sample_path) as project:
        assert project.annotations.count() == 5
        assert project.database.row("PRAGMA integrity_check")[0] == "ok"


def test_dropped_files_import_in_the_background(qtbot, open_main, sample_path: Path, tmp_path: Path,
                                                monkeypatch) -> None:
    from annotator.ui.library.batch_dialogs import ImportOptionsDialog

    def give_outlet(dialog: ImportOptionsDialog) -> QDialog.DialogCode:
        dialog.outlet.setCurrentText("Dropped News")
        dialog.buttons.accepted.emit()
        return dialog.result()

    monkeypatch.setattr(ImportOptionsDialog, "exec", give_outlet)  # the drop asks for the batch's outlet
    window = open_main(sample_path)
    files = []
    for i in range(3):
        path = tmp_path / f"new{i}.txt"
        path.write_text(f"Dropped story {i}\nIt has text. Sen. Smith spoke. It was reported by several outlets"
                        " in Washington on Tuesday, and officials declined to say more.\n")
        files.append(path)
    (tmp_path / "figures.csv").write_text("a,b\n1,2\n")
    files.append(tmp_path / "figures.csv")  # listed as refused, not left out unseen
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in files])
    drop = QDropEvent(QPointF(50, 50), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                      Qt.KeyboardModifier.NoModifier)
    window.dropEvent(drop)
    qtbot.waitUntil(lambda: window.files.last_report is not None, timeout=20000)
    assert len(window.files.last_report.imported) == 3
    assert [p.path for p in window.files.last_report.refused] == [str(tmp_path / "figures.csv")]
    assert {a.outlet for a in window.session.project.articles.list() if a.title.startswith("Dropped")} == {
        "Dropped News"}
    titles = [r.text for r in window.library.article_rows()]
    assert "Dropped story 0" in titles
    assert window.session.project.articles.count() == 7


def test_first_run_creates_the_sample_in_the_data_folder(tmp_path: Path) -> None:
    store = app.settings()
    path = app.default_project(store)
    assert path.parent == tmp_path / "data"
    with Project.open(path, read_only=True) as project:
        assert project.articles.count() == 4


def test_last_project_is_reopened(tmp_path: Path, sample_path: Path) -> None:
    store = app.settings()
    store.setValue("project/last", str(sample_path))
    assert app.default_project(store) == sample_path


def test_gui_command_opens_the_given_project(monkeypatch, sample_path: Path) -> None:
    from click.testing import CliRunner

    from annotator.cli import cli

    opened = []
    monkeypatch.setattr(app, "run", lambda project: opened.append(project) or 0)
    assert CliRunner().invoke(cli, ["gui", str(sample_path)]).exit_code == 0
    assert CliRunner().invoke(cli, []).exit_code == 0
    assert opened == [sample_path, None]


def test_pdf_report_is_written(sample_path: Path, tmp_path: Path) -> None:
    from annotator.ui.dashboard.report_pdf import write_pdf_report

    with Project.open(sample_path) as project:
        project.annotate_sentence(1, 0, category="anonymous_official", annotator="amy", note="<b>n</b>")
        write_pdf_report(project, tmp_path / "r.pdf")
    data = (tmp_path / "r.pdf").read_bytes()
    assert data.startswith(b"%PDF") and len(data) > 5000
    assert [p.name for p in tmp_path.iterdir() if p.suffix == ".part"] == []


def test_pdf_into_a_missing_folder_is_a_clear_error(sample_path: Path, tmp_path: Path) -> None:
    import pytest

    from annotator.core.errors import ExportFailed
    from annotator.ui.dashboard.report_pdf import write_pdf_report

    with Project.open(sample_path) as project, pytest.raises(ExportFailed, match="cannot write there"):
        write_pdf_report(project, tmp_path / "missing" / "r.pdf")
