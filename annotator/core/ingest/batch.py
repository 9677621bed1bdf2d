"""Import a batch of files and folders into a project; one bad file never stops the batch.

Reading and sentence splitting are pure and run in worker processes (one pool per batch, whose
workers end with the import and are stopped when a file overruns its time limit, see workers.py and
limits.py; a small batch of text files only is read here), holding no lock on the project;
storing runs here afterwards, the whole batch in one transaction (each article in a savepoint of
its own, so a duplicate leaves nothing behind): an import commits whole or not at all. A cancelled
batch stores the files read before it was cancelled.

An outlet or date given for the batch fills in what a file leaves open: what a file states (an
`Outlet:` header, a page's site name, a `Date:` line, a page's date) wins over the batch's value,
and the batch's value wins over a guess from the file (its byline, its address: ingest/outlets.py).
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Callable, Iterable, Iterator
from contextlib import closing
from dataclasses import dataclass, field
from pathlib import Path

from annotator.core.errors import Duplicate, ImportRefused
from annotator.core.ingest import limits
from annotator.core.ingest.collect import collect_files
from annotator.core.ingest.formats import load, supported_types
from annotator.core.ingest.names import display_name
from annotator.core.ingest.near_duplicates import NearDuplicates
from annotator.core.ingest.outlets import guessed_outlet
from annotator.core.ingest.segment import split_sentences
from annotator.core.ingest.workers import ReaderPool
from annotator.core.records import ImportProblem, ImportReport, ParsedArticle
from annotator.core.store.articles import check_published
from annotator.core.store.database import is_live
from annotator.core.store.project import Project

Progress = Callable[[int, int, str], bool]  # (done, total, path) -> go on?
PARALLEL_FROM = 40  # files; below this a process pool costs more than it saves

__all__ = ["PARALLEL_FROM", "Prepared", "Progress", "collect_files", "import_paths", "prepare"]


@dataclass(frozen=True)
class Prepared:
    """A file read and segmented, ready to store; `warnings` say what the user should check."""

    article: ParsedArticle
    spans: list[tuple[int, int]]
    warnings: list[str] = field(default_factory=list)
    outlet_guess: str | None = None  # from its byline or address, when the file states no outlet

    def with_batch_values(self, outlet: str | None, published: str | None) -> ParsedArticle:
        """The article with the batch's outlet and date where the file states none (see the module)."""
        article = self.article
        return dataclasses.replace(
            article, outlet=article.outlet or _given(outlet) or self.outlet_guess,
            published=article.published or _given(published))


def _given(value: str | None) -> str | None:
    return " ".join(value.split()) or None if value is not None else None


def prepare(path: Path) -> Prepared | ImportProblem:
    """Read and segment one file; a pure function, safe to run in another process."""
    name = display_name(path)
    try:
        article, warnings = load(path)
    except ImportRefused as refused:
        return ImportProblem(name, refused.reason)
    except MemoryError:
        return ImportProblem(name, "needs more memory to read than this computer has free")
    except Exception as error:  # noqa: BLE001 - a file no reader expected: refused by name, the batch goes on
        said = display_name(" ".join(str(error).split()))
        return ImportProblem(name, f"could not be read ({type(error).__name__}: {said})" if said else
                             f"could not be read (an unexpected {type(error).__name__} in its reader, with no message)")
    spans = split_sentences(article.body)
    if not spans:
        return ImportProblem(name, "has no sentences")
    guess = None if article.outlet else guessed_outlet(article)
    return Prepared(article, spans, warnings, guess)


def _prepared(files: list[Path]) -> Iterator[Prepared | ImportProblem]:
    """Each file read and segmented, in order: in worker processes, each file within the time limit
    (workers.ReaderPool), except a small batch of small text files, read here: no library parses them
    and they are too short to take long (limits.READ_HERE_BYTES)."""
    if not files:
        return
    if len(files) < PARALLEL_FROM and all(map(_read_here, files)):
        yield from map(prepare, files)
        return
    pool = ReaderPool(min(os.cpu_count() or 1, 4, len(files)), limits.TIME_LIMIT_S)
    try:
        yield from pool.map(prepare, files, overran=_overran, died=_died)
    finally:
        pool.close()


