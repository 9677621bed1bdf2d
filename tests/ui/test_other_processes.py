"""An open window shows what other processes write (the command line, a second window), and an
undo of something they changed since says so and changes nothing else."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import Qt

from annotator.core.errors import ChangedElsewhere
from annotator.core.store.project import Project

SEEN_WITHIN_MS = 1000  # the promise: another process's write shows within a second


def _cli(*args: str) -> str:
    result = subprocess.run([sys.executable, "-m", "annotator", *map(str, args)], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    return result.stdout


def _progress(window, article_id: int) -> str:
    return next(r.progress for r in window.library.article_rows() if r.article_id == article_id)


def test_an_annotation_made_on_the_command_line_shows_in_the_open_column(qtbot, open_main, sample_path: Path):
    window = open_main(sample_path)
    window.open_article(1)
    view = window.columns.current.view
    before = _progress(window, 1)
    out = _cli("annotate", sample_path, 1, 2, "document", "--annotator", "cli", "--source", "A report")
    made = int(out.split()[1].rstrip(":"))
    qtbot.waitUntil(lambda: made in [a.id for a in view.annotations()], timeout=SEEN_WITHIN_MS)
    qtbot.waitUntil(lambda: _progress(window, 1) != before, timeout=SEEN_WITHIN_MS)
    _cli("delete", sample_path, made)
    qtbot.waitUntil(lambda: made not in [a.id for a in view.annotations()], timeout=SEEN_WITHIN_MS)
    qtbot.waitUntil(lambda: _progress(window, 1) == before, timeout=SEEN_WITHIN_MS)


def test_an_outlet_renamed_elsewhere_is_renamed_in_the_library(qtbot, open_main, sample_path: Path):
    window = open_main(sample_path)
    outlet = window.library.outlet_rows()[0].outlet
    _cli("outlet", sample_path, outlet, "Renamed Elsewhere")
    qtbot.waitUntil(lambda: "Renamed Elsewhere" in [r.outlet for r in window.library.outlet_rows()],
                    timeout=SEEN_WITHIN_MS)


def test_the_dashboard_follows_another_windows_annotations(qtbot, open_main, sample_path: Path):
    first = open_main(sample_path, "amy")
    second = open_main(sample_path, "ben")
    dashboard = first.dashboard
    first.show_tab(dashboard)
    qtbot.waitUntil(lambda: dashboard.table.topLevelItemCount() > 0, timeout=5000)
    total = _annotation_total(dashboard)
    second.open_article(1)
    qtbot.keyClick(second.columns.current.view, Qt.Key.Key_1)
    qtbot.waitUntil(lambda: _annotation_total(dashboard) == total + 1, timeout=SEEN_WITHIN_MS + 1000)


ANNOTATIONS_COLUMN = 4  # outlet, articles, sentences, annotated, annotations (as tests/ui/test_dashboard.py)


def _annotation_total(dashboard) -> int:
    table = dashboard.table
    return sum(int(table.topLevelItem(r).text(ANNOTATIONS_COLUMN)) for r in range(table.topLevelItemCount()))


def test_undo_of_a_mark_deleted_elsewhere_says_so_and_changes_nothing(qtbot, open_main, sample_path: Path):
    window = open_main(sample_path)
    window.open_article(1)
    view = window.columns.current.view
    reported: list[BaseException] = []
    window.session.failed.connect(reported.append)
    qtbot.keyClick(view, Qt.Key.Key_1)  # mark sentence 1
    mine = window.session.project.annotations.list()[0]
    _cli("delete", sample_path, mine.id)
    qtbot.waitUntil(lambda: not view.annotations(), timeout=SEEN_WITHIN_MS)
    _cli("annotate", sample_path, 1, 3, "on_record", "--annotator", "cli")
    qtbot.keyClick(view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert reported and isinstance(reported[-1], ChangedElsewhere)
    assert "deleted in another window" in window.statusBar().currentMessage()
    with Project.open(sample_path, read_only=True) as project:
        assert [a.annotator for a in project.annotations.list()] == ["cli"]  # the other change stands


def test_a_restore_from_the_command_line_is_shown_whole(qtbot, open_main, sample_path: Path):
    window = open_main(sample_path)
    window.open_article(1)
    view = window.columns.current.view
    _cli("backup", sample_path)  # the project with no annotation
    for sentence in (1, 2, 3):
        qtbot.keyClick(view, Qt.Key.Key_1)
        qtbot.keyClick(view, Qt.Key.Key_J)
    assert len(view.annotations()) == 3
    _cli("restore", sample_path, "latest", "--yes")
    qtbot.waitUntil(lambda: not view.annotations(), timeout=SEEN_WITHIN_MS)
    qtbot.waitUntil(lambda: _progress(window, 1).startswith("0/"), timeout=SEEN_WITHIN_MS)


def test_a_restore_in_the_window_is_shown_whole_and_clears_undo(qtbot, open_main, sample_path: Path):
    window = open_main(sample_path)
    window.open_article(1)
    view = window.columns.current.view
    _cli("backup", sample_path)
    qtbot.keyClick(view, Qt.Key.Key_1)
    assert view.annotations()
    from annotator.core.store import backups

    backups.restore(sample_path, backups.list_backups(sample_path)[-1].path)
    window.files.project_restored.emit()  # what File ▸ Restore from backup… says when done
    assert not view.annotations() and window.session.undo_stack.count() == 0
