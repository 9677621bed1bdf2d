"""Files written beside their target and moved into place only once complete.

A failed or interrupted export never leaves half a file, and the old file (if any) stays intact.
New files get the usual permissions (the umask), not mkstemp's 0600.
"""

from __future__ import annotations

import io
import os
import sqlite3
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO, TextIO

from annotator.core.errors import ExportFailed
from annotator.core.store.database import translate_error

BUFFER = 1 << 20


def current_umask() -> int:
    """The process's umask, read without changing it where the system tells (Linux's /proc)."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError):
        pass
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


@contextmanager
def atomic_binary(path: Path | str) -> Iterator[BinaryIO]:
    """A binary file written beside `path`, synced, then moved into place; removed on any failure."""
    path = Path(path)
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent or ".")
    except OSError as error:
        raise ExportFailed(path, f"cannot write there ({error.strerror or error})") from error
    try:
        os.chmod(tmp, 0o666 & ~current_umask())  # mkstemp makes it 0600; a new file follows the umask
        with os.fdopen(fd, "wb", buffering=BUFFER) as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except OSError as error:
        Path(tmp).unlink(missing_ok=True)
        raise ExportFailed(path, f"could not be written ({error.strerror or error}); nothing was saved") from error
    except sqlite3.Error as error:
        Path(tmp).unlink(missing_ok=True)
        reason = translate_error(path, error).reason
        raise ExportFailed(path, f"the project could not be read ({reason}); nothing was saved") from error
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


@contextmanager
def atomic_text(path: Path | str, *, bom: bool = True) -> Iterator[TextIO]:
    """A UTF-8 text file written the same way; `bom` starts it with the byte-order mark Excel reads."""
    with atomic_binary(path) as raw:
        handle = io.TextIOWrapper(raw, encoding="utf-8", newline="")
        try:
            if bom:
                handle.write("\ufeff")
            yield handle
            handle.flush()
        finally:
            handle.detach()  # the binary file is closed by atomic_binary, after its sync
