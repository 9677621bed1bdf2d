"""Annotations as W3C Web Annotations (JSON-LD), which Hypothesis and other tools of the standard read.

One Annotation per mark. Its target is the article (its address, or a `urn:` naming the project's
article when it has none) with two selectors: a TextQuoteSelector (the marked text and up to 32
characters either side, so the mark can be found again in a changed copy of the page) and a
TextPositionSelector (start and end in code points of the article's text, as the standard counts).
The category is a body with purpose `classifying` (its label as the value, its key in the id); the
named source and the note are textual bodies with purposes `identifying` and `commenting`. The
annotator is the creator. The file is a JSON array of annotations, written as it is read.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

from annotator.core.records import Annotation, Article
from annotator.core.reports.atomic import atomic_text
from annotator.core.store.project import Project

CONTEXT = "http://www.w3.org/ns/anno.jsonld"
CONTEXT_CHARS = 32


def _urn(project: Project, *parts: object) -> str:
    name = re.sub(r"[^A-Za-z0-9._-]+", "-", project.name).strip("-") or "project"
    return ":".join(["urn:source-annotator", quote(name), *map(str, parts)])


def annotation_object(project: Project, article: Article, body: str, a: Annotation, labels: dict[str, str]) -> dict:
    bodies = [{"type": "TextualBody", "purpose": "classifying", "value": labels.get(a.category, a.category),
               "id": _urn(project, "category", a.category)}]
    if a.source:
        bodies.append({"type": "TextualBody", "purpose": "identifying", "value": a.source})
    if a.note:
        bodies.append({"type": "TextualBody", "purpose": "commenting", "value": a.note})
    return {
        "@context": CONTEXT,
        "id": _urn(project, "annotation", a.id),
        "type": "Annotation",
        "motivation": "classifying",
        "creator": {"type": "Person", "name": a.annotator},
        "created": a.created_at,
        "modified": a.updated_at,
        "body": bodies,
        "target": {
            "source": article.url or _urn(project, "article", article.id),
            "selector": [
                {"type": "TextQuoteSelector", "exact": body[a.start:a.end],
                 "prefix": body[max(0, a.start - CONTEXT_CHARS):a.start], "suffix": body[a.end:a.end + CONTEXT_CHARS]},
                {"type": "TextPositionSelector", "start": a.start, "end": a.end},
            ],
        },
    }


def annotation_objects(project: Project) -> Iterator[dict]:
    labels = {c.key: c.label for c in project.categories.list(include_archived=True)}
    for article in sorted(project.articles.list(), key=lambda a: a.id):
        marks = project.annotations.for_article(article.id)
        if marks:
            body = project.articles.body(article.id)
            for a in marks:
                yield annotation_object(project, article, body, a, labels)


def write_jsonld(project: Project, out: Path) -> int:
    """Write every annotation as a Web Annotation; return how many."""
    count = 0
    with atomic_text(out, bom=False) as handle:
        handle.write("[")
        for item in annotation_objects(project):
            handle.write(("," if count else "") + "\n" + json.dumps(item, ensure_ascii=False, indent=1))
            count += 1
        handle.write("\n]\n")
    return count
