"""Reading a REFI-QDA project (.qdpx) from any tool: its text sources, codes, users and coded selections.

What we cannot keep is named in `not_kept`, never dropped silently: picture, PDF, audio and video
sources, sources whose text is outside the archive, cases, sets, links, graphs, codings of whole
sources, selections without a code, variables other than outlet, date, address and author. Nested
codes become categories side by side (the codebook has no hierarchy), and that is said too.
Line endings are normalised as an import does (CRLF and CR become LF), and the selections' positions
move with the text, so every mark stays on the same characters.
"""

from __future__ import annotations

import json
import re
import zipfile
from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from xml.etree.ElementTree import Element

from annotator.core.errors import InvalidValue
from annotator.core.exchange.qdpx import EXTRAS, NS, SOURCE_PREFIX
from annotator.core.exchange.safe_zip import MAX_TEXT_BYTES, MAX_XML_BYTES, BoundedArchive, parse_xml

_VARIABLE_FIELDS = {"outlet": "outlet", "source": "outlet", "media": "outlet", "newspaper": "outlet",
                    "published": "published", "date": "published", "publication date": "published",
                    "url": "url", "address": "url", "link": "url", "author": "author"}
_NOT_SOURCES = {"PictureSource": "picture", "PDFSource": "PDF", "AudioSource": "audio", "VideoSource": "video"}
_NOT_KEPT_PARTS = {"Cases": "case", "Sets": "set", "Links": "link", "Graphs": "graph"}


@dataclass(frozen=True)
class QdaCode:
    guid: str
    name: str
    color: str | None
    description: str
    parent: str | None  # the name of the code it was nested in
    codable: bool = True  # False: a code that only groups others


@dataclass(frozen=True)
class QdaMark:
    start: int
    end: int
    code: str  # the code's GUID
    user: str  # the user's name, "" when the file names none
    note: str
    source: str
    created: str
    updated: str


@dataclass(frozen=True)
class QdaSource:
    name: str
    body: str
    outlet: str | None
    published: str | None
    url: str | None
    author: str | None
    marks: tuple[QdaMark, ...]


@dataclass
class QdaProject:
    name: str
    codes: list[QdaCode] = field(default_factory=list)
    sources: list[QdaSource] = field(default_factory=list)
    not_kept: list[str] = field(default_factory=list)
    # From our own .qdpx (annotator.json): each code's GUID → its key, shortcut and archived flag.
    category_extras: dict[str, dict] = field(default_factory=dict)


def _q(tag: str) -> str:
    return f"{{{NS}}}{tag}"


def read_qdpx(path: Path) -> QdaProject:
    """Read a .qdpx file into plain records; raise InvalidValue if it is no REFI-QDA project."""
    if not path.is_file():
        raise InvalidValue(f"{path}: no such file")
    try:
        with zipfile.ZipFile(path) as archive:
            bounded = BoundedArchive(archive, path.name)
            root = parse_xml(bounded.read("project.qde", MAX_XML_BYTES), f"{path.name}: project.qde")
            if root.tag != _q("Project"):
                raise InvalidValue(f"{path.name}: project.qde is not a REFI-QDA project (its root is {root.tag!r},"
                                   f" not Project in {NS})")
            project = _Reader(root, bounded).read(root.get("name") or path.stem)
            if EXTRAS in bounded.names:
                project.category_extras = _extras(bounded.read(EXTRAS, MAX_TEXT_BYTES))
            return project
    except zipfile.BadZipFile:
        raise InvalidValue(f"{path.name}: not a .qdpx file (not a zip archive)") from None


