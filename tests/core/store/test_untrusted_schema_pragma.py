"""SQLite runs a project's own schema as untrusted: no trigger or view of ours needs more than harmless
functions, so `trusted_schema` is off on every connection to a project."""

from __future__ import annotations

from pathlib import Path

from annotator.core.sample import create_sample
from annotator.core.store.project import Project
from annotator.core.store.schema_check import expected, schema_may_be_distrusted
from annotator.core.store.schema import LATEST_VERSION


def test_no_trigger_or_view_of_ours_uses_the_search_index() -> None:
    ours = expected(LATEST_VERSION).items
    assert not [name for (kind, name), sql in ours.items() if kind in ("trigger", "view") and "sentence_fts" in sql]
    assert schema_may_be_distrusted()


def test_every_connection_runs_the_schema_untrusted_and_deleting_still_unindexes(tmp_path: Path) -> None:
    from annotator.core.analysis.search import search_sentences
    from annotator.core.ops.articles import DeleteArticles

    project, _ = create_sample(tmp_path / "s.annot")
    with project:
        assert project.database.conn.execute("PRAGMA trusted_schema").fetchone()[0] == 0
        found = {h.article_id for h in search_sentences(project.database, "Pentagon")}
        DeleteArticles([min(found)]).apply(project)
        assert min(found) not in {h.article_id for h in search_sentences(project.database, "Pentagon")}
    with Project.open(tmp_path / "s.annot", read_only=True) as reader:
        assert reader.database.conn.execute("PRAGMA trusted_schema").fetchone()[0] == 0
