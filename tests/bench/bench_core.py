"""Benchmarks of the annotator core against its performance targets.

Measures, as medians over several runs:
1. importing 1,000 seed-sized news articles with `import_paths` into a fresh project (articles/s,
   target >= 100/s on 2 cores);
2. `outlet_summary` over 10,000 articles and 1,000,000 annotations (target < 0.5 s);
3. `write_annotations_csv` of those annotations against a bare sqlite3 + csv.writer loop over
   `SELECT * FROM annotations` (target ratio <= 2.0);
4. the HTML report of 100 articles / 2,500 annotations (target < 2 s);
5. the PDF report against the HTML report of 50 outlets and 100 claims (tests/support/many_claims.py),
   printing the ratio of their medians (target <= 10: the PDF lays out and paints what the HTML only writes).

The large project is bulk-built with sqlite3 into a file made by `Project.create` and cached in the
system temp folder, so later runs reuse it. This is a script, not a pytest test:

    PYTHONPATH=. python tests/bench/bench_core.py [--quick] [--profile]

--quick shrinks the sizes (200 articles, 1,000 articles with 100,000 annotations) for a smoke run;
--profile also prints the top cProfile entries of one run of each measured call.
"""

from __future__ import annotations

import argparse
import cProfile
import csv
import hashlib
import os
import pstats
import random
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path

from annotator.core.reports.csv_export import write_annotations_csv
from annotator.core.ingest.batch import import_paths
from annotator.core.store.project import Project
from annotator.core.store.schema import LATEST_VERSION
from annotator.core.store.sentence_index import index_sentences
from annotator.core.ingest.segment import split_sentences
from annotator.core.analysis.stats import outlet_summary

SEEDS = Path(__file__).resolve().parents[2] / "seeds" / "articles"
CACHE = Path(tempfile.gettempdir()) / "annotator-bench"
BUILD_VERSION = 4  # bump when the generated project or an unshipped schema step changes, so a stale cache is not reused
OUTLETS = ["Reuters", "AP", "The Record", "Cybernews", "newz9.com", "metaworld.media", "BBC",
           "Politico", "The Guardian", "Kyiv Independent"]
ANNOTATORS = ["ana", "ben", "chen", "dara", "eli"]
SOURCES = ["", "", "", "Pete Hegseth", "a senior defense official", "The Record", "Jason Kikta", "NSA"]
WORDS = ["Moscow", "Kyiv", "Brussels", "Warsaw", "Tallinn", "Vilnius", "Riga", "Helsinki"]


