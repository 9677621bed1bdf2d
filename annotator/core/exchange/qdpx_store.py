"""A REFI-QDA project read from a .qdpx, stored into a project: codes, sources and their coded selections.

A code takes the category of the same label (ignoring case), else becomes a new category (a key made
from its name, its colour or the next free one, the next free shortcut). A source whose text the
project holds already is that article: its selections are added to it, and marks the project has
already are counted, not doubled. Sentences are split as an import splits them.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from annotator.core import codebook
from annotator.core.clock import now
from annotator.core.codebook import CategorySpec
from annotator.core.errors import Duplicate
from annotator.core.exchange.qdpx_read import QdaProject
from annotator.core.ingest.segment import split_sentences
from annotator.core.records import ParsedArticle
from annotator.core.store import annotation_batch
from annotator.core.store.project import Project


@dataclass
class QdpxReport:
    articles: int = 0  # new articles
    existing: int = 0  # sources the project held already
    categories_added: int = 0
    annotations: int = 0
    duplicates: int = 0
    not_kept: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def _category_keys(project: Project, qda: QdaProject, wanted: set[str], report: QdpxReport) -> dict[str, str]:
    """Each wanted code's GUID → the key of its category, adding the categories that are new.

    A code from our own export (its key in the file's extras) is the category of that key; any other
    is the category of the same label, else a new one.
    """
    existing = project.categories.list(include_archived=True)
    by_label = {c.label.casefold(): c.key for c in existing}
    taken = {c.key for c in existing}
    colours = {c.color for c in existing}
    shortcuts = {c.shortcut for c in existing if c.shortcut and not c.archived}
    palette = codebook.extra_colors()
    keys, archive = {}, []
    for code in qda.codes:
        if code.guid not in wanted:
            continue
        label, extra = " ".join(code.name.split()), qda.category_extras.get(code.guid, {})
        given = extra.get("key") if codebook.KEY_RE.match(str(extra.get("key", ""))) else None
        if given in taken or (given is None and label.casefold() in by_label):
            keys[code.guid] = given or by_label[label.casefold()]
            continue
        base = key = given or codebook.key_from_label(label)
        n = 2
        while key in taken:
            key, n = f"{base[:36]}_{n}", n + 1
        colour = code.color or next((c for c in palette if c not in colours), palette[len(taken) % len(palette)])
        if "shortcut" in extra:  # ours: its own shortcut if free, else none (never another category's)
            wished = extra["shortcut"] if extra["shortcut"] in codebook.SHORTCUTS else None
            shortcut = wished if wished not in shortcuts else None
        else:
            shortcut = next((s for s in codebook.SHORTCUTS if s not in shortcuts), None)
        project.categories.add(CategorySpec(key=key, label=label, color=colour, description=code.description,
                                            shortcut=shortcut))
        taken.add(key), colours.add(colour), shortcuts.add(shortcut)
        by_label[label.casefold()] = keys[code.guid] = key
        report.categories_added += 1
        if extra.get("archived") is True:
            archive.append(key)
    for key in archive:  # after any shortcut was taken, as the codebook had it
        project.categories.update(key, archived=True)
    return keys


def store_qda_project(project: Project, qda: QdaProject, *, default_annotator: str, file_name: str) -> QdpxReport:
    """Store what `qda` holds that the project can keep; the caller runs this in one transaction."""
    report = QdpxReport(not_kept=list(qda.not_kept))
    codes = {c.guid for c in qda.codes}
    used = {m.code for s in qda.sources for m in s.marks}
    unknown = used - codes
    if unknown:
        report.not_kept.append(f"{sum(m.code in unknown for s in qda.sources for m in s.marks)} coding(s) of codes"
                               " missing from the codebook")
    groups = [c.name for c in qda.codes if not c.codable and c.guid not in used]
    if groups:
        report.notes.append(f"{len(groups)} code(s) that only group others (not codable, no coded text) were not"
                            " added to the codebook: " + ", ".join(groups[:8]) + (", …" if len(groups) > 8 else ""))
    keys = _category_keys(project, qda, {c.guid for c in qda.codes if c.codable} | (used - unknown), report)
    rows, stamp = [], now()
    for source in qda.sources:
        if not source.body.strip():
            report.not_kept.append(f"source {source.name!r}: its text is empty")
            continue
        article = ParsedArticle(title=source.name, body=source.body, outlet=source.outlet, url=source.url,
                                author=source.author, published=source.published, source_file=file_name)
        try:
            article_id = project.articles.add(article, split_sentences(source.body)).id
            report.articles += 1
        except Duplicate as same:
            article_id = same.existing
            report.existing += 1
        for m in source.marks:
            if m.code in keys:
                rows.append((article_id, m.start, m.end, keys[m.code], m.user or default_annotator, m.source,
                             m.note, m.created or stamp, m.updated or m.created or stamp))
    seen = annotation_batch.existing_marks(project.database, {r[0] for r in rows})
    new = []
    for row in rows:
        if row[:5] in seen:
            report.duplicates += 1
        else:
            seen.add(row[:5])
            new.append(row)
    report.annotations = len(annotation_batch.insert_rows(project.database, new)) if new else 0
    return report
