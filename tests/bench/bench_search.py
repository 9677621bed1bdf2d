"""Benchmark of full-text search over 10,000 articles (target: median under 50 ms).

Times `search_sentences` (query parsing, the FTS5 MATCH, the join that fetches each hit's sentence,
outlet and title) against a floor measured in the same run: a bare FTS5 MATCH on the same table
returning only rowids. The project comes from bench_core's cached generator. A script:

    PYTHONPATH=. python tests/bench/bench_search.py [--quick]
"""

from __future__ import annotations

import argparse
import sqlite3
import statistics
import time

from annotator.core.analysis.search import match_expression, search_sentences
from annotator.core.store.project import Project
from tests.bench.bench_core import cached_project

QUERIES = ["kikta", '"cyber command"', "paus*", "hegseth russia", "zurich", '"senior defense official"',
           "cisa infrastructure", "moscow"]
LIMIT = 500  # what a results list shows before the user scrolls


def median_ms(fn, runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true", help="1,000 articles instead of 10,000")
    args = parser.parse_args()
    n = 1_000 if args.quick else 10_000
    path = cached_project(n, 1_000)
    runs = 5
    print(f"search over {n:,} articles, median of {runs} runs per query (ms): ours / bare MATCH = ratio, hits")
    with Project.open(path, read_only=True) as project:
        bare = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        medians, limited = [], []
        for query in QUERIES:
            expression = match_expression(query)
            ours = median_ms(lambda: search_sentences(project.database, query), runs)
            floor = median_ms(lambda: bare.execute(
                "SELECT rowid FROM sentence_fts WHERE sentence_fts MATCH ?", (expression,)).fetchall(), runs)
            first = median_ms(lambda: search_sentences(project.database, query, limit=LIMIT), runs)
            hits = len(search_sentences(project.database, query))
            medians.append(ours)
            limited.append(first)
            print(f"  {query!r:30} {ours:8.2f} / {floor:8.2f} = {ours / max(floor, 1e-6):5.1f}  {hits:,} hits;"
                  f" first {LIMIT}: {first:.2f}")
        bare.close()
    overall = statistics.median(medians)
    print(f"median over queries: {overall:.2f} ms (target < 50 ms: {'PASS' if overall < 50 else 'MISS'});"
          f" first {LIMIT} hits: {statistics.median(limited):.2f} ms")


if __name__ == "__main__":
    main()
