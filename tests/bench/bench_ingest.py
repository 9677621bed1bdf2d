"""Ingest benchmarks; run by hand, not by pytest: `python tests/bench/bench_ingest.py [--quick]`.

Each figure is printed with its floor, measured in the same run, and the ratio:
(a) sentence splitting of one-line texts of 100 KB and 1 MB (the ratio of the two should stay
    near 10, i.e. linear), and of the 100 KB text against pysbd alone on the same text in lines;
(b) `import_paths` of ~1,000 seed-size articles against the floor "pysbd over the same texts on
    2 processes" (floor time / import time should be at least 0.8);
(c) splitting one line with no sentence end (no . ? or !), doubled four times from 25 KB to 400 KB:
    words and commas, and words, commas and parentheses (which pysbd reads); the time per character
    of the last against the first (linear = 1.0), and the floor `str.split` of the same text;
(d) `import_paths` of one document doubled four times from 12,500 to 200,000 words, with its parts
    (splitting alone, storing the split article alone), against the floor "the same sentence rows,
    with their text, written by a bare sqlite3 executemany into a table of a new file"; the time per
    word of the last against the first (linear = 1.0).
"""

from __future__ import annotations

import argparse
import multiprocessing
import random
import sqlite3
import statistics
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from contextlib import closing
from pathlib import Path

from annotator.core.ingest.batch import import_paths
from annotator.core.ingest.segment import split_sentences
from annotator.core.records import ParsedArticle
from annotator.core.resources import seeds_dir
from annotator.core.store.project import Project

DOUBLINGS = 4


def seed_texts() -> list[str]:
    return [p.read_text(encoding="utf-8") for p in sorted((seeds_dir() / "articles").glob("*.md"))]


