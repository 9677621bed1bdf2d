"""Benchmark of `annotator annotate --from`: 10,000 annotation rows in one step (target: under 2 s).

Timed per run, each on a fresh copy of the same project (200 articles of 50 sentences):

- import: what the command does once the project is open: read the JSON Lines file, check every row
  against the project (articles, sentences, codebook, marks already there) and store the new rows
  through ImportAnnotations in one transaction;
- floor: the same rows, already resolved to spans and ids, written by one bare `executemany` on a
  plain sqlite3 connection in one transaction (the schema's triggers run in both).

Prints both medians and their ratio. A script:

    PYTHONPATH=. python tests/bench/bench_exchange.py [--quick] [--runs N] [--rows N]
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import sqlite3
import statistics
import tempfile
import time
from pathlib import Path

from annotator.core.exchange.annotation_rows import read_rows
from annotator.core.ops import runner
from annotator.core.ops.annotations_batch import ImportAnnotations
from annotator.core.records import ParsedArticle
from annotator.core.store.project import Project

ARTICLES, SENTENCES = 200, 50
TARGET_S = 2.0
ANNOTATORS = ["amy", "bob", "chen", "dana"]


def make_project(path: Path) -> None:
    sentence = "The official said on Tuesday that the talks would resume next week in Geneva."
    with Project.create(path) as project:
        for n in range(ARTICLES):
            body = " ".join(f"{sentence} ({n}.{i})" for i in range(SENTENCES))
            spans, start = [], 0
            for i in range(SENTENCES):
                end = start + len(f"{sentence} ({n}.{i})")
                spans.append((start, end))
                start = end + 1
            project.articles.add(ParsedArticle(title=f"Article {n}", body=body, outlet=f"Outlet {n % 12}"), spans)


def make_rows(project_path: Path, count: int, out: Path) -> None:
    """`count` distinct marks: by sentence number or by offsets, with sources and notes on some."""
    rng = random.Random(7)
    with Project.open(project_path, read_only=True) as project:
        keys = [c.key for c in project.categories.list()]
        spans = {a: project.articles.sentences(a) for a in range(1, ARTICLES + 1)}
    chosen = set()
    with out.open("w", encoding="utf-8") as handle:
        while len(chosen) < count:
            article, idx = rng.randint(1, ARTICLES), rng.randrange(SENTENCES)
            key, who = rng.choice(keys), rng.choice(ANNOTATORS)
            if (article, idx, key, who) in chosen:
                continue
            chosen.add((article, idx, key, who))
            row = {"article_id": article, "category": key, "annotator": who}
            if len(chosen) % 2:
                row["sentence"] = idx + 1
            else:
                row["start"], row["end"] = spans[article][idx].start, spans[article][idx].end
            if len(chosen) % 3 == 0:
                row["source"], row["note"] = "a senior official", "checked against the transcript"
            handle.write(json.dumps(row) + "\n")


def run_import(project_path: Path, rows_path: Path) -> list[tuple]:
    """The import as the command runs it; returns the stored rows for the floor to write."""
    rows, unreadable = read_rows(rows_path)
    assert not unreadable
    with Project.open(project_path) as project:
        operation = ImportAnnotations(rows, name=rows_path.name, default_annotator="bench")
        runner.apply(project, operation)
        assert len(operation.added) == len(rows), (len(operation.added), len(rows))
        return [tuple(a) for a in operation.added]


def run_floor(project_path: Path, stored: list[tuple]) -> None:
    conn = sqlite3.connect(project_path, isolation_level=None)
    try:
        conn.execute("BEGIN IMMEDIATE")
        conn.executemany("INSERT INTO annotators (name) VALUES (?) ON CONFLICT (name) DO NOTHING",
                         [(name,) for name in ANNOTATORS])
        people = dict(conn.execute("SELECT name, id FROM annotators"))
        categories = dict(conn.execute("SELECT key, id FROM categories"))
        conn.executemany(
            'INSERT INTO annotations (article_id, start, "end", category_id, annotator_id, source_name, note,'
            " created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [(a, s, e, categories[k], people[p], src, note, c, u) for _, a, s, e, k, p, src, note, c, u in stored])
        conn.execute("COMMIT")
    finally:
        conn.close()


def timed(fn) -> tuple[float, object]:
    start = time.perf_counter()
    result = fn()
    return time.perf_counter() - start, result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="3 runs")
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--rows", type=int, default=10_000)
    args = parser.parse_args()
    runs = 3 if args.quick else args.runs
    with tempfile.TemporaryDirectory() as folder:
        base, rows_path = Path(folder) / "base.annot", Path(folder) / "rows.jsonl"
        make_project(base)
        make_rows(base, args.rows, rows_path)
        imports, floors = [], []
        for n in range(runs):
            copy_a, copy_b = Path(folder) / f"a{n}.annot", Path(folder) / f"b{n}.annot"
            shutil.copy(base, copy_a)
            shutil.copy(base, copy_b)
            seconds, stored = timed(lambda: run_import(copy_a, rows_path))
            imports.append(seconds)
            floors.append(timed(lambda: run_floor(copy_b, stored))[0])
    imported, floor = statistics.median(imports), statistics.median(floors)
    print(f"{args.rows:,} rows into {ARTICLES} articles, median of {runs} runs")
    print(f"  import (read, check, store):  {imported * 1000:8.1f} ms  (target under {TARGET_S:.0f} s:"
          f" {'met' if imported < TARGET_S else 'MISSED'})")
    print(f"  floor (bare executemany):     {floor * 1000:8.1f} ms")
    print(f"  ratio import / floor:         {imported / floor:8.2f}")


if __name__ == "__main__":
    main()