def timed(fn: Callable[[], object], runs: int) -> list[float]:
    """Wall-clock seconds of `runs` calls of fn."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return times


def profile(label: str, fn: Callable[[], object], top: int = 12) -> None:
    profiler = cProfile.Profile()
    profiler.runcall(fn)
    print(f"\n--- cProfile: {label} (top {top} by cumulative time) ---")
    pstats.Stats(profiler, stream=sys.stdout).strip_dirs().sort_stats("cumulative").print_stats(top)


def verdict(ok: bool) -> str:
    return "PASS" if ok else "MISS"


def fmt(times: list[float]) -> str:
    return ", ".join(f"{t:.3f}" for t in times)


def seed_texts() -> list[tuple[str, str]]:
    """(header, body) of each sample article."""
    texts = [p.read_text(encoding="utf-8").split("\n\n", 1) for p in sorted(SEEDS.glob("*.md"))]
    return [(header, body.lstrip("\n")) for header, body in texts]


def write_articles(folder: Path, count: int) -> None:
    """`count` seed-sized articles with unique bodies, alternately .md (with header) and .txt."""
    seeds = seed_texts()
    for i in range(count):
        header, body = seeds[i % len(seeds)]
        body = body.replace("Russia", WORDS[i % len(WORDS)], 1).rstrip("\n")
        body += f"\nThis is copy {i} of the report, filed under reference {i * 7919:08x}.\n"
        if i % 2 == 0:
            (folder / f"article_{i:05d}.md").write_text(f"{header}\n\n{body}", encoding="utf-8")
        else:
            (folder / f"article_{i:05d}.txt").write_text(f"Copy {i} of a wire report\n\n{body}", encoding="utf-8")


def bench_import(count: int, runs: int, show_profile: bool) -> None:
    with tempfile.TemporaryDirectory(prefix="bench-import-") as tmp:
        articles = Path(tmp) / "articles"
        articles.mkdir()
        write_articles(articles, count)
        times = []
        for run in range(runs + show_profile):
            with Project.create(Path(tmp) / f"import_{run}.annot") as project:  # fresh file, untimed
                if run == runs:
                    profile("import_paths (main process only)", lambda: import_paths(project, [articles]))
                    continue
                start = time.perf_counter()
                report = import_paths(project, [articles])
                times.append(time.perf_counter() - start)
            assert len(report.imported) == count, (len(report.imported), report.refused[:3], report.duplicates[:3])
    rate = count / statistics.median(times)
    print(f"1. import {count} articles: median {statistics.median(times):.2f} s = {rate:.0f} articles/s "
          f"(runs {fmt(times)})   target >= 100/s   {verdict(rate >= 100)}")


def sentence_pool() -> list[str]:
    pool = []
    for _, body in seed_texts():
        pool.extend(body[s:e] for s, e in split_sentences(body))
    return pool


def article_rows(n_articles: int, per_article: int, outlet_ids: list[int]) -> tuple[list, list]:
    """Rows for `articles` and `sentences`: bodies of pooled sentences, lines of a few sentences."""
    rng, pool = random.Random(1), sentence_pool()
    articles, sentences = [], []
    for aid in range(1, n_articles + 1):
        parts = [f"Report {aid} from the wire desk."] + rng.sample(pool, k=per_article - 1)
        body, spans = "", []
        for idx, text in enumerate(parts):
            if body:
                body += "\n" if idx % 4 == 0 else " "
            spans.append((aid, idx, len(body), len(body) + len(text)))
            body += text
        digest = hashlib.sha256(body.encode("utf-8")).hexdigest()
        articles.append((aid, outlet_ids[aid % len(outlet_ids)], f"Article {aid}", f"https://example.org/{aid}",
                         None, "2025-03-04", body, digest, None, "2025-03-05T10:00:00.000Z"))
        sentences.extend(spans)
    return articles, sentences


def annotation_rows(sentences: list[tuple], n_annotations: int, category_ids: list[int],
                    annotator_ids: list[int]) -> Iterator[tuple]:
    """Annotations snapped to random sentences, in article order, spread over categories and people."""
    rng = random.Random(2)
    per_article = n_annotations / sentences[-1][0]
    by_article: dict[int, list[tuple]] = {}
    for row in sentences:
        by_article.setdefault(row[0], []).append(row)
    made = 0
    for aid, spans in by_article.items():
        want = round(aid * per_article) - made
        for _, _, start, end in sorted(rng.choices(spans, k=want), key=lambda r: r[2]):
            stamp = f"2025-03-{rng.randint(10, 28)}T{rng.randint(0, 23):02d}:{rng.randint(0, 59):02d}:00.000Z"
            yield (aid, start, end, rng.choice(category_ids), rng.choice(annotator_ids),
                   rng.choice(SOURCES), "check wording" if rng.random() < 0.05 else "", stamp, stamp)
        made += want


def build_project(path: Path, n_articles: int, n_annotations: int) -> None:
    Project.create(path).close()
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA synchronous = OFF")
    conn.execute("PRAGMA cache_size = -262144")
    conn.execute("BEGIN")
    conn.executemany("INSERT INTO outlets (name) VALUES (?)", [(o,) for o in OUTLETS])
    conn.executemany("INSERT INTO annotators (name) VALUES (?)", [(a,) for a in ANNOTATORS])
    outlet_ids = [r[0] for r in conn.execute("SELECT id FROM outlets")]
    category_ids = [r[0] for r in conn.execute("SELECT id FROM categories")]
    annotator_ids = [r[0] for r in conn.execute("SELECT id FROM annotators")]
    articles, sentences = article_rows(n_articles, 25, outlet_ids)
    conn.executemany("INSERT INTO articles (id, outlet_id, title, url, author, published, body, body_sha256,"
                     " source_file, imported_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", articles)
    conn.executemany('INSERT INTO sentences (article_id, idx, start, "end") VALUES (?, ?, ?, ?)', sentences)
    spans: dict[int, list[tuple[int, int, int]]] = {}
    for aid, idx, start, end in sentences:
        spans.setdefault(aid, []).append((idx, start, end))
    for row in articles:  # the search index's rows, as the store writes them
        index_sentences(conn, row[0], row[6], spans.get(row[0], ()))
    conn.executemany(
        'INSERT INTO annotations (article_id, start, "end", category_id, annotator_id, source_name, note,'
        " created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        annotation_rows(sentences, n_annotations, category_ids, annotator_ids))
    conn.execute("COMMIT")
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()


def cached_project(n_articles: int, n_annotations: int) -> Path:
    """The path of the built project, building it (atomically) when it is not cached yet."""
    CACHE.mkdir(exist_ok=True)
    path = CACHE / f"v{BUILD_VERSION}_schema{LATEST_VERSION}_{n_articles}_{n_annotations}.annot"
    if path.exists():
        print(f"   (reusing {path})")
        return path
    part = path.with_suffix(".part")
    for leftover in CACHE.glob(part.name + "*"):
        leftover.unlink()
    start = time.perf_counter()
    build_project(part, n_articles, n_annotations)
    os.replace(part, path)
    print(f"   (built {path} in {time.perf_counter() - start:.1f} s, {path.stat().st_size / 1e6:.0f} MB)")
    return path


def bare_export(path: Path, out: Path) -> None:
    conn = sqlite3.connect(path)
    with out.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        for row in conn.execute("SELECT * FROM annotations"):
            writer.writerow(row)
    conn.close()


SAME_ROWS = """
    SELECT o.name, a.id, a.title, a.url, a.published, n.start, n."end",
           substr(a.body, n.start + 1, n."end" - n.start), c.key, c.label, n.source_name, n.note,
           p.name, n.created_at, n.updated_at
    FROM annotations n JOIN articles a ON a.id = n.article_id JOIN outlets o ON o.id = a.outlet_id
    JOIN categories c ON c.id = n.category_id JOIN annotators p ON p.id = n.annotator_id
    ORDER BY n.article_id, n.start, n.id
