"""Which calls in a module write to a project: the contract that writes go through operations.

Loaded by path by the contract tests (the suite imports in importlib mode).
"""

from __future__ import annotations

import ast
from pathlib import Path

STORES = {"annotations", "categories", "articles", "info", "suggestions", "claims"}
WRITES = {"add", "add_labelled", "update", "delete", "restore", "insert_many", "move", "set_value",
          "set_outlet", "initialise", "edit", "rename_outlet", "restore_outlet", "reject", "unreject"}
# export_assignment is not here: it reads the open project and writes a new file, as a report does.
WRITERS = {"import_paths", "merge_file", "mark_answer_key", "annotate_sentence"}


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
    if len(names) >= 3 and names[-1] in WRITES and names[-2] in STORES and "proj" in "".join(names[:-2]).lower():
        return True
    if names[-2:] in (["runner", "apply"], ["runner", "revert"]):
        return True
    return names[-1:] in (["apply"], ["revert"]) and "operation" in "".join(names).lower()
