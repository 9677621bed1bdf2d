"""Standard output whose reader may leave early (`annotator sentences P 1 | head -1`).

Python ignores SIGPIPE, so a write to a pipe nobody reads raises BrokenPipeError, which the group
would report as "annotator: [Errno 32] Broken pipe". Here the first such write ends the command
quietly instead, as a Unix tool ended by SIGPIPE: exit status 141, nothing on stderr. Standard output
is pointed at the null device first, so what is still buffered is dropped at exit instead of raising
again (the recipe of Python's signal documentation). SystemExit passes every `except Exception` and
the group's error handling, and `with` blocks on the way (an open project) close as usual.
"""

from __future__ import annotations

import os
import sys
from typing import NoReturn, TextIO

CLOSED_OUTPUT_EXIT = 128 + 13  # what a shell reports for a command ended by SIGPIPE


class ReaderMayLeave:
    """A text stream (standard output) that ends the program quietly when its reader has gone."""

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream

    def write(self, text: str) -> int:
        try:
            return self._stream.write(text)
        except BrokenPipeError:
            reader_gone()

    def flush(self) -> None:
        try:
            self._stream.flush()
        except BrokenPipeError:
            reader_gone()

    def __getattr__(self, name: str):
        return getattr(self._stream, name)


def reader_gone() -> NoReturn:
    """Drop what is left for standard output and exit with SIGPIPE's status."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.__stdout__.fileno())
        os.close(devnull)
    except (OSError, ValueError):  # no file descriptor to point elsewhere: nothing of ours is buffered there
        pass
    raise SystemExit(CLOSED_OUTPUT_EXIT)
