"""Values the annotator can always rebuild, kept between runs in the user's cache folder.

A value is stored with `marshal` (the format of Python's own compiled files: plain data, fast to
read) under a name that carries this Python's version, so another interpreter never reads it. A file
is replaced whole (written aside, then renamed), so a reader in another process finds the old value
or the new one, never half of one. Any failure (no folder, a full disk, a damaged or foreign file)
only means the value is built again: the cache never stops the work.
"""

from __future__ import annotations

import logging
import marshal
import os
import sys
import tempfile
from pathlib import Path

from annotator.core.paths import cache_dir

_log = logging.getLogger(__name__)


def _path(name: str) -> Path | None:
    folder = cache_dir()
    return folder / f"{name}-{sys.implementation.cache_tag}.marshal" if folder else None


def load(name: str) -> object | None:
    """The value stored under `name`, or None when there is none this Python can read."""
    path = _path(name)
    if path is None:
        return None
    try:
        return marshal.loads(path.read_bytes())
    except FileNotFoundError:
        return None
    except (OSError, ValueError, EOFError, TypeError) as error:
        _log.info("cache %s not read, rebuilt instead (%s)", path, error)
        return None


def store(name: str, value: object) -> bool:
    """Keep `value` (plain data: numbers, strings, lists, tuples, dicts, None) under `name`; False when
    it could not be written (it is then rebuilt next time)."""
    path = _path(name)
    if path is None:
        return False
    try:
        data = marshal.dumps(value)
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
    return True
