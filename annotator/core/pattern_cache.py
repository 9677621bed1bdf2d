"""Regular expressions compiled once per machine rather than once per process.

The suggestion rules compile a few dozen large patterns (word lists of the lexicon made into
alternations); Python parses and translates them anew in every process, about 0.3 s on 2 cores, which
a command-line run or a worker process pays before its first article. `compile_re` keeps what that
work produces (the matcher's code, as Python's own `re` hands it to its C engine) in the user's cache
folder, keyed by the pattern's text and flags, and builds the same pattern object from it next time.

The cache is written only by `save` (the rules call it once they are built). The engine trusts the
code it is given, so the file is read only as disk_cache reads it: made by this very Python build,
whole (its SHA-256 checked), in a folder only the user may write. A pattern from the cache is then the
one `re.compile` makes (same text, flags, groups, matches); anything else (another Python, a damaged
file, an entry the engine refuses) falls back to `re.compile`.

The package also ships the default rules' patterns compiled by the Python build the project is
built and tested with (resources/suggest/compiled/, made by tests/bench/freeze_patterns.py, kept
current by a test on that build): a fresh machine with that build pays nothing on its first run. The
file's name carries the build, as the user's cache does; on any other build it is not read.

The rules also write some patterns' text from the lexicon (a word list as a trie, `frames.alternation`;
the phrases' trie, `phrases.any_phrase_pattern`), 40 ms a process that the compiled code alone does not
spare. `made_text` keeps such a text in the same file, keyed by a digest of the words it is made from
and of the source of the module that makes it as it was imported: any change to that module or to
the words makes another key, so a text from the cache is the one the running code would make.
"""

from __future__ import annotations

import hashlib
import logging
import lzma
import re
import threading
from array import array
from collections.abc import Callable, Iterable
from pathlib import Path

from annotator.core import disk_cache
from annotator.core.resources import resources_dir

_log = logging.getLogger(__name__)

try:  # the steps of re.compile (CPython 3.11 and later); without them the cache is off
    import _sre
    from re import _compiler, _parser
except ImportError:  # pragma: no cover - another Python implementation
    _sre = None

_NAME = f"patterns-{getattr(_sre, 'MAGIC', 0)}-{getattr(_sre, 'CODESIZE', 0)}"
_LIMIT = 500  # entries (one lexicon makes about 140); beyond it a save keeps only this process's
# the engine's code words kept as bytes (read 10 times faster than a list of ints), where an array
# item is a code word
_WORD = next((t for t in "IL" if array(t).itemsize == getattr(_sre, "CODESIZE", 0)), None)
SHIPPED = "suggest/compiled"  # under resources/

_lock = threading.Lock()
_known: dict[tuple[str, int], tuple] | None = None  # from the cache file, read once
_shipped: dict[tuple[str, int], tuple] | None = None  # from the package's file, read on first need
_new: dict[tuple[str, int], tuple] = {}
_used: set[tuple[str, int]] = set()
counts = {"cached": 0, "compiled": 0}  # this process's, for tests and benchmarks
TEXT = -1  # the flags part of a made text's key: no pattern's flags are negative


def compile_re(pattern: str, flags: int | re.RegexFlag = 0) -> re.Pattern:
    """`re.compile(pattern, flags)`, from the cache when it holds the pattern."""
    if _sre is None or _WORD is None or not isinstance(pattern, str):
        return re.compile(pattern, flags)
    key = (pattern, int(flags))
    with _lock:
        entry = _entries().get(key) or _new.get(key) or _shipped_entries().get(key)
        _used.add(key)
    if entry is not None:
        try:
            compiled = _sre.compile(pattern, entry[0], _code(entry[1]), *entry[2:])
            counts["cached"] += 1
            return compiled
        except (RuntimeError, TypeError, ValueError, OverflowError, IndexError, KeyError):  # refused: build anew
            with _lock:
                _entries().pop(key, None)
                _shipped_entries().pop(key, None)
    compiled, entry = _build(pattern, key[1])
    if entry is not None:
        with _lock:
            _new[key] = entry
    counts["compiled"] += 1
    return compiled


