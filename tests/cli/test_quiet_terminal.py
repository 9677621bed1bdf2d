"""The command line writes nothing to the terminal but its own output and errors: piped into `head`,
it stops quietly when the reader has gone; pdfminer's warnings about a PDF never reach stderr."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from annotator.core.records import ParsedArticle
from annotator.core.store.project import Project
from tests.core.ingest.hostile import content, one_page, stream

ROOT = Path(__file__).resolve().parents[2]
SENTENCES = 5_000  # far more than a pipe holds: the command is still writing when `head` leaves


def _annotator(*args: str, **kwargs) -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.Popen([sys.executable, "-m", "annotator", *args], cwd=ROOT, env=env, **kwargs)


def _long_article(path: Path) -> Path:
    sentences = [f"Sentence number {n} says the talks went on. " for n in range(SENTENCES)]
    spans, start = [], 0
    for sentence in sentences:
        spans.append((start, start + len(sentence)))
        start += len(sentence)
    with Project.create(path) as project:
        project.articles.add(ParsedArticle(title="Long", body="".join(sentences), outlet="Wire"), spans)
    return path


def test_a_command_piped_into_head_ends_quietly(tmp_path: Path) -> None:
    project = _long_article(tmp_path / "long.annot")
    annotator = _annotator("sentences", str(project), "1", stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    head = subprocess.Popen(["head", "-1"], stdin=annotator.stdout, stdout=subprocess.PIPE)
    annotator.stdout.close()  # head alone reads it now: when head leaves, the pipe is closed
    first, _ = head.communicate(timeout=60)
    stderr = annotator.stderr.read()
    annotator.wait(timeout=60)
    assert first.decode().split() == ["1", "Sentence", "number", "0", "says", "the", "talks", "went", "on."]
    assert stderr.decode() == ""  # no "[Errno 32] Broken pipe", no "Exception ignored"
    assert annotator.returncode == 128 + 13  # as a command ended by SIGPIPE


def test_pdfminer_warnings_stay_out_of_the_terminal_during_an_import(tmp_path: Path) -> None:
    pdf = tmp_path / "matrix.pdf"  # a matrix of names: pdfminer logs "WARNING:pdfminer.pdfinterp:Cannot concatenate..."
    pdf.write_bytes(one_page(stream(b"q /a /b /c /d /e /f cm Q\n" + content(20))))
    done = _annotator("import", str(tmp_path / "p.annot"), str(pdf), stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    stdout, stderr = done.communicate(timeout=120)
    assert done.returncode == 0, stderr.decode()
    assert "imported 1" in stdout.decode()
    assert "pdfminer" not in stderr.decode().lower() and "warning" not in stderr.decode().lower()
