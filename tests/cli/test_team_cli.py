"""`annotator share`, `join`, `sync`, `member` and `release`, run as a user would, against a real server."""

from __future__ import annotations

from pathlib import Path

from psycopg.conninfo import conninfo_to_dict, make_conninfo

from annotator.core.store.project import Project


def _as(url: str, login: str) -> str:
    params = conninfo_to_dict(url)
    params["user"] = login
    return make_conninfo(**params)


def test_share_join_annotate_sync_and_release(run, tmp_path: Path, team_url: str):
    story = tmp_path / "story.annot"
    run("sample", story)
    shared = run("share", story, team_url, "--blind")
    assert shared.exit_code == 0, shared.output
    assert "shared" in shared.output and "teacher" in shared.output and "Sent 12 changes" in shared.output

    added = run("member", team_url, "sam_cli", "--role", "student", "--password-stdin", input="pw-of-sam\n")
    assert added.exit_code == 0 and "sam_cli: student" in added.output
    copy = tmp_path / "sam.annot"
    joined = run("join", _as(team_url, "sam_cli"), copy)
    assert joined.exit_code == 0, joined.output
    assert "as sam_cli (student): 4 articles, 0 annotations" in joined.output

    with Project.open(copy) as proj:
        article = proj.articles.list()[0]
        proj.annotate_sentence(article.id, 0, category="on_record", annotator="sam_cli")
    status = run("sync", copy, "--status")
    assert "last sync:" in status.output and "1 changes waiting" in status.output
    synced = run("sync", copy)
    assert synced.exit_code == 0 and "Sent 1 change, received 0." in synced.output
    assert "0 changes waiting" in run("sync", copy, "--status").output

    assert "received 1" in run("sync", story).output
    released = run("release", team_url)
    assert released.exit_code == 0 and "released 1 annotations" in released.output
    assert "password" not in Path(copy).read_bytes().decode("latin-1").lower().replace("pgpass", "")


def test_errors_are_said_in_words(run, tmp_path: Path, team_url: str):
    story = tmp_path / "story.annot"
    run("sample", story)
    not_shared = run("sync", story)
    assert not_shared.exit_code != 0 and "not shared" in not_shared.output
    assert "is not shared" in run("sync", story, "--status").output
    bad = run("share", story, "not a url")
    assert bad.exit_code != 0 and "not a PostgreSQL address" in bad.output
    nowhere = run("share", story, "postgresql://nobody@127.0.0.1:1/none")
    assert nowhere.exit_code != 0 and "cannot reach the team server" in nowhere.output
    role = run("member", team_url, "x", "--role", "boss")
    assert role.exit_code != 0 and "boss" in role.output
    empty = run("join", team_url, tmp_path / "new.annot")
    assert empty.exit_code != 0 and "holds no shared project" in empty.output
