"""Values the annotator can always rebuild, kept between runs in the user's cache folder.

A value is stored with `marshal` (the format of Python's own compiled files: plain data, fast to
read) under a name that carries this Python's exact version, so another interpreter, even another
patch release, never reads it. The file opens with a tag and the SHA-256 of what follows: a file
damaged in any byte is not read. It is replaced whole (written aside, then renamed), so a reader in
another process finds the old value or the new one, never half of one. The folder is used only when
it belongs to the user and no one else may write in it (see paths.cache_dir). Any failure (no folder,
a full disk, a damaged or foreign file) only means the value is built again: the cache never stops
the work.
"""

from __future__ import annotations

import hashlib
import logging
import marshal
import os
import sys
import sysconfig
import tempfile
import time
from pathlib import Path

from annotator.core.paths import cache_dir

_log = logging.getLogger(__name__)
_TAG = b"annotator-cache-1\n"
# "3.11.7 (main, …) [GCC …]" on "linux-x86_64": the patch release, the build and the machine it runs on
_VERSION = hashlib.sha256(f"{sys.version}|{sysconfig.get_platform()}|{sys.byteorder}".encode()).hexdigest()[:8]
_STALE_TEMP = 3600  # seconds: a temporary file this old was left by a process killed while writing


def file_name(name: str) -> str:
    """The file `name` is kept in: only this very Python build on this kind of machine reads it."""
    return f"{name}-{sys.implementation.cache_tag}-{_VERSION}.marshal"


def _path(name: str) -> Path | None:
    folder = cache_dir()
    return folder / file_name(name) if folder else None


def load(name: str) -> object | None:
    """The value stored under `name`, or None when there is none this Python can read whole."""
    path = _path(name)
    if path is None:
        return None
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return None
    except OSError as error:
        _log.info("cache %s not read, rebuilt instead (%s)", path, error)
        return None
    return decode(data, path)


def encode(value: object) -> bytes:
    """What a cache file holds for `value`: the tag, the SHA-256 of the data, the data."""
    payload = marshal.dumps(value)
    return _TAG + hashlib.sha256(payload).digest() + payload


def decode(data: bytes, where: object) -> object | None:
    """The value `encode` made `data` of, or None when `data` is not whole (`where`: for the log)."""
    head, digest, payload = data[: len(_TAG)], data[len(_TAG): len(_TAG) + 32], data[len(_TAG) + 32:]
    if head != _TAG or hashlib.sha256(payload).digest() != digest:
        _log.info("cache %s damaged or of another kind, rebuilt instead", where)
        return None
    try:
        return marshal.loads(payload)
    except (ValueError, EOFError, TypeError) as error:
        _log.info("cache %s not read, rebuilt instead (%s)", where, error)
        return None


def store(name: str, value: object) -> bool:
    """Keep `value` (plain data: numbers, strings, lists, tuples, dicts, None) under `name`; False when
    it could not be written (it is then rebuilt next time)."""
    path = _path(name)
    if path is None:
        return False
    try:
        data = encode(value)
        fd, temp = tempfile.mkstemp(dir=path.parent, prefix=path.name, suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as out:
                out.write(data)
            os.replace(temp, path)
        except BaseException:
            Path(temp).unlink(missing_ok=True)
            raise
    except (OSError, ValueError) as error:
        _log.info("cache %s not written (%s)", path, error)
        return False
    _sweep(path)
    return True


def _sweep(path: Path) -> None:
    """Remove the temporary files of `path` that processes killed while writing left behind."""
    now = time.time()
    for temp in path.parent.glob(f"{path.name}*.tmp"):
        try:
            if now - temp.stat().st_mtime > _STALE_TEMP:
                temp.unlink()
        except OSError:
            pass  # another process removed or replaced it meanwhile
