"""A learned attribution detector for the sentences the rules leave empty.

A logistic regression over a sentence's lower-cased words, word pairs and a few cue flags (quotation
marks, a speech verb, an outlet, a document noun, "according to", the first person, a platform) says
whether the sentence relays a source; a softmax regression over the same features picks the
category. tests/bench/train_detector.py trains both on the labelled `*-tune` splits and chooses the
threshold by leaving one article out inside them; the weights are resources/suggest/detector.weights
(the format: weights.py).
The suggester asks it only about a body sentence with no attribution of its own or carried, takes
its answer only at or above the threshold, with a low confidence and no source: who it is, the
reader fills in. Measured on the splits it never saw against the rules alone (train_detector.py).
"""

from __future__ import annotations

import hashlib
import logging
import math
import re
from dataclasses import dataclass
from functools import lru_cache

from annotator.core.pattern_cache import compile_re
from annotator.core.resources import resources_dir
from annotator.core.suggest import weights as weights_file
from annotator.core.suggest.frames import alternation

_TOKEN = compile_re(r"[a-z][a-z'’-]*|\d+")
_log = logging.getLogger(__name__)
CONFIDENCE = 0.5  # below the rules' suggestions: a guess from words, not a frame that was read


def cue_patterns(words: dict[str, list[str]]) -> list[tuple[str, re.Pattern[str]]]:
    """The cue flags, from the lexicon's word lists."""
    return [
        ("quote", compile_re(r"[“”\"]")),
        ("speech", compile_re(rf"\b{alternation(words['speech_verbs'], case=True)}\b")),
        ("outlet", compile_re(rf"\b{alternation(words['outlets'] + words['outlet_words'], case=True)}\b")),
        ("document", compile_re(rf"\b{alternation(words['document_nouns'])}\b")),
        ("according", compile_re(r"\baccording\s+to\b", re.IGNORECASE)),
        ("first_person", compile_re(r"\b(?:I|we|our|my|us)\b")),
        ("platform", compile_re(rf"\b{alternation(words['platforms'], case=True)}\b")),
    ]


def features(text: str, cues: list[tuple[str, re.Pattern[str]]]) -> dict[str, float]:
    """Sparse features of one sentence: words, word pairs and cue flags."""
    tokens = _TOKEN.findall(text.lower())
    found: dict[str, float] = {"bias": 1.0}
    for w in tokens:
        found[f"w:{w}"] = 1.0
    for a, b in zip(tokens, tokens[1:]):
        found[f"b:{a} {b}"] = 1.0
    for name, pattern in cues:
        if pattern.search(text):
            found[f"cue:{name}"] = 1.0
    return found


def sigmoid(z: float) -> float:
    return 1 / (1 + math.exp(-z)) if z > -30 else 0.0


def softmax(weights: dict[str, dict[str, float]], x: dict[str, float]) -> dict[str, float]:
    return _normalised({c: sum(weights[c].get(k, 0.0) * v for k, v in x.items()) for c in weights})


def _normalised(scores: dict[str, float]) -> dict[str, float]:
    top = max(scores.values())
    exp = {c: math.exp(s - top) for c, s in scores.items()}
    total = sum(exp.values())
    return {c: e / total for c, e in exp.items()}


def predict(model: dict, x: dict[str, float]) -> tuple[float, str]:
    """(probability that the sentence relays a source, its most likely category)."""
    p = sigmoid(sum(model["detect"].get(k, 0.0) * v for k, v in x.items()))
    probs = softmax(model["category"], x)
    return p, max(probs, key=probs.get)


@dataclass(frozen=True)
class LearnedGuess:
    category: str
    probability: float


