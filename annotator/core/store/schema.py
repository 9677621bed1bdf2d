"""The project file's tables, created and upgraded by numbered migrations.

A shipped migration is never edited: a change to the schema is a new step. Each step runs in one
transaction together with the `PRAGMA user_version` bump, so a failed upgrade leaves the file as it
was.
"""

from __future__ import annotations

import sqlite3

from annotator.core.store.claim_dates_step import CLAIM_DATES_STEP
from annotator.core.store.dispute_tables import DISPUTE_STEP
from annotator.core.store.count_triggers import mark, unmark, use
from annotator.core.store.sync_tables import SYNC_STEP

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

# Step 2: counts kept up to date by triggers, so the library, an opened article, the codebook and a
# key press read a count instead of sweeping every annotation or a whole article: each article's
# length and number of sentences, how many of its sentences are annotated (a
# sentence's marks count the annotations covering it, per annotator and, as annotator_id 0, by
# anyone), and how many annotations each category has (per annotator and by anyone).
MIGRATIONS.append((
    2,
    [
        'CREATE INDEX sentences_end ON sentences(article_id, "end")',
        "CREATE INDEX sentences_start ON sentences(article_id, start)",
        """CREATE TABLE sentence_marks (
            article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            idx INTEGER NOT NULL,
            annotator_id INTEGER NOT NULL,
            n INTEGER NOT NULL,
            PRIMARY KEY (article_id, annotator_id, idx)
        ) WITHOUT ROWID""",
        """CREATE TABLE article_progress (
            article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            annotator_id INTEGER NOT NULL,
            annotated INTEGER NOT NULL,
            PRIMARY KEY (article_id, annotator_id)
        ) WITHOUT ROWID""",
        # Each annotation's sentences by two index seeks, as in the triggers: a plain overlap join
        # would compare every annotation with every sentence of its article.
        """INSERT INTO sentence_marks (article_id, idx, annotator_id, n)
            SELECT n.article_id, s.idx, n.annotator_id, count(*) FROM annotations n
            JOIN sentences s ON s.article_id = n.article_id AND s.idx BETWEEN
                (SELECT idx FROM sentences WHERE article_id = n.article_id AND "end" > n.start
                 ORDER BY "end" LIMIT 1)
            AND (SELECT idx FROM sentences WHERE article_id = n.article_id AND start < n."end"
                 ORDER BY start DESC LIMIT 1)
            GROUP BY n.article_id, s.idx, n.annotator_id""",
        """INSERT INTO sentence_marks (article_id, idx, annotator_id, n)
            SELECT article_id, idx, 0, sum(n) FROM sentence_marks GROUP BY article_id, idx""",
        """INSERT INTO article_progress (article_id, annotator_id, annotated)
            SELECT article_id, annotator_id, count(*) FROM sentence_marks GROUP BY article_id, annotator_id""",
        """CREATE TRIGGER sentence_marked AFTER INSERT ON sentence_marks BEGIN
            INSERT INTO article_progress (article_id, annotator_id, annotated)
            VALUES (NEW.article_id, NEW.annotator_id, 1)
            ON CONFLICT (article_id, annotator_id) DO UPDATE SET annotated = annotated + 1;
        END""",
        """CREATE TRIGGER sentence_unmarked AFTER DELETE ON sentence_marks BEGIN
            UPDATE article_progress SET annotated = annotated - 1
            WHERE article_id = OLD.article_id AND annotator_id = OLD.annotator_id;
        END""",
        """CREATE TABLE article_sizes (
            article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
            length INTEGER NOT NULL,
            sentences INTEGER NOT NULL
        )""",
        """INSERT INTO article_sizes (article_id, length, sentences)
            SELECT a.id, length(a.body), (SELECT count(*) FROM sentences s WHERE s.article_id = a.id)
            FROM articles a""",
        """CREATE TRIGGER article_sized AFTER INSERT ON articles BEGIN
            INSERT INTO article_sizes (article_id, length, sentences) VALUES (NEW.id, length(NEW.body), 0);
        END""",
        """CREATE TRIGGER sentence_added AFTER INSERT ON sentences BEGIN
            UPDATE article_sizes SET sentences = sentences + 1 WHERE article_id = NEW.article_id;
        END""",
        """CREATE TRIGGER sentence_removed AFTER DELETE ON sentences BEGIN
            UPDATE article_sizes SET sentences = sentences - 1 WHERE article_id = OLD.article_id;
        END""",
        """CREATE TABLE category_usage (
            category_id INTEGER NOT NULL REFERENCES categories(id) ON DELETE CASCADE,
            annotator_id INTEGER NOT NULL,
            n INTEGER NOT NULL,
            PRIMARY KEY (category_id, annotator_id)
        ) WITHOUT ROWID""",
        """INSERT INTO category_usage (category_id, annotator_id, n)
            SELECT category_id, annotator_id, count(*) FROM annotations GROUP BY category_id, annotator_id
            UNION ALL SELECT category_id, 0, count(*) FROM annotations GROUP BY category_id""",
        f"""CREATE TRIGGER annotation_added AFTER INSERT ON annotations BEGIN
            {mark('NEW')} {use('NEW', 1)} END""",
        f"""CREATE TRIGGER annotation_removed AFTER DELETE ON annotations BEGIN
            {unmark('OLD')} {use('OLD', -1)} END""",
        f"""CREATE TRIGGER annotation_moved AFTER UPDATE OF article_id, start, "end", annotator_id ON annotations
            BEGIN {unmark('OLD')} {mark('NEW')} END""",
        f"""CREATE TRIGGER annotation_recategorised AFTER UPDATE OF category_id, annotator_id ON annotations
            BEGIN {use('OLD', -1)} {use('NEW', 1)} END""",
    ],
))

