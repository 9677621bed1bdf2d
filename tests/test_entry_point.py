"""The `annotator` command's entry point is light: a worker process, which runs the command's script
again before its job, imports none of the command line (about half a second for each worker)."""

from __future__ import annotations

import subprocess
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# what pip writes for a console script, with the worker check in place of running the command
_SCRIPT = """import re
import sys
from {module} import {function}
if __name__ == '__main__':
    from annotator.core.ingest.workers import start_pool
    pool = start_pool(1)
    print(pool.submit(eval, "'annotator.cli' in __import__('sys').modules").result())
    pool.shutdown()
"""


def test_a_worker_started_by_the_command_imports_no_command_line(tmp_path: Path) -> None:
    entry = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["scripts"]["annotator"]
    module, function = entry.split(":")
    script = tmp_path / "annotator"
    script.write_text(_SCRIPT.format(module=module, function=function), encoding="utf-8")
    done = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, timeout=120,
                          env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"})
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "False"


def test_python_dash_m_annotator_still_runs_the_command() -> None:
    done = subprocess.run([sys.executable, "-m", "annotator", "--version"], capture_output=True, text=True,
                          timeout=120, cwd=ROOT)
    assert done.returncode == 0 and done.stdout.strip(), done.stderr
