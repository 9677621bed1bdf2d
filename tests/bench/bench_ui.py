"""Workspace speed, offscreen: open a long annotated article, assign a category, start on a big project.

Run: QT_QPA_PLATFORM=offscreen python tests/bench/bench_ui.py [--quick]
Each figure is printed beside its raw floor, measured in the same run, and the ratio:
1. opening a 50,000-word article with 2,000 annotations, and a 200,000-word one with 10,000, in a
   column; floor: a bare QTextEdit given the same text and the same character formats in one edit
   block, shown and repainted (target: ratio < 2);
2. a key press that assigns a category, committed and repainted (target: median < 16 ms); floor:
   one committed SQLite insert plus one character format and a repaint of a bare QTextEdit;
3. the window ready on 10,000 articles / 1,000,000 annotations; floor: reading the article list
   with a bare query (target: ratio < 1.5);
4. a dashboard refresh over the same project; floor: the bare join + GROUP BY (target: ratio < 1.5).
"""

from __future__ import annotations

import argparse
import os
import random
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEvent, QSettings, Qt, QThreadPool  # noqa: E402
from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication, QTextEdit  # noqa: E402

from annotator.core.offsets import OffsetMap  # noqa: E402
from annotator.core.clock import now  # noqa: E402
from annotator.core.store.project import Project  # noqa: E402
from annotator.core.resources import seeds_dir  # noqa: E402
from annotator.core.ingest.segment import split_sentences  # noqa: E402
from annotator.ui.window import app  # noqa: E402
from annotator.ui.workspace.article_column import ArticleColumn  # noqa: E402
from annotator.ui.base.session import ProjectSession  # noqa: E402


def long_body(words: int) -> str:
    seed = "\n".join(p.read_text(encoding="utf-8").split("\n\n", 1)[1]
                     for p in sorted((seeds_dir() / "articles").glob("*.md")))
    out, count = [], 0
    while count < words:
        out.append(seed)
        count += len(seed.split())
    return "\n".join(out)


def long_article_project(path: Path, words: int, annotations: int) -> int:
    with Project.create(path) as project:
        body = long_body(words)
        spans = split_sentences(body)
        from annotator.core.records import ParsedArticle

        article = project.articles.add(ParsedArticle(title="Long", body=body), spans).id
        keys = [c.key for c in project.categories.list()]
        rng = random.Random(1)
        conn = sqlite3.connect(path)
        conn.execute("INSERT INTO annotators (name) VALUES ('bench')")
        stamp = now()
        picked = rng.sample(range(len(spans)), min(annotations, len(spans)))
        conn.executemany(
            'INSERT INTO annotations (article_id, start, "end", category_id, annotator_id, created_at,'
            " updated_at) VALUES (?, ?, ?, (SELECT id FROM categories WHERE key = ?), 1, ?, ?)",
            [(article, spans[i][0], spans[i][1], rng.choice(keys), stamp, stamp) for i in picked])
        conn.commit()
        conn.close()
        return article


def dispose(widget) -> None:
    """Close and delete a widget now: a deleteLater outside an event loop waits for one that never
    runs, and dozens of hidden windows left alive slow every later benchmark's event processing."""
    widget.close()
    widget.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    QApplication.processEvents()


def bench_open(path: Path, article: int, runs: int) -> list[float]:
    project = Project.open(path)
    session = ProjectSession(project, "bench")
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        column = ArticleColumn(session, article)
        column.resize(600, 900)
        column.show()
        column.repaint()
        QApplication.processEvents()
        times.append(time.perf_counter() - start)
        dispose(column)
    project.close()
    return times


