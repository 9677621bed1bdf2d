"""Suggestions computed by a pool of processes are exactly those computed in one process."""

from __future__ import annotations

from pathlib import Path

from annotator.core.ingest.batch import import_paths
from annotator.core.store.project import Project
from annotator.core.suggest import refresh

ARTICLES = Path(__file__).resolve().parents[2] / "data" / "suggest" / "articles"


def stored(project: Project) -> list[tuple]:
    return sorted((s.article_id, s.idx, s.category, s.confidence, s.cue, s.source)
                  for s in project.suggestions.all(min_confidence=0.0))


def test_a_pool_gives_the_same_suggestions_as_one_process(tmp_path: Path, monkeypatch) -> None:
    folder = tmp_path / "articles"
    folder.mkdir()
    for copy in range(3):  # enough articles for the pool (each copy differs, so none is a duplicate)
        for path in sorted(ARTICLES.glob("*.md")):
            text = path.read_text(encoding="utf-8").replace("\n\n", f"\n\nCopy {copy}.\n\n", 1)
            (folder / f"{copy}-{path.name}").write_text(text, encoding="utf-8")
    results = []
    for parallel_from in (10_000, 1):  # one process, then the pool
        monkeypatch.setattr(refresh, "PARALLEL_FROM", parallel_from)
        with Project.create(tmp_path / f"p{parallel_from}.annot") as project:
            assert len(import_paths(project, [folder]).imported) >= 40
            assert refresh.refresh_suggestions(project).suggestions
            results.append(stored(project))
    assert results[0] and results[0] == results[1]


def test_the_pool_reads_articles_a_few_batches_ahead_and_a_cancel_stops_it(tmp_path: Path, monkeypatch) -> None:
    folder = tmp_path / "articles"
    folder.mkdir()
    for copy in range(5):
        for path in sorted(ARTICLES.glob("*.md")):
            text = path.read_text(encoding="utf-8").replace("\n\n", f"\n\nCopy {copy}.\n\n", 1)
            (folder / f"{copy}-{path.name}").write_text(text, encoding="utf-8")
    monkeypatch.setattr(refresh, "PARALLEL_FROM", 1)
    read: list[int] = []
    real = refresh._article_text
    monkeypatch.setattr(refresh, "_article_text", lambda project, a: read.append(a) or real(project, a))
    with Project.create(tmp_path / "p.annot") as project:
        total = len(import_paths(project, [folder]).imported)
        batches: list[int] = []
        monkeypatch.setattr(project.suggestions, "replace",
                            lambda print_, suggestions: batches.append(len(suggestions)))
        refresh.refresh_suggestions(project, batch=5, cancelled=lambda: len(batches) >= 1)
    assert total >= 60 and batches == [5]
    assert len(read) <= 5 * (2 * 4 + 2)  # a few batches ahead of the pool, not every article


def test_the_refresh_at_opening_compiles_the_rules_even_with_nothing_to_compute(tmp_path: Path, monkeypatch) -> None:
    """The window's refresh when a project opens leaves the rules compiled in its process, so the
    suggestions after an import cost only their articles, however a pooled refresh left the cache."""
    from annotator.core.ops.suggestions import RefreshSuggestions
    from annotator.core.suggest import suggester

    with Project.create(tmp_path / "p.annot") as project:
        monkeypatch.setattr(suggester, "_COMPILED", {})
        monkeypatch.setattr(suggester, "_DETECTORS", {})
        assert not RefreshSuggestions().apply(project).suggestions  # no article: nothing to compute
        lexicon = refresh.project_suggester(project).lexicon
        assert lexicon.fingerprint in suggester._COMPILED and lexicon.fingerprint in suggester._DETECTORS
