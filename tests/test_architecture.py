"""The parts keep their places: core imports neither Qt, ui nor cli; ui never imports cli; each core
part imports only the parts below it, and so does each room of the window's code; the import graph has
no cycles."""

from __future__ import annotations

import ast
import re
import subprocess
import sys
from pathlib import Path

import annotator

PACKAGE = Path(annotator.__file__).resolve().parent
# Core modules outside any part: shared records and helpers that every part may use.
CORE_SHARED = {"records", "errors", "codebook", "offsets", "clock", "resources", "changes", "paths",
               "display_text", "disk_cache", "pattern_cache"}
# What each core part may import besides the shared modules and itself.
CORE_PARTS = {
    "store": set(),
    "ingest": {"store"},
    "analysis": {"store", "ingest"},
    "classroom": {"store", "analysis"},
    "reports": {"store", "analysis", "classroom", "provenance"},
    "suggest": {"store", "ingest"},
    "claims": {"store", "ingest", "analysis"},
    "provenance": {"store", "suggest"},
    "exchange": {"store", "ingest", "analysis", "reports"},
    "ops": {"store", "ingest", "classroom", "suggest", "claims", "provenance", "exchange"},
    "team": {"store"},
}

# The rooms of the window's code (annotator/ui/) and what each may import besides itself:
# base < workspace, library, dashboard < suggestions, story, classroom < window.
UI_ROOMS = {
    "base": set(),
    "workspace": {"base"},
    "library": {"base"},
    "dashboard": {"base"},
    "suggestions": {"base", "workspace"},
    "story": {"base", "workspace"},
    "classroom": {"base", "workspace"},
    "window": {"base", "workspace", "library", "dashboard", "suggestions", "story", "classroom"},
}


def module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def modules() -> dict[str, Path]:
    return {module_name(p): p for p in PACKAGE.rglob("*.py")}


def imports_of(path: Path) -> set[str]:
    """Every annotator module `path` imports, at the top or inside a function."""
    found: set[str] = set()
    known = modules()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(a.name for a in node.names if a.name.startswith("annotator"))
        elif isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("annotator"):
            for alias in node.names:
                sub = f"{node.module}.{alias.name}"
                found.add(sub if sub in known else node.module)
    return found


def graph() -> dict[str, set[str]]:
    return {name: imports_of(path) - {name} for name, path in modules().items()}


def test_the_top_level_holds_only_the_package_entry_points() -> None:
    assert sorted(p.name for p in PACKAGE.glob("*.py")) == ["__init__.py", "__main__.py"]


def test_core_imports_neither_ui_nor_cli_and_ui_never_imports_cli() -> None:
    for name, targets in graph().items():
        if name.startswith("annotator.core"):
            assert not {t for t in targets if t.startswith(("annotator.ui", "annotator.cli"))}, name
        if name.startswith("annotator.ui"):
            assert not {t for t in targets if t.startswith("annotator.cli")}, name


def _part(module: str) -> str | None:
    pieces = module.split(".")
    if len(pieces) < 3 or pieces[1] != "core":
        return None
    return pieces[2] if pieces[2] in CORE_PARTS else ("shared" if pieces[2] in CORE_SHARED else pieces[2])


def test_each_core_part_imports_only_the_parts_below_it() -> None:
    for name, targets in graph().items():
        part = _part(name)
        if part not in CORE_PARTS and part != "shared":
            continue
        allowed = {part, "shared"} | CORE_PARTS.get(part, set())
        for target in targets:
            target_part = _part(target)
            if target_part is not None and target != "annotator.core":
                assert target_part in allowed, f"{name} imports {target} ({target_part})"


def _room(module: str) -> str | None:
    pieces = module.split(".")
    return pieces[2] if len(pieces) >= 3 and pieces[1] == "ui" else None


def test_every_module_of_the_window_lives_in_a_known_room() -> None:
    ui = PACKAGE / "ui"
    assert sorted(p.name for p in ui.glob("*.py")) == ["__init__.py"]
    assert sorted(p.name for p in ui.iterdir() if p.is_dir() and p.name != "__pycache__") == sorted(UI_ROOMS)


