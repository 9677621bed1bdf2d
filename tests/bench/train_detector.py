"""Trial of a learned attribution detector that adds what the rules miss, measured honestly.

A logistic regression over lower-cased words, word pairs and a few cue features (quotation marks,
a speech verb, an outlet or document noun, "according to", the first person) scores whether a
sentence carries attribution; a softmax regression over the same features picks its category.
The model is used only where the rules leave a sentence empty: a sentence it scores at or above
the threshold gets the most likely category. Trained on every `*-tune` split; reported on every split, and (--cross-validate)
by leave-one-article-out cross-validation over every labelled article. The threshold is chosen by
leave-one-article-out cross-validation inside the training articles, never on the held-out ones.

    PYTHONPATH=. .venv/bin/python tests/bench/train_detector.py [--write resources/suggest/detector.weights]

Writing the model the suggester ships (annotator/core/suggest/learned.py) makes every project's stored
suggestions stale: they are computed again with it.
"""

from __future__ import annotations

import argparse
import re
from collections import defaultdict
from dataclasses import replace
from pathlib import Path

from annotator.core.suggest import learned, weights
from annotator.core.suggest.cues import load_lexicon
from annotator.core.suggest.learned import features
from annotator.core.suggest.suggester import ATTRIBUTION, Suggester
from tests.bench.bench_suggest import SPLITS, labelled, layout

THRESHOLDS = (0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 0.98, 0.99, 0.995, 0.998, 0.999)


def articles() -> dict[str, tuple[str, list[dict]]]:
    """Each labelled article's split and rows, in order, with the splits bench_suggest.py reports
    (the Wikinews set's, and the other kinds of news as other-, politics-, wire-, cyber-, uspol-)."""
    return {article: (split, rows) for split, by_article in labelled().items()
            for article, rows in by_article.items()}


def cue_patterns() -> list[tuple[str, re.Pattern[str]]]:
    return learned.cue_patterns(load_lexicon().words)


def train_binary(xs: list[dict[str, float]], ys: list[int], *, epochs: int = 60, rate: float = 0.2,
                 l2: float = 1e-3) -> dict[str, float]:
    """Logistic regression by stochastic gradient descent, in a fixed order (reproducible)."""
    weights: dict[str, float] = defaultdict(float)
    for epoch in range(epochs):
        step = rate / (1 + epoch * 0.1)
        for x, y in zip(xs, ys):
            p = learned.sigmoid(sum(weights[k] * v for k, v in x.items()))
            for k, v in x.items():
                weights[k] += step * ((y - p) * v - l2 * weights[k])
    return {k: round(v, 4) for k, v in weights.items() if abs(v) > 1e-3}


def train_softmax(xs: list[dict[str, float]], ys: list[str], *, epochs: int = 60, rate: float = 0.2,
                  l2: float = 1e-3) -> dict[str, dict[str, float]]:
    weights: dict[str, dict[str, float]] = {c: defaultdict(float) for c in ATTRIBUTION}
    for epoch in range(epochs):
        step = rate / (1 + epoch * 0.1)
        for x, y in zip(xs, ys):
            probs = learned.softmax(weights, x)
            for c in ATTRIBUTION:
                g = (1.0 if c == y else 0.0) - probs[c]
                for k, v in x.items():
                    weights[c][k] += step * (g * v - l2 * weights[c][k])
    return {c: {k: round(v, 4) for k, v in w.items() if abs(v) > 1e-3} for c, w in weights.items()}


def train(rows: list[dict], cue_res) -> dict:
    xs = [features(r["text"], cue_res) for r in rows]
    ys = [int(bool(set(r["categories"]) & set(ATTRIBUTION))) for r in rows]
    cat_x, cat_y = [], []
    for x, r in zip(xs, rows):
        for c in r["categories"]:
            if c in ATTRIBUTION:
                cat_x.append(x)
                cat_y.append(c)
    return {"detect": train_binary(xs, ys), "category": train_softmax(cat_x, cat_y)}


def predict(model: dict, text: str, cue_res) -> tuple[float, str]:
    return learned.predict(model, features(text, cue_res))


def rule_guesses(suggester: Suggester, rows: list[dict]) -> list[set[str]]:
    guesses: list[set[str]] = [set() for _ in rows]
    paragraphs, outlet = layout(rows[0]["article"], len(rows))
    for s in suggester.suggest([r["text"] for r in rows], paragraphs=paragraphs, outlet=outlet):
        guesses[s.idx].add(s.category)
    return guesses


