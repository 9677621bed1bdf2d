"""Benchmark of the sourcing suggester: quality on the hand-labelled set, and speed against import.

Quality, on each split of tests/data/suggest/labels.jsonl, reported apart: `tune` (used while writing
the rules), `dev` (held out, looked at only in aggregate) and `test` (labelled before any rule was
changed for it, looked at only in aggregate): per-category precision / recall / F1, micro-F1
over the attribution categories, micro-F1 with `unattributed` proposed and not, and attribution
detection (does a sentence carry any attribution category). Speed: suggesting for N imported
articles (computed and stored) against importing the same N articles, in the same process (target
ratio <= 0.5), for three corpora: many Wikinews-style articles, many articles of other outlets, and
one story's 21 articles (report_speed).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter, defaultdict
from dataclasses import replace
from pathlib import Path

from annotator.core.ingest.batch import import_paths
from annotator.core.ingest.formats import load
from annotator.core.ingest.segment import split_sentences
from annotator.core.resources import seeds_dir
from annotator.core.store.project import Project
from annotator.core.suggest.cues import load_lexicon
from annotator.core.suggest.layout import paragraph_numbers
from annotator.core.suggest.refresh import prepare_rules, refresh_suggestions
from annotator.core.suggest.suggester import ATTRIBUTION, Suggester

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "tests" / "data" / "suggest"


_KINDS = {"Wikinews": "politics-", "VOA News": "wire-", "cyber": "cyber-", "uspol": "uspol-"}  # reported apart


def labelled() -> dict[str, dict[str, list[dict]]]:
    """Rows by split, then by article: labels.jsonl's splits as they are; other_labels.jsonl's three
    outlets of other kinds (graded news, citizen media, analysis) as `other-tune` and `other-test`, its
    political Wikinews articles of 2004-05 as `politics-tune` and `politics-test`, its VOA News wire-style
    reports as `wire-tune` and `wire-test`, its cyber and defence news (a row's `set`) as `cyber-tune` and
    `cyber-test`, its US politics reports as `uspol-tune` and `uspol-test`."""
    by_split: dict[str, dict[str, list[dict]]] = defaultdict(lambda: defaultdict(list))
    for name, prefix in (("labels.jsonl", ""), ("other_labels.jsonl", "other-")):
        for line in (DATA / name).read_text(encoding="utf-8").splitlines():
            row = json.loads(line)
            kind = (_KINDS.get(row.get("set") or row.get("outlet", ""), prefix) if prefix else prefix)
            by_split[kind + row["split"]][row["article"]].append(row)
    return by_split


def _prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def evaluate(articles: dict[str, list[dict]], suggester: Suggester) -> dict:
    tp, fp, fn = Counter(), Counter(), Counter()
    detect, sources = Counter(), Counter()
    for rows in articles.values():
        predicted = defaultdict(set)
        named = defaultdict(set)
        paragraphs, outlet = layout(rows[0]["article"], len(rows))
        for s in suggester.suggest([r["text"] for r in rows], paragraphs=paragraphs, outlet=outlet):
            predicted[s.idx].add(s.category)
            if s.source:
                named[s.idx].add(s.source)
        for row in rows:
            _count_sources(sources, row, named[row["idx"]], predicted[row["idx"]])
        for row in rows:
            gold, guess = set(row["categories"]), predicted[row["idx"]]
            for c in gold & guess:
                tp[c] += 1
            for c in guess - gold:
                fp[c] += 1
            for c in gold - guess:
                fn[c] += 1
            g, p = bool(gold & set(ATTRIBUTION)), bool(guess & set(ATTRIBUTION))
            detect["tp"] += g and p
            detect["fp"] += p and not g
            detect["fn"] += g and not p
    return {"tp": tp, "fp": fp, "fn": fn, "detect": detect, "sources": sources,
            "sentences": sum(len(r) for r in articles.values())}


def layout(article: str, count: int) -> tuple[list[int] | None, str]:
    """An article file's sentence paragraphs and outlet, as refresh_suggestions gives them."""
    for folder in (DATA / "other", DATA / "articles", seeds_dir() / "articles"):
        path = folder / article
        if path.exists():
            parsed, _ = load(path)
            spans = split_sentences(parsed.body)
            if len(spans) == count:
                return paragraph_numbers(parsed.body, spans), parsed.outlet or ""
    return None, ""


def _count_sources(sources: Counter, row: dict, named: set[str], predicted: set[str]) -> None:
    """How the suggested source names compare with the labelled one, on sentences that carry an
    attribution both ways: `right` (a suggested name and the label's share their first name part,
    "Bruce Bennett" for "Bruce Bennett, RAND Corporation"), `wrong` (a name, none right), `none` (no
    name suggested where the label has one), `extra` (a name where the label has none)."""
    gold = row["source"].split(",")[0].strip().lower()
    if not (set(row["categories"]) & set(ATTRIBUTION) and predicted & set(ATTRIBUTION)):
        return
    if not gold:
        sources["extra"] += bool(named)
        return
    guesses = {n.split(",")[0].strip().lower() for n in named}
    if not guesses:
        sources["none"] += 1
    elif any(g and (g in gold or gold in g) for g in guesses):
        sources["right"] += 1
    else:
        sources["wrong"] += 1


SPLITS = ("tune", "dev", "test", "other-tune", "other-test", "politics-tune", "politics-test", "wire-tune", "wire-test",
          "cyber-tune", "cyber-test", "uspol-tune", "uspol-test")


def report_quality(splits: list[str]) -> None:
    lexicon = load_lexicon()
    plain = Suggester(replace(lexicon, propose_unattributed=False))
    with_unattributed = Suggester(replace(lexicon, propose_unattributed=True))
    by_split = labelled()
    for split in splits:
        articles = by_split.get(split, {})
        result = evaluate(articles, plain)
        print(f"\n{split}: {len(articles)} articles, {result['sentences']} sentences")
        tp, fp, fn = result["tp"], result["fp"], result["fn"]
        for c in ATTRIBUTION:
            p, r, f = _prf(tp[c], fp[c], fn[c])
            print(f"  {c:20s} P {p:.2f}  R {r:.2f}  F1 {f:.2f}  (gold {tp[c] + fn[c]}, suggested {tp[c] + fp[c]})")
        p, r, f = _prf(*(sum(x[c] for c in ATTRIBUTION) for x in (tp, fp, fn)))
        print(f"  micro (attribution categories)  P {p:.2f}  R {r:.2f}  F1 {f:.2f}")
        d = result["detect"]
        p, r, f = _prf(d["tp"], d["fp"], d["fn"])
        print(f"  attribution detection           P {p:.2f}  R {r:.2f}  F1 {f:.2f}")
        n = result["sources"]
        print(f"  source names (sentences attributed both ways): right {n['right']}, wrong {n['wrong']},"
              f" missing {n['none']}, where the label names none {n['extra']}")
        u = evaluate(articles, with_unattributed)
        f_off = _prf(sum(tp.values()), sum(fp.values()), sum(fn.values()))[2]
        f_on = _prf(sum(u["tp"].values()), sum(u["fp"].values()), sum(u["fn"].values()))[2]
        f_on_attr_key = _prf(sum(u["tp"][c] for c in ATTRIBUTION),
                             sum(u["fp"].values()), sum(u["fn"][c] for c in ATTRIBUTION))[2]
        print(f"  unattributed proposed: micro-F1 over all 7 categories {f_on:.2f} (not proposed: {f_off:.2f});"
              f" against a key of attribution categories only {f_on_attr_key:.2f} (not proposed: {f:.2f})"
              .replace(f"(not proposed: {f:.2f})", f"(not proposed: {_prf(*(sum(x[c] for c in ATTRIBUTION) for x in (tp, fp, fn)))[2]:.2f})"))


_CORPORA = {  # name: (article files, copies); each timed in a fresh process, so the rules compile in it
    "wikinews": (lambda: sorted(seeds_dir().glob("articles/*.md")) + sorted((DATA / "articles").glob("*.md")), 20),
    "other-outlets": (lambda: sorted((DATA / "other").glob("*.md")), 4),
    "one-story-first-run-other-build": (lambda: sorted((DATA / "other").glob("*.md"))[::5][:21], 1),
    "one-story-first-run": (lambda: sorted((DATA / "other").glob("*.md"))[::5][:21], 1),
    "one-story": (lambda: sorted((DATA / "other").glob("*.md"))[::5][:21], 1),
    "one-story-opened": (lambda: sorted((DATA / "other").glob("*.md"))[::5][:21], 1),
}


def _articles(folder: Path, sources: list[Path], copies: int) -> int:
    n = 0
    for i in range(copies):
        for path in sources:
            text = path.read_text(encoding="utf-8").replace("\n\n", f"\n\nCopy {i} of the story.\n\n", 1)
            (folder / f"{n:05}.md").write_text(text, encoding="utf-8")
            n += 1
    return n


def time_corpus(name: str, quick: bool) -> dict:
    """Import the corpus's articles into a new project, then compute and store their suggestions."""
    files, copies = _CORPORA[name]
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "articles"
        folder.mkdir()
        count = _articles(folder, files(), max(1, copies // 6) if quick else copies)
        with Project.create(Path(tmp) / "p.annot") as project:
            if name.endswith("-opened"):  # as in the window: the rules compiled when the project opened
                prepare_rules(project)
            start = time.perf_counter()
            import_paths(project, [folder])
            t_import = time.perf_counter() - start
            start = time.perf_counter()
            refresh_suggestions(project)
            t_suggest = time.perf_counter() - start
            stored = len(project.suggestions.all())
        shutil.rmtree(folder)
    return {"articles": count, "import": t_import, "suggest": t_suggest, "stored": stored}


def report_speed(quick: bool) -> None:
    """Each corpus in a process of its own: nothing compiled or cached by the quality run counts for it.
    `wikinews`: the labelled Wikinews-style articles 20 times over; `other-outlets`: the wire, citizen
    media, analysis and political articles 4 times over; `one-story`: 21 of those, once, the size of one
    story told by many outlets (a pool of processes does not pay off there, so both run in one), in a
    new process: `one-story-first-run-other-build` with an empty cache folder and none of the compiled
    patterns the package ships (the first run on a machine with another Python build: the rules are
    compiled), `one-story-first-run` with an empty cache folder (the first run on a machine with the
    build the package's compiled patterns were made with), `one-story` with the cache the earlier runs
    filled (every later run: the command line, a worker process), and `one-story-opened` after the rules
    were made ready as the window does when a project opens."""
    print()
    cache = Path(tempfile.mkdtemp(prefix="bench-cache-"))  # the runs' own cache folder, filled by the first
    for name in _CORPORA:
        # run from "-c", as the `annotator` command's light entry point: the worker processes the import and
        # the suggestions start do not import this script's modules again
        unshipped = "from annotator.core import pattern_cache; pattern_cache.SHIPPED = 'nowhere'; " \
            if name.endswith("other-build") else ""
        code = (f"import json, sys; {unshipped}sys.path.insert(0, {str(Path(__file__).parent)!r}); "
                f"import bench_suggest; print(json.dumps(bench_suggest.time_corpus({name!r}, {quick!r})))")
        folder = Path(tempfile.mkdtemp(prefix="bench-empty-cache-")) if "first-run" in name else cache
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                             env={**os.environ, "PYTHONPATH": str(ROOT), "ANNOTATOR_CACHE_DIR": str(folder)})
        t = json.loads(out.stdout.strip().splitlines()[-1])
        print(f"speed, {name}: import {t['articles']} articles {t['import']:.2f} s; suggest (compute and store "
              f"{t['stored']} suggestions) {t['suggest']:.2f} s; ratio suggest / import = "
              f"{t['suggest'] / t['import']:.2f} (target <= 0.5)")
        if folder != cache:
            shutil.rmtree(folder)
    shutil.rmtree(cache)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="time 3 copies of the articles instead of 20")
    parser.add_argument("--split", action="append", choices=SPLITS,
                        help="report this split (repeatable; default: all)")
    parser.add_argument("--no-speed", action="store_true", help="skip the speed measure")
    args = parser.parse_args()
    report_quality(args.split or list(SPLITS))
    if not args.no_speed:
        report_speed(args.quick)


if __name__ == "__main__":
    main()