class Detector:
    """The shipped model with the cue flags of one lexicon."""

    def __init__(self, words: dict[str, list[str]]) -> None:
        self.weights, self.digest = _model()
        self.threshold = self.weights.threshold
        self.cues = cue_patterns(words)
        self._cue_weights = [(pattern, self.weights.weight(f"cue:{name}")) for name, pattern in self.cues]
        # the flags that can raise the score, the strongest first: looked for until the score cannot reach
        self._raising = sorted((i for i, (_, w) in enumerate(self._cue_weights) if w > 0),
                               key=lambda i: -self._cue_weights[i][1])
        self._below = math.log(self.threshold / (1 - self.threshold))  # a score under this is under the threshold

    @property
    def model(self) -> dict:
        """The weights as predict() takes them."""
        return self.weights.model()

    def guess(self, text: str) -> LearnedGuess | None:
        """The category the model gives a sentence, when it is sure enough; None otherwise.

        The score is predict()'s, summed in the same order; the cue flags are looked for only when the
        words could take it over the threshold with them (most sentences are far below it)."""
        index, values, width = self.weights.index, self.weights.values, len(self.weights.columns)
        tokens = _TOKEN.findall(text.lower())
        z = self.weights.weight("bias")
        for key in dict.fromkeys([f"w:{w}" for w in tokens] + [f"b:{a} {b}" for a, b in zip(tokens, tokens[1:])]):
            row = index.get(key)
            if row is not None:
                z += values[row * width]
        found: dict[int, bool] = {}
        reach = z + sum(self._cue_weights[i][1] for i in self._raising)
        for i in self._raising:
            if reach < self._below - 1e-9:  # the margin: this sum's order is not predict()'s
                return None
            found[i] = self._cue_weights[i][0].search(text) is not None
            reach -= 0.0 if found[i] else self._cue_weights[i][1]
        if reach < self._below - 1e-9:
            return None
        for i, (pattern, weight) in enumerate(self._cue_weights):  # in predict()'s order, for its exact sum
            if found[i] if i in found else pattern.search(text):
                z += weight
        p = sigmoid(z)
        if p < self.threshold:
            return None
        probs = self._categories(features(text, self.cues))
        return LearnedGuess(max(probs, key=probs.get), round(p, 3))

    def _categories(self, x: dict[str, float]) -> dict[str, float]:
        """softmax() over the category weights, term by term as it sums them."""
        index, values, columns = self.weights.index, self.weights.values, self.weights.columns
        rows = [(index.get(k), v) for k, v in x.items()]
        width = len(columns)
        return _normalised({c: sum((0.0 if row is None else values[row * width + column]) * v for row, v in rows)
                            for column, c in enumerate(columns) if column})


_MODEL = "suggest/detector.weights"
NO_MODEL = "rules"  # the fingerprint's part without a model file: the rules alone


def detector(words: dict[str, list[str]]) -> Detector | None:
    """A detector with the lexicon's cue flags, or None when the model cannot be used."""
    return Detector(words) if _model()[0] else None


@lru_cache(maxsize=1)
def _model() -> tuple[weights_file.Weights | None, str]:
    """The weights and their digest; a missing or damaged file (an install that lost it) leaves the
    rules alone at work rather than stopping every suggestion."""
    try:
        raw = (resources_dir() / _MODEL).read_bytes()
    except OSError as error:
        _log.warning("learned detector off: %s cannot be read (%s)", _MODEL, error)
        return None, NO_MODEL
    try:
        found = weights_file.decode(raw)
    except ValueError as error:
        found, problem = None, error
    else:
        problem = "a threshold outside 0..1, or no weights"
    if not _usable(found):
        _log.warning("learned detector off: %s cannot be used (%s)", _MODEL, problem)
        return None, NO_MODEL
    return found, hashlib.sha256(raw).hexdigest()[:16]  # of what was read (the file may have been replaced)


def _usable(found: weights_file.Weights | None) -> bool:
    """Whether `found` holds a threshold in 0..1, detection weights and at least one category."""
    return found is not None and 0 < found.threshold < 1 and bool(found.index) and len(found.columns) > 1


@lru_cache(maxsize=1)
def model_digest() -> str:
    """What the stored suggestions' fingerprint takes from the model: another model recomputes them.
    The file's bytes, not its parsed weights: a process that only hands articles to workers reads no
    weight."""
    try:
        return hashlib.sha256((resources_dir() / _MODEL).read_bytes()).hexdigest()[:16]
    except OSError:
        return NO_MODEL
