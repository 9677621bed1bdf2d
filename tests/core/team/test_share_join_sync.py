"""Share, join and sync against a real PostgreSQL server: everything that travels arrives, once."""

from __future__ import annotations

import threading

import psycopg
import pytest

from annotator.core.errors import ProjectError
from annotator.core.ops import runner
from annotator.core.ops.classroom import MarkAnswerKey
from annotator.core.store.project import Project
from annotator.core.store.sentence_search import count_matching
from annotator.core.team import session
from annotator.core.team.connect import SyncError, without_password

from .conftest import picture


def _annotate_all(project: Project, who: str, category: str = "on_record", every: int = 3) -> int:
    made = 0
    for article in project.articles.list():
        for idx in range(0, len(project.articles.sentences(article.id)), every):
            project.annotate_sentence(article.id, idx, category=category, annotator=who, source="the mayor",
                                      note=f"n{idx}")
            made += 1
    return made


def test_a_joined_copy_holds_everything_the_shared_project_had(team, tmp_path):
    owner = team.owner
    _annotate_all(owner, "annotator_admin")
    owner.categories.update("document", label="Document or filing", description="A paper trail.")
    runner.apply(owner, MarkAnswerKey("annotator_admin"))
    session.sync(owner)

    copy = session.join(team.url, tmp_path / "copy.annot")
    try:
        assert picture(copy) == picture(owner)
        assert copy.annotations.count() == owner.annotations.count() > 0
        assert copy.info.value("answer_key") == "annotator_admin"
        # the search index and the counts kept by triggers follow what arrived
        first = copy.articles.list()[0]
        assert copy.articles.get(first.id, annotator="annotator_admin").annotated_sentences > 0
        assert count_matching(copy.database, "mayor OR said") == count_matching(owner.database, "mayor OR said") > 0
    finally:
        copy.close()


def test_changes_travel_both_ways_and_a_second_sync_sends_nothing(team):
    ann = team.member("ann")
    try:
        article = ann.articles.list()[0]
        made = ann.annotate_sentence(article.id, 1, category="anonymous_official", annotator="ann")
        first = session.sync(ann)
        assert first.sent == 1 and not first.conflicts
        again = session.sync(ann)
        assert again.sent == 0 and again.received == 0

        got = session.sync(team.owner)
        assert got.received == 1
        here = next(a.id for a in team.owner.articles.list() if a.title == article.title)
        [arrived] = team.owner.annotations.for_article(here, annotator="ann")
        assert (arrived.start, arrived.end, arrived.category) == (made.start, made.end, "anonymous_official")

        team.owner.annotations.update(arrived.id, category="anonymous_official", source="a senior aide", note="")
        session.sync(team.owner)
        session.sync(ann)
        assert ann.annotations.get(made.id).source == "a senior aide"

        ann.annotations.delete(made.id)
        session.sync(ann)
        session.sync(team.owner)
        assert team.owner.annotations.for_article(here, annotator="ann") == []
        assert picture(ann) == picture(team.owner)
    finally:
        ann.close()


def test_deleting_an_article_travels_and_leaves_the_copies_equal(team):
    ann = team.member("ann")
    try:
        article = team.owner.articles.list()[0]
        team.owner.annotate_sentence(article.id, 0, category="on_record", annotator="annotator_admin")
        session.sync(team.owner)
        session.sync(ann)
        mine = ann.articles.list()[0]
        ann.annotate_sentence(mine.id, 2, category="on_record", annotator="ann")
        session.sync(ann)
        session.sync(team.owner)
        team.owner.articles.remove(article.id)  # with ann's annotation on it
        summary = session.sync(team.owner)
        assert not summary.conflicts
        session.sync(ann)
        assert ann.articles.count() == team.owner.articles.count() == 3
        assert picture(ann) == picture(team.owner)
    finally:
        ann.close()


def test_a_project_never_shared_records_nothing_to_send(project):
    article_id = project.articles.list() and project.articles.list()[0].id
    assert project.database.row("SELECT count(*) FROM sync_outbox")[0] == 0
    project.categories.update("document", label="Paper trail")
    assert project.database.row("SELECT count(*) FROM sync_outbox")[0] == 0
    assert article_id == []
    with pytest.raises(session.NotShared):
        session.sync(project)


def test_the_stored_address_never_holds_a_password(team_url, tmp_path):
    from annotator.core.sample import create_sample

    owner, _ = create_sample(tmp_path / "p.annot")
    try:
        with_password = team_url.replace("annotator_admin@", "annotator_admin:s3cret@")
        session.share(owner, with_password)
        link, _ = session.status(owner)
        assert "s3cret" not in link.url and link.url == without_password(team_url)
        raw = (tmp_path / "p.annot").read_bytes()
        assert b"s3cret" not in raw
    finally:
        owner.close()


