"""Benchmark of the team server: sharing, syncing, and the cost of sync to a project never shared.

Against a real PostgreSQL server started for the run (tests/support/pg_server.py), as a teacher
login that is not a superuser (so the row-level-security policies are checked, as for a real teacher):

(a) share: `session.share` of a copy of a 1,000-article / 100,000-annotation project (about 101,000
    entities) into a fresh empty database, split into the local read (`push._outgoing`: outbox and
    documents from SQLite), the server transaction (`push._send`: JSON, COPY, conflicts, INSERT ...
    SELECT, commit) and the rest (uids, outbox, revisions seen, pull). Floor: one bare COPY of the
    very rows the share stored (read back from the server) into a plain table of the same shape in a
    fresh database (connect, create, COPY, commit).
(b) sync: `session.sync` with nothing changed, and with exactly one new annotation, on projects of
    10,000 / 100,000 / 1,000,000 annotations (after an untimed share and one untimed sync). Floor:
    connect and `SELECT 1` on a fresh connection to the same server. It should cost in proportion to
    the changes, not to the project: the ratio largest / smallest size should be near 1. Autovacuum is
    off on the bench's server, and each is timed twice: as shared (no statistics on the server yet,
    as between any large push and the next autoanalyze) and after an `ANALYZE`. Medians of 4 x runs
    syncs each, as one takes milliseconds.
(c) offline: 2,000 bare INSERTs into annotations (the statement `annotations.add` runs, its checks
    skipped), each its own committed transaction (WAL, synchronous=FULL, as the app), on an unshared
    copy as it is (schema 9: the sync triggers look up the empty sync_link) and on a copy with the
    sync triggers dropped, the two taking turns insert by insert. Also shown: the app's own
    `annotations.add` (checks and all) on a copy as it is.

Medians of several runs, ratios to the floor. Projects come from bench_core's cached generator. A script:

    PYTHONPATH=. python tests/bench/bench_sync.py [--quick] [--runs N]

--quick: 3 runs, (b) without the 1,000,000-annotation project.
"""

from __future__ import annotations

import argparse
import shutil
import signal
import sqlite3
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from statistics import median

import psycopg

from annotator.core.store.project import Project
from annotator.core.team import push as push_module, session
from tests.bench.bench_core import cached_project
from tests.support import pg_server

TEACHER = "bench_teacher"
SHAPE = """(kind text, uid text, rev bigint, owner text, deleted bool, edited_at text, doc jsonb,
    PRIMARY KEY (kind, uid))"""
ADDS = 2_000
INSERT = ('INSERT INTO annotations (article_id, start, "end", category_id, annotator_id, source_name, note,'
          " created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")


def timed(fn: Callable[[], object]) -> tuple[float, object]:
    start = time.perf_counter()
    result = fn()
    return time.perf_counter() - start, result


def new_database(server: pg_server.Server, name: str) -> str:
    """A fresh empty database owned by the teacher login; its URL for that login."""
    with psycopg.connect(server.url(), autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}"')
        admin.execute(f'CREATE DATABASE "{name}" OWNER {TEACHER}')
    return server.url(user=TEACHER, database=name)


def drop_database(server: pg_server.Server, name: str) -> None:
    with psycopg.connect(server.url(), autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}"')


@contextmanager
def split(names: tuple[str, ...] = ("_outgoing", "_send")) -> Iterator[dict[str, float]]:
    """Seconds spent in these functions of push.py while the block runs."""
    spent = dict.fromkeys(names, 0.0)
    originals = {name: getattr(push_module, name) for name in names}

    def wrapped(name: str, fn: Callable) -> Callable:
        def call(*args, **kwargs):
            start = time.perf_counter()
            try:
                return fn(*args, **kwargs)
            finally:
                spent[name] += time.perf_counter() - start
        return call

    for name, fn in originals.items():
        setattr(push_module, name, wrapped(name, fn))
    try:
        yield spent
    finally:
        for name, fn in originals.items():
            setattr(push_module, name, fn)


def floor_copy(url: str, rows: list[tuple]) -> float:
    start = time.perf_counter()
    with psycopg.connect(url) as conn:
        conn.execute(f"CREATE TABLE entities {SHAPE}")
        with conn.cursor().copy("COPY entities (kind, uid, rev, owner, deleted, edited_at, doc) FROM STDIN") as copy:
            for row in rows:
                copy.write_row(row)
        conn.commit()
    return time.perf_counter() - start


