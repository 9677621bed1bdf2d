"""Every conflict rule with two members and the server: the later edit is kept and the other is
reported; a deletion beats an edit made before it was seen; a category renamed on one side and
used on the other stays one category; one deleted on one side and used on the other stays."""

from __future__ import annotations

import time

import pytest

from annotator.core.store.project import Project
from annotator.core.team import session

from .conftest import picture


def _same(project: Project, other: Project, article_id: int) -> int:
    title = project.articles.get(article_id).title
    return next(a.id for a in other.articles.list() if a.title == title)


@pytest.fixture
def ann_and_bob(team):
    """Two editors' copies of the team's project, closed after the test."""
    ann, bob = team.member("ann"), team.member("bob")
    yield ann, bob
    ann.close()
    bob.close()


def _settle(*copies: Project) -> None:
    for _ in range(2):
        for copy in copies:
            session.sync(copy)


def _later() -> None:
    time.sleep(0.02)  # edit times are kept to the millisecond


def test_two_edits_of_one_annotation_keep_the_later_whoever_syncs_first(team):
    ann = team.member("ann")
    owner = team.owner
    try:
        article = ann.articles.list()[0]
        mine = ann.annotate_sentence(article.id, 0, category="on_record", annotator="ann", note="first")
        _settle(ann, owner)
        theirs = owner.annotations.for_article(_same(ann, owner, article.id))[0]

        ann.annotations.update(mine.id, category="on_record", source="", note="ann's note")  # earlier
        _later()
        owner.annotations.update(theirs.id, category="on_record", source="", note="teacher's note")  # later
        first = session.sync(ann)
        assert not first.conflicts
        second = session.sync(owner)  # the later edit reaches the server second: kept, the other reported
        [conflict] = second.conflicts
        assert conflict.kept == "yours" and "later edit was kept" in conflict.text
        _settle(ann, owner)
        assert ann.annotations.get(mine.id).note == owner.annotations.get(theirs.id).note == "teacher's note"

        owner.annotations.update(theirs.id, category="on_record", source="", note="teacher again")  # earlier
        _later()
        ann.annotations.update(mine.id, category="on_record", source="", note="ann again")  # later
        session.sync(owner)
        report = session.sync(ann)
        assert [c.kept for c in report.conflicts] == ["yours"]
        _settle(owner, ann)
        assert owner.annotations.get(theirs.id).note == "ann again"
        assert picture(ann) == picture(owner)
    finally:
        ann.close()


def test_an_earlier_edit_arriving_second_loses_and_is_reported(team, ann_and_bob):
    ann, bob = ann_and_bob
    bob.categories.update("document", label="Paper trail")  # earlier
    _later()
    ann.categories.update("document", label="Documents and filings")  # later
    session.sync(ann)
    report = session.sync(bob)
    [conflict] = report.conflicts
    assert conflict.kept == "theirs" and "later edit on the server was kept" in conflict.text
    assert bob.categories.get("document").label == "Documents and filings"  # taken at once
    _settle(ann, bob, team.owner)
    assert picture(ann) == picture(bob) == picture(team.owner)


def test_two_edits_of_one_article_keep_the_later(ann_and_bob):
    ann, bob = ann_and_bob
    a_id = ann.articles.list()[1].id
    b_id = _same(ann, bob, a_id)
    ann.articles.edit(a_id, title="Ann's title")
    _later()
    bob.articles.edit(b_id, title="Bob's title", outlet="Bob's Outlet")
    session.sync(bob)
    report = session.sync(ann)
    assert [c.kept for c in report.conflicts] == ["theirs"]
    _settle(ann, bob)
    assert ann.articles.get(a_id).title == bob.articles.get(b_id).title == "Bob's title"
    assert ann.articles.get(a_id).outlet == "Bob's Outlet"
    assert picture(ann) == picture(bob)


def test_a_deletion_beats_an_edit_made_before_it_was_seen_in_either_order(team):
    ann = team.member("ann")
    owner = team.owner
    try:
        article = ann.articles.list()[0]
        one = ann.annotate_sentence(article.id, 0, category="on_record", annotator="ann")
        two = ann.annotate_sentence(article.id, 1, category="on_record", annotator="ann")
        _settle(ann, owner)
        here = {a.start: a for a in owner.annotations.for_article(_same(ann, owner, article.id))}

        # the edit reaches the server first, the deletion (made without seeing it) second: deleted
        owner.annotations.update(here[one.start].id, category="on_record", source="", note="edited")
        session.sync(owner)
        ann.annotations.delete(one.id)
        report = session.sync(ann)
        assert [c.kept for c in report.conflicts] == ["yours"] and "deletion" in report.conflicts[0].text
        # the deletion reaches the server first, the edit second: the edit is not kept, and is reported
        ann.annotations.delete(two.id)
        session.sync(ann)
        owner.annotations.update(here[two.start].id, category="on_record", source="", note="too late")
        report = session.sync(owner)
        assert [c.kept for c in report.conflicts] == ["theirs"] and "deleted on the server" in report.conflicts[0].text
        _settle(ann, owner)
        assert ann.annotations.count() == owner.annotations.count() == 0
        assert picture(ann) == picture(owner)
    finally:
        ann.close()


