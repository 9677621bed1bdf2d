"""Annotation operations return the stretch they touched and take themselves back exactly."""

from __future__ import annotations

from annotator.core.changes import Changes, Span
from annotator.core.ops.annotations import AddAnnotation, DeleteAnnotation, UpdateAnnotation
from annotator.core.store.project import Project


def test_add_update_delete_round_trip(sample: Project) -> None:
    sentence = sample.articles.sentence(1, 2)
    add = AddAnnotation(1, sentence.start, sentence.end, category="document", annotator="amy")
    changes = add.apply(sample)
    assert changes == Changes(spans=(Span(1, sentence.start, sentence.end),), added=(add.annotation,))
    first_id = add.annotation.id
    add.revert(sample)
    assert sample.annotations.count() == 0
    add.apply(sample)  # redo: the same annotation under the same id
    assert [a.id for a in sample.annotations.list()] == [first_id]

    update = UpdateAnnotation(add.annotation, source="Jane Doe, DHS")
    assert update.text == "Edit source"
    edited = update.apply(sample)
    assert sample.annotations.get(first_id).source == "Jane Doe, DHS"
    assert [a.source for a in edited.removed] == [""] and [a.source for a in edited.added] == ["Jane Doe, DHS"]
    update.revert(sample)
    assert sample.annotations.get(first_id) == add.annotation  # updated_at too: undo leaves no trace

    delete = DeleteAnnotation(sample.annotations.get(first_id))
    assert delete.apply(sample).touches_annotations_of(1)
    assert sample.annotations.count() == 0
    delete.revert(sample)
    assert sample.annotations.get(first_id).category == "document"


def test_changes_combine() -> None:
    both = Changes(spans=(Span(1, 0, 5),)) | Changes(codebook=True)
    assert both.codebook and both.annotations and both.annotated_articles == {1}
    assert not Changes().annotations
    assert Changes(all_annotations=True).touches_annotations_of(7)
