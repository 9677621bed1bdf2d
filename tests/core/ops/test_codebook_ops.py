"""Every codebook operation applies, reverts and applies again, returning what it changed."""

from __future__ import annotations

import pytest

from annotator.core.errors import InvalidValue
from annotator.core.ops.codebook import AddCategory, EditCategory, MoveCategory
from annotator.core.records import ParsedArticle
from annotator.core.store.project import Project


def snapshot(project: Project) -> list[tuple]:
    return [(c.key, c.label, c.color, c.shortcut, c.position, c.archived)
            for c in project.categories.list(include_archived=True)]


@pytest.mark.parametrize("make", [
    lambda: AddCategory("Leaked video"),
    lambda: EditCategory("on_record", label="Named source"),
    lambda: EditCategory("social_post", color="#112233"),
    lambda: EditCategory("document", archived=True),
    lambda: MoveCategory("unattributed", 0),
    lambda: MoveCategory("anonymous_official", 5),
], ids=["add", "rename", "recolour", "archive", "move-up", "move-down"])
def test_codebook_operation_undoes_and_redoes(project: Project, make) -> None:
    before = snapshot(project)
    operation = make()
    assert operation.apply(project).codebook
    after = snapshot(project)
    assert after != before
    assert operation.revert(project).codebook
    assert snapshot(project) == before
    operation.apply(project)
    assert snapshot(project) == after


def test_restore_is_the_undo_of_archive_and_undoes_itself(project: Project) -> None:
    EditCategory("document", archived=True).apply(project)
    archived = snapshot(project)
    restore = EditCategory("document", archived=False)
    restore.apply(project)
    assert not project.categories.get("document").archived
    restore.revert(project)
    assert snapshot(project) == archived


def test_undoing_an_added_category_in_use_is_refused_and_changes_nothing(project: Project) -> None:
    add = AddCategory("Leaked video")
    add.apply(project)
    # the category is used meanwhile, by an annotation made from another window
    article = project.articles.add(ParsedArticle(title="T", body="One. Two."), [(0, 4), (5, 9)])
    project.annotate_sentence(article.id, 0, category=add.category.key, annotator="amy")
    before = snapshot(project)
    with pytest.raises(InvalidValue, match="archive it instead"):
        add.revert(project)
    assert snapshot(project) == before


def test_a_category_whose_key_was_reused_while_archived_is_restored_without_one(project: Project) -> None:
    EditCategory("anonymous_official", archived=True).apply(project)
    AddCategory("Brand new").apply(project)
    assert project.categories.get("brand_new").shortcut == "1"
    EditCategory("anonymous_official", archived=False).apply(project)
    restored = project.categories.get("anonymous_official")
    assert not restored.archived and restored.shortcut is None
    assert project.categories.get("brand_new").shortcut == "1"
