"""Benchmark of full-text search over 10,000 articles (target: median under 50 ms).

Two things are timed per query, each against a floor measured in the same run on the same FTS5
table through a bare connection (rowids only, no join, no Python records):

- window: what the search panel waits for before it shows anything, the count and the first page
  (`search_sentences(limit=PAGE)` and, when the page is full, `count_matches`). Floor: a bare
  count(*) MATCH plus a bare MATCH ... LIMIT PAGE. The 50 ms target is judged on this: it is the
  wait a user has after typing; further pages come one "Show more" at a time, each after the last
  key shown, so none is slower than the first.
- all hits: every hit materialised with its outlet, title and text, which is what `annotator search`
  prints. Floor: a bare MATCH returning every rowid. Reported, not judged: the command's start
  and its table formatting cost more than the search (about 300 ms and 70 ms for 15,000 hits).

A third line times Ctrl+F, one article's hits (the article of each query's first hit).
The project comes from bench_core's cached generator. A script:

    PYTHONPATH=. python tests/bench/bench_search.py [--quick] [--runs N]
"""

from __future__ import annotations

import argparse
import sqlite3
import statistics
import time

from annotator.core.analysis.search import count_matches, match_expression, search_sentences
from annotator.core.store.project import Project
from tests.bench.bench_core import cached_project

QUERIES = ["kikta", '"cyber command"', "paus*", "hegseth russia", "zurich", '"senior defense official"',
           "cisa infrastructure", "moscow"]
PAGE = 200  # annotator.ui.workspace.search_panel.PAGE (not imported: that would load Qt)
TARGET_MS = 50


def median_ms(fn, runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def first_page_and_count(db, query: str) -> int:
    """What the search panel runs before it shows anything."""
    hits = search_sentences(db, query, limit=PAGE)
    return count_matches(db, query) if len(hits) == PAGE else len(hits)


def ratio(ours: float, floor: float) -> str:
    return f"{ours:7.2f} / {floor:6.2f} = {ours / max(floor, 1e-3):5.1f}"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true", help="1,000 articles instead of 10,000")
    parser.add_argument("--runs", type=int, default=7, help="runs per measurement (the median is shown)")
    args = parser.parse_args()
    n = 1_000 if args.quick else 10_000
    path = cached_project(n, 1_000)
    runs = args.runs
    print(f"search over {n:,} articles, median of {runs} runs (ms), ours / bare FTS5 floor = ratio")
    print(f"  {'query':28} {'hits':>7}   {'window: count + first ' + str(PAGE):30}   {'all hits (CLI)':28}"
          f"   one article (Ctrl+F)")
    with Project.open(path, read_only=True) as project:
        db = project.database
        bare = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        rows: list[tuple[float, float, float, float, float]] = []
        for query in QUERIES:
            expression = match_expression(query)
            match = "SELECT rowid FROM sentence_fts WHERE sentence_fts MATCH ?"
            window = median_ms(lambda: first_page_and_count(db, query), runs)
            window_floor = median_ms(lambda: (
                bare.execute(match + " LIMIT ?", (expression, PAGE)).fetchall(),
                bare.execute("SELECT count(*) FROM sentence_fts WHERE sentence_fts MATCH ?", (expression,)).fetchone()),
                runs)
            every = median_ms(lambda: search_sentences(db, query), runs)
            every_floor = median_ms(lambda: bare.execute(match, (expression,)).fetchall(), runs)
            hits = search_sentences(db, query)
            one = median_ms(lambda: search_sentences(db, query, article_id=hits[0].article_id), runs) if hits else 0.0
            assert first_page_and_count(db, query) == len(hits) == count_matches(db, query)
            rows.append((window, window_floor, every, every_floor, one))
            print(f"  {query!r:28} {len(hits):7,}   {ratio(window, window_floor):30}   {ratio(every, every_floor):28}"
                  f"   {one:6.2f}")
        bare.close()
    med = [statistics.median(column) for column in zip(*rows)]
    print(f"  {'median over queries':36}   {ratio(med[0], med[1]):30}   {ratio(med[2], med[3]):28}   {med[4]:6.2f}")
    verdict = "PASS" if med[0] < TARGET_MS else "MISS"
    print(f"target: the window's wait (count + first page) median under {TARGET_MS} ms: {med[0]:.2f} ms, {verdict};"
          f" every hit materialised (the CLI's search, not judged): {med[2]:.2f} ms")


if __name__ == "__main__":
    main()