"""


def bare_same_rows_export(path: Path, out: Path) -> None:
    """The export's rows (all but the sentence number) by one SQL join, written with csv.writer."""
    conn = sqlite3.connect(path)
    with out.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows(conn.execute(SAME_ROWS))
    conn.close()


def bench_summary(project: Project, label: str, show_profile: bool) -> None:
    first = timed(lambda: outlet_summary(project.database), 1)
    times = timed(lambda: outlet_summary(project.database), 3 if first[0] > 5 else 5)
    if show_profile:
        profile("outlet_summary", lambda: outlet_summary(project.database))
    median = statistics.median(times)
    print(f"2. outlet_summary over {label}: median {median:.3f} s (first {first[0]:.3f} s, runs {fmt(times)})"
          f"   target < 0.5 s   {verdict(median < 0.5)}")


def bench_export(project: Project, path: Path, label: str, show_profile: bool) -> None:
    with tempfile.TemporaryDirectory(prefix="bench-export-") as tmp:
        out = Path(tmp) / "annotations.csv"
        core = timed(lambda: write_annotations_csv(project.database, out), 3)
        bare = timed(lambda: bare_export(path, Path(tmp) / "bare.csv"), 3)
        same = timed(lambda: bare_same_rows_export(path, Path(tmp) / "same.csv"), 3)
        sizes = [(Path(tmp) / name).stat().st_size / 1e6 for name in ("annotations.csv", "bare.csv", "same.csv")]
        if show_profile:
            profile("write_annotations_csv", lambda: write_annotations_csv(project.database, out))
    ratio = statistics.median(core) / statistics.median(bare)
    print(f"3. CSV export of {label}: write_annotations_csv median {statistics.median(core):.2f} s "
          f"(runs {fmt(core)}, {sizes[0]:.0f} MB), bare sqlite3+csv median {statistics.median(bare):.2f} s "
          f"(runs {fmt(bare)}, {sizes[1]:.0f} MB)\n   ratio {ratio:.2f}   target <= 2.0   {verdict(ratio <= 2.0)}")
    same_ratio = statistics.median(core) / statistics.median(same)
    print(f"   bare sqlite3 join + csv over the export's own rows: median {statistics.median(same):.2f} s "
          f"(runs {fmt(same)}, {sizes[2]:.0f} MB)\n   ratio {same_ratio:.2f}   target <= 2.0   "
          f"{verdict(same_ratio <= 2.0)}")


