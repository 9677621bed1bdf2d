"""Peak memory and time of reading the worst files of each kind, one fresh process per file.

Each file is read as an import's worker reads it (batch.prepare) in a child process whose peak
resident memory (VmHWM) is read from /proc; a child still reading at the time limit is killed, as
the import's worker would be, and its peak until then is reported. Linux only.

    PYTHONPATH=. .venv/bin/python tests/bench/bench_hostile_files.py [--keep FOLDER]
"""

from __future__ import annotations

import argparse
import io
import json
import random
import subprocess
import sys
import tempfile
import time
import zipfile
import zlib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from annotator.core.ingest import limits  # noqa: E402
from tests.core.ingest.hostile import PAGE_TEXT, content, deflated_run, one_page, pdf, stream  # noqa: E402

_CHILD = r"""
import json, sys, time
from pathlib import Path
from annotator.core.ingest.batch import prepare
start = time.perf_counter()
result = prepare(Path(sys.argv[1]))
seconds = time.perf_counter() - start
with open("/proc/self/status") as status:
    peak = next(int(line.split()[1]) for line in status if line.startswith("VmHWM")) / 1024
print(json.dumps({"seconds": seconds, "peak_mb": peak,
                  "outcome": getattr(result, "reason", None) or "read: %d characters" % len(result.article.body)}))
"""


def _peak(pid: int) -> float:
    try:
        with open(f"/proc/{pid}/status") as status:
            return next(int(line.split()[1]) for line in status if line.startswith("VmHWM")) / 1024
    except (OSError, StopIteration):
        return 0.0


def measure(path: Path) -> tuple[float, float, str]:
    """(seconds, peak MB, outcome) of reading one file in a fresh process, killed at the time limit."""
    child = subprocess.Popen([sys.executable, "-c", _CHILD, str(path)], stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, text=True, cwd=ROOT, env={"PYTHONPATH": str(ROOT), "PATH": ""})
    start, peak = time.monotonic(), 0.0
    while child.poll() is None:
        peak = max(peak, _peak(child.pid))
        if time.monotonic() - start > limits.TIME_LIMIT_S + 2:  # the worker's limit, from its start-up
            child.kill()
            child.wait()
            return time.monotonic() - start, peak, limits.took_too_long()
        time.sleep(0.05)
    out, err = child.communicate()
    if child.returncode:
        return time.monotonic() - start, peak, f"ERROR: {err.strip().splitlines()[-1:]}"
    result = json.loads(out.strip().splitlines()[-1])
    return result["seconds"], max(peak, result["peak_mb"]), result["outcome"]


def _docx(parts: dict[str, object]) -> bytes:
    import docx

    document = docx.Document()
    document.add_heading("Ministry sets new rules", level=1)
    document.add_paragraph(PAGE_TEXT)
    base = io.BytesIO()
    document.save(base)
    out = io.BytesIO()
    with zipfile.ZipFile(base) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as target:
        names = source.namelist() + [n for n in parts if n not in source.namelist()]
        for name in names:
            data = parts.get(name, source.read(name) if name in source.namelist() else b"")
            if isinstance(data, bytes):
                target.writestr(name, data)
            else:
                with target.open(name, "w", force_zip64=True) as handle:
                    for chunk in data:
                        handle.write(chunk)
    return out.getvalue()