def test_sharing_to_a_database_holding_another_project_is_refused(team, tmp_path):
    from annotator.core.sample import create_sample

    other, _ = create_sample(tmp_path / "other.annot")
    try:
        with pytest.raises(SyncError, match="another shared project"):
            session.share(other, team.url)
        assert session.status(other) == (None, 0)
    finally:
        other.close()


def test_joining_an_empty_database_or_onto_a_file_is_refused(team_url, tmp_path):
    with pytest.raises(SyncError, match="holds no shared project"):
        session.join(team_url, tmp_path / "new.annot")
    assert not (tmp_path / "new.annot").exists()
    (tmp_path / "taken.annot").write_text("mine")
    with pytest.raises(ProjectError, match="exists already"):
        session.join(team_url, tmp_path / "taken.annot")
    assert (tmp_path / "taken.annot").read_text() == "mine"


def test_an_unreachable_server_is_an_error_in_words_and_nothing_is_lost(team, pg_server):
    owner = team.owner
    article = owner.articles.list()[0]
    owner.annotate_sentence(article.id, 3, category="on_record", annotator="annotator_admin")
    with owner.transaction() as conn:
        conn.execute("UPDATE sync_link SET url = 'postgresql://nobody@127.0.0.1:1/none'")
    with pytest.raises(SyncError, match="cannot reach the team server"):
        session.sync(owner)
    assert session.status(owner)[1] == 1  # still waiting


def test_a_server_document_that_does_not_fit_is_reported_and_the_rest_arrives(team, tmp_path):
    owner = team.owner
    article = owner.articles.list()[0]
    owner.annotate_sentence(article.id, 0, category="on_record", annotator="annotator_admin")
    session.sync(owner)
    with psycopg.connect(team.url) as conn:  # another program wrote a span past the article's end
        conn.execute("""UPDATE annotator.entities SET doc = jsonb_set(doc, '{end}', '99999999'),
                        rev = nextval('annotator.revs') WHERE kind = 'annotation'""")
        conn.execute("""INSERT INTO annotator.entities (kind, uid, rev, edited_at, doc)
                        VALUES ('setting', 'name', nextval('annotator.revs'), '2030-01-01', '{"value": "Renamed"}')
                        ON CONFLICT (kind, uid) DO UPDATE SET doc = excluded.doc, rev = excluded.rev""")
        conn.execute("""INSERT INTO annotator.entities (kind, uid, rev, edited_at, doc)
                        VALUES ('setting', 'blind', nextval('annotator.revs'), '2030-01-01', '{"value": "1"}')""")
    copy = session.join(team.url, tmp_path / "copy.annot")
    try:
        assert copy.annotations.count() == 0
        assert copy.info.value("name") == "Renamed"
        assert copy.info.value("blind") is None  # a setting the team does not share is never written
        summary = session.sync(owner)
        assert any("outside its article" in text for text in summary.refused)
        assert owner.annotations.count() == 1  # kept as it was here
    finally:
        copy.close()


def test_an_article_deleted_then_put_back_by_undo_comes_back_with_its_annotations(team):
    from annotator.core.ops.articles import DeleteArticles

    owner = team.owner
    ann = team.member("ann")
    try:
        article = owner.articles.list()[0]
        owner.annotate_sentence(article.id, 0, category="on_record", annotator="annotator_admin")
        operation = DeleteArticles([article.id])
        runner.apply(owner, operation)
        session.sync(owner)
        session.sync(ann)
        assert ann.articles.count() == 3
        runner.revert(owner, operation)
        session.sync(owner)
        session.sync(ann)
        assert ann.articles.count() == 4 and ann.annotations.count() == 1
        assert picture(ann) == picture(owner)
    finally:
        ann.close()


def test_claim_corrections_travel_and_are_replayed_in_the_other_copy(team):
    from annotator.core.claims.refresh import ensure_claims
    from annotator.core.ops.claims import NameClaim

    owner = team.owner
    ann = team.member("ann")
    try:
        ensure_claims(owner)
        claim = owner.claims.list()[0]
        runner.apply(owner, NameClaim(claim.id, "Officials confirm the talks"))
        titles = {a.id: a.title for a in owner.articles.list()}
        named = {(titles[s.article_id], s.idx) for s in owner.claims.get(claim.id).sentences}
        session.sync(owner)
        session.sync(ann)
        ensure_claims(ann)
        theirs = {a.id: a.title for a in ann.articles.list()}
        [same] = [c for c in ann.claims.list() if c.label == "Officials confirm the talks"]
        assert {(theirs[s.article_id], s.idx) for s in ann.claims.get(same.id).sentences} == named
        assert picture(ann)["corrections"] == picture(owner)["corrections"]
    finally:
        ann.close()


