"""The shared project's tables on the PostgreSQL server, its roles and its row-level security.

Everything lives in the schema `annotator` of one database. Every entity (article, annotation,
category, outlet alias, shared setting, claim correction) is one row of `entities`, keyed by
(kind, uid), holding its current state as JSON, or a tombstone once deleted; `rev` is given from
one sequence on every write, and pushes are serialised by a transaction-level lock, so revisions
commit in order and "everything after rev N" never misses a row.

Who may see and write what is the server's business, by PostgreSQL roles and row-level security:
four group roles per database (`<db>__teacher`, `__editor`, `__student`, `__reader`):
- a teacher reads and writes everything and releases a blind assignment;
- an editor writes shared things (articles, codebook, outlets, the key) and their own annotations;
- a student writes only their own annotations;
- a reader writes nothing;
- in a blind project, annotations other than one's own are invisible to all but teachers until
  the teacher releases them.
Nothing is ever deleted from `entities` (no DELETE is granted): a deletion is a tombstone.
"""

from __future__ import annotations

from psycopg import sql

SCHEMA_VERSION = 1
ROLES = ("teacher", "editor", "student", "reader")
WRITERS = ("teacher", "editor", "student")
PUSH_LOCK = 0x414E4E4F  # pg_advisory_xact_lock key serialising pushes


def group_role(database: str, role: str) -> str:
    """The group role of `role` in `database` (role names are the cluster's, so they carry the database's)."""
    return f"{database[:48]}__{role}"


# Who may write a row: the member's role is read once per statement (an uncorrelated subquery is an
# InitPlan), not once per row as a function of the row would be.
_MAY_WRITE = sql.SQL("""((SELECT annotator.my_role()) = 'teacher'
    OR ((SELECT annotator.my_role()) = 'editor' AND (kind <> 'annotation' OR owner = current_user))
    OR ((SELECT annotator.my_role()) = 'student' AND kind = 'annotation' AND owner = current_user))""")


