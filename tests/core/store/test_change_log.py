"""The change log says what another connection wrote: which spans, and which parts of the project."""

from __future__ import annotations

import sqlite3

from annotator.core.changes import EVERYTHING, NOTHING, Changes, Span
from annotator.core.ops import runner
from annotator.core.ops.annotations import AddAnnotation
from annotator.core.ops.articles import EditArticle
from annotator.core.ops.codebook import EditCategory
from annotator.core.store.project import Project
from annotator.core.store.schema import CHANGE_LOG_KEEP


def test_each_write_is_read_back_as_what_it_touched(sample: Project) -> None:
    seen = sample.change_log.latest()
    sentence = sample.articles.sentence(2, 3)
    runner.apply(sample, AddAnnotation(2, sentence.start, sentence.end, category="document", annotator="amy"))
    changes, seen = sample.change_log.since(seen)
    assert changes.spans == (Span(2, sentence.start, sentence.end),)
    assert not (changes.codebook or changes.articles)
    runner.apply(sample, EditCategory("document", label="Papers"))
    runner.apply(sample, EditArticle(1, title="New title"))
    changes, seen = sample.change_log.since(seen)
    assert changes == Changes(codebook=True, articles=True)
    assert sample.change_log.since(seen) == (NOTHING, seen)


def test_a_reader_left_behind_by_pruning_re_reads_everything(sample: Project) -> None:
    seen = sample.change_log.latest()
    with sample.transaction() as conn:
        conn.executemany("INSERT INTO change_log (what) VALUES ('info')", [()] * (CHANGE_LOG_KEEP + 5))
    assert sample.database.row("SELECT count(*) FROM change_log")[0] == CHANGE_LOG_KEEP
    changes, last = sample.change_log.since(seen)
    assert changes == EVERYTHING and last == sample.change_log.latest()


def test_a_log_that_went_back_means_the_file_was_restored(sample: Project, tmp_path) -> None:
    copy = tmp_path / "before.annot"
    target = sqlite3.connect(copy)
    sample.database.conn.backup(target)
    target.close()
    runner.apply(sample, EditArticle(1, title="Changed after the copy"))
    seen = sample.change_log.latest()
    source = sqlite3.connect(copy)
    source.backup(sample.database.conn)  # what a restore from a backup does to the open file
    source.close()
    changes, last = sample.change_log.since(seen)
    assert changes == EVERYTHING and last < seen
