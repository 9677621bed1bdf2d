"""Import a batch of files and folders into a project; one bad file never stops the batch.

Reading and sentence splitting are pure and run in worker processes for large batches; storing
runs here, one transaction per article, so a refused file leaves nothing behind.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import closing
from pathlib import Path

from annotator.core.errors import Duplicate, ImportRefused
from annotator.core.ingest.formats import is_supported, parse_file
from annotator.core.store.project import Project
from annotator.core.records import ImportProblem, ImportReport, ParsedArticle
from annotator.core.ingest.segment import split_sentences

Progress = Callable[[int, int, str], bool]  # (done, total, path) -> go on?
PARALLEL_FROM = 40  # files; below this a process pool costs more than it saves


def collect_files(paths: Iterable[Path | str]) -> tuple[list[Path], list[ImportProblem]]:
    """Expand folders recursively (supported types only); report named files that cannot be used."""
    files: list[Path] = []
    problems: list[ImportProblem] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            files.extend(sorted(p for p in path.rglob("*") if p.is_file() and is_supported(p)
                                and not p.name.startswith(".")))
        elif path.is_file():
            files.append(path)
        else:
            problems.append(ImportProblem(str(path), "no such file or folder"))
    return files, problems


def prepare(path: Path) -> tuple[ParsedArticle, list[tuple[int, int]]] | ImportProblem:
    """Read and segment one file; a pure function, safe to run in another process."""
    try:
        article = parse_file(path)
    except ImportRefused as refused:
        return ImportProblem(str(path), refused.reason)
    except (ValueError, OSError, RecursionError) as error:  # a file no reader expected
        return ImportProblem(str(path), f"could not be read ({type(error).__name__}: {error})")
    spans = split_sentences(article.body)
    if not spans:
        return ImportProblem(str(path), "has no sentences")
    return article, spans


def _prepared(files: list[Path]) -> Iterator[tuple[ParsedArticle, list[tuple[int, int]]] | ImportProblem]:
    workers = min(os.cpu_count() or 1, 4)
    if len(files) < PARALLEL_FROM or workers < 2:
        yield from map(prepare, files)
        return
    pool = ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("spawn"))
    try:
        yield from pool.map(prepare, files, chunksize=8)
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def import_paths(
    project: Project, paths: Iterable[Path | str], *, outlet: str | None = None,
    progress: Progress | None = None,
) -> ImportReport:
    """Import every supported file under `paths`; `progress` returning False cancels the rest."""
    files, problems = collect_files(paths)
    report = ImportReport(refused=problems)
    with closing(_prepared(files)) as prepared_files:
        _store_all(project, files, prepared_files, outlet, progress, report)
    return report


def _store_all(project, files, prepared_files, outlet, progress, report) -> None:
    for done, (path, prepared) in enumerate(zip(files, prepared_files), start=1):
        if isinstance(prepared, ImportProblem):
            report.refused.append(prepared)
        else:
            article, spans = prepared
            try:
                report.imported.append(project.articles.add(article, spans, outlet=outlet))
            except Duplicate as duplicate:
                report.duplicates.append(ImportProblem(str(path), str(duplicate)))
        if progress is not None and not progress(done, len(files), str(path)):
            report.cancelled = done < len(files)
            break
