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
"""

from __future__ import annotations

import re
import threading
from array import array

from annotator.core import disk_cache

try:  # the steps of re.compile (CPython 3.11 and later); without them the cache is off
    import _sre
    from re import _compiler, _parser
except ImportError:  # pragma: no cover - another Python implementation
    _sre = None

_NAME = f"patterns-{getattr(_sre, 'MAGIC', 0)}"
_LIMIT = 500  # entries (one lexicon makes about 140); beyond it a save keeps only this process's

_lock = threading.Lock()
_known: dict[tuple[str, int], tuple] | None = None  # from the cache file, read once
_new: dict[tuple[str, int], tuple] = {}
_used: set[tuple[str, int]] = set()
counts = {"cached": 0, "compiled": 0}  # this process's, for tests and benchmarks


def compile_re(pattern: str, flags: int | re.RegexFlag = 0) -> re.Pattern:
    """`re.compile(pattern, flags)`, from the cache when it holds the pattern."""
    if _sre is None or not isinstance(pattern, str):
        return re.compile(pattern, flags)
    key = (pattern, int(flags))
    with _lock:
        entry = _entries().get(key) or _new.get(key)
        _used.add(key)
    if entry is not None:
        try:
            compiled = _sre.compile(pattern, *entry)
            counts["cached"] += 1
            return compiled
        except (RuntimeError, TypeError, ValueError, OverflowError):  # refused by the engine: build anew
            with _lock:
                _entries().pop(key, None)
    compiled, entry = _build(pattern, key[1])
    if entry is not None:
        with _lock:
            _new[key] = entry
    counts["compiled"] += 1
    return compiled


def save() -> None:
    """Write the patterns compiled since the last save into the cache (with those already there)."""
    if _sre is None:
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


def _build(pattern: str, flags: int) -> tuple[re.Pattern, tuple]:
    """The pattern compiled as re.compile does it, with what rebuilds it: the same steps as CPython's
    re._compiler.compile, kept apart so their result can be stored."""
    if flags & re.DEBUG:
        return re.compile(pattern, flags), None
    parsed = _parser.parse(pattern, flags)
    code = array("L", _compiler._code(parsed, flags)).tolist()  # plain ints (its opcodes are int subclasses)
    groupindex = dict(parsed.state.groupdict)
    indexgroup = [None] * parsed.state.groups
    for name, index in groupindex.items():
        indexgroup[index] = name
    entry = (flags | parsed.state.flags, code, parsed.state.groups - 1, groupindex, tuple(indexgroup))
    return _sre.compile(pattern, *entry), entry