def maker_key(module_file: str) -> bytes | None:
    """The key part of the module at `module_file` that writes pattern texts: the SHA-256 of its source
    (line endings as in a Unix checkout), read once, when the module is imported, so it is the code that
    runs even if the file is replaced meanwhile; None where the file cannot be read (nothing is cached)."""
    try:
        return hashlib.sha256(Path(module_file).read_bytes().replace(b"\r\n", b"\n")).digest()
    except OSError:
        return None


def made_text(maker: bytes | None, words: Iterable[str], make: Callable[[], str]) -> str:
    """The pattern text `make()` writes from `words` in the module whose `maker_key` is `maker`, from the
    cache when it holds it (see the module's docstring); `make` is called only when it does not."""
    if _sre is None or _WORD is None or maker is None:
        return make()
    digest = hashlib.sha256(maker)
    for word in words:
        data = word.encode("utf-8", "surrogatepass")
        digest.update(len(data).to_bytes(8, "little"))  # each word apart: no two lists share a key
        digest.update(data)
    key = (digest.hexdigest(), TEXT)
    with _lock:
        text = _entries().get(key)
        text = text if text is not None else _new.get(key)
        text = text if text is not None else _shipped_entries().get(key)
        _used.add(key)
    if isinstance(text, str):
        return text
    text = make()
    with _lock:
        _new[key] = text
    return text


def save() -> None:
    """Write the patterns compiled since the last save into the cache (with those already there)."""
    if _sre is None or _WORD is None:
        return
    with _lock:
        if not _new:
            return
        stored = disk_cache.load(_NAME)
        entries = dict(stored) if isinstance(stored, dict) else {}
        entries.update(_new)
        if len(entries) > _LIMIT:
            entries = {k: v for k, v in entries.items() if k in _used}
        if disk_cache.store(_NAME, entries):
            _entries().update(_new)
            _new.clear()


def _entries() -> dict[tuple[str, int], tuple]:
    """The cache file's entries (under the lock), read on first use."""
    global _known
    if _known is None:
        stored = disk_cache.load(_NAME)
        _known = stored if isinstance(stored, dict) else {}
    return _known


def _shipped_entries() -> dict[tuple[str, int], tuple]:
    """The package's compiled patterns for this Python build (under the lock), read on first need;
    empty on any other build."""
    global _shipped
    if _shipped is None:
        _shipped = {}
        path = None
        try:
            path = resources_dir() / SHIPPED / f"{disk_cache.file_name(_NAME)}.xz"
            data = lzma.decompress(path.read_bytes())
        except FileNotFoundError:
            data = None
        except (OSError, lzma.LZMAError) as error:
            _log.info("compiled patterns %s not read (%s)", path, error)
            data = None
        stored = disk_cache.decode(data, path) if data is not None else None
        if isinstance(stored, dict):
            _shipped = stored
    return _shipped


def shipped_file() -> tuple[str, bytes]:
    """The file the package ships for this build, made of what the user's cache holds now (the
    patterns this process used): its name under resources/, its bytes (tests/bench/freeze_patterns.py)."""
    with _lock:
        entries = {k: v for k, v in {**_shipped_entries(), **_entries(), **_new}.items() if k in _used}
    return (f"{SHIPPED}/{disk_cache.file_name(_NAME)}.xz",
            lzma.compress(disk_cache.encode(dict(sorted(entries.items()))), preset=9))


def _code(words: bytes) -> list[int]:
    """The engine's code words from their stored bytes."""
    code = array(_WORD)
    code.frombytes(words)
    return code.tolist()


def _build(pattern: str, flags: int) -> tuple[re.Pattern, tuple]:
    """The pattern compiled as re.compile does it, with what rebuilds it: the same steps as CPython's
    re._compiler.compile, kept apart so their result can be stored."""
    if flags & re.DEBUG:
        return re.compile(pattern, flags), None
    parsed = _parser.parse(pattern, flags)
    words = array(_WORD, _compiler._code(parsed, flags))
    groupindex = dict(parsed.state.groupdict)
    indexgroup = [None] * parsed.state.groups
    for name, index in groupindex.items():
        indexgroup[index] = name
    entry = (flags | parsed.state.flags, words.tobytes(), parsed.state.groups - 1, groupindex, tuple(indexgroup))
    return _sre.compile(pattern, entry[0], words.tolist(), *entry[2:]), entry