def test_each_room_of_the_window_imports_only_the_rooms_below_it() -> None:
    for name, targets in graph().items():
        room = _room(name)
        if room is None:
            continue
        allowed = {room} | UI_ROOMS[room]
        for target in targets:
            target_room = _room(target)
            if target_room is not None:
                assert target_room in allowed, f"{name} imports {target} ({room} may not import {target_room})"


def test_the_import_graph_has_no_cycles() -> None:
    edges = graph()
    # Packages import their own modules to re-export them; that is not a cycle between modules.
    edges = {n: {t for t in ts if not n.startswith(t + ".")} for n, ts in edges.items()}
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(node: str) -> None:
        state[node] = 1
        stack.append(node)
        for target in sorted(edges.get(node, ())):
            if state.get(target) == 1:
                cycle = stack[stack.index(target):] + [target]
                raise AssertionError("import cycle: " + " → ".join(cycle))
            if target not in state:
                visit(target)
        stack.pop()
        state[node] = 2

    for node in sorted(edges):
        if node not in state:
            visit(node)


def test_core_and_the_command_line_do_not_load_qt() -> None:
    names = sorted(n for n in modules() if n.startswith(("annotator.core", "annotator.cli")))
    code = (
        "import importlib, sys\n"
        f"for name in {names!r}: importlib.import_module(name)\n"
        "import trafilatura\n"
        "print(sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken6'))))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


# SQL is written in the store (its schema steps included) and nowhere else in the core.
_SQL_STATEMENT = re.compile(
    r"\bSELECT\b[\s\S]+?\bFROM\b|\bINSERT\s+(OR\s+\w+\s+)?INTO\b|\bUPDATE\s+\w+\s+SET\b|\bDELETE\s+FROM\b"
    r"|\bCREATE\s+(TEMP\w*\s+|UNIQUE\s+|VIRTUAL\s+)*(TABLE|INDEX|VIEW|TRIGGER)\b"
    r"|\bWITH\s+(RECURSIVE\s+)?\w+(\s*\([^)]*\))?\s+AS\s*\(")
_SQL_CALLS = {"execute", "executemany", "executescript", "rows", "row", "stream"}  # Database and sqlite3


def _docstrings(tree: ast.AST) -> set[int]:
    """The ids of the docstring nodes: prose may name SQL without running it."""
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)):
            body = node.body
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
                found.add(id(body[0].value))
    return found


def sql_in(path: Path) -> list[str]:
    """Where `path` writes SQL text or runs a query: 'line N: ...' for each place."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    skip = _docstrings(tree)
    found: list[tuple[int, str]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in skip:
            if _SQL_STATEMENT.search(node.value):
                found.append((node.lineno, f"SQL text {node.value.strip()[:60]!r}"))
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in _SQL_CALLS:
            found.append((node.lineno, f"a query run through .{node.func.attr}(...)"))
    return [f"line {line}: {what}" for line, what in sorted(found)]


def test_sql_is_written_only_in_the_store() -> None:
    """SQLite's SQL lives in core/store; the team server's PostgreSQL SQL in core/team, which never
    touches the project file but through the store."""
    store = PACKAGE / "core" / "store"
    team = PACKAGE / "core" / "team"
    offenders = {}
    for name, path in modules().items():
        if path.is_relative_to(team):
            assert "sqlite3" not in imports_of(path), f"{name} opens SQLite itself"
        if not name.startswith("annotator.core") or path.is_relative_to(store) or path.is_relative_to(team):
            continue
        if found := sql_in(path):
            offenders[name] = found
    assert not offenders, "SQL outside annotator/core/store/:\n" + "\n".join(
        f"{name} {place}" for name, places in sorted(offenders.items()) for place in places)


def test_the_sql_check_sees_queries_and_their_text(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text('"""Read rows with SELECT x FROM t."""\n'
                      'def f(db):\n'
                      '    return db.rows("SELECT key FROM categories ORDER BY position")\n'
                      'Q = f"""\n    WITH s AS (SELECT 1) SELECT * FROM s"""\n'
                      'P = "INSERT OR IGNORE INTO t VALUES (?)"\n'
                      'TEXT = "Select the rows to keep"\n', encoding="utf-8")
    assert [place.split(":")[0] for place in sql_in(sample)] == ["line 3", "line 3", "line 4", "line 6"]