def _statements(database: str) -> list[sql.Composable]:
    role = {name: sql.Identifier(group_role(database, name)) for name in ROLES}
    lit = {name: sql.Literal(group_role(database, name)) for name in ROLES}

    def member_of(name: str) -> sql.Composable:
        return sql.SQL("pg_has_role(current_user, {}, 'MEMBER')").format(lit[name])

    teacher = member_of("teacher")
    statements = [
        sql.SQL("CREATE SCHEMA annotator"),
        sql.SQL("CREATE TABLE annotator.settings (key text PRIMARY KEY, value text NOT NULL)"),
        sql.SQL("CREATE SEQUENCE annotator.revs"),
        sql.SQL("""CREATE TABLE annotator.entities (
            kind text NOT NULL,
            uid text NOT NULL,
            rev bigint NOT NULL,
            owner text NOT NULL DEFAULT '',
            deleted boolean NOT NULL DEFAULT false,
            edited_at text NOT NULL,
            doc jsonb,
            push_id uuid,
            writer text NOT NULL DEFAULT current_user,
            PRIMARY KEY (kind, uid),
            CHECK (deleted OR doc IS NOT NULL)
        )"""),
        sql.SQL("CREATE INDEX entities_rev ON annotator.entities (rev)"),
        sql.SQL("CREATE INDEX entities_kind_rev ON annotator.entities (kind, rev)"),  # a pull, kind by kind
        sql.SQL("CREATE INDEX entities_deleted_articles ON annotator.entities (uid) WHERE kind = 'article' AND deleted"),
        sql.SQL("CREATE INDEX entities_article ON annotator.entities ((doc->>'article')) WHERE kind = 'annotation'"),
        # An article's deletion deletes its annotations, whoever made them (as the schema's owner: a
        # member may delete an article holding others' annotations). An annotation written onto a
        # deleted article is deleted by the push that writes it (push.py), as one statement.
        sql.SQL("""CREATE FUNCTION annotator.article_deleted() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
            SET search_path = pg_catalog AS $$
            BEGIN
                UPDATE annotator.entities SET deleted = true, rev = nextval('annotator.revs'), push_id = NEW.push_id,
                    writer = current_user
                WHERE kind = 'annotation' AND NOT deleted AND doc->>'article' = NEW.uid;
                RETURN NULL;
            END $$"""),
        sql.SQL("""CREATE TRIGGER article_deleted AFTER INSERT OR UPDATE OF deleted ON annotator.entities
            FOR EACH ROW WHEN (NEW.kind = 'article' AND NEW.deleted) EXECUTE FUNCTION annotator.article_deleted()"""),
        sql.SQL("""CREATE TABLE annotator.pushes (
            id uuid PRIMARY KEY,
            member text NOT NULL DEFAULT current_user,
            at timestamptz NOT NULL DEFAULT now(),
            changes integer NOT NULL
        )"""),
        sql.SQL("""CREATE FUNCTION annotator.my_role() RETURNS text LANGUAGE sql STABLE AS $$
            SELECT CASE WHEN {} THEN 'teacher' WHEN {} THEN 'editor' WHEN {} THEN 'student'
                        WHEN {} THEN 'reader' END $$""").format(
            teacher, member_of("editor"), member_of("student"), member_of("reader")),
        sql.SQL("""CREATE FUNCTION annotator.sees_all_annotations() RETURNS boolean LANGUAGE sql STABLE AS $$
            SELECT {} OR coalesce((SELECT value FROM annotator.settings WHERE key = 'blind'), '0') <> '1'
                OR coalesce((SELECT value FROM annotator.settings WHERE key = 'released'), '0') = '1' $$""").format(
            teacher),
        sql.SQL("ALTER TABLE annotator.entities ENABLE ROW LEVEL SECURITY"),
        sql.SQL("ALTER TABLE annotator.entities FORCE ROW LEVEL SECURITY"),
        sql.SQL("""CREATE POLICY entities_read ON annotator.entities FOR SELECT
            USING (kind <> 'annotation' OR owner = current_user OR (SELECT annotator.sees_all_annotations()))"""),
        sql.SQL("""CREATE POLICY entities_add ON annotator.entities FOR INSERT
            WITH CHECK ({} AND writer = current_user)""").format(_MAY_WRITE),
        sql.SQL("""CREATE POLICY entities_change ON annotator.entities FOR UPDATE
            USING ({}) WITH CHECK ({} AND writer = current_user)""").format(_MAY_WRITE, _MAY_WRITE),
        sql.SQL("ALTER TABLE annotator.pushes ENABLE ROW LEVEL SECURITY"),
        sql.SQL("ALTER TABLE annotator.pushes FORCE ROW LEVEL SECURITY"),
        sql.SQL("CREATE POLICY pushes_read ON annotator.pushes FOR SELECT USING (member = current_user OR {})").format(
            teacher),
        sql.SQL("CREATE POLICY pushes_add ON annotator.pushes FOR INSERT WITH CHECK (member = current_user)"),
        sql.SQL("ALTER TABLE annotator.settings ENABLE ROW LEVEL SECURITY"),
        sql.SQL("ALTER TABLE annotator.settings FORCE ROW LEVEL SECURITY"),
        sql.SQL("CREATE POLICY settings_read ON annotator.settings FOR SELECT USING (true)"),
        sql.SQL("CREATE POLICY settings_write ON annotator.settings FOR ALL USING ({}) WITH CHECK ({})").format(
            teacher, teacher),
    ]
    everyone = sql.SQL(", ").join(role.values())
    writers = sql.SQL(", ").join(role[name] for name in WRITERS)
    statements += [
        sql.SQL("REVOKE ALL ON SCHEMA annotator FROM PUBLIC"),
        sql.SQL("REVOKE ALL ON FUNCTION annotator.article_deleted() FROM PUBLIC"),
        sql.SQL("GRANT USAGE ON SCHEMA annotator TO {}").format(everyone),
        sql.SQL("GRANT SELECT ON annotator.entities, annotator.settings TO {}").format(everyone),
        sql.SQL("GRANT INSERT, UPDATE ON annotator.entities TO {}").format(writers),
        sql.SQL("GRANT SELECT, INSERT ON annotator.pushes TO {}").format(writers),
        sql.SQL("GRANT USAGE ON SEQUENCE annotator.revs TO {}").format(writers),
        sql.SQL("GRANT INSERT, UPDATE, DELETE ON annotator.settings TO {}").format(role["teacher"]),
        sql.SQL("GRANT UPDATE ON SEQUENCE annotator.revs TO {}").format(role["teacher"]),
    ]
    return statements


def create_roles(conn, database: str) -> None:
    """The four group roles of `database` (kept if they exist, from an earlier share of it)."""
    for name in ROLES:
        role = group_role(database, name)
        exists = conn.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", (role,)).fetchone()
        if not exists:
            conn.execute(sql.SQL("CREATE ROLE {} NOLOGIN").format(sql.Identifier(role)))


def install(conn, database: str, project_uid: str, *, blind: bool) -> None:
    """Create the schema, its roles and policies in one transaction (the caller's) and make the
    connecting user a teacher of it."""
    create_roles(conn, database)
    for statement in _statements(database):
        conn.execute(statement)
    conn.execute(sql.SQL("GRANT {} TO current_user").format(sql.Identifier(group_role(database, "teacher"))))
    conn.execute("SELECT setval('annotator.revs', 1, false)")
    conn.execute("INSERT INTO annotator.settings (key, value) VALUES ('project_uid', %s), ('schema_version', %s),"
                 " ('blind', %s), ('released', '0')", (project_uid, str(SCHEMA_VERSION), "1" if blind else "0"))


def installed(conn) -> dict[str, str] | None:
    """The shared project's settings, or None where this database holds none."""
    if not conn.execute("SELECT 1 FROM pg_namespace WHERE nspname = 'annotator'").fetchone():
        return None
    return dict(conn.execute("SELECT key, value FROM annotator.settings").fetchall())
