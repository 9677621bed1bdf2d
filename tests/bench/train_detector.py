"""Trial of a learned attribution detector that adds what the rules miss, measured honestly.

A logistic regression over lower-cased words, word pairs and a few cue features (quotation marks,
a speech verb, an outlet or document noun, "according to", the first person) scores whether a
sentence carries attribution; a softmax regression over the same features picks its category.
The model is used only where the rules leave a sentence empty: a sentence it scores at or above
the threshold gets the most likely category. Trained on `tune` and `other-tune`; reported on every split, and
by leave-one-article-out cross-validation over every labelled article. The threshold is chosen by
leave-one-article-out cross-validation inside the training articles, never on the held-out ones.

    PYTHONPATH=. .venv/bin/python tests/bench/train_detector.py [--write PATH]
"""

from __future__ import annotations

import argparse
import json
import math
import re
from collections import Counter, defaultdict
from dataclasses import replace
from pathlib import Path

from annotator.core.suggest.cues import load_lexicon
from annotator.core.suggest.suggester import ATTRIBUTION, Suggester
from tests.bench.bench_suggest import layout

DATA = Path(__file__).resolve().parent.parent / "data" / "suggest" / "labels.jsonl"
_TOKEN = re.compile(r"[a-z][a-z'’-]*|\d+")
THRESHOLDS = (0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 0.98)


def articles() -> dict[str, tuple[str, list[dict]]]:
    """Each labelled article's split and rows, in order: the Wikinews set's splits, and the
    three-outlet set's as `other-tune` and `other-test`."""
    out: dict[str, tuple[str, list[dict]]] = {}
    for path, prefix in ((DATA, ""), (DATA.with_name("other_labels.jsonl"), "other-")):
        for line in path.read_text(encoding="utf-8").splitlines():
            row = json.loads(line)
            out.setdefault(row["article"], (prefix + row["split"], []))[1].append(row)
    return out


def features(text: str, cue_res: list[tuple[str, re.Pattern[str]]]) -> dict[str, float]:
    """Sparse features of one sentence: words, word pairs and cue flags."""
    words = _TOKEN.findall(text.lower())
    feats: dict[str, float] = {"bias": 1.0}
    for w in words:
        feats[f"w:{w}"] = 1.0
    for a, b in zip(words, words[1:]):
        feats[f"b:{a} {b}"] = 1.0
    for name, pattern in cue_res:
        if pattern.search(text):
            feats[f"cue:{name}"] = 1.0
    return feats


def cue_patterns() -> list[tuple[str, re.Pattern[str]]]:
    w = load_lexicon().words
    alt = lambda items: "|".join(re.escape(x) for x in sorted(set(items), key=len, reverse=True))  # noqa: E731
    return [
        ("quote", re.compile(r"[“”\"]")),
        ("speech", re.compile(rf"\b(?:{alt(w['speech_verbs'])})\b")),
        ("outlet", re.compile(rf"\b(?:{alt(w['outlets'] + w['outlet_words'])})\b")),
        ("document", re.compile(rf"\b(?:{alt(w['document_nouns'])})\b", re.IGNORECASE)),
        ("according", re.compile(r"\baccording\s+to\b", re.IGNORECASE)),
        ("first_person", re.compile(r"\b(?:I|we|our|my|us)\b")),
        ("platform", re.compile(rf"\b(?:{alt(w['platforms'])})\b")),
    ]


def _sigmoid(z: float) -> float:
    return 1 / (1 + math.exp(-z)) if z > -30 else 0.0


def train_binary(xs: list[dict[str, float]], ys: list[int], *, epochs: int = 60, rate: float = 0.2,
                 l2: float = 1e-3) -> dict[str, float]:
    """Logistic regression by stochastic gradient descent, in a fixed order (reproducible)."""
    weights: dict[str, float] = defaultdict(float)
    for epoch in range(epochs):
        step = rate / (1 + epoch * 0.1)
        for x, y in zip(xs, ys):
            p = _sigmoid(sum(weights[k] * v for k, v in x.items()))
            for k, v in x.items():
                weights[k] += step * ((y - p) * v - l2 * weights[k])
    return {k: round(v, 4) for k, v in weights.items() if abs(v) > 1e-3}


def train_softmax(xs: list[dict[str, float]], ys: list[str], *, epochs: int = 60, rate: float = 0.2,
                  l2: float = 1e-3) -> dict[str, dict[str, float]]:
    weights: dict[str, dict[str, float]] = {c: defaultdict(float) for c in ATTRIBUTION}
    for epoch in range(epochs):
        step = rate / (1 + epoch * 0.1)
        for x, y in zip(xs, ys):
            probs = _softmax(weights, x)
            for c in ATTRIBUTION:
                g = (1.0 if c == y else 0.0) - probs[c]
                for k, v in x.items():
                    weights[c][k] += step * (g * v - l2 * weights[c][k])
    return {c: {k: round(v, 4) for k, v in w.items() if abs(v) > 1e-3} for c, w in weights.items()}


def _softmax(weights: dict[str, dict[str, float]], x: dict[str, float]) -> dict[str, float]:
    scores = {c: sum(weights[c].get(k, 0.0) * v for k, v in x.items()) for c in weights}
    top = max(scores.values())
    exp = {c: math.exp(s - top) for c, s in scores.items()}
    total = sum(exp.values())
    return {c: e / total for c, e in exp.items()}


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
    x = features(text, cue_res)
    p = _sigmoid(sum(model["detect"].get(k, 0.0) * v for k, v in x.items()))
    probs = _softmax(model["category"], x)
    return p, max(probs, key=probs.get)


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
    parser.add_argument("--write", type=Path, help="write the model trained on tune to this JSON file")
    args = parser.parse_args()
    cue_res = cue_patterns()
    suggester = Suggester(replace(load_lexicon(), propose_unattributed=False))
    data = articles()
    rules = {id(rows): rule_guesses(suggester, rows) for _, rows in data.values()}
    tune = [rows for split, rows in data.values() if split in ("tune", "other-tune")]
    threshold = choose_threshold(tune, rules, cue_res)
    model = train([r for a in tune for r in a], cue_res)
    print(f"trained on tune ({len(tune)} articles); threshold chosen inside tune: {threshold}")
    for split in ("tune", "dev", "test", "other-tune", "other-test"):
        held = [rows for s, rows in data.values() if s == split]
        base = [p for a in held for p in combined(None, 1.0, a, rules[id(a)], cue_res)]
        with_model = [p for a in held for p in combined(model, threshold, a, rules[id(a)], cue_res)]
        print(f"{split}:\n{_line('rules', score(base))}\n{_line('rules + model', score(with_model))}")
    everything = [rows for _, rows in data.values()]
    base, cv = [], []
    for i, held in enumerate(everything):
        others = [a for j, a in enumerate(everything) if j != i]
        model_i = train([r for a in others for r in a], cue_res)
        base += combined(None, 1.0, held, rules[id(held)], cue_res)
        cv += combined(model_i, threshold, held, rules[id(held)], cue_res)
    print(f"leave-one-article-out over {len(everything)} articles (threshold {threshold}):")
    print(f"{_line('rules', score(base))}\n{_line('rules + model', score(cv))}")
    if args.write:
        args.write.write_text(json.dumps({"threshold": threshold, **model}, sort_keys=True), encoding="utf-8")


if __name__ == "__main__":
    main()