def bench_share(server: pg_server.Server, folder: Path, runs: int) -> None:
    source = cached_project(1_000, 100_000)
    shares, reads, sends, rests, floors, rows, sent = [], [], [], [], [], None, 0
    for n in range(runs):
        copy = folder / f"share_{n}.annot"
        shutil.copy(source, copy)
        url = new_database(server, f"share_{n}")
        with Project.open(copy) as project, split() as spent:
            seconds, summary = timed(lambda: session.share(project, url))
        shares.append(seconds)
        reads.append(spent["_outgoing"])
        sends.append(spent["_send"])
        rests.append(seconds - spent["_outgoing"] - spent["_send"])
        sent = summary.sent
        if rows is None:  # the documents as the share stored them, for the floor
            with psycopg.connect(url) as conn:
                rows = conn.execute("SELECT kind, uid, rev, owner, deleted, edited_at, doc::text"
                                    " FROM annotator.entities").fetchall()
            assert len(rows) == sent, (len(rows), sent)
        drop_database(server, f"share_{n}")
        copy.unlink()
        floors.append(floor_copy(new_database(server, f"floor_{n}"), rows))
        drop_database(server, f"floor_{n}")
    shared, floor = median(shares), median(floors)
    print(f"(a) share of 1,000 articles / 100,000 annotations ({sent:,} entities), median of {runs} runs")
    print(f"  share (whole):                  {shared * 1000:9.1f} ms")
    print(f"    local read (push._outgoing):  {median(reads) * 1000:9.1f} ms")
    print(f"    server transaction (_send):   {median(sends) * 1000:9.1f} ms")
    print(f"    the rest (uids, outbox, pull):{median(rests) * 1000:9.1f} ms")
    print(f"  floor (bare COPY, same rows):   {floor * 1000:9.1f} ms")
    print(f"  ratio share / floor:            {shared / floor:9.2f}")


def round_trip(url: str) -> float:
    start = time.perf_counter()
    with psycopg.connect(url) as conn:
        conn.execute("SELECT 1").fetchone()
    return time.perf_counter() - start


def sync_medians(project: Project, url: str, spans: list) -> tuple[float, float, float]:
    """Medians of a sync with nothing changed, of one carrying one new annotation (one per span), and of the floor."""
    category = project.categories.list()[0].key
    nothing, added, floors = [], [], []
    for span in spans:
        seconds, summary = timed(lambda: session.sync(project))
        assert summary.sent == summary.received == 0, summary.lines()
        nothing.append(seconds)
        project.annotations.add(span.article_id, span.start, span.end, category=category, annotator=TEACHER)
        seconds, summary = timed(lambda: session.sync(project))
        assert summary.sent == 1, summary.lines()
        added.append(seconds)
        floors.append(round_trip(url))
    return median(nothing), median(added), median(floors)


