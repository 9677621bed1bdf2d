"""The word checks before costly patterns only skip searches that would find nothing: wherever a gated
pattern matches a sentence, its gate is open (on every labelled sentence and on sentences made to
test the edges: capitals, plurals, a dotted capital I, hyphens, digits), and they skip most sentences."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from annotator.core.suggest import groups, posts, roundups, word_gate
from annotator.core.suggest.word_gate import WordGate, letter_runs, sentence_words

DATA = Path(__file__).resolve().parents[2] / "data" / "suggest"
EDGES = [
    "According to the new STUDIES, the İnstitute's data shows a rise.",
    "The court filings, dated March 3, say the deal was signed.",
    "In a series of Wednesday morning tweets, Trump said the talks had failed.",
    "Posting on 4chan, the user wrote that the leak was real.",
    "A message from @sisyphus79 read: “We are leaving.”",
    "Many Russians believe the war will end soon.",
    "Not everyone agrees with the plan, some said.",
    "Facebook users shared the video widely, bloggers wrote.",
    "Per the memorandum, staff must return; the memos said so.",
    "The e-mail said nothing; a status update on X said more.",
    "İnstagram users wrote that the BLOGS were down.",
]


def _sentences() -> list[str]:
    lines = [line for name in ("labels.jsonl", "other_labels.jsonl")
             for line in (DATA / name).read_text(encoding="utf-8").splitlines() if line.strip()]
    return [json.loads(line)["text"] for line in lines] + EDGES


def _gated(suggester) -> list[tuple[str, WordGate, list]]:
    rules = suggester.rules
    framed = [rules.posts._platform_re, posts._POST_BY, rules.posts._frame_re, rules.posts._member_re]
    return [("documents", rules.documents._gate, [rules.documents._frame]),
            ("posts", rules.posts._gate, framed),
            ("groups", groups._GATE, [groups._LEAD]),
            ("roundups", roundups._COMMUNITY_WORDS, [roundups._COMMUNITY])]


def test_a_gated_pattern_never_matches_where_its_gate_is_shut(suggester) -> None:
    sentences = _sentences()
    assert len(sentences) > 2500
    for name, gate, patterns in _gated(suggester):
        shut = 0
        for text in sentences:
            if gate.open(text):
                continue
            shut += 1
            matched = [p.pattern[:60] for p in patterns if p.search(text)]
            writing = name == "posts" and suggester.rules.posts._writing_on_re.match(text)
            assert not matched and not writing, (name, text)
        assert shut > len(sentences) * 0.3, (name, shut)  # the check saves work on most sentences
    for text in EDGES:
        assert suggester.rules.documents._gate.open(text) or not suggester.rules.documents._frame.search(text)


def test_the_edges_each_open_the_gate_they_are_for(suggester) -> None:
    gates = {name: gate for name, gate, _ in _gated(suggester)}
    assert gates["documents"].open("According to the new STUDIES, the figures rose.")
    assert gates["documents"].open("The court filings say so.")
    assert gates["posts"].open("Posting on 4chan, the user wrote that it was real.")
    assert gates["roundups"].open("İnstagram users wrote.")
    assert not gates["documents"].open("The minister spoke in Paris on Monday.")


def test_letter_runs_fold_case_as_a_case_blind_pattern_does() -> None:
    assert letter_runs("İstanbul's U.S. officials, 4chan") == ["istanbul", "s", "u", "s", "officials", "chan"]
    assert letter_runs("ıf KELVIN ſtudy") == ["if", "kelvin", "study"]
    assert letter_runs("") == []
    assert letter_runs("memo\u0307x") == ["memo", "x"]  # a combining mark parts runs, as it parts words


def test_a_gate_keys_on_first_runs_and_plurals_and_stays_open_without_letters() -> None:
    gate = WordGate(["court filing", "memo"], plural=True)
    assert gate.keys == frozenset({"court", "memo", "memos"})
    assert not gate.open("The memorandum is long.") and gate.open("Memos were sent.")
    assert WordGate(["memo", "#1"]).keys is None and WordGate(["#1"]).open("anything")


def test_the_words_of_a_sentence_are_kept_for_a_bounded_number_of_sentences(monkeypatch) -> None:
    monkeypatch.setattr(word_gate, "_kept", {})
    for n in range(word_gate._KEPT * 2 + 5):
        assert sentence_words(f"Sentence number {n}.") == frozenset({"sentence", "number"})
    assert 0 < len(word_gate._kept) <= word_gate._KEPT


@pytest.mark.parametrize("text", EDGES)
def test_suggestions_are_the_same_with_every_gate_open(suggester, monkeypatch, text) -> None:
    before = [(s.category, s.source, s.cue) for s in suggester.suggest([text])]
    monkeypatch.setattr(WordGate, "open", lambda self, text: True)
    assert [(s.category, s.source, s.cue) for s in suggester.suggest([text])] == before
