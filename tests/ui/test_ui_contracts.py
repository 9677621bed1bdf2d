"""Two contracts of the window's code: one module writes to the project, one makes message boxes."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import annotator.ui

UI = Path(annotator.ui.__file__).resolve().parent
_SUPPORT = Path(__file__).resolve().parents[1] / "support" / "write_calls.py"
_spec = importlib.util.spec_from_file_location("write_calls", _SUPPORT)
write_calls = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(write_calls)
calls, writes_project = write_calls.calls, write_calls.writes_project


def test_only_the_session_writes_to_the_project() -> None:
    writers = sorted({p.relative_to(UI).as_posix() for p in UI.rglob("*.py") if any(writes_project(c) for c in calls(p))})
    assert writers == ["base/session.py"]


def test_only_the_error_module_makes_message_boxes() -> None:
    makers = sorted({p.relative_to(UI).as_posix() for p in UI.rglob("*.py") if "QMessageBox" in p.read_text(encoding="utf-8")})
    assert makers == ["base/errors.py"]
