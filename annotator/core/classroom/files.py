"""Classroom files: hand out an assignment, merge the students' returned files into the class project.

Articles are matched between files by their body's SHA-256. An annotation is the same annotation in
two files when article, span, category, annotator and creation time agree, so merging a file twice
adds nothing.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path

from annotator.core.codebook import CategorySpec
from annotator.core.errors import AnnotatorError, InvalidValue
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


def export_assignment(project: Project, out: Path, *, keep: tuple[str, ...] = (), blind: bool = False) -> int:
    """Write a new project with the articles and codebook, and only the annotators in `keep`.

    With `blind`, the window shows each student only their own annotations.
    """
    known = project.annotations.annotators()
    missing = [name for name in keep if name not in known]
    if missing:
        raise InvalidValue(f"no annotator {missing[0]!r} in this project (known: {', '.join(known) or 'none'})")
    with Project.create(out, codebook=_codebook(project)) as target:
        mapping = {}
        for article in sorted(project.articles.list(), key=lambda a: a.id):  # same numbers as the class
            spans = [(s.start, s.end) for s in project.articles.sentences(article.id)]
            mapping[article.id] = target.articles.add(project.articles.parsed(article.id), spans).id
        kept = [replace(a, article_id=mapping[a.article_id]) for name in keep
                for a in project.annotations.list(annotator=name)]
        target.annotations.insert_many(kept)
        if blind:
            target.info.set_value("blind", "1")
        return len(mapping)


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


def merge_file(project: Project, path: Path) -> MergeReport:
    """Merge one returned file; each of its annotators is merged whole or not at all."""
    report = MergeReport(path=str(path))
    with Project.open(path, read_only=True) as source:
        class_articles = project.articles.by_hash()
        source_hash = {aid: digest for digest, aid in source.articles.by_hash().items()}
        matched = {aid for aid, digest in source_hash.items() if digest in class_articles}
        report.unmatched_articles = [a.title for a in source.articles.list() if a.id not in matched]
        if not matched:
            raise AnnotatorError(f"{path}: none of its articles is in this project; it is for another exercise")
        known_keys = {c.key for c in project.categories.list(include_archived=True)}
        for spec in _codebook(source):
            if spec.key not in known_keys:
                project.categories.add(replace(spec, shortcut=None))
                report.new_categories.append(spec.key)
        class_hash = {aid: digest for digest, aid in class_articles.items()}
        existing: dict[str, set] = {}
        for a in project.annotations.list():
            existing.setdefault(a.annotator, set()).add(_identity(a, class_hash[a.article_id]))
        for name in source.annotations.annotators():
            incoming = [a for a in source.annotations.list(annotator=name) if a.article_id in matched]
            ids = {_identity(a, source_hash[a.article_id]) for a in incoming}
            before = existing.get(name, set())
            if before - ids and ids - before:
                report.clashes.append(
                    f"{name}: the class project already has different annotations by {name} "
                    f"({len(before - ids)} not in this file); rename one of the annotators and merge again")
                continue
            new = [replace(a, article_id=class_articles[source_hash[a.article_id]]) for a in incoming
                   if _identity(a, source_hash[a.article_id]) not in before]
            report.already_there += len(incoming) - len(new)
            if new:
                project.annotations.insert_many(new)
                report.added[name] = len(new)
    return report