def test_an_article_deleted_on_one_side_and_edited_on_the_other_stays_deleted(team, ann_and_bob):
    ann, bob = ann_and_bob
    a_id = ann.articles.list()[2].id
    b_id = _same(ann, bob, a_id)
    bob.articles.edit(b_id, title="Edited before the deletion was seen")
    ann.articles.remove(a_id)
    session.sync(ann)
    report = session.sync(bob)
    assert [c.kept for c in report.conflicts] == ["theirs"]
    assert bob.articles.count() == 3
    _settle(ann, bob, team.owner)
    assert picture(ann) == picture(bob) == picture(team.owner)


def test_a_category_renamed_on_one_side_and_used_on_the_other_stays_one_category(ann_and_bob):
    ann, bob = ann_and_bob
    ann.categories.update("social_post", label="Post on a social network")
    article = bob.articles.list()[0]
    bob.annotate_sentence(article.id, 2, category="social_post", annotator="bob")
    session.sync(ann)
    report = session.sync(bob)
    assert not report.conflicts
    _settle(ann, bob)
    for copy in (ann, bob):
        assert [c.label for c in copy.categories.list() if c.key == "social_post"] == ["Post on a social network"]
        assert copy.annotations.counts_by_category().get("social_post") == 1
    assert picture(ann) == picture(bob)


def test_a_category_deleted_on_one_side_and_used_on_the_other_stays(team, ann_and_bob):
    ann, bob = ann_and_bob
    ann.categories.delete("document")  # unused there
    article = bob.articles.list()[0]
    bob.annotate_sentence(article.id, 2, category="document", annotator="bob")
    session.sync(ann)
    session.sync(bob)  # sees the deletion, keeps the category its annotation uses, and restores it
    session.sync(ann)
    assert "document" in [c.key for c in ann.categories.list()]
    assert ann.annotations.counts_by_category().get("document") == 1
    _settle(ann, bob, team.owner)
    assert picture(ann) == picture(bob) == picture(team.owner)


def test_an_annotation_waiting_on_a_restored_category_arrives_at_a_later_sync(team):
    ann, bob, cy = team.member("ann"), team.member("bob"), team.member("cy")
    try:
        ann.categories.delete("document")
        session.sync(ann)
        article = bob.articles.list()[0]
        bob.annotate_sentence(article.id, 2, category="document", annotator="bob")
        session.sync(bob)  # pushes the annotation, then pulls the deletion and restores the category
        session.sync(cy)
        assert cy.annotations.counts_by_category().get("document") == 1
        _settle(ann, bob, cy)
        assert picture(ann) == picture(bob) == picture(cy)
    finally:
        for copy in (ann, bob, cy):
            copy.close()


def test_an_annotation_pulled_before_its_category_came_back_is_fetched_again(team):
    from annotator.core.team.connect import connect
    from annotator.core.team.push import push

    ann, bob, cy = team.member("ann"), team.member("bob"), team.member("cy")
    try:
        ann.categories.delete("document")
        session.sync(ann)
        session.sync(cy)  # cy has the deletion
        article = bob.articles.list()[0]
        bob.annotate_sentence(article.id, 2, category="document", annotator="bob")
        with connect(session.status(bob)[0].url) as server:
            push(bob, server)  # bob's annotation reaches the server; bob has not pulled the deletion yet
        early = session.sync(cy)
        assert any("category 'document' is not in this copy" in text for text in early.refused)
        assert cy.annotations.count() == 0
        session.sync(bob)  # restores the category
        later = session.sync(cy)
        assert not later.refused
        assert cy.annotations.counts_by_category().get("document") == 1
        assert cy.database.row("SELECT count(*) FROM sync_retry")[0] == 0
    finally:
        for copy in (ann, bob, cy):
            copy.close()


def test_a_key_two_members_gave_two_categories_is_reported_and_marks_the_first(ann_and_bob):
    ann, bob = ann_and_bob
    ann.categories.update("document", shortcut="9")
    bob.categories.update("social_post", shortcut="9")
    session.sync(ann)
    report = session.sync(bob)
    labels = [c.label for c in bob.categories.list() if c.shortcut == "9"]
    assert len(labels) == 2
    [line] = [text for text in report.lines() if text.startswith("The key 9")]
    assert all(repr(label) in line for label in labels) and "give the others another key" in line
    assert bob.categories.by_shortcut("9").label == labels[0]  # the first in the codebook's order