_PARSED_BY_LIBRARIES = (".pdf", ".docx", ".html", ".htm")


def _read_here(path: Path) -> bool:
    try:
        return path.suffix.lower() not in _PARSED_BY_LIBRARIES and path.stat().st_size <= limits.READ_HERE_BYTES
    except OSError:
        return True  # refused as unreadable wherever it is read


def _overran(path: Path) -> ImportProblem:
    return ImportProblem(display_name(path), limits.took_too_long())


def _died(path: Path, exit_code: int | None) -> ImportProblem:
    how = "was stopped by the system, most likely for its memory" if exit_code == -9 else "stopped its reader"
    return ImportProblem(display_name(path), f"could not be read (reading it {how}; exit code {exit_code})")


def import_paths(
    project: Project, paths: Iterable[Path | str], *, outlet: str | None = None, published: str | None = None,
    progress: Progress | None = None,
) -> ImportReport:
    """Import every supported file under `paths`; `progress` returning False cancels the rest.

    `outlet` and `published` (YYYY-MM-DD) are the batch's: for the files that state none.
    """
    published = check_published(published) if published is not None else None  # a bad date reads nothing
    paths = list(paths)
    files, missing, skipped = collect_files(paths)
    report = ImportReport(refused=missing, skipped=skipped)
    # A project file this process has open is never read as an article: closing a plain handle on
    # it would drop the locks of our own connections (see store/database.py).
    live = [f for f in files if is_live(f)]
    report.refused.extend(ImportProblem(display_name(f), "is a project file open in this program, not an article")
                          for f in live)
    files = [f for f in files if f not in live]
    with closing(_prepared(files)) as prepared_files:
        read = _read_all(files, prepared_files, progress, report)
    with project.transaction():
        _store_all(project, read, (outlet, published), report)
    if not report.imported and not report.cancelled:
        report.warnings.append(ImportProblem(", ".join(map(display_name, paths)), _nothing_imported(report)))
    return report


def _read_all(files, prepared_files, progress, report) -> list[tuple[str, Prepared]]:
    """The files read and segmented (refusals go to the report), until `progress` says stop."""
    read: list[tuple[str, Prepared]] = []
    for done, (path, prepared) in enumerate(zip(files, prepared_files), start=1):
        name = display_name(path)
        if isinstance(prepared, ImportProblem):
            report.refused.append(prepared)
        else:
            read.append((name, prepared))
        if progress is not None and not progress(done, len(files), name):
            report.cancelled = done < len(files)
            break
    return read


def _store_all(project, read: list[tuple[str, Prepared]], batch: tuple[str | None, str | None], report) -> None:
    """Store what was read; called inside one transaction, which also sees the latest articles."""
    if not read:
        return
    near = NearDuplicates(body_of=project.articles.body)
    for article in project.articles.list():
        near.add_existing(article.title, article.id, f"article {article.id} ({article.source_file or article.title})")
    for name, prepared in read:
        _store_one(project, name, prepared, batch, near, report)


def _store_one(project, name: str, prepared: Prepared, batch, near: NearDuplicates, report) -> None:
    report.warnings.extend(ImportProblem(name, warning) for warning in prepared.warnings)
    try:
        imported = project.articles.add(prepared.with_batch_values(*batch), prepared.spans)
    except Duplicate as duplicate:
        report.duplicates.append(ImportProblem(name, str(duplicate)))
        return
    report.imported.append(imported)
    twin = near.check(prepared.article.title, prepared.article.body, f"article {imported.id} ({name})")
    if twin is not None:
        report.warnings.append(ImportProblem(
            name, f"nearly the same article as {twin}: same title and almost the same words; both were kept"))


def _nothing_imported(report: ImportReport) -> str:
    parts = [f"{len(items)} {label}" for items, label in (
        (report.refused, "refused"), (report.duplicates, "duplicate(s)"), (report.skipped, "skipped"))
        if items]
    if not parts:
        return f"nothing was imported: no files of a supported type ({supported_types()}) were found"
    return "nothing was imported: " + ", ".join(parts)
