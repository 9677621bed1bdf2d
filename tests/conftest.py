"""Shared fixtures: a data folder of its own per test, a fresh project file, the sample project."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from annotator.core.store.project import Project
from annotator.core.sample import create_sample


@pytest.fixture(autouse=True)
def data_folder(tmp_path: Path, tmp_path_factory, monkeypatch) -> Path:
    """Each test's own data folder (sample project, backups), and the run's cache folder: no test writes
    into the user's."""
    folder = tmp_path / "data"
    monkeypatch.setenv("ANNOTATOR_DATA_DIR", str(folder))
    monkeypatch.setenv("ANNOTATOR_CACHE_DIR", str(tmp_path_factory.getbasetemp() / "cache"))  # shared, rebuildable
    return folder


@pytest.fixture
def project(tmp_path: Path):
    proj = Project.create(tmp_path / "test.annot")
    yield proj
    proj.close()


@pytest.fixture
def sample(tmp_path: Path):
    proj, _ = create_sample(tmp_path / "sample.annot")
    yield proj
    proj.close()


def copy_as_schema_1(source: Project, target: Path) -> Path:
    """`source`'s data in a file of schema 1 (the first shipped version), to test upgrades."""
    from annotator.core.store.schema import APPLICATION_ID, MIGRATIONS

    conn = sqlite3.connect(target)
    for statement in MIGRATIONS[0][1]:
        conn.execute(statement)
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    conn.execute("PRAGMA user_version = 1")
    conn.execute("ATTACH ? AS src", (str(source.path),))
    for table in ("project_info", "outlets", "articles", "sentences", "categories", "annotators", "annotations"):
        columns = ", ".join(f'"{row[1]}"' for row in conn.execute(f"PRAGMA main.table_info({table})"))
        conn.execute(f"INSERT INTO {table} ({columns}) SELECT {columns} FROM src.{table}")
    conn.commit()
    conn.close()
    return target


@pytest.fixture
def schema_1_copy():
    """Write a project's data as a schema-1 file: schema_1_copy(project, path) -> path."""
    return copy_as_schema_1


@pytest.fixture(scope="session")
def pg_server():
    """A real PostgreSQL server for the whole session (tests/support/pg_server.py); skipped where none can start,
    failed instead under ANNOTATOR_REQUIRE_POSTGRES=1 (.ci/run)."""
    import importlib.util
    import os
    import sys

    spec = importlib.util.spec_from_file_location("pg_server", Path(__file__).parent / "support" / "pg_server.py")
    servers = importlib.util.module_from_spec(spec)
    sys.modules["pg_server"] = servers  # its dataclass looks its module up
    spec.loader.exec_module(servers)

    try:
        server = servers.start()
    except servers.NoServer as error:
        if os.environ.get(servers.REQUIRE) == "1":
            pytest.fail(f"no PostgreSQL server could be started: {error}")
        pytest.skip(f"no PostgreSQL server could be started: {error}")
    yield server
    servers.discard(server)


@pytest.fixture
def team_url(pg_server, request) -> str:
    """A fresh, empty database on the test server: its URL for the server's administrator."""
    import re

    import psycopg

    name = "t_" + re.sub(r"[^a-z0-9]+", "_", request.node.name.lower())[:40] + f"_{id(request) % 100000}"
    with psycopg.connect(pg_server.url(), autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
        conn.execute(f'CREATE DATABASE "{name}"')
    return pg_server.url(database=name)
