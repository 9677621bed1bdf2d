"""The README documents every table and column of the project file."""

from __future__ import annotations

import re
from pathlib import Path

import sqlite_utils

from annotator.core.store.project import Project

README = Path(__file__).resolve().parents[3] / "README.md"


def test_readme_documents_every_table_and_column(project: Project) -> None:
    readme = README.read_text(encoding="utf-8")
    db = sqlite_utils.Database(project.database.conn)
    # FTS5 keeps its index in shadow tables named after the virtual table (sentence_fts_data, _idx,
    # _docsize, _config); they are FTS5's own, so only the virtual table itself is documented.
    fts5 = [name for (name,) in project.database.conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND sql LIKE 'CREATE VIRTUAL TABLE%USING fts5%'")]
    shadows = {f"{name}_{suffix}" for name in fts5 for suffix in ("data", "idx", "docsize", "config", "content")}
    for table in db.table_names():
        if table.startswith("sqlite_") or table in shadows:
            continue  # SQLite's own bookkeeping
        section = re.search(rf"^#### `{table}`\n(.*?)(?=^#### |^## |\Z)", readme, re.M | re.S)
        assert section, f"table {table} is not documented in README.md"
        for column in db[table].columns_dict:
            assert f"`{column}`" in section.group(1), f"{table}.{column} is not documented"