W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def _xml_chunks(size: int, unit: bytes):
    yield f"<w:document {W}><w:body>".encode()
    block = unit * max(1, (1 << 20) // len(unit))
    for _ in range(size // len(block)):
        yield block
    yield b"</w:body></w:document>"


def files(rng: random.Random) -> dict[str, bytes]:
    words = PAGE_TEXT.split() + "the a of said minister rules ministry officials year".split()
    many_pages = {1: b"<< /Type /Catalog /Pages 2 0 R >>", 3: b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"}
    kids = []
    for page in range(500):
        lines = b"".join(f"BT /F1 11 Tf 72 {720 - 16 * i} Td (Page {page} line {i}: {' '.join(rng.choice(words) for _ in range(12))}) Tj ET\n".encode()
                         for i in range(40))
        many_pages[10 + 2 * page] = stream(lines)
        many_pages[11 + 2 * page] = (f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents {10 + 2 * page} 0 R"
                                     " /Resources << /Font << /F1 3 0 R >> >> >>").encode()
        kids.append(f"{11 + 2 * page} 0 R")
    many_pages[2] = f"<< /Type /Pages /Count {len(kids)} /Kids [{' '.join(kids)}] >>".encode()
    rsids = [f'<w:r w:rsidR="00{rng.randrange(16**6):06X}"><w:rPr><w:b/></w:rPr></w:r>'.encode() for _ in range(64)]
    markup = b"<w:p>" + b"".join(rng.choice(rsids) for _ in range(2000)) + b"</w:p>"
    return {
        "pdf-cycle-title.pdf": one_page(stream(content()), more={6: b"7 0 R", 7: b"6 0 R", 8: b"<< /Title 6 0 R >>"}, info=8),
        "pdf-cycle-contents.pdf": one_page(stream(content()), contents="6 0 R", more={6: b"7 0 R", 7: b"6 0 R"}),
        "pdf-cycle-font.pdf": one_page(stream(content()), font="6 0 R", more={6: b"7 0 R", 7: b"6 0 R"}),
        "pdf-deflated-twice-1GB.pdf": one_page(stream(zlib.compress(deflated_run(1 << 30, b"BT ET\n")),
                                                      "/Filter [/FlateDecode /FlateDecode]")),
        "pdf-deflated-twice-4GB.pdf": one_page(stream(zlib.compress(deflated_run(4 << 30, b"BT ET\n")),
                                                      "/Filter [/FlateDecode /FlateDecode]")),
        "pdf-deflated-once-1GB.pdf": one_page(stream(deflated_run(1 << 30, b"BT ET\n"), "/Filter /FlateDecode")),
        "pdf-huge-predictor.pdf": one_page(stream(zlib.compress(b"\0" + content()),
                                                  "/Filter /FlateDecode /DecodeParms << /Predictor 12 /Columns 2000000000 >>")),
        "pdf-page-at-char-limit.pdf": one_page(stream(zlib.compress(
            b"BT /F1 1 Tf 10 10 Td (" + b"a " * (limits.MAX_PDF_PAGE_CHARS // 2 - 100) + b") Tj ET"), "/Filter /FlateDecode")),
        "pdf-500-pages.pdf": pdf(many_pages),
        "pdf-5MB-incompressible-stream.pdf": one_page(stream(zlib.compress(rng.randbytes(5_000_000)), "/Filter /FlateDecode")),
        "docx-document-1GB.docx": _docx({"word/document.xml": _xml_chunks(
            1 << 30, f"<w:p><w:r><w:t>{'a' * 1000}</w:t></w:r></w:p>".encode())}),
        "docx-image-1GB.docx": _docx({"word/media/image1.png": (bytes(1 << 20) for _ in range(1024))}),
        "docx-markup-at-size-limit.docx": _docx({"word/document.xml": _xml_chunks(limits.MAX_INFLATED_BYTES - (2 << 20), markup)}),
        "docx-text-5MB.docx": _docx({"word/document.xml": f"<w:document {W}><w:body>".encode() + b"".join(
            f"<w:p><w:r><w:t>{' '.join(rng.choice(words) for _ in range(60))}.</w:t></w:r></w:p>".encode()
            for _ in range(12_000)) + b"</w:body></w:document>"}),
        "docx-nested-deep.docx": _docx({"word/document.xml": f"<w:document {W}><w:body><w:p>".encode()
                                        + b"<w:r>" * 100_000 + b"</w:r>" * 100_000 + b"</w:p></w:body></w:document>"}),
        "html-5MB-paragraphs.html": (b"<html><head><title>Rules</title></head><body><article>"
                                     + b"".join(f"<p>{' '.join(rng.choice(words) for _ in range(60))}.</p>\n".encode()
                                                for _ in range(13_000)) + b"</article></body></html>")[:5_200_000],
        "html-5MB-of-tags.html": b"<html><body><article><p>" + PAGE_TEXT.encode() + b"</p><p>"
                                 + b"<i>a</i> " * 500_000 + b"</p></article></body></html>",
        "html-tags-at-limit.html": b"<html><body><article><p>" + PAGE_TEXT.encode() + b"</p><p>"
                                   + b"<i>a</i> " * (limits.MAX_HTML_ELEMENTS - 10) + b"</p></article></body></html>",
        "html-nested-100k-divs.html": b"<html><body>" + b"<div>" * 100_000 + PAGE_TEXT.encode() + b"</div>" * 100_000
                                      + b"</body></html>",
        "text-5MB-prose.txt": ("Rules\n\n" + "\n\n".join(" ".join(rng.choice(words) for _ in range(80)) + "."
                                                         for _ in range(11_000))).encode()[:5_200_000],
        "text-200KB-no-sentence-end.txt": ("Rules\n\n" + "and the minister said more " * 8000).encode(),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--keep", type=Path, help="write the files to this folder and keep them")
    parser.add_argument("--only", help="measure only the files whose name contains this")
    args = parser.parse_args()
    folder = args.keep or Path(tempfile.mkdtemp())
    folder.mkdir(parents=True, exist_ok=True)
    print(f"{'file':36s} {'bytes':>10s} {'seconds':>8s} {'peak MB':>8s}  outcome")
    for name, data in files(random.Random(1)).items():
        if args.only and args.only not in name:
            continue
        path = folder / name
        path.write_bytes(data)
        seconds, peak, outcome = measure(path)
        print(f"{name:36s} {len(data):>10,} {seconds:>8.2f} {peak:>8.1f}  {outcome[:90]}", flush=True)


if __name__ == "__main__":
    main()
