"""The limits every reader of an untrusted file works within, in one place; README's import section states them.

A file that passes a limit is refused by name with the limit's reason (ImportRefused), and the batch
goes on. Compressed data is inflated in chunks through `Inflation`, which checks the inflated size and
the compressed-to-inflated ratio while it streams, never after reading the whole; the time limit is
kept by the import (workers.py stops a worker process that overruns it; it is not asked to stop).
"""

from __future__ import annotations

import zlib
from collections.abc import Iterator
from pathlib import Path

from annotator.core.errors import ImportRefused

MAX_FILE_BYTES = 5 * 1024 * 1024  # the file as stored (textfile.MAX_BYTES is this limit)
MAX_INFLATED_BYTES = 48 * 1024 * 1024  # everything one file inflates to, summed over its streams or parts
MAX_RATIO = 200  # inflated : compressed, for a stream or part past RATIO_FROM inflated bytes
RATIO_FROM = 1024 * 1024  # smaller streams may compress any amount (a page of blanks, a tiny table)
TIME_LIMIT_S = 30  # reading and segmenting one file, in a worker process that is killed past it
READ_HERE_BYTES = 64 * 1024  # a text file this small, in a small batch, is read without a worker
MAX_PDF_PAGES = 2000
MAX_PDF_OBJECTS = 200_000  # distinct indirect objects read from one PDF
MAX_PDF_PAGE_CHARS = 200_000  # characters laid out on one page (each costs pdfminer a Python object)
MAX_PDF_PREDICTOR_ROW = 1024 * 1024  # bytes in one row of a PNG or TIFF predictor (/Columns × /Colors …)
MAX_HTML_ELEMENTS = 50_000  # tags in one web page (a news page has a few thousand)
MAX_XML_DEPTH = 256  # nesting of elements in a Word document's XML
CHUNK = 64 * 1024


class Inflation:
    """One file's inflation budget: every stream or part it inflates is counted against the same total."""

    def __init__(self, path: Path, limit: int = MAX_INFLATED_BYTES) -> None:
        self.path = path
        self.limit = limit
        self.used = 0

    def count(self, inflated: int, compressed: int, what: str) -> None:
        """Add `inflated` bytes (from `compressed` bytes so far) of `what`; refuse past a limit."""
        self.used += inflated
        if self.used > self.limit:
            raise ImportRefused(self.path, f"is too large when unpacked (past the limit of {self.limit // 2**20} MB"
                                           f" in {what})")

    def check_ratio(self, inflated: int, compressed: int, what: str) -> None:
        if inflated > RATIO_FROM and inflated > MAX_RATIO * max(compressed, 1):
            raise ImportRefused(self.path, f"is compressed suspiciously far ({what} unpacks to over"
                                           f" {MAX_RATIO} times its size): a decompression bomb, not read")

    def inflate(self, data: bytes, what: str, *, wbits: int = zlib.MAX_WBITS) -> bytes:
        """Deflated `data` inflated, within the limits; a damaged end keeps what was read (as pdfminer did)."""
        return b"".join(self.inflate_chunks(data, what, wbits=wbits))

    def inflate_chunks(self, data: bytes, what: str, *, wbits: int = zlib.MAX_WBITS) -> Iterator[bytes]:
        inflater = zlib.decompressobj(wbits)
        produced = consumed = 0
        pending = data
        while pending or not inflater.eof:
            before = len(pending)
            chunk = inflater.decompress(pending, CHUNK)
            pending = inflater.unconsumed_tail
            consumed += before - len(pending)
            if chunk:
                produced += len(chunk)
                self.count(len(chunk), consumed, what)
                self.check_ratio(produced, consumed, what)
                yield chunk
            elif not pending:
                break  # all input read: the stream is complete or cut short
        rest = inflater.flush()
        if rest:
            self.count(len(rest), consumed, what)
            yield rest


class LimitedReader:
    """A read-only file object over a zip member that refuses, while streaming, what passes the limits:
    for a streaming parser (ElementTree.iterparse) to read without ever holding the whole."""

    def __init__(self, handle, compressed: int, budget: Inflation, what: str) -> None:
        self._handle = handle
        self._compressed = compressed
        self._budget = budget
        self._what = what
        self._produced = 0

    def read(self, size: int = -1) -> bytes:
        chunk = self._handle.read(CHUNK if size is None or size < 0 or size > CHUNK else size)
        if chunk:
            self._produced += len(chunk)
            consumed = self._consumed()
            self._budget.count(len(chunk), consumed, self._what)
            self._budget.check_ratio(self._produced, consumed, self._what)
        return chunk

    def _consumed(self) -> int:
        """The compressed bytes inflated so far: zipfile's count of what it has not read, less what its
        inflater holds unread (CPython's ZipExtFile); elsewhere the whole member, a weaker check."""
        left = getattr(self._handle, "_compress_left", 0)
        tail = getattr(getattr(self._handle, "_decompressor", None), "unconsumed_tail", b"")
        return self._compressed - left - (len(tail) if isinstance(tail, bytes) else 0)


def took_too_long(seconds: float | None = None) -> str:
    """The reason a file stopped for its time limit is refused with."""
    return f"took longer than {TIME_LIMIT_S if seconds is None else seconds:g} s to read (the limit for one file);" \
           " it was stopped"
