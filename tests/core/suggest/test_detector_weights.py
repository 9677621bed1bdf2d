"""The learned detector's weights file: the model comes back exactly as it was trained, and a file
cut short, of another kind or with counts that do not match is refused, which leaves the rules alone
at work."""

from __future__ import annotations

import pytest

from annotator.core.suggest import learned, weights

MODEL = {"threshold": 0.75,
         "detect": {"bias": -1.25, "w:said": 2.5, "b:officials said": 0.1 + 0.2, "cue:quote": -0.0625},
         "category": {"on_record": {"w:said": 1.5, "w:minister": 0.3333},
                      "anonymous_official": {"w:officials": 2.0, "b:officials said": -1e-3},
                      "document": {"w:report": 0.9}}}


def test_a_model_comes_back_exactly_as_it_was_written() -> None:
    found = weights.decode(weights.encode(MODEL))
    assert found.model() == MODEL
    assert found.columns == ("detect", "anonymous_official", "document", "on_record")
    assert found.weight("b:officials said") == 0.1 + 0.2 and found.weight("w:minister", 3) == 0.3333
    assert found.weight("w:unknown") == 0.0 and found.weight("w:report") == 0.0  # a category's only


def test_the_shipped_weights_give_predicts_category_term_for_term() -> None:
    shipped = learned.Detector({"speech_verbs": ["said"], "outlets": ["Reuters"], "outlet_words": ["newspaper"],
                                "document_nouns": ["report"], "platforms": ["Facebook"]})
    model = shipped.model
    for text in ("Officials said the report was leaked.", "“We will not stop,” she wrote on Facebook.",
                 "The minister told Reuters the plan was dead."):
        x = learned.features(text, shipped.cues)
        assert shipped._categories(x) == learned.softmax(model["category"], x)


@pytest.mark.parametrize("damage", [
    lambda data: data[: len(data) - 3],  # cut short inside the weights
    lambda data: data[: data.index(b"\n") + 5],  # cut short inside the names
    lambda data: b"{}" + data[data.index(b"\n"):],  # another kind of file
    lambda data: b"not json\n" + data,
    lambda data: data.replace(b'"features": 7', b'"features": 8', 1),  # a name missing
    lambda data: data.replace(b'"columns": ["detect"', b'"columns": ["sentence"', 1),
    lambda data: b"",
    lambda data: b"[1]\n",  # a head of another shape
    lambda data: b"[" * 100000 + b"\n",  # nested past the parser's depth
    lambda data: data.replace(b'"features": 7', b'"features": 1e999', 1),
    lambda data: data.replace(b'"threshold": 0.75', b'"threshold": 1' + b"0" * 400, 1),
    lambda data: data.replace(b'"columns": ["detect"', b'"columns": [["detect"]', 1),
])
def test_a_damaged_file_is_refused(damage) -> None:
    data = weights.encode(MODEL)
    assert b'"features": 7' in data and b'"columns": ["detect"' in data
    with pytest.raises(ValueError):
        weights.decode(damage(data))


def test_a_feature_name_with_a_line_break_is_not_written() -> None:
    with pytest.raises(ValueError):
        weights.encode({**MODEL, "detect": {"w:two\nlines": 1.0}})