def floor_open(path: Path, article: int, runs: int) -> list[float]:
    """A bare QTextEdit with the same text and the same character formats in one edit block."""
    with Project.open(path, read_only=True) as project:
        body = project.articles.body(article)
        colors = {c.key: QColor(c.color) for c in project.categories.list(include_archived=True)}
        spans = [(a.start, a.end, colors[a.category]) for a in project.annotations.for_article(article)]
    offsets = OffsetMap(body)
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        edit = QTextEdit()
        edit.setReadOnly(True)
        edit.setPlainText(body)
        cursor = QTextCursor(edit.document())
        cursor.beginEditBlock()
        for lo, hi, color in spans:
            fmt = QTextCharFormat()
            fmt.setBackground(color)
            cursor.setPosition(offsets.to_utf16(lo))
            cursor.setPosition(offsets.to_utf16(hi), QTextCursor.MoveMode.KeepAnchor)
            cursor.setCharFormat(fmt)
        cursor.endEditBlock()
        edit.resize(600, 900)
        edit.show()
        edit.repaint()
        QApplication.processEvents()
        times.append(time.perf_counter() - start)
        dispose(edit)
    return times


def floor_keypress(path: Path, article: int, presses: int) -> list[float]:
    """One committed insert into a bare SQLite file, one character format, one repaint."""
    with Project.open(path, read_only=True) as project:
        body = project.articles.body(article)
        spans = [(s.start, s.end) for s in project.articles.sentences(article)]
    bare = path.with_name("bare-floor.sqlite")
    conn = sqlite3.connect(bare, isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = FULL")
    conn.execute('CREATE TABLE IF NOT EXISTS marks (id INTEGER PRIMARY KEY, start INT, "end" INT)')
    edit = QTextEdit()
    edit.setReadOnly(True)
    edit.setPlainText(body)
    edit.resize(600, 900)
    edit.show()
    QApplication.processEvents()
    offsets = OffsetMap(body)
    times = []
    for i in range(presses):
        lo, hi = spans[i % len(spans)]
        start = time.perf_counter()
        conn.execute("BEGIN IMMEDIATE")
        conn.execute('INSERT INTO marks (start, "end") VALUES (?, ?)', (lo, hi))
        conn.execute("COMMIT")
        cursor = QTextCursor(edit.document())
        cursor.setPosition(offsets.to_utf16(lo))
        cursor.setPosition(offsets.to_utf16(hi), QTextCursor.MoveMode.KeepAnchor)
        fmt = QTextCharFormat()
        fmt.setBackground(QColor("#E28E4C"))
        cursor.setCharFormat(fmt)
        edit.viewport().repaint()
        times.append(time.perf_counter() - start)
    dispose(edit)
    conn.close()
    return times


def bench_keypress(path: Path, article: int, presses: int) -> list[float]:
    settings = QSettings(str(path.with_suffix(".ini")), QSettings.Format.IniFormat)
    settings.setValue("annotator/name", "bench")
    window = app.open_window(path, settings)
    window.resize(1400, 900)
    window.show()
    window.open_article(article)
    view = window.columns.current.view
    while window.suggesting.computer.computing:  # steady state: the opening's suggestions are computed
        QApplication.processEvents()
        time.sleep(0.01)
    QThreadPool.globalInstance().waitForDone()
    times = []
    for i in range(presses):
        QTest.keyClick(view, Qt.Key.Key_J)
        QApplication.processEvents()
        start = time.perf_counter()
        QTest.keyClick(view, Qt.Key.Key_1 if i % 2 else Qt.Key.Key_3)
        view.viewport().repaint()
        times.append(time.perf_counter() - start)
    window.close()
    window.session.project.close()
    dispose(window)
    return times


def bench_ready(path: Path, runs: int) -> list[float]:
    times = []
    for _ in range(runs):
        settings = QSettings(str(path.with_suffix(".ini")), QSettings.Format.IniFormat)
        settings.setValue("annotator/name", "bench")
        start = time.perf_counter()
        window = app.open_window(path, settings)
        window.show()
        QApplication.processEvents()
        times.append(time.perf_counter() - start)
        window.close()  # cancels background work after its current batch
        QThreadPool.globalInstance().waitForDone()
        window.session.project.close()
        dispose(window)
    return times


BARE_LIST = "SELECT a.id, o.name, a.title, a.published FROM articles a JOIN outlets o ON o.id = a.outlet_id"
BARE_GROUP_BY = """SELECT a.outlet_id, n.category_id, count(*) FROM annotations n
                   JOIN articles a ON a.id = n.article_id GROUP BY a.outlet_id, n.category_id"""


def floor_query(path: Path, sql: str, runs: int) -> list[float]:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        conn.execute(sql).fetchall()
        conn.close()
        times.append(time.perf_counter() - start)
    return times


def big_annotated_project(quick: bool) -> Path:
    """The benchmark project of bench_core.py: 10,000 articles and 1,000,000 annotations."""
    sys.path.insert(0, str(Path(__file__).parent))
    from bench_core import cached_project

    path = cached_project(*((1_000, 100_000) if quick else (10_000, 1_000_000)))
    from annotator.core.suggest.refresh import refresh_suggestions

    with Project.open(path) as project:  # steady state: suggestions up to date, as on any later opening
        refresh_suggestions(project)
    return path


def bench_dashboard(path: Path, runs: int) -> list[float]:
    """Dashboard refresh (table and chart)."""
    from annotator.ui.dashboard.dashboard import Dashboard
    from annotator.ui.base.errors import ErrorSink

    project = Project.open(path)
    host = QTextEdit()
    dashboard = Dashboard(ProjectSession(project, "bench"), ErrorSink(host, lambda text, ms: None))
    dashboard.resize(1200, 800)
    dashboard.show()
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        dashboard.refresh()
        QApplication.processEvents()
        times.append(time.perf_counter() - start)
    dispose(dashboard)
    dispose(host)
    project.close()
    return times


def report(label: str, times: list[float], floor: list[float] | None = None, *, target_ms: float | None = None,
           target_ratio: float | None = None) -> None:
    median = statistics.median(times)
    line = f"{label}: median {median * 1000:.1f} ms (min {min(times) * 1000:.1f}, max {max(times) * 1000:.1f}, n={len(times)})"
    verdicts = []
    if floor is not None:
        base = statistics.median(floor)
        ratio = median / base
        line += f"   floor {base * 1000:.1f} ms   ratio {ratio:.2f}"
        if target_ratio is not None:
            verdicts.append(f"ratio < {target_ratio} {'PASS' if ratio < target_ratio else 'MISS'}")
    if target_ms is not None:
        verdicts.append(f"< {target_ms:.0f} ms {'PASS' if median * 1000 < target_ms else 'MISS'}")
    print(line + ("   " + "; ".join(verdicts) if verdicts else ""), flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true")
    args = parser.parse_args()
    sizes = [(10_000, 400)] if args.quick else [(50_000, 2_000), (200_000, 10_000)]
    app.application()
    print(f"Python {sys.version.split()[0]}, {os.cpu_count()} CPUs, platform {os.environ['QT_QPA_PLATFORM']}")
    with tempfile.TemporaryDirectory(prefix="bench-ui-") as tmp:
        for n, (words, annotations) in enumerate(sizes):
            long_path = Path(tmp) / f"long{n}.annot"
            article = long_article_project(long_path, words, annotations)
            runs = 7 if words <= 50_000 else 5
            report(f"1. open a {words:,}-word article with {annotations:,} annotations",
                   bench_open(long_path, article, runs), floor_open(long_path, article, runs), target_ratio=2)
            if n == 0:
                report("2. key press assigning a category, committed and repainted",
                       bench_keypress(long_path, article, 41), floor_keypress(long_path, article, 41),
                       target_ms=16)
    big = big_annotated_project(args.quick)
    scale = "1,000 articles / 100,000" if args.quick else "10,000 articles / 1,000,000"
    ready = bench_ready(big, 5)
    list_floor = floor_query(big, BARE_LIST, 5)
    report(f"3. window ready on {scale} annotations", ready, list_floor, target_ratio=1.5)
    with tempfile.TemporaryDirectory(prefix="bench-ui-") as tmp:
        empty = Path(tmp) / "empty.annot"
        Project.create(empty).close()
        fixed = statistics.median(bench_ready(empty, 5))
    extra = [t - fixed for t in ready]
    report(f"   the part that grows with the project (ready minus {fixed * 1000:.0f} ms on an empty project)",
           extra, list_floor, target_ratio=1.5)
    report(f"4. dashboard refresh over {scale} annotations", bench_dashboard(big, 5),
           floor_query(big, BARE_GROUP_BY, 5), target_ratio=1.5)


if __name__ == "__main__":
    main()
