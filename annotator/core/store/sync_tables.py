"""Schema step 9: what a project shared on a team server keeps locally (core/sync).

- `sync_link`: one row once the project is shared or joined: the server's address (never a
  password), the shared project's id, the member's login, the last server revision pulled, and a
  push sent but not yet known to have arrived (`pending_push`, with the last outbox entry it carried).
- `sync_outbox`: every change made here since the server last had it, as (kind, uid, when),
  written by triggers, so every write path (the window, the command line, a merge, an undo) is
  recorded without each one knowing about sync. The triggers do nothing while `sync_link` is empty:
  a project never shared pays one lookup of an empty table per write.
- `sync_seen`: the server revision of each entity as this copy last saw it, which tells a later
  edit made here from one made without seeing the server's newer version (a conflict).
- `sync_retry`: entities pulled that could not be written here yet (an annotation whose category
  was deleted here and is being restored by another member), fetched again at every sync.

Ids that must agree between copies: an article's body hash, a category's key, an outlet alias's
key, a project setting's key; annotations and claim corrections get a random `uid` (a trigger gives
one to every new row once the project is linked; sharing gives one to the rows made before).
"""

from __future__ import annotations

# Settings of project_info that travel to the team (the others are this copy's own).
SHARED_SETTINGS = ("name", "answer_key")

_LINKED = "EXISTS (SELECT 1 FROM sync_link)"
_NOW = "strftime('%Y-%m-%dT%H:%M:%fZ', 'now')"
_NEW_UID = "lower(hex(randomblob(16)))"


def _out(kind: str, uid: str) -> str:
    return f"INSERT INTO sync_outbox (kind, uid, at) VALUES ('{kind}', {uid}, {_NOW});"


def _simple(table: str, kind: str, uid_column: str, *, when: str = "") -> list[str]:
    """Triggers that record inserts, updates and deletions of `table` by its `uid_column`."""
    extra = f" AND {when}" if when else ""
    return [
        f"""CREATE TRIGGER {table}_shared_insert AFTER INSERT ON {table}
            WHEN {_LINKED}{extra.replace('ROW.', 'NEW.')} BEGIN {_out(kind, f'NEW.{uid_column}')} END""",
        f"""CREATE TRIGGER {table}_shared_update AFTER UPDATE ON {table}
            WHEN {_LINKED}{extra.replace('ROW.', 'NEW.')} BEGIN
            {_out(kind, f'NEW.{uid_column}')}
            INSERT INTO sync_outbox (kind, uid, at) SELECT '{kind}', OLD.{uid_column}, {_NOW}
                WHERE OLD.{uid_column} IS NOT NEW.{uid_column};
        END""",
        f"""CREATE TRIGGER {table}_shared_delete AFTER DELETE ON {table}
            WHEN {_LINKED}{extra.replace('ROW.', 'OLD.')} BEGIN {_out(kind, f'OLD.{uid_column}')} END""",
    ]


SYNC_STEP: list[str] = [
    """CREATE TABLE sync_link (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        url TEXT NOT NULL,
        project_uid TEXT NOT NULL,
        member TEXT NOT NULL,
        role TEXT NOT NULL,
        pulled_rev INTEGER NOT NULL DEFAULT 0,
        pending_push TEXT,
        pending_upto INTEGER,
        last_sync TEXT,
        auto_minutes INTEGER NOT NULL DEFAULT 0
    )""",
    """CREATE TABLE sync_outbox (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        kind TEXT NOT NULL,
        uid TEXT NOT NULL,
        at TEXT NOT NULL
    )""",
    """CREATE TABLE sync_seen (
        kind TEXT NOT NULL,
        uid TEXT NOT NULL,
        rev INTEGER NOT NULL,
        PRIMARY KEY (kind, uid)
    ) WITHOUT ROWID""",
    """CREATE TABLE sync_retry (
        kind TEXT NOT NULL,
        uid TEXT NOT NULL,
        PRIMARY KEY (kind, uid)
    ) WITHOUT ROWID""",
    "ALTER TABLE annotations ADD COLUMN uid TEXT",
    "CREATE UNIQUE INDEX annotations_uid ON annotations(uid) WHERE uid IS NOT NULL",
    "ALTER TABLE claim_corrections ADD COLUMN uid TEXT",
    "CREATE UNIQUE INDEX claim_corrections_uid ON claim_corrections(uid) WHERE uid IS NOT NULL",
    # A new annotation gets its uid here (a pulled one arrives with its own); the update this makes
    # touches only `uid`, which the update trigger below does not watch.
    f"""CREATE TRIGGER annotations_shared_insert AFTER INSERT ON annotations WHEN {_LINKED} BEGIN
        UPDATE annotations SET uid = {_NEW_UID} WHERE id = NEW.id AND uid IS NULL;
        INSERT INTO sync_outbox (kind, uid, at)
            SELECT 'annotation', uid, {_NOW} FROM annotations WHERE id = NEW.id;
    END""",
    f"""CREATE TRIGGER annotations_shared_update
        AFTER UPDATE OF article_id, start, "end", category_id, annotator_id, source_name, note ON annotations
        WHEN {_LINKED} AND NEW.uid IS NOT NULL BEGIN {_out('annotation', 'NEW.uid')} END""",
    f"""CREATE TRIGGER annotations_shared_delete AFTER DELETE ON annotations
        WHEN {_LINKED} AND OLD.uid IS NOT NULL BEGIN {_out('annotation', 'OLD.uid')} END""",
    *_simple("articles", "article", "body_sha256"),
    # Renaming an outlet (or its homepage) edits every article filed under it.
    f"""CREATE TRIGGER outlets_shared_update AFTER UPDATE ON outlets WHEN {_LINKED} BEGIN
        INSERT INTO sync_outbox (kind, uid, at)
            SELECT 'article', body_sha256, {_NOW} FROM articles WHERE outlet_id = NEW.id;
    END""",
    *_simple("categories", "category", "key"),
    *_simple("outlet_aliases", "alias", "key"),
    *_simple("project_info", "setting", "key",
             when="ROW.key IN (" + ", ".join(f"'{key}'" for key in SHARED_SETTINGS) + ")"),
    f"""CREATE TRIGGER claim_corrections_shared_insert AFTER INSERT ON claim_corrections WHEN {_LINKED} BEGIN
        UPDATE claim_corrections SET uid = {_NEW_UID} WHERE id = NEW.id AND uid IS NULL;
        INSERT INTO sync_outbox (kind, uid, at)
            SELECT 'correction', uid, {_NOW} FROM claim_corrections WHERE id = NEW.id;
    END""",
    f"""CREATE TRIGGER claim_corrections_shared_delete AFTER DELETE ON claim_corrections
        WHEN {_LINKED} AND OLD.uid IS NOT NULL BEGIN {_out('correction', 'OLD.uid')} END""",
]
