"""Hostile files made small: deflate bombs written without inflating them, a PDF writer, and a reader
that imports one file in a child process and reports its outcome, time and peak memory."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zlib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
CHUNK = 1 << 20


def deflated_run(size: int, fill: bytes = b" ") -> bytes:
    """zlib data inflating to `size` bytes of `fill`, made in a fraction of a second: after a full flush
    a deflater's output for the same megabyte is the same bytes, so one block is repeated."""
    block = fill * (CHUNK // len(fill))
    deflater = zlib.compressobj(9, zlib.DEFLATED, -15)
    first = deflater.compress(block) + deflater.flush(zlib.Z_FULL_FLUSH)
    again = deflater.compress(block) + deflater.flush(zlib.Z_FULL_FLUSH)
    count = size // len(block)
    checksum = 1
    for _ in range(count):
        checksum = zlib.adler32(block, checksum)
    return b"\x78\xda" + first + again * (count - 1) + deflater.flush() + checksum.to_bytes(4, "big")


def run_chunks(size: int, text: bytes, start: bytes = b"", end: bytes = b""):
    """`start`, then `text` repeated to about `size` bytes, then `end`, a megabyte at a time."""
    yield start
    block = text * max(1, CHUNK // len(text))
    for _ in range(max(1, size // len(block))):
        yield block
    yield end


PAGE_TEXT = ("The minister said on Tuesday that the new rules would apply from next year, according to a"
             " statement released by the ministry. Officials declined to say how many people would be affected.")


def content(lines: int = 6) -> bytes:
    return b"".join(f"BT /F1 11 Tf 72 {720 - 16 * i} Td ({PAGE_TEXT[:90]}) Tj ET\n".encode()
                    for i in range(lines))


def pdf(objects: dict[int, bytes], *, root: int = 1, info: int | None = None) -> bytes:
    """A PDF of numbered objects (bodies as bytes) with a correct cross-reference table."""
    out = bytearray(b"%PDF-1.4\n")
    offsets: dict[int, int] = {}
    for number in sorted(objects):
        offsets[number] = len(out)
        out += f"{number} 0 obj\n".encode() + objects[number] + b"\nendobj\n"
    size = max(objects) + 1
    xref = len(out)
    out += f"xref\n0 {size}\n0000000000 65535 f \n".encode()
    out += b"".join((f"{offsets[n]:010d} 00000 n \n" if n in offsets else "0000000000 65535 f \n").encode()
                    for n in range(1, size))
    trailer = f"/Size {size} /Root {root} 0 R" + (f" /Info {info} 0 R" if info else "")
    out += f"trailer\n<< {trailer} >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


def stream(data: bytes, extra: str = "") -> bytes:
    return f"<< /Length {len(data)} {extra} >>\nstream\n".encode() + data + b"\nendstream"


def one_page(page_stream: bytes, *, contents: str = "4 0 R", font: str = "3 0 R",
             more: dict[int, bytes] | None = None, info: int | None = None) -> bytes:
    """A one-page PDF: catalog 1, pages 2, font 3, content stream 4, then `more`."""
    objects = {
        1: b"<< /Type /Catalog /Pages 2 0 R >>",
        2: (b"<< /Type /Pages /Count 1 /Kids [5 0 R] >>"),
        3: b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        4: page_stream,
        5: (f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents {contents}"
            f" /Resources << /Font << /F1 {font} >> >> >>").encode(),
        **(more or {}),
    }
    return pdf(objects, info=info)


_CHILD = r"""
import json, sys, time
from pathlib import Path
from annotator.core.ingest.batch import prepare
start = time.perf_counter()
result = prepare(Path(sys.argv[1]))
seconds = time.perf_counter() - start
with open("/proc/self/status") as status:
    peak = next(int(line.split()[1]) for line in status if line.startswith("VmHWM")) / 1024
print(json.dumps({"refused": getattr(result, "reason", None),
                  "title": getattr(getattr(result, "article", None), "title", None),
                  "body": getattr(getattr(result, "article", None), "body", None),
                  "seconds": seconds, "peak_mb": peak}))
"""


def read_in_child(path: Path, timeout: float = 60) -> dict:
    """Read one file as the import does, in a fresh process: its outcome, seconds, peak memory (MB)
    and what it wrote to the terminal. A file that does not finish in `timeout` fails the test."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run([sys.executable, "-c", _CHILD, str(path)], capture_output=True, text=True,
                          timeout=timeout, cwd=ROOT, env=env)
    assert done.returncode == 0, done.stderr[-3000:]
    outcome = json.loads(done.stdout.strip().splitlines()[-1])
    outcome["stderr"] = done.stderr
    return outcome
