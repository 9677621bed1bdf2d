"""Patterns compiled once per machine: the cache gives back what re.compile makes, in another
process as in this one; a damaged, foreign or unwritable cache only means compiling again; several
processes writing at once leave a file every one of them can read. The compiled patterns the package
ships are this build's compiler's own and cover the default rules, and are read on no other build."""

from __future__ import annotations

import json
import lzma
import os
import re
import subprocess
import sys
from array import array
from pathlib import Path

import pytest

from annotator.core import disk_cache, pattern_cache
from annotator.core.paths import cache_dir

ROOT = Path(__file__).resolve().parents[2]

PATTERNS = [  # (pattern, flags): named groups, flags inline and given, possessive, lookarounds, Unicode
    (r"(?P<name>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,3}),\s+(?P<title>[^,]{3,40}),\s+said", 0),
    (r"\b(?:according\s+to|per)\s+(?P<src>\w+)", re.IGNORECASE),
    (r"(?<![\w@])(?:spokes(?:man|woman|person)|officials?)(?![\w])", 0),
    (r"(?i:news\s+agenc)|\bReuters\b", 0),
    (r"[“\"‘](?P<quote>[^”\"’]{1,80})[”\"’]", 0),
    (r"\d++\w*+|(a)?b(?(1)c|d)", 0),
]
SAMPLE = ("Jane Doe, a spokeswoman for the ministry, said “no comment”, according to Reuters; "
          "officials at the news agency said 12th abc bd.")


def _run(code: str, cache: Path) -> dict:
    """`code` (which prints one line of JSON) in a new Python process using `cache` as its cache folder."""
    env = {**os.environ, "ANNOTATOR_CACHE_DIR": str(cache), "PYTHONPATH": str(ROOT)}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


_COMPILE = f"""
import json, re
from annotator.core import pattern_cache
found = []
for pattern, flags in {PATTERNS!r}:
    p = pattern_cache.compile_re(pattern, flags)
    r = re.compile(pattern, flags)
    found.append([p.pattern == r.pattern, p.flags == r.flags, p.groups == r.groups, p.groupindex == r.groupindex,
                  [m.group(0) for m in p.finditer({SAMPLE!r})] == [m.group(0) for m in r.finditer({SAMPLE!r})]])
pattern_cache.save()
print(json.dumps({{"same": found, "counts": pattern_cache.counts}}))
"""


def test_a_new_process_builds_from_the_cache_the_pattern_re_compile_makes(tmp_path: Path) -> None:
    first = _run(_COMPILE, tmp_path)
    assert first["counts"] == {"cached": 0, "compiled": len(PATTERNS)}
    second = _run(_COMPILE, tmp_path)
    assert second["counts"] == {"cached": len(PATTERNS), "compiled": 0}
    assert second["same"] == [[True] * 5] * len(PATTERNS)


_SUGGEST = f"""
import json
from pathlib import Path
from annotator.core import pattern_cache
pattern_cache.SHIPPED = "nowhere"  # the user's cache alone: compiled by this process, then read back
from annotator.core.ingest.formats import load
from annotator.core.ingest.segment import split_sentences
from annotator.core.suggest.suggester import Suggester
out = []
for path in sorted(Path({str(ROOT / "tests" / "data" / "suggest" / "other")!r}).glob("*.md"))[:12]:
    body = load(path)[0].body
    texts = [body[a:b] for a, b in split_sentences(body)]
    out.append([[s.idx, s.category, s.source, s.cue, s.confidence] for s in Suggester().suggest(texts)])
print(json.dumps({{"suggestions": out, "counts": pattern_cache.counts}}))
"""


def test_the_suggestions_are_the_same_from_the_cache(tmp_path: Path) -> None:
    cold = _run(_SUGGEST, tmp_path)
    assert cold["counts"]["compiled"] > 50  # (a pattern two modules share is compiled once)
    warm = _run(_SUGGEST, tmp_path)
    assert warm["counts"]["compiled"] == 0 and warm["counts"]["cached"] == sum(cold["counts"].values())
    assert warm["suggestions"] == cold["suggestions"] and any(warm["suggestions"])


