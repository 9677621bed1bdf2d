"""Many writers on one project at once, some killed mid-write: nothing reported as saved is lost.

A window in this process (its suggestions computing in the background) marks sentences while a
second window runs in another process, command-line writers loop in others (killed with SIGKILL at
random moments and replaced) and `annotator annotate` runs now and then. Every write a process
reported as done must be in the file at the end, the file must pass `integrity_check`, and the
window must show what the file holds. Not timed: the figures are what survives, not how fast.
"""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time
from pathlib import Path

from PySide6.QtCore import Qt

from annotator.core.store.project import Project

WRITER = textwrap.dedent("""
    import sys
    from pathlib import Path
    from annotator.core.errors import AlreadyAnnotated, ProjectLocked
    from annotator.core.ops import runner
    from annotator.core.ops.annotations import AddAnnotation, UpdateAnnotation
    from annotator.core.store.project import Project
    path, name = Path(sys.argv[1]), sys.argv[2]
    with Project.open(path) as project:
        spans = [(a.id, s) for a in project.articles.list() for s in project.articles.sentences(a.id)]
        keys = [c.key for c in project.categories.list()]
        for n in range(10_000):
            article, sentence = spans[n % len(spans)]
            add = AddAnnotation(article, sentence.start, sentence.end, category=keys[n // len(spans) % len(keys)],
                                annotator=name)
            try:
                runner.apply(project, add)
                if n % 3 == 0:
                    runner.apply(project, UpdateAnnotation(add.annotation, note=f"note {n}"))
            except (AlreadyAnnotated, ProjectLocked):
                continue
            print(add.annotation.id, flush=True)  # reported only once committed
""")

SECOND_WINDOW = textwrap.dedent("""
    import sys
    from pathlib import Path
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from annotator.ui.window import app
    qt = app.application()
    store = app.settings()
    store.setValue("annotator/name", "second-window")
    window = app.open_window(Path(sys.argv[1]), store)
    window.show()
    window.open_article(2)
    view = window.columns.current.view
    shown = set()
    for n in range(int(sys.argv[2])):
        QTest.keyClick(view, Qt.Key.Key_1 + n % 3)
        QTest.keyClick(view, Qt.Key.Key_J)
        QTest.qWait(20)
        for a in view.annotations():
            if a.annotator == "second-window" and a.id not in shown:
                shown.add(a.id)
                print(a.id, flush=True)
    window.close()
    window.session.close()
""")


def _spawn(script: str, *args: str, env: dict[str, str]) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-c", script, *args], stdout=subprocess.PIPE,
                            stderr=subprocess.DEVNULL, text=True, env=env)


def _reported(process: subprocess.Popen) -> list[int]:
    out = process.stdout.read() if process.stdout else ""
    return [int(line) for line in out.split() if line.isdigit()]


def test_nothing_reported_as_saved_is_lost(qtbot, open_main, sample_path: Path, tmp_path: Path):
    rng = random.Random(20261205)
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "ANNOTATOR_SETTINGS": str(tmp_path / "second.ini")}
    window = open_main(sample_path, "amy")
    window.open_article(1)
    view = window.columns.current.view

    second = _spawn(SECOND_WINDOW, str(sample_path), "40", env=env)
    writers = [_spawn(WRITER, str(sample_path), f"writer-{n}", env=env) for n in range(3)]
    finished: list[subprocess.Popen] = []
    reported: dict[int, str] = {}
    cli_runs = kills = 0
    deadline = time.monotonic() + 12
    while time.monotonic() < deadline:
        qtbot.keyClick(view, Qt.Key.Key_1 + rng.randrange(3))
        qtbot.keyClick(view, Qt.Key.Key_J)
        qtbot.wait(rng.randrange(20, 120))
        if rng.random() < 0.25:  # kill a writer at a random moment, start another
            victim = writers.pop(rng.randrange(len(writers)))
            victim.send_signal(signal.SIGKILL)
            victim.wait()
            finished.append(victim)
            kills += 1
            writers.append(_spawn(WRITER, str(sample_path), f"writer-{3 + kills}", env=env))
        if rng.random() < 0.1:
            cli = subprocess.run([sys.executable, "-m", "annotator", "annotate", str(sample_path), "3",
                                  str(1 + cli_runs % 15), "document", "--annotator", f"cli-{cli_runs}"],
                                 capture_output=True, text=True, env=env)
            cli_runs += 1
            if cli.returncode == 0 and cli.stdout.startswith("annotation "):
                reported[int(cli.stdout.split()[1].rstrip(":"))] = f"cli-{cli_runs - 1}"
    for writer in writers:
        writer.send_signal(signal.SIGKILL)
        writer.wait()
        finished.append(writer)
    second.wait(timeout=120)
    for process in finished + [second]:
        for annotation_id in _reported(process):
            reported[annotation_id] = "process"
    shown_here = {a.id for a in window.session.project.annotations.list(annotator="amy")}

    conn = sqlite3.connect(sample_path)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        stored = {row[0] for row in conn.execute("SELECT id FROM annotations")}
    finally:
        conn.close()
    assert kills >= 3 and cli_runs >= 1 and len(reported) > 100, (kills, cli_runs, len(reported))
    assert set(reported) - stored == set()
    assert shown_here and shown_here <= stored
    window.session.catch_up()
    with Project.open(sample_path, read_only=True) as project:
        assert [a.id for a in view.annotations()] == [a.id for a in project.annotations.for_article(1)]
