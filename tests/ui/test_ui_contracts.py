"""Two contracts of the window's code: one module writes to the project, one makes message boxes."""

from __future__ import annotations

import ast
from pathlib import Path

import annotator.ui

UI = Path(annotator.ui.__file__).resolve().parent
STORES = {"annotations", "categories", "articles", "info"}
WRITES = {"add", "add_labelled", "update", "delete", "restore", "insert_many", "move", "set_value",
          "set_outlet", "initialise"}
WRITERS = {"import_paths", "merge_file", "mark_answer_key", "export_assignment", "annotate_sentence"}


def calls(path: Path) -> list[ast.Call]:
    return [n for n in ast.walk(ast.parse(path.read_text(encoding="utf-8"))) if isinstance(n, ast.Call)]


def chain(node: ast.AST) -> list[str]:
    names = []
    while isinstance(node, ast.Attribute):
        names.append(node.attr)
        node = node.value
    if isinstance(node, ast.Name):
        names.append(node.id)
    return names[::-1]


def writes_project(call: ast.Call) -> bool:
    names = chain(call.func)
    if names and names[-1] in WRITERS:
        return True
    if len(names) >= 3 and names[-1] in WRITES and names[-2] in STORES and "project" in names:
        return True
    if names[-2:] in (["runner", "apply"], ["runner", "revert"]):
        return True
    return names[-1:] in (["apply"], ["revert"]) and "operation" in "".join(names).lower()


def test_only_the_session_writes_to_the_project() -> None:
    writers = sorted({p.name for p in UI.glob("*.py") if any(writes_project(c) for c in calls(p))})
    assert writers == ["session.py"]


def test_only_the_error_module_makes_message_boxes() -> None:
    makers = sorted({p.name for p in UI.glob("*.py") if "QMessageBox" in p.read_text(encoding="utf-8")})
    assert makers == ["errors.py"]