def bench_report(runs: int) -> None:
    """HTML report of 100 articles, every sentence annotated (about 2,500 annotations)."""
    from annotator.core.reports.html_report import write_html_report

    with tempfile.TemporaryDirectory(prefix="bench-report-") as tmp:
        path = Path(tmp) / "report.annot"
        build_project(path, 100, 2_500)
        with Project.open(path) as project:
            times = timed(lambda: write_html_report(project, Path(tmp) / "r.html"), runs)
            size = (Path(tmp) / "r.html").stat().st_size / 1e6
    median = statistics.median(times)
    print(f"4. HTML report of 100 articles / 2,500 annotations: median {median:.2f} s (runs {fmt(times)}, "
          f"{size:.1f} MB)   target < 2 s   {verdict(median < 2.0)}")


def bench_pdf_report(runs: int) -> None:
    """PDF against HTML report of 50 outlets and 100 claims (wide tables, were the PDF to draw them so)."""
    import importlib.util

    from annotator.core.reports.html_report import write_html_report
    from annotator.ui.dashboard.report_pdf import write_pdf_report

    spec = importlib.util.spec_from_file_location(
        "many_claims", Path(__file__).parents[1] / "support" / "many_claims.py")
    many_claims = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(many_claims)
    with tempfile.TemporaryDirectory(prefix="bench-pdf-") as tmp:
        many_claims.build(Path(tmp) / "claims.annot", 50, 100).close()
        with Project.open(Path(tmp) / "claims.annot", read_only=True) as project:
            html = timed(lambda: write_html_report(project, Path(tmp) / "r.html"), runs)
            pdf = timed(lambda: write_pdf_report(project, Path(tmp) / "r.pdf"), runs)
    ratio = statistics.median(pdf) / statistics.median(html)
    print(f"5. report of 50 outlets / 100 claims: PDF median {statistics.median(pdf):.2f} s, HTML median "
          f"{statistics.median(html):.2f} s, ratio {ratio:.1f}   target <= 10   {verdict(ratio <= 10)}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="small sizes for a smoke run")
    parser.add_argument("--profile", action="store_true", help="print a cProfile of one run of each")
    args = parser.parse_args()
    n_import, n_articles, n_annotations = (200, 1_000, 100_000) if args.quick else (1_000, 10_000, 1_000_000)
    cpus = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    print(f"Python {sys.version.split()[0]}, SQLite {sqlite3.sqlite_version}, "
          f"CPUs {os.cpu_count()} (usable {cpus}){', QUICK sizes' if args.quick else ''}")
    bench_import(n_import, 3, args.profile)
    label = f"{n_articles:,} articles / {n_annotations:,} annotations"
    path = cached_project(n_articles, n_annotations)
    with Project.open(path) as project:
        bench_summary(project, label, args.profile)
        bench_export(project, path, label, args.profile)
    bench_report(5)
    bench_pdf_report(3)


if __name__ == "__main__":
    main()
