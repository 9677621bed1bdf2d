"""Provenance: precision and recall of citation edges and of the first report on the hand-labelled
stories (tests/data/provenance/labels.json; the tune set and the held-out set apart), then the time
to build the provenance of a 1,000-article project against a raw floor (reading every sentence with
a bare query), and the ratio.

    .venv/bin/python tests/bench/bench_provenance.py [--quick] [--show]
"""

from __future__ import annotations

import argparse
import glob
import json
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from annotator.core.claims.refresh import ensure_claims  # noqa: E402
from annotator.core.ingest.batch import import_paths  # noqa: E402
from annotator.core.provenance.aliases import name_key  # noqa: E402
from annotator.core.provenance.build import book_for, compute, provenance_of, read_input  # noqa: E402
from annotator.core.store.project import Project  # noqa: E402

LABELS = ROOT / "tests" / "data" / "provenance" / "labels.json"
GUM = Path("/work/shared/data/gum-news")


def story_files(story: dict) -> list[Path]:
    files: list[Path] = []
    for pattern in story["files"]:
        if pattern.startswith("@gum/"):
            files.append(GUM / pattern.removeprefix("@gum/"))
        else:
            files += [Path(p) for p in sorted(glob.glob(str(ROOT / pattern)))]
    return [f.resolve() for f in files]


def label_key(path: str) -> Path:
    return (GUM / path.removeprefix("@gum/")).resolve() if path.startswith("@gum/") else (ROOT / path).resolve()


def evaluate(story: dict, edges: list[dict], folder: Path, *, show: bool) -> dict:
    files = story_files(story)
    with Project.open(folder / f"{story['name']}.annot", create=True) as project:
        import_paths(project, files)
        file_of = {a.id: Path(a.source_file).resolve() for a in project.articles.list()}
        result = provenance_of(project)
        book = book_for(project.articles.outlets())
    predicted = {(file_of[e.from_article], name_key(e.to_outlet)): e for e in result.edges if e.kind == "cites"}
    wanted = {(label_key(e["from"]), name_key(book.resolve(e["to_outlet"]))): e for e in edges
              if label_key(e["from"]) in files and e["kind"] == "cites"}
    hits = set(predicted) & set(wanted)
    if show:
        for key in sorted(set(predicted) - hits):
            print(f"   extra  {key[0].name} -> {predicted[key].to_outlet} {predicted[key].sentences}")
        for key in sorted(set(wanted) - hits):
            print(f"   missed {key[0].name} -> {wanted[key]['to_outlet']} {wanted[key]['sentences']}")
    relied_want = [k for k in hits if wanted[k].get("relied_on")]
    relied_hits = [k for k in relied_want if predicted[k].relied_on and _overlap(predicted[k].relied_on,
                                                                                   wanted[k]["relied_on"])]
    sentence_hits = sum(len(set(predicted[k].sentences) & set(wanted[k]["sentences"])) for k in hits)
    first = result.origins[0].first_reported_by
    right = story["first_reported_by"]
    return {"tp": len(hits), "fp": len(predicted) - len(hits), "fn": len(wanted) - len(hits),
            "s_tp": sentence_hits, "s_pred": sum(len(e.sentences) for e in predicted.values()),
            "s_want": sum(len(e["sentences"]) for e in wanted.values()),
            "first": None if right is None else int(first is not None and name_key(first) in
                                                      {name_key(book.resolve(r)) for r in right}),
            "first_said": first, "r_tp": len(relied_hits), "r_want": len(relied_want),
            "r_pred": sum(1 for k in hits if predicted[k].relied_on)}


def _overlap(a: str, b: str) -> bool:
    words = lambda t: {w.strip(".,'’").casefold() for w in t.split() if len(w) > 3}  # noqa: E731
    return bool(words(a) & words(b))


def report(split: str, results: list[dict]) -> None:
    tp, fp, fn = (sum(r[k] for r in results) for k in ("tp", "fp", "fn"))
    s_tp, s_pred, s_want = (sum(r[k] for r in results) for k in ("s_tp", "s_pred", "s_want"))
    firsts = [r["first"] for r in results if r["first"] is not None]
    r_tp, r_want, r_pred = (sum(r[k] for r in results) for k in ("r_tp", "r_want", "r_pred"))
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    print(f"{split:>5}: citation edges P {precision:.2f} R {recall:.2f} ({tp} right, {fp} wrong, {fn} missed);"
          f" their sentences P {s_tp / s_pred if s_pred else 1:.2f} R {s_tp / s_want if s_want else 1:.2f};"
          f" first report {sum(firsts)}/{len(firsts)} stories;"
          f" what the relayed outlet relied on: {r_tp} of {r_want} labelled found ({r_pred} given)")


