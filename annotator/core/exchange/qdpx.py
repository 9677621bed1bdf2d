"""A project as a REFI-QDA project exchange file (.qdpx), which QualCoder, MAXQDA, NVivo and ATLAS.ti read.

A .qdpx is a zip holding `project.qde` (XML in the `urn:QDA-XML:project:1.0` namespace) and the text
of each source under `sources/`. What goes in: the annotators as users; the codebook as codes with
colours and definitions; each article as a text source (its title as the name, its body as
`sources/<guid>.txt`), with its outlet, publication date, address and author as variables (and,
for tools that show no variables, as lines of its description); each annotation as a plain-text
selection with one coding, its note as the selection's description and its named source as a note
the selection refers to ("Source: …"), creator and times kept. Positions count the characters
(Unicode code points) of the plain text, as ours do. Category keys, shortcuts and the archived flag
have no place in the standard: they travel in `annotator.json` beside `project.qde`, which other
tools pass over, so a project comes back from its own .qdpx with the same keys. Identifiers are
derived from the content, so exporting twice gives the same file.
"""

from __future__ import annotations

import json
import uuid
import zipfile
from dataclasses import dataclass
from pathlib import Path
from xml.etree import ElementTree as ET

from annotator import __version__
from annotator.core.records import Annotation, Article, Category
from annotator.core.reports.atomic import atomic_binary
from annotator.core.store.articles import body_hash
from annotator.core.store.project import Project

NS = "urn:QDA-XML:project:1.0"
ORIGIN = f"Source-credibility annotator {__version__}"
_ROOT = uuid.uuid5(uuid.NAMESPACE_URL, "urn:source-annotator:refi-qda")
SOURCE_PREFIX = "Source: "  # a note of this name holds an annotation's named source
EXTRAS = "annotator.json"  # what the standard has no place for: each code's key, shortcut, archived flag
VARIABLES = (("Outlet", "Text", "outlet"), ("Published", "Date", "published"), ("URL", "Text", "url"),
             ("Author", "Text", "author"))


def guid(kind: str, *parts: object) -> str:
    """A stable GUID for one thing of the project (the same content always gets the same one)."""
    return str(uuid.uuid5(_ROOT, "\x1f".join([kind, *map(str, parts)]))).upper()


def code_guid(key: str) -> str:
    return guid("category", key)


def user_guid(name: str) -> str:
    return guid("user", name)


@dataclass(frozen=True)
class WriteCounts:
    articles: int
    codes: int
    annotations: int


def _el(parent: ET.Element, tag: str, attrs: dict[str, str] | None = None, text: str | None = None) -> ET.Element:
    element = ET.SubElement(parent, f"{{{NS}}}{tag}", {k: v for k, v in (attrs or {}).items() if v})
    if text is not None:
        element.text = text
    return element


def add_codes(parent: ET.Element, categories: list[Category], ns: str = NS) -> None:
    """<Codes> with one <Code> per category (the .qdc codebook uses the same shape in its own namespace)."""
    codes = ET.SubElement(parent, f"{{{ns}}}Codes")
    for c in categories:
        code = ET.SubElement(codes, f"{{{ns}}}Code", {"guid": code_guid(c.key), "name": c.label,
                                                       "isCodable": "true", "color": c.color})
        if c.description:
            ET.SubElement(code, f"{{{ns}}}Description").text = c.description


def _description(article: Article) -> str:
    return "\n".join(f"{name}: {getattr(article, field)}" for name, _, field in VARIABLES if getattr(article, field))


