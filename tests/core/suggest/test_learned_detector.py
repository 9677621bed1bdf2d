"""The learned detector: asked only about body sentences the rules leave empty, taken only above its
threshold, with a low confidence, its own cue and no source; the stored suggestions go stale with
another model. A small model written here stands for the shipped one where the test needs a sure
answer; the shipped one is checked for its shape."""

from __future__ import annotations

import pytest

from annotator.core.suggest import learned, suggester as suggester_module, weights
from annotator.core.suggest.cues import load_lexicon
from annotator.core.suggest.suggester import ATTRIBUTION, Suggester

_SURE = {"threshold": 0.9, "detect": {"bias": -8.0, "w:zebra": 16.0},
         "category": {c: ({"w:zebra": 5.0} if c == "anonymous_other" else {}) for c in ATTRIBUTION}}
_SURE_WEIGHTS = weights.decode(weights.encode(_SURE))


@pytest.fixture()
def zebra(monkeypatch) -> Suggester:
    """A suggester whose detector is sure of every sentence that speaks of a zebra."""
    monkeypatch.setattr(learned, "_model", lambda: (_SURE_WEIGHTS, "test-model"))
    monkeypatch.setattr(suggester_module, "_DETECTORS", {})
    return Suggester(load_lexicon())


def test_the_shipped_model_has_its_threshold_and_every_attribution_category() -> None:
    model, digest = learned._model()
    assert 0.5 <= model.threshold < 1 and len(digest) == 16
    assert set(model.columns[1:]) == set(ATTRIBUTION) and model.weight("bias") != 0.0


def test_a_body_sentence_the_rules_leave_empty_takes_the_detectors_category(zebra: Suggester) -> None:
    found = zebra.suggest(["The council met on Monday.", "A zebra was seen near the river bank today."])
    assert [(s.idx, s.category, s.source, s.confidence) for s in found] == [
        (1, "anonymous_other", "", learned.CONFIDENCE)]
    assert found[0].cue.startswith("learned from labelled news (p 1.00")


def test_the_rules_answer_first_and_below_the_threshold_nothing_is_guessed(zebra: Suggester) -> None:
    found = zebra.suggest(["The minister said a zebra had escaped.", "The river rose overnight."])
    assert [(s.idx, s.category) for s in found] == [(0, "on_record")]
    assert not found[0].cue.startswith("learned")


def test_headings_and_display_text_are_never_guessed(zebra: Suggester) -> None:
    found = zebra.suggest(["Zebra Escapes From City Zoo", "Photo: a zebra at the zoo (Reuters)",
                           "Subscribe to our zebra newsletter for the latest news."])
    assert [s for s in found if s.cue.startswith("learned")] == []


def test_another_model_makes_the_stored_suggestions_stale(monkeypatch) -> None:
    shipped = Suggester(load_lexicon()).fingerprint
    assert shipped.endswith(learned._model()[1])
    monkeypatch.setattr(learned, "model_digest", lambda: "test-model")
    assert Suggester(load_lexicon()).fingerprint != shipped


def test_the_detectors_quick_score_gives_predicts_answer_on_every_labelled_sentence() -> None:
    """guess() skips the cue flags where the words alone cannot reach the threshold; on every sentence
    of the labelled sets it answers as the plain prediction over all the features does."""
    import json
    from pathlib import Path

    data = Path(__file__).resolve().parents[2] / "data" / "suggest"
    texts = [json.loads(line)["text"] for name in ("labels.jsonl", "other_labels.jsonl")
             for line in (data / name).read_text(encoding="utf-8").splitlines()]
    detector = learned.Detector(load_lexicon().words)
    for text in texts:
        p, category = learned.predict(detector.model, learned.features(text, detector.cues))
        guess = detector.guess(text)
        assert (guess.category, guess.probability) == (category, round(p, 3)) if p >= detector.threshold \
            else guess is None, text
    assert sum(detector.guess(t) is not None for t in texts) >= 20


def test_a_guess_in_a_category_the_codebook_lacks_leaves_the_sentence_unattributed(monkeypatch) -> None:
    from dataclasses import replace

    monkeypatch.setattr(learned, "_model", lambda: (_SURE_WEIGHTS, "test-model"))
    monkeypatch.setattr(suggester_module, "_DETECTORS", {})
    lexicon = replace(load_lexicon(), propose_unattributed=True)
    found = Suggester(lexicon, categories={"on_record", "unattributed"}).suggest(
        ["A zebra was seen near the river bank early today."])
    assert [s.category for s in found] == ["unattributed"]


def test_without_a_usable_model_the_rules_work_alone(monkeypatch, tmp_path) -> None:
    (tmp_path / "suggest").mkdir()
    (tmp_path / "suggest" / "detector.weights").write_bytes(weights.encode({**_SURE, "threshold": 2}))
    monkeypatch.setattr(learned, "resources_dir", lambda: tmp_path)
    for cached in (learned._model, learned.model_digest):
        cached.cache_clear()
    monkeypatch.setattr(suggester_module, "_DETECTORS", {})
    try:
        found = Suggester(load_lexicon()).suggest(["The minister said the bridge would reopen.", "It rained."])
        assert [(s.idx, s.category) for s in found] == [(0, "on_record")]
        (tmp_path / "suggest" / "detector.weights").unlink()
        learned.model_digest.cache_clear()
        assert Suggester(load_lexicon()).fingerprint.endswith(learned.NO_MODEL)
    finally:
        for cached in (learned._model, learned.model_digest):
            cached.cache_clear()