# Step 3: the sourcing suggester's output (annotator/core/suggest), per sentence and category, the
# lexicon fingerprint each article was suggested with (a new fingerprint recomputes it), and the
# suggestions a user rejected, which never come back.
MIGRATIONS.append((
    3,
    [
        """CREATE TABLE suggestions (
            article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            idx INTEGER NOT NULL,
            category_id INTEGER NOT NULL REFERENCES categories(id) ON DELETE CASCADE,
            confidence REAL NOT NULL,
            cue TEXT NOT NULL,
            source TEXT NOT NULL DEFAULT '',
            PRIMARY KEY (article_id, idx, category_id)
        ) WITHOUT ROWID""",
        """CREATE TABLE suggested_articles (
            article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
            fingerprint TEXT NOT NULL,
            computed_at TEXT NOT NULL
        )""",
        """CREATE TABLE rejected_suggestions (
            article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            idx INTEGER NOT NULL,
            category_id INTEGER NOT NULL REFERENCES categories(id) ON DELETE CASCADE,
            rejected_at TEXT NOT NULL,
            PRIMARY KEY (article_id, idx, category_id)
        ) WITHOUT ROWID""",
    ],
))

# Step 4: claims and full-text search. `sentence_fts` indexes each sentence's text (read from the body
# through the `sentence_texts` view, so no text is stored twice) under the rowid
# article_id * SENTENCE_KEY + idx; a trigger indexes each new sentence, another removes an article's
# sentences before the article goes. Titles are not indexed: a search finds sentences. The claims
# tables hold the last computed grouping (`claim_runs` says for which articles and by which method)
# and the user's corrections, which are replayed after every recomputation.
SENTENCE_KEY = 16_777_216  # 2**24: room for more sentences than a 5 MB article can have

_SENTENCE_TEXT = 'substr(a.body, s.start + 1, s."end" - s.start)'

MIGRATIONS.append((
    4,
    [
        f"""CREATE VIEW sentence_texts AS
            SELECT s.article_id * {SENTENCE_KEY} + s.idx AS key, s.article_id, s.idx, {_SENTENCE_TEXT} AS text
            FROM sentences s JOIN articles a ON a.id = s.article_id""",
        """CREATE VIRTUAL TABLE sentence_fts USING fts5(
            text, content='sentence_texts', content_rowid='key',
            tokenize='unicode61 remove_diacritics 2')""",
        "INSERT INTO sentence_fts (sentence_fts) VALUES ('rebuild')",
        f"""CREATE TRIGGER sentence_indexed AFTER INSERT ON sentences BEGIN
            INSERT INTO sentence_fts (rowid, text)
            SELECT NEW.article_id * {SENTENCE_KEY} + NEW.idx, substr(a.body, NEW.start + 1, NEW."end" - NEW.start)
            FROM articles a WHERE a.id = NEW.article_id;
        END""",
        f"""CREATE TRIGGER article_unindexed BEFORE DELETE ON articles BEGIN
            INSERT INTO sentence_fts (sentence_fts, rowid, text)
            SELECT 'delete', s.article_id * {SENTENCE_KEY} + s.idx, substr(OLD.body, s.start + 1, s."end" - s.start)
            FROM sentences s WHERE s.article_id = OLD.id;
        END""",
        """CREATE TABLE claims (
            id INTEGER PRIMARY KEY,
            label TEXT NOT NULL,
            named INTEGER NOT NULL DEFAULT 0
        )""",
        """CREATE TABLE claim_members (
            claim_id INTEGER NOT NULL REFERENCES claims(id) ON DELETE CASCADE,
            article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            idx INTEGER NOT NULL,
            PRIMARY KEY (claim_id, article_id, idx)
        ) WITHOUT ROWID""",
        "CREATE INDEX claim_members_sentence ON claim_members(article_id, idx)",
        """CREATE TABLE claim_runs (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            method TEXT NOT NULL,
            articles INTEGER NOT NULL,
            sentences INTEGER NOT NULL,
            last_article_id INTEGER NOT NULL,
            computed_at TEXT NOT NULL
        )""",
        """CREATE TABLE claim_corrections (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            action TEXT NOT NULL CHECK (action IN ('merge', 'remove', 'name')),
            label TEXT,
            article_id INTEGER,
            idx INTEGER,
            made_at TEXT NOT NULL
        )""",
        """CREATE TABLE claim_correction_sentences (
            correction_id INTEGER NOT NULL REFERENCES claim_corrections(id) ON DELETE CASCADE,
            side INTEGER NOT NULL,
            article_id INTEGER NOT NULL,
            idx INTEGER NOT NULL,
            PRIMARY KEY (correction_id, side, article_id, idx)
        ) WITHOUT ROWID""",
    ],
))