def score(pairs: list[tuple[set[str], set[str]]]) -> dict[str, float]:
    """Detection P/R and micro-F1 over the attribution categories of (gold, guess) pairs."""
    tp = fp = fn = dtp = dfp = dfn = 0
    for gold, guess in pairs:
        gold, guess = gold & set(ATTRIBUTION), guess & set(ATTRIBUTION)
        tp, fp, fn = tp + len(gold & guess), fp + len(guess - gold), fn + len(gold - guess)
        dtp, dfp, dfn = dtp + (bool(gold) and bool(guess)), dfp + (bool(guess) and not gold), dfn + (bool(gold) and not guess)
    p, r = tp / max(tp + fp, 1), tp / max(tp + fn, 1)
    return {"P": dtp / max(dtp + dfp, 1), "R": dtp / max(dtp + dfn, 1), "F1": 2 * p * r / max(p + r, 1e-9)}


def combined(model: dict | None, threshold: float, rows: list[dict], rules: list[set[str]], cue_res) -> list:
    pairs = []
    for row, guess in zip(rows, rules):
        guess = set(guess)
        if model and not guess & set(ATTRIBUTION):
            p, category = predict(model, row["text"], cue_res)
            if p >= threshold:
                guess.add(category)
        pairs.append((set(row["categories"]), guess))
    return pairs


def choose_threshold(train_articles: list[list[dict]], rules: dict[int, list[set[str]]], cue_res) -> float:
    """The threshold with the best micro-F1 under leave-one-article-out inside the training articles."""
    pairs: dict[float, list] = {t: [] for t in THRESHOLDS}
    for i, held in enumerate(train_articles):
        model = train([r for j, a in enumerate(train_articles) if j != i for r in a], cue_res)
        for t in THRESHOLDS:
            pairs[t] += combined(model, t, held, rules[id(held)], cue_res)
    return max(THRESHOLDS, key=lambda t: (score(pairs[t])["F1"], t))


def _line(name: str, s: dict[str, float]) -> str:
    return f"  {name:28s} detection P {s['P']:.2f} R {s['R']:.2f}  micro-F1 {s['F1']:.2f}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--write", type=Path, help="write the model trained on the tune splits to this weights file (annotator/core/suggest/weights.py)")
    parser.add_argument("--threshold", type=float, help="use this threshold instead of choosing one inside tune")
    parser.add_argument("--cross-validate", action="store_true", help="also leave one article out over every article")
    args = parser.parse_args()
    cue_res = cue_patterns()
    suggester = Suggester(replace(load_lexicon(), propose_unattributed=False), use_learned=False)  # the rules alone
    data = articles()
    rules = {id(rows): rule_guesses(suggester, rows) for _, rows in data.values()}
    tune = [rows for split, rows in data.values() if split.endswith("tune")]
    threshold = args.threshold or choose_threshold(tune, rules, cue_res)
    model = train([r for a in tune for r in a], cue_res)
    print(f"trained on the tune splits ({len(tune)} articles); threshold chosen inside them: {threshold}")
    untouched: tuple[list, list] = ([], [])
    for split in SPLITS:
        held = [rows for s, rows in data.values() if s == split]
        base = [p for a in held for p in combined(None, 1.0, a, rules[id(a)], cue_res)]
        with_model = [p for a in held for p in combined(model, threshold, a, rules[id(a)], cue_res)]
        print(f"{split}:\n{_line('rules', score(base))}\n{_line('rules + model', score(with_model))}")
        if not split.endswith("tune"):
            untouched[0].extend(base)
            untouched[1].extend(with_model)
    print(f"every split not trained on, pooled:\n{_line('rules', score(untouched[0]))}\n"
          f"{_line('rules + model', score(untouched[1]))}")
    if args.write:
        args.write.write_bytes(weights.encode({"threshold": threshold, **model}))
    if not args.cross_validate:
        return
    everything = [rows for _, rows in data.values()]
    base, cv = [], []
    for i, held in enumerate(everything):
        others = [a for j, a in enumerate(everything) if j != i]
        model_i = train([r for a in others for r in a], cue_res)
        base += combined(None, 1.0, held, rules[id(held)], cue_res)
        cv += combined(model_i, threshold, held, rules[id(held)], cue_res)
    print(f"leave-one-article-out over {len(everything)} articles (threshold {threshold}):")
    print(f"{_line('rules', score(base))}\n{_line('rules + model', score(cv))}")


if __name__ == "__main__":
    main()
