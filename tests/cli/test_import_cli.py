"""`annotator import` as a user meets it: messages for bad input, signals, no orphaned workers."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from annotator.cli import cli
from annotator.core.ingest.batch import PARALLEL_FROM

ROOT = Path(__file__).resolve().parents[2]
PARAGRAPH = ("The Pentagon said late Tuesday that cyber operations against Russia had not been stopped. "
             "Sen. Chuck Schumer, D-N.Y., called it a critical strategic mistake. "
             "“There has been no stand-down order whatsoever,” the Department of Defense said on X. ")


def run(*args) -> object:
    return CliRunner().invoke(cli, [str(a) for a in args], catch_exceptions=False)


def test_folder_import_prints_skipped_files_by_reason(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text("A headline\nSome story. More. It was reported by several outlets in Washington on Tuesday, and officials declined to say more about it.\n")
    for name in ("x.png", "y.png", "z.odt"):
        (folder / name).write_bytes(b"\x89")
    (folder / ".hidden.txt").write_text("Hidden. Story.\n")
    result = run("import", tmp_path / "p.annot", folder)
    assert "skipped 2 (unsupported file type .png):" in result.stderr
    assert "skipped 1 (hidden file):" in result.stderr
    assert "1 imported, 0 duplicate(s) skipped, 0 refused, 4 other file(s) skipped" in result.output


def test_import_that_imports_nothing_warns(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "notes.odt").write_bytes(b"PK")
    result = run("import", tmp_path / "p.annot", folder)
    assert "warning:" in result.stderr and "nothing was imported: 1 skipped" in result.stderr


@pytest.mark.skipif(sys.platform in ("win32", "darwin"), reason="needs byte file names")
def test_undecodable_file_name_is_printed_and_the_batch_goes_on(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for name in (b"caf\xe9.txt", b"empty\xff.txt", b"later.txt"):
        fd = os.open(os.fsencode(folder) + b"/" + name, os.O_WRONLY | os.O_CREAT, 0o644)
        os.write(fd, b"" if name.startswith(b"empty") else b"A story in " + name + b". With text. It was reported by several outlets in Washington on Tuesday, and officials declined to say more about it.\n")
        os.close(fd)
    result = run("import", tmp_path / "p.annot", folder)
    assert "empty\\xff.txt: is empty" in result.stderr
    assert "imported 1: caf\\xe9" in result.output
    assert "2 imported, 0 duplicate(s) skipped, 1 refused" in result.output


def _children(pid: int) -> set[int]:
    found = set()
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                found.add(int(entry.name))
    return found


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"  # a zombie has ended; only its exit status is left for its new parent


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs /proc to find child processes")
@pytest.mark.parametrize("signum", [signal.SIGKILL, signal.SIGTERM, signal.SIGINT])
def test_killing_the_import_leaves_no_worker_running(tmp_path: Path, signum: int) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(PARALLEL_FROM * 5):
        (folder / f"{i:04}.txt").write_text(f"Story {i}\n" + (PARAGRAPH + "\n") * 60, encoding="utf-8")
    proc = subprocess.Popen([sys.executable, "-m", "annotator", "import", str(tmp_path / "p.annot"), str(folder)],
                            cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 60
        workers: set[int] = set()
        while len(workers) < 2 and time.monotonic() < deadline and proc.poll() is None:
            time.sleep(0.05)
            workers = _children(proc.pid)
        assert len(workers) >= 2, "the import did not start its worker processes"
        time.sleep(0.5)  # let the workers take their first files
        workers |= _children(proc.pid)
        os.kill(proc.pid, signum)
        proc.wait(timeout=60)
        deadline = time.monotonic() + 10
        while any(map(_alive, workers)) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert not [pid for pid in workers if _alive(pid)]
        if signum != signal.SIGKILL:
            assert proc.returncode == 128 + signum
            stderr = proc.stderr.read()
            assert b"article(s) imported and kept" in stderr
            assert b"Traceback" not in stderr
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        for pid in workers if "workers" in locals() else ():
            if _alive(pid):
                os.kill(pid, signal.SIGKILL)
