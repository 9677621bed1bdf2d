"""The codebook: defaults, colours, and editing categories without losing annotations."""

from __future__ import annotations

import pytest

from annotator.core.codebook import CategorySpec, contrast_with_black, default_codebook
from annotator.core.errors import InvalidValue
from annotator.core.store.project import Project


def test_default_colours_are_readable_behind_black_text() -> None:
    for spec in default_codebook():
        assert contrast_with_black(spec.color) >= 4.5, spec.key


def test_default_colours_and_shortcuts_are_distinct() -> None:
    specs = default_codebook()
    assert len({s.color for s in specs}) == len(specs)
    assert len({s.shortcut for s in specs}) == len(specs)
    assert all(s.description for s in specs)


def test_add_rename_recolour_and_reorder(project: Project) -> None:
    added = project.categories.add_labelled("Leaked document")
    assert (added.key, added.shortcut) == ("leaked_document", "8")
    before, after = project.categories.update("leaked_document", label="Leak", color="#112233")
    assert (before.label, after.label, after.color, after.key) == ("Leaked document", "Leak", "#112233", "leaked_document")
    order = project.categories.move("leaked_document", 0)
    assert order[0].key == "leaked_document"
    assert [c.position for c in order] == list(range(8))


def test_bad_values_are_refused(project: Project) -> None:
    with pytest.raises(InvalidValue, match="#RRGGBB"):
        project.categories.update("on_record", color="red")
    with pytest.raises(InvalidValue, match="label"):
        project.categories.update("on_record", label="  ")
    with pytest.raises(InvalidValue, match="already used by 'On-record statement'"):
        project.categories.update("document", shortcut="2")
    with pytest.raises(InvalidValue, match="exists already"):
        project.categories.add(CategorySpec(key="on_record", label="Again", color="#000000"))


def test_category_in_use_is_archived_not_deleted(sample: Project) -> None:
    sample.annotate_sentence(1, 0, category="document", annotator="amy")
    with pytest.raises(InvalidValue, match="archive it instead"):
        sample.categories.delete("document")
    sample.categories.update("document", archived=True)
    assert "document" not in [c.key for c in sample.categories.list()]
    assert sample.annotations.list()[0].category == "document"
    with pytest.raises(InvalidValue, match="archived"):
        sample.annotate_sentence(1, 1, category="document", annotator="amy")


def test_unused_category_can_be_deleted(project: Project) -> None:
    project.categories.add_labelled("Temporary")
    project.categories.delete("temporary")
    assert "temporary" not in [c.key for c in project.categories.list(include_archived=True)]
