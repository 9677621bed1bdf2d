"""Members of a shared project for the team-server tests: each a login of the real test server and a
local copy of the project, and a canonical picture of a copy's content to compare copies with."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import psycopg
import pytest
from psycopg.conninfo import conninfo_to_dict, make_conninfo

from annotator.core.sample import create_sample
from annotator.core.store.project import Project
from annotator.core.team import members, session


def as_login(url: str, login: str) -> str:
    params = conninfo_to_dict(url)
    params["user"] = login
    return make_conninfo(**params)


@dataclass
class Team:
    url: str  # the administrator's (a teacher)
    folder: Path
    owner: Project  # the copy that was shared

    def member(self, login: str, role: str = "editor") -> Project:
        """A new member's local copy, joined as `login` (created on the server with `role`)."""
        members.add_member(self.url, login, role)
        return session.join(as_login(self.url, login), self.folder / f"{login}.annot")

    def server_rows(self, kind: str | None = None) -> list[tuple]:
        with psycopg.connect(self.url) as conn:
            return conn.execute("SELECT kind, uid, deleted, owner, doc FROM annotator.entities"
                                " WHERE kind = coalesce(%s, kind) ORDER BY kind, uid", (kind,)).fetchall()


def picture(project: Project) -> dict:
    """What travels, with ids that agree between copies, sorted: two copies in step have equal pictures."""
    db = project.database
    return {
        "articles": db.rows("SELECT a.body_sha256, a.title, o.name, a.published, a.url, a.author,"
                            " (SELECT group_concat(start || '-' || \"end\") FROM sentences s WHERE s.article_id = a.id)"
                            " FROM articles a JOIN outlets o ON o.id = a.outlet_id ORDER BY 1"),
        "annotations": db.rows("SELECT n.uid, a.body_sha256, n.start, n.\"end\", c.key, w.name, n.source_name, n.note"
                               " FROM annotations n JOIN articles a ON a.id = n.article_id"
                               " JOIN categories c ON c.id = n.category_id JOIN annotators w ON w.id = n.annotator_id"
                               " ORDER BY 1"),
        "categories": db.rows("SELECT key, label, description, color, shortcut, archived FROM categories ORDER BY 1"),
        "settings": db.rows("SELECT key, value FROM project_info WHERE key IN ('name', 'answer_key') ORDER BY 1"),
        "aliases": db.rows("SELECT key, alias, outlet FROM outlet_aliases ORDER BY 1"),
        "corrections": db.rows("SELECT r.uid, r.action, r.label, r.idx FROM claim_corrections r ORDER BY 1"),
    }


@pytest.fixture
def team(team_url: str, tmp_path: Path):
    """The sample project shared by the server's administrator, who is a teacher of it."""
    owner, _ = create_sample(tmp_path / "owner.annot")
    session.share(owner, team_url)
    made = Team(team_url, tmp_path, owner)
    yield made
    owner.close()
