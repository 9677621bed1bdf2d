"""The core never imports Qt, and the README documents every table and column of the file."""

from __future__ import annotations

import pkgutil
import re
import subprocess
import sys
from pathlib import Path

import sqlite_utils

import annotator.core
from annotator.core.store.project import Project

README = Path(__file__).resolve().parents[2] / "README.md"


def test_core_modules_do_not_import_qt() -> None:
    modules = [f"annotator.core.{m.name}" for m in pkgutil.iter_modules(annotator.core.__path__)]
    modules += ["annotator.cli.commands"]
    code = (
        "import importlib, sys\n"
        f"for name in {modules!r}: importlib.import_module(name)\n"
        "import annotator.core.ingest.html_page, trafilatura\n"
        "print(sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken6'))))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_readme_documents_every_table_and_column(project: Project) -> None:
    readme = README.read_text(encoding="utf-8")
    db = sqlite_utils.Database(project.database.conn)
    for table in db.table_names():
        if table.startswith("sqlite_"):
            continue  # SQLite's own bookkeeping
        section = re.search(rf"^#### `{table}`\n(.*?)(?=^#### |^## |\Z)", readme, re.M | re.S)
        assert section, f"table {table} is not documented in README.md"
        for column in db[table].columns_dict:
            assert f"`{column}`" in section.group(1), f"{table}.{column} is not documented"
