"""Classroom files: hand out an assignment, merge the students' returned files into the class project.

Articles are matched between files by their body's SHA-256. An annotation is the same annotation in
two files when article, span, category, annotator and creation time agree, so merging a file twice
adds nothing.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass, field, replace
from pathlib import Path

from annotator.core import codebook
from annotator.core.codebook import CategorySpec
from annotator.core.errors import AnnotatorError, InvalidValue, MergeRefused, ProjectDamaged
from annotator.core.store.project import Project
from annotator.core.records import Annotation


@dataclass
class MergeReport:
    path: str
    added: dict[str, int] = field(default_factory=dict)  # annotator → annotations added
    already_there: int = 0
    unmatched_articles: list[str] = field(default_factory=list)  # titles of articles not in the class
    clashes: list[str] = field(default_factory=list)  # annotators not merged, with why
    new_categories: list[str] = field(default_factory=list)


def _codebook(project: Project) -> list[CategorySpec]:
    return [CategorySpec(key=c.key, label=c.label, color=c.color, description=c.description,
                         shortcut=c.shortcut) for c in project.categories.list(include_archived=True)]


ASSIGNMENT_SETTING = "assignment"  # project_info: "1" in a file written by export_assignment
BLIND_SETTING = "blind"
SUGGESTIONS_SETTING = "suggestions"  # the key SuggestionStore.enabled reads


def export_assignment(project: Project, out: Path, *, keep: tuple[str, ...] = (), blind: bool = False,
                      suggestions: bool | None = None, articles: Collection[int] | None = None) -> int:
    """Write a new project with the articles (all, or those in `articles`) and codebook, and only the
    annotators in `keep`; return how many articles it holds.

    With `blind`, the window shows each student only their own annotations. Suggested categories
    are offered unless `blind`, or as `suggestions` says when given. The file is marked as an
    assignment, so the window guides the student and hides the instructor's commands.
    """
    known = project.annotations.annotators()
    missing = [name for name in keep if name not in known]
    if missing:
        raise InvalidValue(f"no annotator {missing[0]!r} in this project (known: {', '.join(known) or 'none'})")
    chosen = sorted(project.articles.list(), key=lambda a: a.id)  # all: the same numbers as the class
    if articles is not None:
        unknown = sorted(set(articles) - {a.id for a in chosen})
        if unknown:
            raise InvalidValue(f"no article {unknown[0]} in this project")
        chosen = [a for a in chosen if a.id in set(articles)]
        if not chosen:
            raise InvalidValue("choose at least one article for the assignment")
    mapping: dict[int, int] = {}
    target = Project.create(out, codebook=_codebook(project))
    try:
        with target:
            for article in chosen:
                spans = [(s.start, s.end) for s in project.articles.sentences(article.id)]
                mapping[article.id] = target.articles.add(project.articles.parsed(article.id), spans).id
            kept = [a._replace(article_id=mapping[a.article_id]) for name in keep
                    for a in project.annotations.list(annotator=name) if a.article_id in mapping]
            target.annotations.insert_many(kept)
            target.info.set_value(ASSIGNMENT_SETTING, "1")
            if blind:
                target.info.set_value(BLIND_SETTING, "1")
            if suggestions is not None:
                target.info.set_value(SUGGESTIONS_SETTING, "1" if suggestions else "0")
    except BaseException:  # no half-written assignment left behind to be handed out
        for leftover in (out, Path(f"{out}-wal"), Path(f"{out}-shm")):
            leftover.unlink(missing_ok=True)
        raise
    return len(mapping)


def is_assignment(project: Project) -> bool:
    """Whether the file is a student's assignment (files written before the marker: those that are blind)."""
    return project.info.value(ASSIGNMENT_SETTING) == "1" or project.info.value(BLIND_SETTING) == "1"


def return_file_name(project_path: Path, annotator: str) -> str:
    """'<project>-<annotator>.annot': the name of a student's file returned to the instructor."""
    name = re.sub(r'[\\/:*?"<>|\x00-\x1f]+', "_", annotator).strip(" .") or "student"
    return f"{project_path.stem}-{name}.annot"


KEY_SETTING = "answer_key"


def answer_key(project: Project) -> str | None:
    return project.info.value(KEY_SETTING)


def mark_answer_key(project: Project, name: str) -> None:
    """Record which annotator's annotations are the answer key."""
    known = project.annotations.annotators()
    if name not in known:
        raise InvalidValue(f"no annotator {name!r} in this project (known: {', '.join(known) or 'none'})")
    project.info.set_value(KEY_SETTING, name)


