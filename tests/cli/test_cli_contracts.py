"""The command line changes a project only through operations (core/ops), as the window does."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import annotator.cli

CLI = Path(annotator.cli.__file__).resolve().parent
_SUPPORT = Path(__file__).resolve().parents[1] / "support" / "write_calls.py"
_spec = importlib.util.spec_from_file_location("write_calls", _SUPPORT)
write_calls = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(write_calls)

# Making a new file (an assignment for a class, the sample) is not a change to an open project.
NEW_FILES = {"export_assignment"}


def _direct_writes(path: Path) -> list[str]:
    return [".".join(write_calls.chain(call.func)) for call in write_calls.calls(path)
            if write_calls.writes_project(call) and write_calls.chain(call.func)[-1] not in NEW_FILES
            and write_calls.chain(call.func)[-2:] != ["runner", "apply"]]


def test_commands_change_a_project_only_through_operations() -> None:
    found = {p.name: _direct_writes(p) for p in sorted(CLI.glob("*.py"))}
    assert {name: writes for name, writes in found.items() if writes} == {}
