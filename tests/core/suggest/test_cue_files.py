"""Cue files are input too: checked against a schema with the line of each fault, only regular files
read, a missing ANNOTATOR_CUES_DIR said, and phrase matching linear in the text, not in the cues."""

from __future__ import annotations

import json
import os
import random
import re
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from annotator.core.errors import InvalidValue
from annotator.core.resources import resources_dir, seeds_dir
from annotator.core.suggest.cues import load_lexicon, phrase_body
from annotator.core.suggest.phrases import PhraseMatcher
from annotator.core.suggest.suggester import Suggester

ROOT = Path(__file__).resolve().parents[3]
LABELS = ROOT / "tests" / "data" / "suggest" / "labels.jsonl"

BAD = """{
  "about": "a user's cues",
  "speech_verbs": "said",
  "categories": {
    "on_record": {
      "confidence": "high",
      "cues": ["said in a statement",
               3]
    }
  },
  "unattributed": {"propose": "yes"},
  "speach_verbs": ["whispered"]
}
"""


def _load(folder: Path) -> None:
    load_lexicon([resources_dir() / "cues", folder])


def test_a_cue_file_of_wrong_types_is_refused_with_the_line_of_each_fault(tmp_path: Path) -> None:
    (tmp_path / "mine.json").write_text(BAD, encoding="utf-8")
    with pytest.raises(InvalidValue) as raised:
        _load(tmp_path)
    message = str(raised.value)
    assert message.startswith(f"Cue file {tmp_path / 'mine.json'} does not fit the cue file schema: ")
    assert 'line 3: "speech_verbs" must be a list of texts' in message
    assert 'line 6: the confidence of "on_record" must be a number from 0 to 1, not the text "high"' in message
    assert 'line 8: the cues of "on_record" item 2 must be a text, not the number 3' in message
    assert 'line 11: "unattributed" "propose" must be true or false, not the text "yes"' in message
    assert 'line 12: "speach_verbs" is not a cue file key (did you mean "speech_verbs"?)' in message
    assert raised.value.advice.startswith("Correct the file")


@pytest.mark.parametrize("text, expected", [
    ('{"categories": {"x": {"cues": ["  "]}}}', 'line 1: the cues of "x" item 1 is blank'),
    ('{"categories": {"x": {"confidence": 4, "cues": []}}}', 'line 1: the confidence of "x" must be from 0 to 1'),
    ('{"categories": ["x"]}', 'line 1: "categories" must be an object of category keys, not a list'),
    ('["said"]', "line 1: the file must hold a JSON object ({...}), not a list"),
    ('{"speech_verbs": ["said",\n\n]}', "is not valid JSON: line 3, column 1"),
])
def test_each_kind_of_fault_is_named(tmp_path: Path, text: str, expected: str) -> None:
    (tmp_path / "mine.json").write_text(text, encoding="utf-8")
    with pytest.raises(InvalidValue, match=re.escape(expected)):
        _load(tmp_path)