def median_time(function, repeats: int) -> float:
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def one_line(size: int) -> str:
    base = " ".join(" ".join(text.split()) for text in seed_texts())
    return (base + " ") * (size // len(base) + 1)


def _pysbd_lines(text: str) -> int:
    import pysbd

    segmenter = pysbd.Segmenter(language="en", clean=False)
    return sum(len(segmenter.segment(line)) for line in text.split("\n") if line.strip())


def bench_split(quick: bool) -> None:
    repeats = 1 if quick else 3
    small, large = one_line(100_000)[:100_000], one_line(1_000_000)[:1_000_000]
    t_small = median_time(lambda: split_sentences(small), repeats)
    t_large = median_time(lambda: split_sentences(large), repeats)
    lines = "\n".join(text for text in seed_texts()) * (100_000 // sum(map(len, seed_texts())) + 1)
    lines = lines[:100_000]
    floor = median_time(lambda: _pysbd_lines(lines), repeats)
    mine = median_time(lambda: split_sentences(lines), repeats)
    print(f"(a) split one line 100 KB: median {t_small:.3f} s; 1 MB: median {t_large:.3f} s; "
          f"ratio 1 MB / 100 KB = {t_large / t_small:.2f} (linear = 10)")
    print(f"    split 100 KB one line {t_small:.3f} s vs floor pysbd alone on the same text in lines "
          f"{floor:.3f} s: ratio {t_small / floor:.2f}")
    print(f"    split_sentences on the text in lines {mine:.3f} s vs the same floor: ratio {mine / floor:.2f}")


def _write_articles(folder: Path, count: int) -> list[str]:
    seeds = seed_texts()
    bodies = []
    for i in range(count):
        text = seeds[i % len(seeds)].replace("\n\n", f"\n\nCopy {i} of the story, kept apart.\n\n", 1)
        (folder / f"{i:05}.md").write_text(text, encoding="utf-8")
        bodies.append(text)
    return bodies


def bench_import(quick: bool) -> None:
    count = 200 if quick else 1000
    repeats = 1 if quick else 3
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "articles"
        folder.mkdir()
        bodies = _write_articles(folder, count)

        def run_import(n=[0]) -> None:
            n[0] += 1
            with Project.create(Path(tmp) / f"p{n[0]}.annot") as project:
                report = import_paths(project, [folder])
                assert len(report.imported) == count, (len(report.imported), report.refused[:3])

        def floor_run() -> None:
            with ProcessPoolExecutor(2, mp_context=multiprocessing.get_context("spawn")) as pool:
                list(pool.map(_pysbd_lines, bodies, chunksize=8))

        t_import = median_time(run_import, repeats)
        t_floor = median_time(floor_run, repeats)
    print(f"(b) import {count} seed-size articles: median {t_import:.2f} s ({count / t_import:.0f} articles/s); "
          f"floor pysbd over the same texts on 2 processes: median {t_floor:.2f} s; "
          f"ratio floor / import = {t_floor / t_import:.2f} (target >= 0.8)")


def no_end_line(size: int, *, parentheses: bool) -> str:
    """One line of about `size` characters of the seed articles' words and commas, no . ? or !."""
    words = " ".join(seed_texts()).translate(str.maketrans("", "", ".?!()")).split()
    if parentheses:
        words += ["(a", "senior", "official)"] * (len(words) // 30)
    rng = random.Random(size)
    picked, length = [], 0
    while length < size:
        picked.append(rng.choice(words) + ("," if rng.random() < 0.1 else ""))
        length += len(picked[-1]) + 1
    return " ".join(picked)[:size]


def _doubling_line(label: str, sizes: list[int], times: list[float], unit: str) -> str:
    """Each size's time, and the time per unit of the largest over that of the smallest (linear: 1)."""
    shown = ", ".join(f"{n / 1000:g}k {t:.3f} s" for n, t in zip(sizes, times))
    growth = (times[-1] / sizes[-1]) / (times[0] / sizes[0])
    return f"    {label}: {shown}; time per {unit}, last / first = {growth:.2f} (linear = 1)"


def bench_split_no_end(quick: bool) -> None:
    repeats = 1 if quick else 3
    sizes = [25_000 * 2**i for i in range(DOUBLINGS + 1)]
    print(f"(c) split one line with no sentence end, {sizes[0]:,} characters doubled {DOUBLINGS} times (medians):")
    for parentheses in (False, True):
        texts = [no_end_line(n, parentheses=parentheses) for n in sizes]
        times = [median_time(lambda t=t: split_sentences(t), repeats) for t in texts]
        floor = median_time(lambda: texts[-1].split(), max(repeats, 5))
        label = "words, commas and parentheses" if parentheses else "words and commas"
        print(_doubling_line(label, sizes, times, "character"))
        print(f"      {sizes[-1]:,} characters {times[-1]:.3f} s vs floor str.split of the same text {floor:.4f} s: "
              f"ratio {times[-1] / floor:.0f}")


def document(words: int) -> str:
    """The seed articles' paragraphs, repeated to `words` words: one long document."""
    paragraphs = [p for text in seed_texts() for p in text.split("\n\n")[1].split("\n") if p.strip()]
    out, count, i = [], 0, 0
    while count < words:
        out.append(f"{paragraphs[i % len(paragraphs)]} (Part {i}.)")
        count += len(out[-1].split())
        i += 1
    return "\n\n".join(out)


def median_in(make, function, repeats: int) -> float:
    """Median time of function(thing) for a fresh thing = make() each time (not timed), closed after."""
    times = []
    for _ in range(repeats):
        with closing(make()) as thing:
            start = time.perf_counter()
            function(thing)
            times.append(time.perf_counter() - start)
    return statistics.median(times)


def _bare_table(path: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(path)
    conn.execute('CREATE TABLE rows (article_id INTEGER, idx INTEGER, start INTEGER, "end" INTEGER, text TEXT,'
                 " PRIMARY KEY (article_id, idx))")
    return conn


def _bare_rows(conn: sqlite3.Connection, body: str, spans: list[tuple[int, int]]) -> None:
    with conn:
        conn.executemany("INSERT INTO rows VALUES (1, ?, ?, ?, ?)",
                         [(i, s, e, body[s:e]) for i, (s, e) in enumerate(spans)])


def bench_import_document(quick: bool) -> None:
    repeats = 1 if quick else 3
    sizes = [12_500 * 2**i for i in range(DOUBLINGS + 1)]
    runs = iter(range(10**6))
    imports, splits, stores, floors = [], [], [], []
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for words in sizes:
            body = document(words)
            source = folder / f"document-{words}.txt"
            source.write_text(f"Title: A long document\nOutlet: Wire\n\n{body}\n", encoding="utf-8")
            spans = split_sentences(body)
            article = ParsedArticle(title="A long document", body=body, outlet="Wire")

            def new_project() -> Project:
                return Project.create(folder / f"p{next(runs)}.annot")

            def run_import(project: Project) -> None:
                report = import_paths(project, [source])
                assert len(report.imported) == 1, report.refused

            imports.append(median_in(new_project, run_import, repeats))
            splits.append(median_time(lambda: split_sentences(body), repeats))
            stores.append(median_in(new_project, lambda project: project.articles.add(article, spans), repeats))
            floors.append(median_in(lambda: _bare_table(folder / f"b{next(runs)}.db"),
                                    lambda conn: _bare_rows(conn, body, spans), repeats))
    print(f"(d) import one document of {sizes[0]:,} words doubled {DOUBLINGS} times (medians; the last has "
          f"{len(spans):,} sentences):")
    print(_doubling_line("import_paths", sizes, imports, "word"))
    print(_doubling_line("split_sentences alone", sizes, splits, "word"))
    print(_doubling_line("storing the split article alone", sizes, stores, "word"))
    print(_doubling_line("floor: bare executemany of its sentence rows", sizes, floors, "word"))
    print(f"      {sizes[-1]:,} words: import {imports[-1]:.2f} s, store {stores[-1]:.3f} s vs floor {floors[-1]:.3f} s: "
          f"ratio store / floor {stores[-1] / floors[-1]:.1f}, import / floor {imports[-1] / floors[-1]:.0f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer articles and one repeat")
    args = parser.parse_args()
    bench_split(args.quick)
    bench_import(args.quick)
    bench_split_no_end(args.quick)
    bench_import_document(args.quick)


if __name__ == "__main__":
    main()