def test_a_member_offline_for_many_syncs_of_the_others_catches_up(team):
    owner = team.owner
    ann, bob = team.member("ann"), team.member("bob")
    try:
        a_articles, b_articles = ann.articles.list(), bob.articles.list()
        for day in range(30):  # bob works and syncs every day; ann works offline all month
            article = b_articles[day % len(b_articles)]
            bob.annotate_sentence(article.id, day // len(b_articles), category="on_record", annotator="bob",
                                  note=f"day {day}")
            if day % 3 == 0:
                bob.categories.update("document", label=f"Document ({day})")
            session.sync(bob)
            mine = a_articles[day % len(a_articles)]
            ann.annotate_sentence(mine.id, 8 + day // len(a_articles), category="anonymous_official",
                                  annotator="ann", note=f"offline {day}")
        assert session.status(ann)[1] == 30
        summary = session.sync(ann)
        assert summary.sent == 30 and not summary.conflicts
        session.sync(bob)
        session.sync(owner)
        assert picture(ann) == picture(bob) == picture(owner)
        assert owner.annotations.count() == 60
    finally:
        ann.close()
        bob.close()


def test_outlet_renames_and_aliases_travel(team):
    from annotator.core.ops.articles import RenameOutlet
    from annotator.core.ops.outlets import AddOutletAlias

    owner = team.owner
    ann = team.member("ann")
    try:
        outlet = owner.articles.outlets()[0]
        runner.apply(owner, RenameOutlet(outlet, "The Renamed Wire"))
        runner.apply(owner, AddOutletAlias("The Renamed Wire", "Renamed Wire Service"))
        session.sync(owner)
        session.sync(ann)
        assert "The Renamed Wire" in ann.articles.outlets() and outlet not in ann.articles.outlets()
        assert picture(ann) == picture(owner)
        assert picture(ann)["aliases"] != []
    finally:
        ann.close()


def test_a_password_comes_from_pgpass_or_pgpassword_and_a_missing_one_is_said(team, pg_server, tmp_path,
                                                                              monkeypatch):
    from annotator.core.team import members
    from annotator.core.team.connect import NeedsPassword

    from .conftest import as_login

    members.add_member(team.url, "pia", "editor", password="s3cret-pia")
    hba = pg_server.folder / "data" / "pg_hba.conf"
    original = hba.read_text()
    hba.write_text("host all pia 127.0.0.1/32 scram-sha-256\n" + original)
    with psycopg.connect(pg_server.url(), autocommit=True) as admin:
        admin.execute("SELECT pg_reload_conf()")
    try:
        url = as_login(team.url, "pia")
        monkeypatch.delenv("PGPASSWORD", raising=False)
        monkeypatch.setenv("PGPASSFILE", str(tmp_path / "no-such-pgpass"))
        with pytest.raises(NeedsPassword, match="asks for a password"):
            session.join(url, tmp_path / "pia.annot")
        monkeypatch.setenv("PGPASSWORD", "s3cret-pia")
        copy = session.join(url, tmp_path / "pia.annot")
        copy.close()
        monkeypatch.delenv("PGPASSWORD")
        pgpass = tmp_path / "pgpass"
        pgpass.write_text(f"127.0.0.1:{pg_server.port}:*:pia:s3cret-pia\n")
        pgpass.chmod(0o600)
        monkeypatch.setenv("PGPASSFILE", str(pgpass))
        with Project.open(tmp_path / "pia.annot") as again:
            assert session.sync(again).sent == 0
            assert b"s3cret" not in (tmp_path / "pia.annot").read_bytes()
    finally:
        hba.write_text(original)
        with psycopg.connect(pg_server.url(), autocommit=True) as admin:
            admin.execute("SELECT pg_reload_conf()")


def test_a_second_sync_of_the_same_file_at_once_is_told_to_wait(team):
    owner = team.owner
    link, _ = session.status(owner)
    key = f"{link.project_uid}:{owner.path.resolve()}"
    with psycopg.connect(team.url, autocommit=True) as other:  # a sync under way elsewhere holds the lock
        other.execute("SELECT pg_advisory_lock(hashtext(%s))", (key,))
        with pytest.raises(session.SyncUnderWay, match="being synced already"):
            session.sync(owner)
    assert session.sync(owner).sent == 0  # once it ended


def test_a_sync_waits_a_moment_for_a_lock_that_is_let_go(team):
    owner = team.owner
    link, _ = session.status(owner)
    key = f"{link.project_uid}:{owner.path.resolve()}"
    other = psycopg.connect(team.url, autocommit=True)  # a sync just killed: its lock goes a moment later
    other.execute("SELECT pg_advisory_lock(hashtext(%s))", (key,))
    timer = threading.Timer(1.0, other.close)
    timer.start()
    try:
        assert session.sync(owner).sent == 0
    finally:
        timer.join()
