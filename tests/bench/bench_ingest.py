"""Ingest benchmarks; run by hand, not by pytest: `python tests/bench/bench_ingest.py [--quick]`.

Each figure is printed with its floor, measured in the same run, and the ratio:
(a) sentence splitting of one-line texts of 100 KB and 1 MB (the ratio of the two should stay
    near 10, i.e. linear), and of the 100 KB text against pysbd alone on the same text in lines;
(b) `import_paths` of ~1,000 seed-size articles against the floor "pysbd over the same texts on
    2 processes" (floor time / import time should be at least 0.8).
"""

from __future__ import annotations

import argparse
import multiprocessing
import statistics
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from annotator.core.ingest.batch import import_paths
from annotator.core.ingest.segment import split_sentences
from annotator.core.resources import seeds_dir
from annotator.core.store.project import Project


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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer articles and one repeat")
    args = parser.parse_args()
    bench_split(args.quick)
    bench_import(args.quick)


if __name__ == "__main__":
    main()
