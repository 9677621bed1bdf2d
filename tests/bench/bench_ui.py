"""Workspace speed, offscreen: open a long annotated article, assign a category, start on a big project.

Run: QT_QPA_PLATFORM=offscreen python tests/bench/bench_ui.py [--quick]
Prints medians against the targets:
1. opening a 50,000-word article with 2,000 annotations in a column (< 150 ms);
2. a key press that assigns a category, to committed and repainted (< 16 ms);
3. the window ready with a project of 10,000 articles (< 1.5 s);
4. a dashboard refresh over 10,000 articles and 1,000,000 annotations (< 0.5 s).
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

from PySide6.QtCore import QSettings, Qt  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from annotator.core.store.articles import body_hash  # noqa: E402
from annotator.core.clock import now  # noqa: E402
from annotator.core.store.project import Project  # noqa: E402
from annotator.core.resources import seeds_dir  # noqa: E402
from annotator.core.ingest.segment import split_sentences  # noqa: E402
from annotator.ui import app  # noqa: E402
from annotator.ui.article_column import ArticleColumn  # noqa: E402
from annotator.ui.session import ProjectSession  # noqa: E402


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
        column.close()
        column.deleteLater()
        QApplication.processEvents()
    project.close()
    return times


def bench_keypress(path: Path, article: int, presses: int) -> list[float]:
    settings = QSettings(str(path.with_suffix(".ini")), QSettings.Format.IniFormat)
    settings.setValue("annotator/name", "bench")
    window = app.open_window(path, settings)
    window.resize(1400, 900)
    window.show()
    window.open_article(article)
    view = window.columns.current.view
    QApplication.processEvents()
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
    return times


def big_project(path: Path, articles: int) -> None:
    with Project.create(path):
        body = long_body(600)
        spans = split_sentences(body)
    conn = sqlite3.connect(path)
    conn.executemany("INSERT INTO outlets (name) VALUES (?)", [(f"Outlet {i}",) for i in range(20)])
    stamp = now()
    for i in range(articles):
        text = f"{body}\nArticle {i}."
        cur = conn.execute(
            "INSERT INTO articles (outlet_id, title, body, body_sha256, imported_at) VALUES (?, ?, ?, ?, ?)",
            (i % 20 + 1, f"Article {i}", text, body_hash(text), stamp))
        conn.executemany('INSERT INTO sentences (article_id, idx, start, "end") VALUES (?, ?, ?, ?)',
                         [(cur.lastrowid, n, s, e) for n, (s, e) in enumerate(spans)])
    conn.commit()
    conn.close()


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
        window.close()
        window.session.project.close()
        window.deleteLater()
        QApplication.processEvents()
    return times


def bench_dashboard(quick: bool, runs: int) -> list[float]:
    """Dashboard refresh (table and chart) over the benchmark project of bench_core.py."""
    sys.path.insert(0, str(Path(__file__).parent))
    from bench_core import cached_project

    from annotator.ui.dashboard import Dashboard

    path = cached_project(*((1_000, 100_000) if quick else (10_000, 1_000_000)))
    project = Project.open(path)
    dashboard = Dashboard(ProjectSession(project, "bench"))
    dashboard.resize(1200, 800)
    dashboard.show()
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        dashboard.refresh()
        QApplication.processEvents()
        times.append(time.perf_counter() - start)
    dashboard.close()
    project.close()
    return times


def report(label: str, times: list[float], target: float) -> None:
    median = statistics.median(times)
    verdict = "PASS" if median < target else "MISS"
    print(f"{label}: median {median * 1000:.1f} ms (min {min(times) * 1000:.1f}, max {max(times) * 1000:.1f},"
          f" n={len(times)})   target < {target * 1000:.0f} ms   {verdict}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true")
    args = parser.parse_args()
    words, annotations, articles = (10_000, 400, 1_000) if args.quick else (50_000, 2_000, 10_000)
    app.application()
    print(f"Python {sys.version.split()[0]}, {os.cpu_count()} CPUs, platform {os.environ['QT_QPA_PLATFORM']}")
    with tempfile.TemporaryDirectory(prefix="bench-ui-") as tmp:
        long_path = Path(tmp) / "long.annot"
        article = long_article_project(long_path, words, annotations)
        report(f"1. open a {words:,}-word article with {annotations:,} annotations", bench_open(long_path, article, 7), 0.150)
        report("2. key press assigning a category, committed and repainted", bench_keypress(long_path, article, 41), 0.016)
        big = Path(tmp) / "big.annot"
        start = time.perf_counter()
        big_project(big, articles)
        print(f"   (built a {articles:,}-article project in {time.perf_counter() - start:.1f} s)")
        report(f"3. window ready with {articles:,} articles", bench_ready(big, 5), 1.5)
    scale = "1,000 articles / 100,000" if args.quick else "10,000 articles / 1,000,000"
    report(f"4. dashboard refresh over {scale} annotations", bench_dashboard(args.quick, 5), 0.5)


if __name__ == "__main__":
    main()