def test_a_damaged_cache_file_is_compiled_again_and_written_anew(tmp_path: Path) -> None:
    _run(_COMPILE, tmp_path)
    (file,) = tmp_path.glob("patterns-*.marshal")
    file.write_bytes(b"\x00not marshal data" * 10)
    again = _run(_COMPILE, tmp_path)
    assert again["counts"] == {"cached": 0, "compiled": len(PATTERNS)}
    assert again["same"] == [[True] * 5] * len(PATTERNS)
    assert _run(_COMPILE, tmp_path)["counts"]["cached"] == len(PATTERNS)


def test_an_entry_the_engine_refuses_is_compiled_again(monkeypatch) -> None:
    pattern = r"(?P<refused>entry)\s+\d+"
    code = array(pattern_cache._WORD, [999_999, 1, 2]).tobytes()
    monkeypatch.setattr(pattern_cache, "_known", {(pattern, 0): (0, code, 1, {"refused": 1}, (None,))})
    monkeypatch.setattr(pattern_cache, "_shipped", {})
    monkeypatch.setattr(pattern_cache, "_new", {})
    compiled = pattern_cache.compile_re(pattern)
    assert compiled.search("an entry 42").group("refused") == "entry"
    assert (pattern, 0) not in pattern_cache._known and (pattern, 0) in pattern_cache._new


def test_with_no_cache_folder_patterns_still_compile(tmp_path: Path, monkeypatch) -> None:
    blocker = tmp_path / "a file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("ANNOTATOR_CACHE_DIR", str(blocker / "cache"))
    assert cache_dir() is None
    assert disk_cache.store("anything", {"a": 1}) is False and disk_cache.load("anything") is None
    assert _run(_COMPILE, blocker / "cache")["same"] == [[True] * 5] * len(PATTERNS)