def bench_sync(server: pg_server.Server, folder: Path, runs: int, sizes: list[tuple[int, int]]) -> None:
    sources = {n_annotations: cached_project(n_articles, n_annotations) for n_articles, n_annotations in sizes}
    samples = 4 * runs  # a sync takes milliseconds: more samples on a noisy machine, for little time
    print(f"(b) sync after sharing, median of {samples} syncs; floor: connect + SELECT 1 on a fresh connection;"
          " autovacuum off, so\n    'as shared' is the state between a large push and the server's next ANALYZE")
    print("  annotations  share (set-up)  state            floor    nothing changed   1 new annotation")
    found: dict[str, dict[int, tuple[float, float, float]]] = {"as shared": {}, "after ANALYZE": {}}
    for n_annotations, source in sources.items():
        copy, name = folder / f"sync_{n_annotations}.annot", f"sync_{n_annotations}"
        shutil.copy(source, copy)
        url = new_database(server, name)
        with Project.open(copy) as project:
            setup, _ = timed(lambda: session.share(project, url))
            session.sync(project)  # untimed: the first sync after the share
            spans = [s for a in range(1, 2 * samples // 20 + 2) for s in project.articles.sentences(a)]
            found["as shared"][n_annotations] = sync_medians(project, url, spans[:samples])
            with psycopg.connect(server.url(database=name), autocommit=True) as admin:
                admin.execute("ANALYZE annotator.entities")
            found["after ANALYZE"][n_annotations] = sync_medians(project, url, spans[samples:2 * samples])
        drop_database(server, name)
        copy.unlink()
        for state, by_size in found.items():
            idle, one, floor = by_size[n_annotations]
            head = f"{n_annotations:>13,}  {setup:11.1f} s" if state == "as shared" else " " * 28
            print(f"{head}  {state:<14} {floor * 1000:5.1f} ms  {idle * 1000:7.1f} ms ({idle / floor:4.1f})"
                  f"  {one * 1000:7.1f} ms ({one / floor:4.1f})")
    small, large = min(found["as shared"]), max(found["as shared"])
    for state, by_size in found.items():
        idle, one = by_size[large][0] / by_size[small][0], by_size[large][1] / by_size[small][1]
        print(f"  ratio {large:,} / {small:,} annotations, {state}: nothing changed {idle:5.2f},"
              f" 1 new annotation {one:5.2f}")


def app_connection(path: Path) -> tuple[sqlite3.Connection, list[tuple]]:
    """A plain connection set as the app's (WAL, synchronous=FULL, foreign keys) and ADDS new annotation rows."""
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = FULL")
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("INSERT OR IGNORE INTO annotators (name) VALUES ('bench')")
    person = conn.execute("SELECT id FROM annotators WHERE name = 'bench'").fetchone()[0]
    category = conn.execute("SELECT min(id) FROM categories").fetchone()[0]
    spans = conn.execute(f'SELECT article_id, start, "end" FROM sentences ORDER BY article_id, idx LIMIT {ADDS}')
    stamp = "2025-03-05T10:00:00.000Z"
    return conn, [(a, s, e, category, person, "", "", stamp, stamp) for a, s, e in spans]


def bare_adds(paths: tuple[Path, Path]) -> tuple[float, float]:
    """Seconds of ADDS bare INSERTs into each file, each its own committed transaction; the two files take
    turns insert by insert, so a busy moment of the machine falls on both alike."""
    opened = [app_connection(path) for path in paths]
    spent = [0.0, 0.0]
    try:
        for i in range(ADDS):
            for side in ((0, 1) if i % 2 == 0 else (1, 0)):
                conn, rows = opened[side]
                start = time.perf_counter()
                conn.execute("BEGIN IMMEDIATE")
                conn.execute(INSERT, rows[i])
                conn.execute("COMMIT")
                spent[side] += time.perf_counter() - start
    finally:
        for conn, _ in opened:
            conn.close()
    return spent[0], spent[1]


def without_sync_triggers(path: Path) -> None:
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        names = [r[0] for r in conn.execute(
            r"SELECT name FROM sqlite_master WHERE type='trigger' AND name LIKE '%\_shared\_%' ESCAPE '\'")]
        assert names, "no sync triggers in the project"
        for name in names:
            conn.execute(f'DROP TRIGGER "{name}"')
    finally:
        conn.close()


def app_adds(path: Path) -> float:
    with Project.open(path) as project:
        spans = [s for a in range(1, 101) for s in project.articles.sentences(a)][:ADDS]
        key = project.categories.list()[0].key
        start = time.perf_counter()
        for s in spans:
            project.annotations.add(s.article_id, s.start, s.end, category=key, annotator="bench")
        return time.perf_counter() - start


def bench_offline(folder: Path, runs: int) -> None:
    source = cached_project(100, 10_000)
    with_triggers, without, app = [], [], []
    for n in range(runs):
        plain, stripped, through_app = (folder / f"offline_{n}_{which}.annot" for which in ("as_is", "bare", "app"))
        for copy in (plain, stripped, through_app):
            shutil.copy(source, copy)
        without_sync_triggers(stripped)
        ours, floor = bare_adds((plain, stripped))
        with_triggers.append(ours)
        without.append(floor)
        app.append(app_adds(through_app))
    ours, floor = median(with_triggers), median(without)
    print(f"(c) offline: {ADDS:,} annotations added one transaction each to an unshared project,"
          f" median of {runs} runs")
    print(f"  bare INSERTs, sync triggers present:  {ours * 1000:8.1f} ms ({ours / ADDS * 1e6:6.0f} us each)")
    print(f"  bare INSERTs, sync triggers dropped:  {floor * 1000:8.1f} ms ({floor / ADDS * 1e6:6.0f} us each)")
    print(f"  ratio present / dropped:              {ours / floor:8.2f}")
    added = median(app)
    print(f"  (the app's annotations.add, as is:    {added * 1000:8.1f} ms, {added / ADDS * 1e6:6.0f} us each)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="3 runs, no 1,000,000-annotation project")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    runs = 3 if args.quick else args.runs
    sizes = [(100, 10_000), (1_000, 100_000)] + ([] if args.quick else [(10_000, 1_000_000)])
    signal.signal(signal.SIGTERM, signal.default_int_handler)  # a kill cleans up as Ctrl-C does
    with tempfile.TemporaryDirectory(prefix="bench-sync-") as tmp:
        server = pg_server.start()
        try:
            with psycopg.connect(server.url(), autocommit=True) as admin:
                admin.execute(f"CREATE ROLE {TEACHER} LOGIN CREATEROLE")
                admin.execute("ALTER SYSTEM SET autovacuum = off")  # (b) says when statistics exist
                admin.execute("SELECT pg_reload_conf()")
            bench_share(server, Path(tmp), runs)
            bench_sync(server, Path(tmp), runs, sizes)
            bench_offline(Path(tmp), runs)
        finally:
            pg_server.discard(server)


if __name__ == "__main__":
    main()
