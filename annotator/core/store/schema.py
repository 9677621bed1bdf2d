"""The project file's tables, created and upgraded by numbered migrations.

A shipped migration is never edited: a change to the schema is a new step. Each step runs in one
transaction together with the `PRAGMA user_version` bump, so a failed upgrade leaves the file as it
was.
"""

from __future__ import annotations

import sqlite3

APPLICATION_ID = 0x414E4E4F  # "ANNO": marks a SQLite file as an annotator project

MIGRATIONS: list[tuple[int, list[str]]] = [
    (
        1,
        [
            """CREATE TABLE project_info (
                key TEXT PRIMARY KEY,
                value TEXT NOT NULL
            )""",
            """CREATE TABLE outlets (
                id INTEGER PRIMARY KEY,
                name TEXT NOT NULL UNIQUE,
                homepage TEXT
            )""",
            """CREATE TABLE articles (
                id INTEGER PRIMARY KEY,
                outlet_id INTEGER NOT NULL REFERENCES outlets(id),
                title TEXT NOT NULL,
                url TEXT,
                author TEXT,
                published TEXT,
                body TEXT NOT NULL,
                body_sha256 TEXT NOT NULL UNIQUE,
                source_file TEXT,
                imported_at TEXT NOT NULL
            )""",
            "CREATE INDEX articles_outlet ON articles(outlet_id)",
            """CREATE TABLE sentences (
                article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
                idx INTEGER NOT NULL,
                start INTEGER NOT NULL,
                "end" INTEGER NOT NULL,
                PRIMARY KEY (article_id, idx),
                CHECK (start < "end")
            ) WITHOUT ROWID""",
            """CREATE TABLE categories (
                id INTEGER PRIMARY KEY,
                key TEXT NOT NULL UNIQUE,
                label TEXT NOT NULL,
                description TEXT NOT NULL DEFAULT '',
                color TEXT NOT NULL,
                shortcut TEXT,
                position INTEGER NOT NULL,
                archived INTEGER NOT NULL DEFAULT 0
            )""",
            """CREATE TABLE annotators (
                id INTEGER PRIMARY KEY,
                name TEXT NOT NULL UNIQUE
            )""",
            """CREATE TABLE annotations (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
                start INTEGER NOT NULL,
                "end" INTEGER NOT NULL,
                category_id INTEGER NOT NULL REFERENCES categories(id),
                annotator_id INTEGER NOT NULL REFERENCES annotators(id),
                source_name TEXT NOT NULL DEFAULT '',
                note TEXT NOT NULL DEFAULT '',
                created_at TEXT NOT NULL,
                updated_at TEXT NOT NULL,
                CHECK (start < "end")
            )""",
            'CREATE INDEX annotations_span ON annotations(article_id, "end", start)',
            "CREATE INDEX annotations_order ON annotations(article_id, start)",
            "CREATE INDEX annotations_article_category ON annotations(article_id, category_id)",
            "CREATE INDEX annotations_category ON annotations(category_id)",
            "CREATE INDEX annotations_annotator ON annotations(annotator_id)",
        ],
    ),
]

LATEST_VERSION = MIGRATIONS[-1][0]


def schema_version(conn: sqlite3.Connection) -> int:
    return conn.execute("PRAGMA user_version").fetchone()[0]


def migrate(conn: sqlite3.Connection) -> None:
    """Bring the file to LATEST_VERSION, one transaction per step; roll a failed step back."""
    current = schema_version(conn)
    for version, statements in MIGRATIONS:
        if version <= current:
            continue
        conn.execute("BEGIN IMMEDIATE")
        try:
            for statement in statements:
                conn.execute(statement)
            conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
            conn.execute(f"PRAGMA user_version = {version}")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        conn.execute("COMMIT")
