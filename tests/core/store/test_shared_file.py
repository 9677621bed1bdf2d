"""Several processes on one project file: no process drops another's locks or loses its writes.

Real processes, never a plain file handle on the live file: a holder process keeps a connection
(as the window does), opens and closes more connections (as its background tasks do), and another
process writes through the command line. The holder's -wal must survive, and every write be kept.
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from annotator.core.sample import create_sample
from annotator.core.store import database
from annotator.core.store.project import Project

HOLDER = textwrap.dedent("""
    import sys
    from pathlib import Path
    from annotator.core.store.project import Project
    path = Path(sys.argv[1])
    project = Project.open(path)
    article = project.articles.list()[0].id
    first = project.annotate_sentence(article, 0, category="on_record", annotator="holder")
    # What a background task does: a connection of its own, opened and closed, read-only or not.
    Project.open(path, read_only=True).close()
    Project.open(path).close()
    print("ready", flush=True)
    sys.stdin.readline()
    second = project.annotate_sentence(article, 1, category="on_record", annotator="holder")
    project.close()
    print(first.id, second.id, flush=True)
""")


@pytest.fixture
def shared(tmp_path: Path) -> Path:
    path = tmp_path / "shared.annot"
    create_sample(path)[0].close()
    return path


def _cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "annotator", *args], capture_output=True, text=True, check=True)


def test_a_second_connection_closed_keeps_the_first_ones_wal(shared: Path):
    holder = subprocess.Popen([sys.executable, "-c", HOLDER, str(shared)], stdin=subprocess.PIPE,
                              stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "ready"
        with Project.open(shared, read_only=True) as peek:
            article = peek.articles.list()[0].id
        written = _cli("annotate", str(shared), str(article), "3", "document", "--annotator", "cli")
        assert Path(f"{shared}-wal").exists(), "the holder's -wal was deleted by the other process"
        holder.stdin.write("go\n")
        holder.stdin.flush()
        first, second = map(int, holder.stdout.readline().split())
    finally:
        holder.stdin.close()
        holder.wait(timeout=30)
    cli_id = int(written.stdout.split()[1].rstrip(":"))
    conn = sqlite3.connect(shared)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        ids = {row[0] for row in conn.execute("SELECT id FROM annotations")}
    finally:
        conn.close()
    assert {first, second, cli_id} <= ids
    assert len({first, second, cli_id}) == 3  # no id given twice


def test_a_live_file_is_known_and_forgotten_when_closed(shared: Path):
    assert not database.is_live(shared)
    with Project.open(shared):
        assert database.is_live(shared)
        with Project.open(shared, read_only=True):
            assert database.is_live(shared)
        assert database.is_live(shared)  # the first connection is still open
    assert not database.is_live(shared)


def test_a_live_file_is_read_without_a_plain_handle(shared: Path, monkeypatch):
    opened: list[str] = []
    real_open = Path.open

    def spy(self, *args, **kwargs):
        opened.append(str(self))
        return real_open(self, *args, **kwargs)

    with Project.open(shared):
        monkeypatch.setattr(Path, "open", spy)
        Project.open(shared, read_only=True).close()
        Project.open(shared).close()
    assert str(shared) not in opened
    assert os.path.exists(shared)
