"""Adding, changing, deleting and restoring annotations; each change returns what undoes it."""

from __future__ import annotations

import pytest

from annotator.core.errors import InvalidValue, NotFound
from annotator.core.store.project import Project


def test_annotate_sentence_stores_its_span(sample: Project) -> None:
    made = sample.annotate_sentence(1, 0, category="anonymous_official", annotator="amy",
                                    source="a senior official", note="the pause")
    first = sample.articles.sentences(1)[0]
    assert (made.start, made.end) == (first.start, first.end)
    assert sample.annotations.for_article(1) == [made]
    assert made.created_at == made.updated_at


def test_one_sentence_can_carry_several_annotations(sample: Project) -> None:
    sample.annotate_sentence(3, 4, category="anonymous_official", annotator="amy")
    sample.annotate_sentence(3, 4, category="other_outlet", annotator="amy", source="Bloomberg")
    assert [a.category for a in sample.annotations.for_article(3)] == ["anonymous_official", "other_outlet"]


def test_free_span_is_checked_against_the_body(sample: Project) -> None:
    body = sample.articles.body(1)
    made = sample.annotations.add(1, 4, 30, category="unattributed", annotator="amy")
    assert body[made.start:made.end] == body[4:30]
    with pytest.raises(InvalidValue, match="outside article 1"):
        sample.annotations.add(1, 0, len(body) + 1, category="unattributed", annotator="amy")
    with pytest.raises(InvalidValue):
        sample.annotations.add(1, 10, 10, category="unattributed", annotator="amy")
    with pytest.raises(NotFound):
        sample.annotations.add(99, 0, 1, category="unattributed", annotator="amy")


def test_update_returns_before_and_after_and_can_be_undone(sample: Project) -> None:
    made = sample.annotate_sentence(1, 0, category="anonymous_official", annotator="amy")
    change = sample.annotations.update(made.id, category="on_record", source="Pete Hegseth", note="n")
    assert change.before == made
    assert (change.after.category, change.after.source, change.after.note) == ("on_record", "Pete Hegseth", "n")
    undo = sample.annotations.update(made.id, category=change.before.category,
                                     source=change.before.source, note=change.before.note)
    assert (undo.after.category, undo.after.source, undo.after.note) == ("anonymous_official", "", "")


def test_delete_then_restore_gives_back_the_same_annotation(sample: Project) -> None:
    made = sample.annotate_sentence(2, 1, category="other_outlet", annotator="amy", note="reports")
    removed = sample.annotations.delete(made.id)
    assert sample.annotations.count() == 0
    assert sample.annotations.restore(removed) == made


def test_unknown_category_names_the_known_ones(sample: Project) -> None:
    with pytest.raises(NotFound, match="known: anonymous_official, on_record"):
        sample.annotate_sentence(1, 0, category="rumour", annotator="amy")


def test_sentence_number_out_of_range_is_reported(sample: Project) -> None:
    with pytest.raises(NotFound, match="has no sentence 21 \\(it has 20\\)"):
        sample.annotate_sentence(1, 20, category="on_record", annotator="amy")


def test_annotator_name_is_required(sample: Project) -> None:
    with pytest.raises(InvalidValue, match="annotator"):
        sample.annotate_sentence(1, 0, category="on_record", annotator="  ")


def test_annotations_can_be_listed_per_annotator(sample: Project) -> None:
    sample.annotate_sentence(1, 0, category="on_record", annotator="amy")
    sample.annotate_sentence(1, 0, category="anonymous_official", annotator="ben")
    assert [a.annotator for a in sample.annotations.list(annotator="ben")] == ["ben"]
    assert sample.annotations.annotators() == ["amy", "ben"]


def test_outlet_can_be_set_later(sample: Project) -> None:
    unknown = next(a for a in sample.articles.list() if a.outlet == "Unknown outlet")
    assert sample.articles.set_outlet(unknown.id, "The Cyber Express") == ("Unknown outlet", "The Cyber Express")
    assert "Unknown outlet" not in sample.articles.outlets()