def test_a_good_cue_file_with_notes_is_read(tmp_path: Path) -> None:
    (tmp_path / "mine.json").write_text(json.dumps({
        "_note": "mine", "$schema": "x", "speech_verbs": ["whispered"],
        "categories": {"rumour": {"confidence": 0.5, "cues": ["it is rumoured"], "_why": "test"}}}), encoding="utf-8")
    lexicon = load_lexicon([resources_dir() / "cues", tmp_path])
    assert "whispered" in lexicon.words["speech_verbs"] and "rumour" in lexicon.categories()


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_a_fifo_in_the_cue_folder_is_passed_over_without_blocking(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.json"
    os.mkfifo(fifo)
    (tmp_path / "mine.json").write_text('{"speech_verbs": ["whispered"]}', encoding="utf-8")
    result: list = []
    reader = threading.Thread(target=lambda: result.append(load_lexicon([tmp_path])), daemon=True)
    reader.start()
    reader.join(10)
    if reader.is_alive():  # unblock the reader before failing
        with open(fifo, "wb"):
            pass
        reader.join(5)
        pytest.fail("reading the cue folder blocked on a FIFO")
    assert result[0].files == [tmp_path / "mine.json"]


def test_a_missing_cue_folder_is_said_with_advice(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ANNOTATOR_CUES_DIR", str(tmp_path / "gone"))
    with pytest.raises(InvalidValue) as raised:
        Suggester()
    assert str(raised.value) == f"The cue folder {tmp_path / 'gone'} named by ANNOTATOR_CUES_DIR does not exist."
    assert "ANNOTATOR_CUES_DIR" in raised.value.advice


def _alternation(phrases: list[str]) -> re.Pattern[str]:
    """The matcher of before, the reference: one alternation, longest pattern first."""
    bodies = sorted((phrase_body(p) for p in phrases), key=len, reverse=True)
    return re.compile(r"(?<![\w@])(?:" + "|".join(bodies) + r")(?![\w])", re.IGNORECASE)


def _sentences() -> list[str]:
    texts = [json.loads(line)["text"] for line in LABELS.read_text(encoding="utf-8").splitlines()]
    return texts + ["Reuters, citing (AP) sources: “officials said” — ſaid the KELVIN K ıd İd.",
                    "@officials said x officials said, and ex-officials said"]


def test_the_matcher_finds_what_the_alternation_found_on_the_labelled_sentences() -> None:
    lexicon = load_lexicon([resources_dir() / "cues"])
    groups: dict[tuple[str, float], list[str]] = {}
    for cue in lexicon.phrases:
        groups.setdefault((cue.category, cue.confidence), []).append(cue.phrase)
    rng = random.Random(7)
    words = sorted({w for text in _sentences() for w in text.split()})
    groups[("extra", 0.5)] = [" ".join(rng.choice([*words, "*"]) for _ in range(rng.randint(1, 3)))
                              for _ in range(3000)] + ["said", "said *", "* said", "(AP)", "officials", "ſaid", "k"]
    matcher = PhraseMatcher(((c, conf, phrases) for (c, conf), phrases in groups.items()), alternation_up_to=0)
    references = [_alternation(phrases) for phrases in groups.values()]
    for text in _sentences():
        found = matcher.first_matches(text)
        for reference, match in zip(references, found):
            expected = reference.search(text)
            assert (match and (match.span(), match.group(0))) == (expected and (expected.span(), expected.group(0))), text


_BIG = r"""
import json, sys, time
from pathlib import Path
from annotator.core.ingest.formats import load
from annotator.core.ingest.segment import split_sentences
from annotator.core.suggest.cues import load_lexicon
from annotator.core.resources import resources_dir
from annotator.core.suggest.suggester import Suggester
start = time.perf_counter()
suggester = Suggester(load_lexicon([resources_dir() / "cues", Path(sys.argv[1])]))
count = 0
for path in sys.argv[2:]:
    article, _ = load(Path(path))
    count += len(suggester.suggest([article.body[a:b] for a, b in split_sentences(article.body)]))
with open("/proc/self/status") as status:
    peak = next(int(line.split()[1]) for line in status if line.startswith("VmHWM")) / 1024
print(json.dumps({"seconds": time.perf_counter() - start, "peak_mb": peak, "suggestions": count}))
"""


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="reads peak memory from /proc")
def test_a_cue_file_of_200000_phrases_suggests_four_articles_in_seconds(tmp_path: Path) -> None:
    rng = random.Random(3)
    vocabulary = [w.strip(".,“”\"'()").lower() for text in _sentences() for w in text.split()]
    vocabulary = sorted({w for w in vocabulary if w.isalpha()})
    phrases = {" ".join(rng.choice(vocabulary) for _ in range(rng.randint(2, 4))) for _ in range(200_000)}
    folder = tmp_path / "cues"
    folder.mkdir()
    (folder / "big.json").write_text(json.dumps({"categories": {"on_record": {"cues": sorted(phrases)}}}, indent=1),
                                     encoding="utf-8")
    assert (folder / "big.json").stat().st_size > 3_000_000
    articles = [str(p) for p in sorted(seeds_dir().glob("articles/*.md"))[:4]]
    done = subprocess.run([sys.executable, "-c", _BIG, str(folder), *articles], capture_output=True, text=True,
                          timeout=180, cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert done.returncode == 0, done.stderr[-2000:]
    outcome = json.loads(done.stdout)
    assert outcome["suggestions"] > 0
    assert outcome["seconds"] < 60 and outcome["peak_mb"] < 500, outcome  # the alternation: 300 s, 920 MB
