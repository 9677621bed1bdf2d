"""The learned detector's weights file: one row of weights a feature, read in a few milliseconds.

resources/suggest/detector.weights holds a first line of JSON (the format, the threshold, the columns:
"detect" then the categories, the number of features, the bytes of their names), then the feature
names one a line (UTF-8), then the weights as little-endian 64-bit floats, a row a feature in the
order of the names, a column each in the order of the columns (0.0 where a column has no weight).
The same weights as JSON took 35 ms to parse in every new process; these read in about 5 ms.
"""

from __future__ import annotations

import json
import sys
from array import array
from dataclasses import dataclass

FORMAT = "annotator-detector-weights-1"
DETECT = "detect"


@dataclass(frozen=True)
class Weights:
    """What the detector weighs: `values[row * len(columns) + column]` for a feature's row."""

    threshold: float
    columns: tuple[str, ...]  # DETECT, then the categories
    index: dict[str, int]  # feature -> row
    values: array

    def weight(self, feature: str, column: int = 0) -> float:
        row = self.index.get(feature)
        return 0.0 if row is None else self.values[row * len(self.columns) + column]

    def model(self) -> dict:
        """The weights as learned.predict takes them: {"threshold", "detect": {feature: weight},
        "category": {category: {feature: weight}}}, the zero weights left out."""
        width = len(self.columns)
        found = [{f: w for f, row in self.index.items() if (w := self.values[row * width + c]) != 0.0}
                 for c in range(width)]
        return {"threshold": self.threshold, DETECT: found[0],
                "category": dict(zip(self.columns[1:], found[1:]))}


def encode(model: dict) -> bytes:
    """The file for a model as tests/bench/train_detector.py trains it (learned.predict's shape)."""
    columns = (DETECT, *sorted(model["category"]))
    tables = [model[DETECT], *(model["category"][c] for c in columns[1:])]
    features = sorted(set().union(*tables))
    if any("\n" in f for f in features):
        raise ValueError("a feature name holds a line break")
    names = "\n".join(features).encode("utf-8")
    values = array("d", (float(t.get(f, 0.0)) for f in features for t in tables))
    if sys.byteorder == "big":
        values.byteswap()
    head = {"format": FORMAT, "threshold": float(model["threshold"]), "columns": list(columns),
            "features": len(features), "name_bytes": len(names)}
    return json.dumps(head).encode("utf-8") + b"\n" + names + values.tobytes()


def decode(data: bytes) -> Weights:
    """The weights in `data`; ValueError when it is not a whole weights file."""
    try:
        end = data.index(b"\n")
        head = json.loads(data[:end])
        if not isinstance(head, dict) or head.get("format") != FORMAT:
            raise ValueError(f"not a {FORMAT} file")
        columns, count, size = tuple(head["columns"]), int(head["features"]), int(head["name_bytes"])
        threshold = float(head["threshold"])
        if not all(isinstance(c, str) for c in columns) or count < 0 or size < 0:
            raise ValueError("the columns or counts are of another kind")
        names = data[end + 1: end + 1 + size].decode("utf-8").split("\n") if count else []
        values = array("d")
        values.frombytes(data[end + 1 + size:])
    except ValueError:
        raise
    except (KeyError, TypeError, AttributeError, OverflowError, RecursionError, MemoryError) as error:
        raise ValueError(f"not a weights file ({type(error).__name__}: {error})") from error
    if sys.byteorder == "big":
        values.byteswap()
    if not columns or columns[0] != DETECT or len(names) != count or len(values) != count * len(columns):
        raise ValueError("the weights file is cut short or its counts do not match")
    return Weights(threshold, columns, {name: row for row, name in enumerate(names)}, values)
