"""A property test: random sequences of edits on three members, with syncs in between in random
order, end with every copy and the server holding the same project."""

from __future__ import annotations

import random
from contextlib import suppress

import pytest

from annotator.core.errors import AnnotatorError
from annotator.core.store.project import Project
from annotator.core.team import session

from .conftest import picture

_KEYS = ("on_record", "anonymous_official", "social_post", "document", "unattributed")


def _step(rng: random.Random, copy: Project, who: str, teacher: bool) -> None:
    articles = copy.articles.list()
    mine = [a for a in copy.annotations.list() if teacher or a.annotator == who]
    keys = [c.key for c in copy.categories.list()]
    roll = rng.random()
    if roll < 0.35 and articles:
        article = rng.choice(articles)
        length = len(copy.articles.body(article.id))
        start = rng.randrange(0, length - 30)
        copy.annotations.add(article.id, start, start + rng.randrange(3, 30), category=rng.choice(keys),
                             annotator=who, note=rng.choice(["", "check", "two sources"]))
    elif roll < 0.5 and mine:
        chosen = rng.choice(mine)
        copy.annotations.update(chosen.id, category=rng.choice(keys), source=rng.choice(["", "the mayor", "an aide"]),
                                note=f"{who} {rng.randrange(100)}")
    elif roll < 0.62 and mine:
        copy.annotations.delete(rng.choice(mine).id)
    elif roll < 0.72:
        copy.categories.update(rng.choice(keys), label=f"{who}'s label {rng.randrange(100)}")
    elif roll < 0.77:
        copy.categories.add_labelled(f"New {who} {rng.randrange(1000)}")
    elif roll < 0.82:
        copy.categories.delete(rng.choice(keys))  # refused when it is used here
    elif roll < 0.92 and articles:
        copy.articles.edit(rng.choice(articles).id, title=f"Title by {who} {rng.randrange(100)}",
                           outlet=rng.choice(["The Ledger", "Daily Wire Service", "Metro Post"]))
    elif roll < 0.95 and articles and len(articles) > 2:
        copy.articles.remove(rng.choice(articles).id)
    elif teacher:
        copy.info.set_value("answer_key", rng.choice(["annotator_admin", "ann", "bob"]))


def _server_picture(team) -> dict:
    alive = {}
    for kind, uid, deleted, _owner, _doc in team.server_rows():
        if not deleted:
            alive.setdefault(kind, set()).add(uid)
    return alive


@pytest.mark.parametrize("seed", range(12))
def test_three_members_editing_at_random_end_identical(team, seed):
    rng = random.Random(seed)
    copies = {"annotator_admin": team.owner, "ann": team.member("ann"), "bob": team.member("bob")}
    try:
        for _ in range(60):
            who = rng.choice(list(copies))
            if rng.random() < 0.25:
                session.sync(copies[who])
                continue
            with suppress(AnnotatorError):  # refused here as in the window (a category in use, the same mark twice)
                _step(rng, copies[who], who, teacher=who == "annotator_admin")
        for _ in range(3):
            for copy in copies.values():
                session.sync(copy)
        pictures = [picture(copy) for copy in copies.values()]
        assert pictures[0] == pictures[1] == pictures[2]
        server = _server_picture(team)
        assert server.get("annotation", set()) == {row[0] for row in pictures[0]["annotations"]}
        assert server.get("category", set()) == {row[0] for row in pictures[0]["categories"]}
        assert server.get("article", set()) == {row[0] for row in pictures[0]["articles"]}
        for copy in copies.values():
            assert session.status(copy)[1] == 0
    finally:
        for who, copy in copies.items():
            if who != "annotator_admin":
                copy.close()