def test_a_value_of_another_kind_is_not_read_as_one(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("ANNOTATOR_CACHE_DIR", str(tmp_path))
    assert disk_cache.store("patterns-x", [1, 2, 3])
    monkeypatch.setattr(pattern_cache, "_NAME", "patterns-x")
    monkeypatch.setattr(pattern_cache, "_known", None)
    assert pattern_cache._entries() == {}


_WRITER = """
import json, sys
from annotator.core import pattern_cache
for round in range(15):
    for i in range(4):
        pattern_cache.compile_re(rf"writer{sys.argv[1]}-{round}-{i}-(?P<n>\\d+)")
    pattern_cache.save()
print(json.dumps(pattern_cache.counts))
"""


def test_processes_saving_at_once_leave_a_readable_file(tmp_path: Path) -> None:
    env = {**os.environ, "ANNOTATOR_CACHE_DIR": str(tmp_path), "PYTHONPATH": str(ROOT)}
    writers = [subprocess.Popen([sys.executable, "-c", _WRITER, str(n)], env=env, stdout=subprocess.PIPE)
               for n in range(4)]
    assert all(w.wait(timeout=120) == 0 for w in writers)
    for w in writers:
        w.stdout.close()
    (file,) = tmp_path.glob("patterns-*.marshal")
    assert not list(tmp_path.glob("*.tmp"))
    check = """
import json
from annotator.core import disk_cache, pattern_cache
entries = disk_cache.load(pattern_cache._NAME)
print(json.dumps(sorted({k[0].split("-")[0] for k in entries})))
"""
    out = subprocess.run([sys.executable, "-c", check], capture_output=True, text=True, check=True, env=env)
    writers_kept = json.loads(out.stdout)
    assert writers_kept and set(writers_kept) <= {f"writer{n}" for n in range(4)}


def test_a_file_damaged_in_one_byte_is_not_read(tmp_path: Path) -> None:
    _run(_COMPILE, tmp_path)
    (file,) = tmp_path.glob("patterns-*.marshal")
    data = bytearray(file.read_bytes())
    data[len(data) // 2] ^= 0x01  # one bit of the engine code: marshal would still read it
    file.write_bytes(bytes(data))
    again = _run(_COMPILE, tmp_path)
    assert again["counts"] == {"cached": 0, "compiled": len(PATTERNS)}
    assert again["same"] == [[True] * 5] * len(PATTERNS)


def test_a_folder_others_may_write_in_is_not_used(tmp_path: Path, monkeypatch) -> None:
    shared = tmp_path / "shared"
    shared.mkdir()
    shared.chmod(0o777)
    monkeypatch.setenv("ANNOTATOR_CACHE_DIR", str(shared))
    assert cache_dir() is None
    shared.chmod(0o700)
    assert cache_dir() == shared


def test_a_file_of_another_python_build_is_another_file(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("ANNOTATOR_CACHE_DIR", str(tmp_path))
    assert disk_cache.store("value", [1, 2])
    monkeypatch.setattr(disk_cache, "_VERSION", "another")
    assert disk_cache.load("value") is None


_DEFAULT_RULES = """
import json
from annotator.core import pattern_cache
from annotator.core.suggest.cues import load_lexicon
from annotator.core.suggest.suggester import detector_for, rules_for
lexicon = load_lexicon()
rules_for(lexicon)
detector_for(lexicon)
print(json.dumps(pattern_cache.counts))
"""


def _shipped_for_this_build() -> Path:
    path = pattern_cache.resources_dir() / pattern_cache.SHIPPED / f"{disk_cache.file_name(pattern_cache._NAME)}.xz"
    if not path.exists():
        shipped = sorted(p.name for p in path.parent.glob("*.xz"))
        pytest.skip(f"the package ships compiled patterns for other Python builds only ({shipped}); "
                    "this one compiles them on its first run")
    return path


def test_the_shipped_patterns_cover_the_default_rules_on_their_build(tmp_path: Path) -> None:
    """Fails when the rules changed and tests/bench/freeze_patterns.py was not run again."""
    _shipped_for_this_build()
    counts = _run(_DEFAULT_RULES, tmp_path)
    assert counts["compiled"] == 0 and counts["cached"] > 100
    assert not list(tmp_path.glob("patterns-*")), "nothing to write: every pattern came from the package"


def test_the_shipped_patterns_are_what_this_builds_compiler_makes(monkeypatch) -> None:
    _shipped_for_this_build()
    monkeypatch.setattr(pattern_cache, "_shipped", None)
    shipped = pattern_cache._shipped_entries()
    assert len(shipped) >= 100
    for (pattern, flags), entry in shipped.items():
        if flags != pattern_cache.TEXT:
            assert pattern_cache._build(pattern, flags)[1] == entry, pattern[:80]


_MADE_TEXTS = """
import json
from annotator.core import pattern_cache
pattern_cache.SHIPPED = "nowhere"
from annotator.core.suggest.cues import load_lexicon
from annotator.core.suggest.suggester import detector_for, rules_for
lexicon = load_lexicon()
rules_for(lexicon)
detector_for(lexicon)
made = {**pattern_cache._entries(), **pattern_cache._new}  # (the rules save what they made)
print(json.dumps({k[0]: v for k, v in made.items() if k[1] == pattern_cache.TEXT}))
"""


def test_the_shipped_pattern_texts_are_what_this_checkouts_code_writes(tmp_path: Path, monkeypatch) -> None:
    _shipped_for_this_build()
    made = _run(_MADE_TEXTS, tmp_path)  # written by the code, none from any cache
    monkeypatch.setattr(pattern_cache, "_shipped", None)
    shipped = {k[0]: v for k, v in pattern_cache._shipped_entries().items() if k[1] == pattern_cache.TEXT}
    assert len(made) >= 20 and shipped == made


def test_a_made_text_is_made_once_and_again_when_its_words_or_its_module_change(tmp_path: Path,
                                                                                monkeypatch) -> None:
    module = tmp_path / "maker.py"
    module.write_text("RULE = 1\n")
    for name, value in (("_known", {}), ("_new", {}), ("_shipped", {})):
        monkeypatch.setattr(pattern_cache, name, value)
    made = []

    def text(maker, words):
        return pattern_cache.made_text(maker, words, lambda: made.append(words) or "|".join(words))

    first = pattern_cache.maker_key(str(module))
    assert text(first, ("said", "told")) == "said|told" and text(first, ("said", "told")) == "said|told"
    assert text(first, ("said", "told", "added")) == "said|told|added"
    assert text(first, ("sa", "idtold")) == "sa|idtold"  # the words are kept apart in the key
    assert text(first, ("said\x00", "told")) == "said\x00|told"
    assert made == [("said", "told"), ("said", "told", "added"), ("sa", "idtold"), ("said\x00", "told")]
    module.write_text("RULE = 2\n")  # the code that writes the text changed: the old text is not used
    second = pattern_cache.maker_key(str(module))
    assert text(second, ("said", "told")) == "said|told" and len(made) == 5
    module.write_bytes(b"RULE = 2\r\n")  # the same code with other line endings: the same key
    assert pattern_cache.maker_key(str(module)) == second
    assert pattern_cache.maker_key(str(tmp_path / "gone.py")) is None
    assert pattern_cache.made_text(None, ("x",), lambda: "made") == "made"
    assert text(first, ("said", "told")) == "said|told" and len(made) == 5  # (nothing kept for None)
    assert len(pattern_cache._new) == 5


_MAKE_TWICE = """
import json
from annotator.core import pattern_cache
made = []
text = pattern_cache.made_text(pattern_cache.maker_key(pattern_cache.__file__), ["a", "b"],
                               lambda: made.append(1) or "(?:a|b)")
pattern_cache.save()
print(json.dumps({"text": text, "made": len(made)}))
"""


def test_a_made_text_is_read_back_in_a_new_process(tmp_path: Path) -> None:
    assert _run(_MAKE_TWICE, tmp_path) == {"text": "(?:a|b)", "made": 1}
    assert _run(_MAKE_TWICE, tmp_path) == {"text": "(?:a|b)", "made": 0}


def test_a_damaged_or_foreign_shipped_file_is_not_read(tmp_path: Path, monkeypatch) -> None:
    folder = tmp_path / pattern_cache.SHIPPED
    folder.mkdir(parents=True)
    name = f"{disk_cache.file_name(pattern_cache._NAME)}.xz"
    monkeypatch.setattr(pattern_cache, "resources_dir", lambda: tmp_path)
    pattern, flags = PATTERNS[0]
    good = pattern_cache._build(pattern, flags)[1]
    for data in (b"not xz at all", lzma.compress(b"not a cache file"),
                 lzma.compress(disk_cache.encode({(pattern, flags): good})[:-1]),  # cut short: its digest fails
                 lzma.compress(disk_cache.encode([1, 2, 3]))):
        (folder / name).write_bytes(data)
        monkeypatch.setattr(pattern_cache, "_shipped", None)
        assert pattern_cache._shipped_entries() == {}
    (folder / name).write_bytes(lzma.compress(disk_cache.encode({(pattern, flags): good})))
    monkeypatch.setattr(pattern_cache, "_shipped", None)
    assert pattern_cache._shipped_entries() == {(pattern, flags): good}
    monkeypatch.setattr(disk_cache, "_VERSION", "another")  # another build looks for another file
    monkeypatch.setattr(pattern_cache, "_shipped", None)
    assert pattern_cache._shipped_entries() == {}


def test_a_short_entry_or_no_resources_folder_only_means_compiling(monkeypatch) -> None:
    pattern = r"(?P<short>entry)\s+\d+"
    monkeypatch.setattr(pattern_cache, "_known", {(pattern, 0): (0,)})
    monkeypatch.setattr(pattern_cache, "_new", {})
    monkeypatch.setattr(pattern_cache, "_shipped", None)

    def missing():
        raise FileNotFoundError("the annotator's resources/ folder is missing from this installation")

    monkeypatch.setattr(pattern_cache, "resources_dir", missing)
    assert pattern_cache.compile_re(pattern).search("an entry 42").group("short") == "entry"
    assert pattern_cache.compile_re(r"another\s+(\d+)").search("another 7").group(1) == "7"
