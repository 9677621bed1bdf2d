"""Who may see and write what is the server's business: each role connects with plain SQL and is
refused by PostgreSQL's row-level security, whatever a client would do."""

from __future__ import annotations

import psycopg
import pytest

from annotator.core.sample import create_sample
from annotator.core.team import members, session

from .conftest import Team, as_login

_ROW = """INSERT INTO annotator.entities (kind, uid, rev, owner, edited_at, doc)
          VALUES (%s, %s, nextval('annotator.revs'), %s, '2030-01-01', '{}')"""


@pytest.fixture
def blind_class(team_url, tmp_path):
    """A blind assignment shared by its teacher, who has marked the answer key; two students have annotated."""
    teacher, _ = create_sample(tmp_path / "teacher.annot")
    article = teacher.articles.list()[0]
    teacher.annotate_sentence(article.id, 0, category="on_record", annotator="annotator_admin")
    teacher.info.set_value("answer_key", "annotator_admin")
    session.share(teacher, team_url, blind=True)
    made = Team(team_url, tmp_path, teacher)
    students = {name: made.member(name, "student") for name in ("sam", "sue")}
    for name, copy in students.items():
        first = copy.articles.list()[0]
        copy.annotate_sentence(first.id, 1, category="anonymous_official", annotator=name)
        session.sync(copy)
    yield made, students
    for copy in students.values():
        copy.close()
    teacher.close()


def _as(team: Team, login: str) -> psycopg.Connection:
    return psycopg.connect(as_login(team.url, login))


def test_a_student_reads_only_their_own_annotations_until_the_release(blind_class):
    team, students = blind_class
    with _as(team, "sam") as sam:
        owners = {row[0] for row in sam.execute("SELECT owner FROM annotator.entities WHERE kind = 'annotation'")}
        assert owners == {"sam"}
        assert sam.execute("SELECT count(*) FROM annotator.entities WHERE owner IN ('sue', 'annotator_admin')"
                           ).fetchone()[0] == 0
        assert sam.execute("SELECT count(*) FROM annotator.entities WHERE kind = 'article'").fetchone()[0] == 4
    # the students' copies hold only their own work, and no key
    assert {a.annotator for a in students["sam"].annotations.list()} == {"sam"}
    summary = session.sync(team.owner)
    assert {a.annotator for a in team.owner.annotations.list()} == {"annotator_admin", "sam", "sue"}
    assert summary.received == 2

    assert members.release(team.url) == 3
    with _as(team, "sam") as sam:
        owners = {row[0] for row in sam.execute("SELECT owner FROM annotator.entities WHERE kind = 'annotation'")}
        assert owners == {"sam", "sue", "annotator_admin"}
    session.sync(students["sam"])
    assert {a.annotator for a in students["sam"].annotations.list()} == {"annotator_admin", "sam", "sue"}


def test_a_student_cannot_write_what_is_not_their_own_annotation(blind_class):
    team, _ = blind_class
    with _as(team, "sam") as sam:
        for kind, owner in (("annotation", "sue"), ("annotation", "annotator_admin"), ("category", ""),
                            ("article", ""), ("setting", "")):
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                sam.execute(_ROW, (kind, f"forged-{kind}-{owner}", owner))
            sam.rollback()
        assert sam.execute("UPDATE annotator.entities SET doc = '{}' WHERE owner = 'sue'").rowcount == 0
        sam.rollback()
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            sam.execute("DELETE FROM annotator.entities WHERE owner = 'sam'")
        sam.rollback()
        with pytest.raises(psycopg.errors.InsufficientPrivilege):  # sam's own row, passed to sue
            sam.execute("UPDATE annotator.entities SET owner = 'sue' WHERE owner = 'sam'")
        sam.rollback()
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            sam.execute("UPDATE annotator.settings SET value = '1' WHERE key = 'released'")
        sam.rollback()
        sam.execute(_ROW, ("annotation", "sams-own", "sam"))  # what a student may do
        sam.rollback()


