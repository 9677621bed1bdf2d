"""One user action is one transaction, and no process overwrites another's change unseen.

Two connections to one file stand for two processes (a window and the command line): each write
the other makes is committed and visible, as it would be from another process.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from annotator.core.errors import ChangedElsewhere, InvalidValue
from annotator.core.ops import runner
from annotator.core.ops.annotations import AddAnnotation, DeleteAnnotation, UpdateAnnotation
from annotator.core.ops.articles import EditArticle
from annotator.core.ops.codebook import EditCategory
from annotator.core.ops.suggestions import AcceptSuggestions
from annotator.core.records import Suggestion
from annotator.core.store.project import Project


@pytest.fixture
def other(sample: Project):
    """A second connection to the sample's file: another window, or the command line."""
    second = Project.open(sample.path)
    yield second
    second.close()


def _mark(project: Project, idx: int = 0) -> AddAnnotation:
    sentence = project.articles.sentence(1, idx)
    add = AddAnnotation(1, sentence.start, sentence.end, category="document", annotator="amy")
    runner.apply(project, add)
    return add


def test_savepoints_nest_and_only_the_outer_block_commits(sample: Project, other: Project):
    with pytest.raises(InvalidValue):
        with sample.transaction():
            _mark(sample, 0)
            with pytest.raises(InvalidValue):
                with sample.transaction():
                    _mark(sample, 1)
                    raise InvalidValue("inner step refused")
            assert len(sample.annotations.list()) == 1  # the inner step alone was undone
            assert other.annotations.count() == 0  # nothing is committed before the outer block ends
            raise InvalidValue("outer step refused")
    assert sample.annotations.count() == 0 and other.annotations.count() == 0


def test_an_edit_from_a_stale_view_is_refused_and_writes_nothing(sample: Project, other: Project):
    seen = _mark(sample).annotation
    runner.apply(other, UpdateAnnotation(other.annotations.get(seen.id), note="from the command line"))
    with pytest.raises(ChangedElsewhere, match="changed in another window"):
        runner.apply(sample, UpdateAnnotation(seen, note="from the window"))
    assert sample.annotations.get(seen.id).note == "from the command line"


def test_undo_of_an_annotation_another_process_edited_changes_nothing(sample: Project, other: Project):
    add = _mark(sample)
    runner.apply(other, UpdateAnnotation(other.annotations.get(add.annotation.id), source="Jane Doe"))
    with pytest.raises(ChangedElsewhere):
        runner.revert(sample, add)
    assert sample.annotations.get(add.annotation.id).source == "Jane Doe"


def test_undo_of_an_annotation_another_process_deleted_says_so(sample: Project, other: Project):
    add = _mark(sample)
    update = UpdateAnnotation(add.annotation, note="mine")
    runner.apply(sample, update)
    runner.apply(other, DeleteAnnotation(other.annotations.get(add.annotation.id)))
    with pytest.raises(ChangedElsewhere, match="deleted"):
        runner.revert(sample, update)
    assert sample.annotations.count() == 0


def test_an_edit_reads_the_latest_fields_under_the_write_lock(sample: Project, other: Project):
    seen = _mark(sample).annotation
    runner.apply(other, UpdateAnnotation(other.annotations.get(seen.id), note="kept"))
    # The window learns of the new note (as its watcher would tell it) and edits another field:
    runner.apply(sample, UpdateAnnotation(sample.annotations.get(seen.id), source="A. Source"))
    now = other.annotations.get(seen.id)
    assert (now.note, now.source) == ("kept", "A. Source")


def test_undo_of_an_article_edit_changed_elsewhere_is_refused(sample: Project, other: Project):
    edit = EditArticle(1, title="Window title")
    runner.apply(sample, edit)
    runner.apply(other, EditArticle(1, title="Command-line title"))
    with pytest.raises(ChangedElsewhere):
        runner.revert(sample, edit)
    assert sample.articles.get(1).title == "Command-line title"


def test_undo_of_a_category_edit_changed_elsewhere_is_refused(sample: Project, other: Project):
    edit = EditCategory("document", label="Papers")
    runner.apply(sample, edit)
    runner.apply(other, EditCategory("document", label="Records"))
    with pytest.raises(ChangedElsewhere):
        runner.revert(sample, edit)
    assert other.categories.get("document").label == "Records"


def test_accept_all_commits_whole_or_not_at_all(sample: Project, other: Project):
    good = [Suggestion(1, idx, "document", 0.9, "report", "") for idx in range(3)]
    broken = Suggestion(1, 3, "no_such_category", 0.9, "cue", "")
    with pytest.raises(Exception):
        runner.apply(sample, AcceptSuggestions(good + [broken], annotator="amy"))
    assert other.annotations.count() == 0  # the three before the refused one were not kept
    runner.apply(sample, AcceptSuggestions(good, annotator="amy"))
    assert other.annotations.count() == 3


def test_an_import_of_several_files_commits_whole(sample: Project, other: Project, tmp_path: Path):
    from annotator.core.ops.ingest import ImportFiles

    for n in range(3):
        (tmp_path / f"a{n}.txt").write_text(f"Story number {n} begins here. It ends here, said an official. It was reported by several outlets in Washington on Tuesday, and officials declined to say more about it.\n")
    seen: list[int] = []

    def progress(done: int, total: int, _name: str) -> None:
        seen.append(other.articles.count())  # nothing is visible to others while the batch is read

    before = other.articles.count()
    runner.apply(sample, ImportFiles(sorted(tmp_path.glob("a*.txt")), progress=progress))
    assert set(seen) == {before}
    assert other.articles.count() == before + 3