def _identity(a: Annotation, digest: str) -> tuple:
    return (digest, a.start, a.end, a.category, a.annotator, a.created_at)


@dataclass
class _Returned:
    """What a returned file holds, read and checked before anything is written."""

    digests: dict[int, str]  # file's article id → SHA-256 of its body, recomputed
    unmatched: list[str]  # titles of its articles the class project does not have
    annotations: list[Annotation]  # those on matched articles
    codebook: list[CategorySpec]
    problems: list[str]


def _read_returned(source: Project, class_articles: dict[str, int]) -> _Returned:
    hashed = source.articles.hashed_bodies()
    digests = {aid: digest for aid, (digest, _length) in hashed.items()}
    matched = {aid for aid, digest in digests.items() if digest in class_articles}
    unmatched = [a.title for a in source.articles.list() if a.id not in matched]
    annotations, problems = source.annotations.with_problems()
    for a in annotations:
        if a.article_id not in hashed:
            problems.append(f"annotation {a.id} is on article {a.article_id}, which is not in the file")
        elif not 0 <= a.start < a.end <= hashed[a.article_id][1]:
            problems.append(f"annotation {a.id}: span {a.start}-{a.end} is outside article {a.article_id}"
                            f" (length {hashed[a.article_id][1]})")
    codebook = _codebook(source)
    for spec in codebook:
        try:
            checked_spec(spec)
        except InvalidValue as error:
            problems.append(f"category {spec.key!r}: {error}")
    return _Returned(digests, unmatched, [a for a in annotations if a.article_id in matched], codebook,
                     problems)


def checked_spec(spec: CategorySpec) -> CategorySpec:
    """The spec as the codebook would store it (no shortcut: the class keeps its own); raise if invalid."""
    return replace(spec, key=codebook.check_key(spec.key), label=codebook.check_label(spec.label),
                   color=codebook.check_color(spec.color), shortcut=None)


def merge_file(project: Project, path: Path) -> MergeReport:
    """Merge one returned file: checked whole first, then written in one transaction or not at all.

    A file with a damaged part (a span outside its article, an annotation whose category is missing
    from its codebook…) is refused with MergeRefused and nothing is written. Each of its annotators
    is merged whole or not at all: one whose name is taken by different annotations is a clash.
    """
    report = MergeReport(path=str(path))
    # Read and written in one transaction: what the class project holds is read under the write lock.
    with project.transaction():
        class_articles = project.articles.by_hash()
        try:
            source = Project.open(path, read_only=True)  # checked as any project file is (schema_check.py)
        except ProjectDamaged as error:
            raise MergeRefused(path, [error.reason]) from None
        with source:
            returned = _read_returned(source, class_articles)
        if returned.problems:
            raise MergeRefused(path, returned.problems)
        report.unmatched_articles = returned.unmatched
        if len(returned.unmatched) == len(returned.digests):
            raise AnnotatorError(f"{path}: none of its articles is in this project; it is for another exercise")
        known_keys = {c.key for c in project.categories.list(include_archived=True)}
        new_categories = [checked_spec(spec) for spec in returned.codebook if spec.key not in known_keys]
        report.new_categories = [spec.key for spec in new_categories]
        class_hash = {aid: digest for digest, aid in class_articles.items()}
        existing: dict[str, set] = {}
        for a in project.annotations.list():
            existing.setdefault(a.annotator, set()).add(_identity(a, class_hash[a.article_id]))
        by_annotator: dict[str, list[Annotation]] = {}
        for a in returned.annotations:
            by_annotator.setdefault(a.annotator, []).append(a)
        to_add: list[Annotation] = []
        for name, incoming in sorted(by_annotator.items()):
            ids = {_identity(a, returned.digests[a.article_id]) for a in incoming}
            before = existing.get(name, set())
            if before - ids and ids - before:
                report.clashes.append(
                    f"{name}: the class project already has different annotations by {name} "
                    f"({len(before - ids)} not in this file); rename one of the annotators and merge again")
                continue
            new = [a._replace(article_id=class_articles[returned.digests[a.article_id]]) for a in incoming
                   if _identity(a, returned.digests[a.article_id]) not in before]
            report.already_there += len(incoming) - len(new)
            if new:
                to_add += new
                report.added[name] = len(new)
        if to_add or new_categories:
            project.annotations.insert_many(to_add, new_categories=new_categories)
        return report
