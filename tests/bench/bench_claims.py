"""Benchmark of claim matching: quality on the labelled sets and speed at 100 and 1,000 articles.

Quality: pair F1 and claims found on the seed set (tuning), on real outlets' tellings of seven events
(real, real2: tuning since their errors were read), on real outlets' tellings of three more events
(real3: a check set, labelled before the matcher ran on it, looked at only in aggregate) and on four
more check sets: the paraphrase story, the retold Wikinews stories, the seed story retold by fourteen
outlets (scale) and six stories each told with a denial (disputes: also how many of the claims
disputing each other are found linked), for compute_claims (given the articles' dates, as the project
gives them) and, in the same run, a plain TF-IDF cosine single-link baseline (its threshold the best
on the seed set). Speed: median of compute_claims over generated articles (the seed articles
with words swapped, sentences dropped and Wikinews sentences mixed in), against two floors measured
in the same run: the tokenising pass alone and the TF-IDF baseline. Targets: 100 articles < 2 s,
1,000 < 30 s. A script:

    PYTHONPATH=. python tests/bench/bench_claims.py [--quick]
"""

from __future__ import annotations

import argparse
import math
import random
import re
import statistics
import time
from pathlib import Path

from annotator.core.claims.compute import compute_claims
from annotator.core.claims.evaluate import links_found, score
from annotator.core.claims.features import term_lists
from annotator.core.ingest.formats import parse_file
from annotator.core.ingest.segment import split_sentences
from annotator.core.records import SentenceText
from tests.core.claims.labelled import dates, gold_disputes, load

GUM = Path("/work/shared/data/gum-news")
SWAPS = {"paused": "halted", "pause": "suspension", "denied": "rejected", "said": "stated", "officials": "sources",
         "operations": "activities", "ordered": "directed", "senior": "high-ranking", "Russia": "Moscow"}
_WORD = re.compile(r"\w+")


def tfidf_single_link(sentences: list[SentenceText], threshold: float) -> list[tuple[tuple[int, int], ...]]:
    """The baseline: lower-cased words, TF-IDF cosine, single-link over pairs of different articles."""
    docs = [[w.lower() for w in _WORD.findall(s.text)] for s in sentences]
    df: dict[str, int] = {}
    for doc in docs:
        for w in set(doc):
            df[w] = df.get(w, 0) + 1
    n = len(docs)
    vecs = []
    for doc in docs:
        v: dict[str, float] = {}
        for w in doc:
            v[w] = v.get(w, 0.0) + math.log(n / df[w])
        norm = math.sqrt(sum(x * x for x in v.values())) or 1.0
        vecs.append({w: x / norm for w, x in v.items()})
    postings: dict[str, list[int]] = {}
    for i, v in enumerate(vecs):
        for w in v:
            postings.setdefault(w, []).append(i)
    parent = list(range(n))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, v in enumerate(vecs):
        dots: dict[int, float] = {}
        for w, x in v.items():
            if len(postings[w]) > 400:
                continue
            for j in postings[w]:
                if j > i and sentences[j].article_id != sentences[i].article_id:
                    dots[j] = dots.get(j, 0.0) + x * vecs[j][w]
        for j, dot in dots.items():
            if dot >= threshold:
                parent[find(i)] = find(j)
    groups: dict[int, list[tuple[int, int]]] = {}
    for i, s in enumerate(sentences):
        groups.setdefault(find(i), []).append((s.article_id, s.idx))
    return [tuple(g) for g in groups.values() if len({a for a, _ in g}) >= 2]


def quality() -> None:
    seed = load("seed")
    best = max((score(seed[1], tfidf_single_link(seed[0], t)).f1, t) for t in [x / 20 for x in range(2, 19)])[1]
    print(f"quality (pair F1 over cross-article pairs; claims found by mutual majority); baseline threshold {best}")
    for name in ("seed", "paraphrase", "retold", "scale", "real", "real2", "real3", "disputes"):
        sentences, gold, _ = load(name)
        claims = compute_claims(sentences, dates=dates(name))
        ours = score(gold, [g.members for g in claims])
        base = score(gold, tfidf_single_link(sentences, best))
        for who, s in (("compute_claims", ours), ("tfidf single-link", base)):
            print(f"  {name:10} {who:18} P {s.precision:.2f} R {s.recall:.2f} F1 {s.f1:.2f}  found {s.found}/{s.claims}")
        wanted = gold_disputes(name)
        if wanted:
            links = [(a, b) for a, claim in enumerate(claims) for b in claim.disputes if a < b]
            print(f"  {name:10} {'disputes linked':18} {links_found(gold, wanted, [g.members for g in claims], links)}"
                  f"/{len(wanted)} (links made: {len(links)})")


def _vary(text: str, rng: random.Random) -> str:
    words = text.split(" ")
    return " ".join(SWAPS.get(w, w) if rng.random() < 0.5 else w for w in words)


def generated(n_articles: int, seed: int = 7) -> list[SentenceText]:
    rng = random.Random(seed)
    bases = []
    for path in sorted(Path("seeds/articles").glob("*.md")):
        body = parse_file(path).body
        bases.append([body[s:e] for s, e in split_sentences(body)])
    extra = []
    for path in sorted(GUM.glob("*.md")):
        body = parse_file(path).body
        extra.extend(body[s:e] for s, e in split_sentences(body))
    result = []
    for article in range(1, n_articles + 1):
        kept = [_vary(t, rng) for t in bases[article % len(bases)] if rng.random() < 0.7]
        kept += rng.sample(extra, 8) if extra else []
        rng.shuffle(kept)
        result.extend(SentenceText(article, idx, text) for idx, text in enumerate(kept))
    return result


def timed(fn, runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def speed(n_articles: int, runs: int, target: float) -> None:
    sentences = generated(n_articles)
    ours = timed(lambda: compute_claims(sentences), runs)
    tokens = timed(lambda: term_lists([s.text for s in sentences]), runs)
    base = timed(lambda: tfidf_single_link(sentences, 0.5), runs)
    verdict = "PASS" if ours < target else "MISS"
    print(f"  {n_articles:5,} articles ({len(sentences):,} sentences): compute_claims {ours:.3f} s; "
          f"tokenising alone {tokens:.3f} s (ratio {ours / tokens:.1f}); tfidf baseline {base:.3f} s "
          f"(ratio {ours / base:.1f}); target < {target:g} s: {verdict}")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true", help="one run each, and 300 articles instead of 1,000")
    parser.add_argument("--no-speed", action="store_true", help="quality only")
    args = parser.parse_args()
    quality()
    if args.no_speed:
        return
    runs = 1 if args.quick else 3
    print(f"speed (median of {runs} runs)")
    speed(100, runs, 2.0)
    speed(300 if args.quick else 1_000, runs, 30.0)


if __name__ == "__main__":
    main()