class _Reader:
    def __init__(self, root: Element, archive: BoundedArchive) -> None:
        self.root = root
        self.archive = archive
        self.users = {u.get("guid"): u.get("name") or u.get("id") or "" for u in root.iter(_q("User"))}
        self.variables = {v.get("guid"): (v.get("name") or "") for v in root.iter(_q("Variable"))}
        self.notes: dict[str, tuple[str, str]] = {}
        self.not_kept: Counter[str] = Counter()

    def read(self, name: str) -> QdaProject:
        project = QdaProject(name=name)
        codebook = self.root.find(_q("CodeBook"))
        if codebook is not None:
            self._codes(codebook.find(_q("Codes")), None, project.codes)
        notes = self.root.find(_q("Notes"))
        for note in notes if notes is not None else ():
            self.notes[note.get("guid")] = (note.get("name") or "", self._text(note, note.get("name") or "note") or "")
        sources = self.root.find(_q("Sources"))
        for source in sources if sources is not None else ():
            tag = source.tag.removeprefix(f"{{{NS}}}")
            if tag == "TextSource":
                read = self._source(source)
                if read is not None:
                    project.sources.append(read)
            else:
                self.not_kept[f"{_NOT_SOURCES.get(tag, tag)} source(s) (the annotator keeps plain text only)"] += 1
        for tag, what in _NOT_KEPT_PARTS.items():
            part = self.root.find(_q(tag))
            if part is not None and len(part):
                self.not_kept[f"{what}(s)"] += len(part)
        nested = [c for c in project.codes if c.parent]
        if nested:
            shown = ", ".join(f"{c.name!r} under {c.parent!r}" for c in nested[:5])
            project.not_kept.append(f"the code hierarchy: {len(nested)} nested code(s) became categories of their"
                                    f" own ({shown}{', …' if len(nested) > 5 else ''})")
        project.not_kept.extend(f"{n} {what}" for what, n in self.not_kept.items())
        return project

    def _codes(self, parent: Element | None, parent_name: str | None, out: list[QdaCode]) -> None:
        for code in parent if parent is not None else ():
            if code.tag != _q("Code"):
                continue
            name = (code.get("name") or "").strip() or "Unnamed code"
            description = code.findtext(_q("Description")) or ""
            out.append(QdaCode(code.get("guid") or "", name, _colour(code.get("color")), description.strip(),
                               parent_name, (code.get("isCodable") or "true").strip().lower() in ("true", "1")))
            self._codes(code, name, out)

    def _text(self, source: Element, name: str) -> str | None:
        inline = source.find(_q("PlainTextContent"))
        if inline is not None:
            return inline.text or ""
        path = source.get("plainTextPath") or ""
        if path.startswith("internal://"):
            member = "sources/" + path.removeprefix("internal://")
            if member in self.archive.names:
                data = self.archive.read(member, MAX_TEXT_BYTES)
                try:
                    return data.decode("utf-8-sig")
                except UnicodeDecodeError:
                    self.not_kept[f"source(s) whose text is not UTF-8 ({name})"] += 1
                    return None
        self.not_kept[f"source(s) whose text is outside the archive ({name}: {path or 'no path'})"] += 1
        return None

    def _source(self, source: Element) -> QdaSource | None:
        name = (source.get("name") or "").strip() or "Untitled source"
        raw = self._text(source, name)
        if raw is None:
            return None
        body, moved = _normalised(raw)
        values = self._values(source)
        if source.findall(_q("Coding")):
            self.not_kept["coding(s) of whole sources"] += len(source.findall(_q("Coding")))
        marks = []
        for selection in source.findall(_q("PlainTextSelection")):
            marks.extend(self._marks(selection, body, moved, name))
        return QdaSource(name=name, body=body, marks=tuple(marks), **values)

    def _values(self, source: Element) -> dict[str, str | None]:
        values: dict[str, str | None] = {"outlet": None, "published": None, "url": None, "author": None}
        for line in (source.findtext(_q("Description")) or "").splitlines():
            label, _, value = line.partition(":")
            fieldname = _VARIABLE_FIELDS.get(label.strip().casefold())
            if fieldname and value.strip():
                values[fieldname] = value.strip()
        for value in source.findall(_q("VariableValue")):
            ref = value.find(_q("VariableRef"))
            variable = self.variables.get(ref.get("targetGUID") if ref is not None else None, "")
            fieldname = _VARIABLE_FIELDS.get(variable.strip().casefold())
            text = next((child.text for child in value if child.tag != _q("VariableRef")), None)
            if fieldname is None:
                self.not_kept[f"value(s) of variable {variable!r}"] += 1
            elif text and text.strip():
                values[fieldname] = text.strip()
        if values["published"] and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", values["published"][:10]):
            self.not_kept[f"publication date(s) not written YYYY-MM-DD ({values['published']})"] += 1
            values["published"] = None
        elif values["published"]:
            values["published"] = values["published"][:10]
        return values

    def _marks(self, selection: Element, body: str, moved: list[int], source_name: str) -> list[QdaMark]:
        try:
            start, end = (_moved(int(selection.get(a, "")), moved) for a in ("startPosition", "endPosition"))
        except ValueError:
            self.not_kept["selection(s) without positions"] += 1
            return []
        if not 0 <= start < end <= len(body):
            self.not_kept[f"selection(s) outside their source's text ({source_name})"] += 1
            return []
        note, named = (selection.findtext(_q("Description")) or "").strip(), ""
        for ref in selection.findall(_q("NoteRef")):
            title, text = self.notes.get(ref.get("targetGUID"), ("", ""))
            if title.startswith(SOURCE_PREFIX) and not named:
                named = text.strip()
            elif text.strip():
                note = f"{note}\n\n{text.strip()}" if note else text.strip()
        codings = selection.findall(_q("Coding"))
        if not codings:
            self.not_kept["selection(s) without a code"] += 1
        made = selection.get("creationDateTime") or ""
        marks = []
        for coding in codings:
            ref = coding.find(_q("CodeRef"))
            user = coding.get("creatingUser") or selection.get("creatingUser")
            marks.append(QdaMark(start, end, ref.get("targetGUID") if ref is not None else "",
                                 self.users.get(user, ""), note, named, coding.get("creationDateTime") or made,
                                 selection.get("modifiedDateTime") or made))
        return marks


def _extras(data: bytes) -> dict[str, dict]:
    """The categories' keys, shortcuts and flags as our own export wrote them; anything else is passed over."""
    try:
        categories = json.loads(data.decode("utf-8")).get("categories", {})
    except (UnicodeDecodeError, json.JSONDecodeError, AttributeError):
        return {}
    if not isinstance(categories, dict):
        return {}
    return {guid: value for guid, value in categories.items()
            if isinstance(value, dict) and isinstance(value.get("key"), str)}


def _colour(value: str | None) -> str | None:
    if not value or not re.fullmatch(r"#([0-9A-Fa-f]{6}|[0-9A-Fa-f]{3})", value.strip()):
        return None
    value = value.strip().upper()
    return value if len(value) == 7 else "#" + "".join(c * 2 for c in value[1:])


def _normalised(text: str) -> tuple[str, list[int]]:
    """The text with CRLF and CR as LF, and the positions (in the original) of each character removed."""
    removed = [m.start() for m in re.finditer(r"\r(?=\n)", text)]
    return text.replace("\r\n", "\n").replace("\r", "\n"), removed


def _moved(position: int, removed: list[int]) -> int:
    """A position in the original text as a position in the normalised one."""
    return position - bisect_left(removed, position)


__all__ = ["QdaCode", "QdaMark", "QdaProject", "QdaSource", "read_qdpx"]