def quality(show: bool) -> None:
    labels = json.loads(LABELS.read_text(encoding="utf-8"))
    with tempfile.TemporaryDirectory() as tmp:
        for split in ("tune", "test"):
            results = []
            for story in (s for s in labels["stories"] if s["split"] == split):
                if show:
                    print(f" {split} {story['name']}")
                results.append(evaluate(story, labels["edges"], Path(tmp), show=show))
            report(split, results)


def big_project(path: Path, size: int) -> Project:
    """A project of `size` articles: the labelled articles again and again, each copy with its own
    outlet, date and a sentence of its own (so no body repeats); every fifth is a verbatim copy."""
    labels = json.loads(LABELS.read_text(encoding="utf-8"))
    files = [f for s in labels["stories"] for f in story_files(s)]
    texts = [f.read_text(encoding="utf-8") for f in files]
    BASES[0] = len(texts)
    src = path.parent / "src"
    src.mkdir()
    for n in range(size):
        body = texts[n % len(texts)].split("\n\n", 1)[-1]
        outlet = f"Outlet {n % 97}"
        (src / f"a{n:04d}.md").write_text(
            f"Title: Story {n}\nOutlet: {outlet}\nPublished: 2025-03-{1 + n % 28:02d}\n\n"
            f"{body}\nThis is edition {n} of the {outlet} desk, filed at {n % 24} hours.\n", encoding="utf-8")
    project = Project.open(path, create=True)
    import_paths(project, [src])
    return project


def base_of(title: str) -> int:
    """Which labelled article a made-up one repeats (its title is "Story N")."""
    return int(title.split()[-1]) % BASES[0]


BASES = [1]


def copy_quality(result, bases: dict[int, int]) -> None:
    """Copies are known by construction: articles repeating the same labelled article."""
    edges = [e for e in result.edges if e.kind == "copies"]
    right = sum(1 for e in edges if bases[e.from_article] == bases[e.to_article])
    groups: dict[int, list[int]] = {}
    for article_id, base in bases.items():
        groups.setdefault(base, []).append(article_id)
    should = sum(len(g) - 1 for g in groups.values())
    linked = {e.from_article for e in edges if bases[e.from_article] == bases[e.to_article]}
    print(f"copies (known by construction): P {right / len(edges) if edges else 1:.2f}"
          f" R {len(linked) / should if should else 1:.2f} ({len(edges)} found, {should} to find)")


def floor(path: Path) -> None:
    conn = sqlite3.connect(path)
    for _ in conn.execute("SELECT article_id, idx, text FROM sentence_texts ORDER BY article_id, idx"):
        pass
    conn.close()


def speed(size: int, runs: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "big.annot"
        project = big_project(path, size)
        ensure_claims(project)  # not timed: the claims are stored when provenance is asked for
        articles = project.articles.count()
        bases = {a.id: base_of(a.title) for a in project.articles.list()}
        sentences = project.database.row("SELECT count(*) FROM sentences")[0]
        times, floors = [], []
        for _ in range(runs):
            start = time.perf_counter()
            floor(path)
            floors.append(time.perf_counter() - start)
            start = time.perf_counter()
            result = compute(read_input(project))
            times.append(time.perf_counter() - start)
        project.close()
    median, raw = statistics.median(times), statistics.median(floors)
    copies = sum(1 for e in result.edges if e.kind == "copies")
    copy_quality(result, bases)
    print(f"speed: {articles} articles, {sentences} sentences, {len(result.claims)} claims,"
          f" {len(result.edges)} edges ({copies} copies):"
          f" provenance {median:.2f} s, bare read of every sentence {raw * 1000:.1f} ms,"
          f" ratio {median / raw:.0f}x")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="one timing run at 300 articles")
    parser.add_argument("--show", action="store_true", help="list each wrong and missed edge")
    args = parser.parse_args()
    quality(args.show)
    speed(300 if args.quick else 1000, 1 if args.quick else 3)


if __name__ == "__main__":
    main()