def _selection(parent: ET.Element, article_guid: str, a: Annotation, body: str, notes: dict[str, str]) -> None:
    selection = _el(parent, "PlainTextSelection", {
        "guid": guid("selection", article_guid, a.id), "name": _excerpt(body[a.start:a.end]),
        "startPosition": str(a.start), "endPosition": str(a.end), "creatingUser": user_guid(a.annotator),
        "creationDateTime": a.created_at, "modifyingUser": user_guid(a.annotator),
        "modifiedDateTime": a.updated_at})
    if a.note:
        _el(selection, "Description", text=a.note)
    coding = _el(selection, "Coding", {"guid": guid("coding", article_guid, a.id),
                                       "creatingUser": user_guid(a.annotator), "creationDateTime": a.created_at})
    _el(coding, "CodeRef", {"targetGUID": code_guid(a.category)})
    if a.source:
        _el(selection, "NoteRef", {"targetGUID": notes.setdefault(a.source, guid("source", a.source))})


def _excerpt(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def project_document(project: Project) -> tuple[bytes, dict[str, str], WriteCounts]:
    """project.qde as bytes, the source texts by their path in the zip, and what was written."""
    root = ET.Element(f"{{{NS}}}Project", {"name": project.name, "origin": ORIGIN})
    annotations = project.annotations.list()
    users = _el(root, "Users")
    for name in sorted({a.annotator for a in annotations} | set(project.annotations.annotators())):
        _el(users, "User", {"guid": user_guid(name), "name": name})
    if not len(users):
        root.remove(users)
    categories = project.categories.list(include_archived=True)
    if categories:  # the standard wants at least one code in a codebook
        add_codes(_el(root, "CodeBook"), categories)
    variables = _el(root, "Variables")
    for name, kind, _ in VARIABLES:
        _el(variables, "Variable", {"guid": guid("variable", name), "name": name, "typeOfVariable": kind})
    by_article: dict[int, list[Annotation]] = {}
    for a in annotations:
        by_article.setdefault(a.article_id, []).append(a)
    sources, texts, notes = _el(root, "Sources"), {}, {}
    articles = sorted(project.articles.list(), key=lambda a: a.id)
    for article in articles:
        body = project.articles.body(article.id)
        source_guid = guid("article", body_hash(body))
        texts[f"sources/{source_guid}.txt"] = body
        source = _el(sources, "TextSource", {"guid": source_guid, "name": article.title,
                                             "plainTextPath": f"internal://{source_guid}.txt",
                                             "creationDateTime": article.imported_at})
        if _description(article):
            _el(source, "Description", text=_description(article))
        for a in by_article.get(article.id, []):
            _selection(source, source_guid, a, body, notes)
        for name, kind, field in VARIABLES:
            if getattr(article, field):
                value = _el(source, "VariableValue")
                _el(value, "VariableRef", {"targetGUID": guid("variable", name)})
                _el(value, "DateValue" if kind == "Date" else "TextValue", text=getattr(article, field))
    if not len(sources):
        root.remove(sources)
    if notes:
        notes_element = _el(root, "Notes")
        for text, note_guid in notes.items():
            note = _el(notes_element, "Note", {"guid": note_guid, "name": _excerpt(SOURCE_PREFIX + text, 200)})
            _el(note, "PlainTextContent", text=text)
    ET.register_namespace("", NS)
    document = ET.tostring(root, encoding="utf-8", xml_declaration=True)
    return document, texts, WriteCounts(len(articles), len(categories), len(annotations))


def extras_document(project: Project) -> bytes:
    categories = {code_guid(c.key): {"key": c.key, "shortcut": c.shortcut, "archived": c.archived}
                  for c in project.categories.list(include_archived=True)}
    return json.dumps({"origin": ORIGIN, "categories": categories}, indent=1).encode("utf-8")


def write_qdpx(project: Project, out: Path) -> WriteCounts:
    """Write the project as a .qdpx file, whole or not at all."""
    document, texts, counts = project_document(project)
    with atomic_binary(out) as handle:
        with zipfile.ZipFile(handle, "w", compression=zipfile.ZIP_DEFLATED) as archive:
            archive.writestr("project.qde", document)
            archive.writestr(EXTRAS, extras_document(project))
            for name, text in texts.items():
                archive.writestr(name, text.encode("utf-8"))
    return counts