# Step 5: a log of what changed, kept by triggers, so a window sees what another process (the command
# line, a second window, a merge) wrote and re-reads only that: `what` names the part (annotation,
# article, codebook, info, suggestions, claims) and, for annotations, the article and span touched.
# The log keeps its newest CHANGE_LOG_KEEP rows (a reader further behind re-reads everything).
CHANGE_LOG_KEEP = 10_000


def _logged(table: str, what: str, *, row: str | None = None, span: bool = False,
            events: tuple[str, ...] = ("INSERT", "UPDATE", "DELETE")) -> list[str]:
    """A trigger per event on `table` that appends (what, article, start, end) to change_log."""
    triggers = []
    for event in events:
        ref = "OLD" if event == "DELETE" else "NEW"
        article = f"{ref}.{row}" if row else "NULL"
        start, end = (f'{ref}.start', f'{ref}."end"') if span else ("NULL", "NULL")
        triggers.append(f"""CREATE TRIGGER {table}_logged_{event.lower()} AFTER {event} ON {table} BEGIN
            INSERT INTO change_log (what, article_id, start, "end") VALUES ('{what}', {article}, {start}, {end});
        END""")
    return triggers


MIGRATIONS.append((
    5,
    [
        """CREATE TABLE change_log (
            seq INTEGER PRIMARY KEY AUTOINCREMENT,
            what TEXT NOT NULL,
            article_id INTEGER,
            start INTEGER,
            "end" INTEGER
        )""",
        f"""CREATE TRIGGER change_log_pruned AFTER INSERT ON change_log BEGIN
            DELETE FROM change_log WHERE seq <= NEW.seq - {CHANGE_LOG_KEEP};
        END""",
        *_logged("annotations", "annotation", row="article_id", span=True),
        # An edit that moves an annotation also touches where it was.
        """CREATE TRIGGER annotations_logged_move AFTER UPDATE OF article_id, start, "end" ON annotations
            WHEN OLD.article_id IS NOT NEW.article_id OR OLD.start IS NOT NEW.start OR OLD."end" IS NOT NEW."end"
            BEGIN
            INSERT INTO change_log (what, article_id, start, "end")
            VALUES ('annotation', OLD.article_id, OLD.start, OLD."end");
        END""",
        *_logged("articles", "article", row="id"),
        *_logged("outlets", "article"),
        *_logged("categories", "codebook"),
        *_logged("project_info", "info"),
        *_logged("suggested_articles", "suggestions", row="article_id"),
        *_logged("rejected_suggestions", "suggestions", row="article_id", events=("INSERT", "DELETE")),
        *_logged("claim_runs", "claims"),
        *_logged("claims", "claims", events=("UPDATE",)),
        *_logged("claim_corrections", "claims", events=("INSERT", "DELETE")),
        "INSERT INTO change_log (what) VALUES ('upgrade')",
    ],
))

# Step 6: outlets as entities (core/provenance). A row says that a name (`alias`, matched by `key`: folded
# case, no leading "the") means the outlet `outlet`; a row whose outlet is the alias itself splits the name
# off the outlet the shipped alias list gives it. Logged as an outlet change, like renaming an outlet.
MIGRATIONS.append((
    6,
    [
        """CREATE TABLE outlet_aliases (
            key TEXT PRIMARY KEY,
            alias TEXT NOT NULL,
            outlet TEXT NOT NULL,
            made_at TEXT NOT NULL
        ) WITHOUT ROWID""",
        *_logged("outlet_aliases", "article"),
    ],
))

# Step 7: the search index's rows are written by the store with the sentences (store/sentence_index.py),
# which has each sentence's text in hand: the `sentence_indexed` trigger read the whole body for each
# new sentence, so storing an article took time in proportion to its sentences times its length. The
# `article_unindexed` trigger stays: the store empties an article's sentences and their index rows
# before deleting it, so the trigger finds nothing to do, and it still cleans up after a deletion
# made by other means.
MIGRATIONS.append((
    7,
    [
        "DROP TRIGGER sentence_indexed",
    ],
))

# Step 8: `article_unindexed` goes too. The store takes an article's index rows and sentences out before
# the article (store/sentence_index.py), so the trigger had nothing left to do; and with no trigger of
# ours writing the search index (a virtual table), SQLite can run the file's schema as untrusted
# (`PRAGMA trusted_schema = OFF`, see store/database.py and store/schema_check.py).
MIGRATIONS.append((
    8,
    [
        "DROP TRIGGER article_unindexed",
    ],
))

# Step 9: what a project shared on a team server keeps locally (store/sync_tables.py).
MIGRATIONS.append((9, SYNC_STEP))
MIGRATIONS.append((10, DISPUTE_STEP))

MIGRATIONS.append((11, CLAIM_DATES_STEP))  # a changed date groups the claims afresh (store/claim_dates_step.py)

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