def test_a_reader_writes_nothing_and_an_editor_only_shared_things_and_their_own(blind_class):
    team, _ = blind_class
    members.add_member(team.url, "rita", "reader")
    members.add_member(team.url, "ed", "editor")
    with _as(team, "rita") as rita:
        assert rita.execute("SELECT count(*) FROM annotator.entities WHERE kind = 'category'").fetchone()[0] > 0
        for kind, owner in (("annotation", "rita"), ("category", "")):
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                rita.execute(_ROW, (kind, "x", owner))
            rita.rollback()
    with _as(team, "ed") as ed:
        ed.execute(_ROW, ("category", "new_one", ""))
        ed.execute(_ROW, ("annotation", "eds-own", "ed"))
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            ed.execute(_ROW, ("annotation", "forged", "sam"))
        ed.rollback()


def test_a_student_s_changes_to_the_codebook_stay_in_their_copy_and_are_said(blind_class):
    team, students = blind_class
    sam = students["sam"]
    sam.categories.update("document", label="Sam's label")
    summary = session.sync(sam)
    assert summary.sent == 0
    assert any("document" in text for text in summary.not_allowed)
    assert "Kept here only" in "\n".join(summary.lines())
    assert session.status(sam)[1] == 0  # said once, not at every sync
    session.sync(team.owner)
    assert team.owner.categories.get("document").label != "Sam's label"


def test_a_login_that_is_no_member_is_told_so(team_url, tmp_path, blind_class):
    team, _ = blind_class
    with psycopg.connect(team.url, autocommit=True) as admin:
        admin.execute("CREATE ROLE stranger LOGIN")
    with pytest.raises(session.SyncError, match="not a member"):
        session.join(as_login(team.url, "stranger"), tmp_path / "stranger.annot")
    assert not (tmp_path / "stranger.annot").exists()


def test_annotations_made_under_another_name_than_the_login_are_kept_here_and_said(blind_class):
    _, students = blind_class
    sam = students["sam"]
    article = sam.articles.list()[0]
    sam.annotate_sentence(article.id, 4, category="on_record", annotator="Samuel")
    summary = session.sync(sam)
    assert summary.sent == 0
    assert "made as Samuel; the server knows you as sam" in "\n".join(summary.lines())


def test_psql_as_each_role_sees_and_is_refused_as_the_policies_say(blind_class, pg_server):
    import shutil
    import subprocess

    team, _ = blind_class
    members.add_member(team.url, "rita", "reader")
    psql = pg_server.bin_dir / "psql"
    psql = str(psql) if psql.exists() else shutil.which("psql")
    if psql is None:
        pytest.skip("psql is not installed")

    def run(login: str, statement: str) -> subprocess.CompletedProcess:
        return subprocess.run([psql, "-X", "-A", "-t", "-v", "ON_ERROR_STOP=1", "-d", as_login(team.url, login),
                               "-c", statement], capture_output=True, text=True, timeout=60)

    count = "SELECT count(*) FROM annotator.entities WHERE kind = 'annotation'"
    assert run("sam", count).stdout.strip() == "1"
    assert run("rita", count).stdout.strip() == "0"  # blind: a reader sees no one's annotations either
    assert run("annotator_admin", count).stdout.strip() == "3"
    refused = run("rita", "INSERT INTO annotator.entities (kind, uid, rev, owner, edited_at, doc)"
                          " VALUES ('category', 'x', 1, '', 'now', '{}')")
    assert refused.returncode != 0 and "permission denied" in refused.stderr
    forged = run("sam", "INSERT INTO annotator.entities (kind, uid, rev, owner, edited_at, doc)"
                        " VALUES ('annotation', 'x', nextval('annotator.revs'), 'sue', 'now', '{}')")
    assert forged.returncode != 0 and "row-level security" in forged.stderr


def test_a_student_s_copy_of_a_blind_assignment_is_blind_and_a_second_teacher_s_is_not(blind_class):
    team, students = blind_class
    assert students["sam"].info.value("blind") == "1"
    teacher = team.member("tess", "teacher")
    try:
        assert teacher.info.value("blind") is None
        assert {a.annotator for a in teacher.annotations.list()} == {"annotator_admin", "sam", "sue"}
    finally:
        teacher.close()
