"""REFI-QDA: a project written as .qdpx (valid against the published schema) comes back the same; what a
file from another tool holds that we cannot keep is reported; an unsafe archive or XML is refused."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from annotator.core.codebook import CategorySpec
from annotator.core.errors import InvalidValue
from annotator.core.exchange.qdc import write_qdc
from annotator.core.exchange.qdpx import write_qdpx
from annotator.core.exchange.qdpx_read import read_qdpx
from annotator.core.ops import runner
from annotator.core.ops.exchange import ImportQdpx
from annotator.core.records import ParsedArticle
from annotator.core.store.project import Project

SCHEMAS = Path(__file__).resolve().parents[2] / "data" / "refi_qda"
NS = "urn:QDA-XML:project:1.0"
BODY = ("Le président 🙂 a parlé à Zürich. « C'est fini », a dit un porte-parole anonyme. "
        "Selon un document consulté par l'AFP, l'accord 👍🏽 était prêt. Voilà tout.")


def schema(name: str) -> etree.XMLSchema:
    return etree.XMLSchema(etree.parse(str(SCHEMAS / name)))


@pytest.fixture
def rich(tmp_path: Path):
    """A project with accents and emoji in the text, a custom and an archived category, notes and sources."""
    proj = Project.create(tmp_path / "rich.annot")
    proj.articles.add(ParsedArticle(title="Été à Zürich", body=BODY, outlet="Le Monde", url="https://lemonde.fr/x",
                                    author="Anne Dupont", published="2025-03-01"), [(0, 34), (35, 82), (83, len(BODY))])
    proj.articles.add(ParsedArticle(title="Second", body="Another text here, quite plain. It has two sentences."),
                      [(0, 31), (32, 53)])
    proj.categories.add(CategorySpec(key="expert", label="Expert voice", color="#123ABC",
                                     description="A named expert: \"a professor at <MIT> & co\"."))
    proj.categories.add(CategorySpec(key="old", label="Old category", color="#ABCDEF"))
    start = BODY.index("«")
    proj.annotations.add(1, start, BODY.index("anonyme") + 7, category="anonymous_official", annotator="amy",
                         note="line one\nline two 🙂", source="un porte-parole")
    proj.annotations.add(1, BODY.index("l'accord"), BODY.index("prêt") + 4, category="expert", annotator="bob")
    proj.annotations.add(1, BODY.index("l'accord"), BODY.index("prêt") + 4, category="document", annotator="amy",
                         source="un porte-parole")
    proj.annotations.add(2, 0, 31, category="old", annotator="cy", note="plain")
    proj.categories.update("old", archived=True)
    yield proj
    proj.close()


def marks(project: Project) -> list[tuple]:
    """Each annotation by what it marks (article title, text, span) and carries, ids left out."""
    titles = {a.id: a.title for a in project.articles.list()}
    return sorted((titles[a.article_id], a.start, a.end, project.articles.body(a.article_id)[a.start:a.end],
                   a.category, a.annotator, a.source, a.note, a.created_at, a.updated_at)
                  for a in project.annotations.list())


def test_the_written_project_is_valid_against_the_published_schema(rich, tmp_path: Path) -> None:
    out = tmp_path / "rich.qdpx"
    counts = write_qdpx(rich, out)
    assert (counts.articles, counts.annotations) == (2, 4)
    with zipfile.ZipFile(out) as archive:
        document = etree.fromstring(archive.read("project.qde"))
        names = archive.namelist()
    project_schema = schema("Project.xsd")
    assert project_schema.validate(document), project_schema.error_log
    sources = document.findall(f"{{{NS}}}Sources/{{{NS}}}TextSource")
    assert all(f"sources/{s.get('plainTextPath').removeprefix('internal://')}" in names for s in sources)
    codes = {c.get("name"): c.get("color") for c in document.iter(f"{{{NS}}}Code")}
    assert codes["Expert voice"] == "#123ABC" and codes["Old category"] == "#ABCDEF"


def test_positions_count_code_points_of_the_plain_text(rich, tmp_path: Path) -> None:
    out = tmp_path / "rich.qdpx"
    write_qdpx(rich, out)
    with zipfile.ZipFile(out) as archive:
        document = etree.fromstring(archive.read("project.qde"))
        source = document.find(f"{{{NS}}}Sources/{{{NS}}}TextSource")
        text = archive.read("sources/" + source.get("plainTextPath").removeprefix("internal://")).decode("utf-8")
    spans = [text[int(s.get("startPosition")):int(s.get("endPosition"))]
             for s in source.findall(f"{{{NS}}}PlainTextSelection")]
    assert "« C'est fini », a dit un porte-parole anonyme" in spans
    assert "l'accord 👍🏽 était prêt" in spans


def test_a_project_comes_back_from_qdpx_with_its_articles_codebook_and_annotations(rich, tmp_path: Path) -> None:
    out, target = tmp_path / "rich.qdpx", tmp_path / "new.annot"
    write_qdpx(rich, out)
    operation = ImportQdpx(out, default_annotator="nobody")
    with Project.open(target, create=True) as fresh:
        runner.apply(fresh, operation)
        assert operation.report.not_kept == []
        assert [(a.title, a.outlet, a.url, a.author, a.published, fresh.articles.body(a.id))
                for a in sorted(fresh.articles.list(), key=lambda a: a.id)] == [
            (a.title, a.outlet, a.url, a.author, a.published, rich.articles.body(a.id))
            for a in sorted(rich.articles.list(), key=lambda a: a.id)]
        def codebook(project: Project) -> list[tuple]:
            return [(c.key, c.label, c.color, c.description, c.shortcut, c.archived)
                    for c in project.categories.list(include_archived=True)]

        assert codebook(fresh) == codebook(rich)
        assert marks(fresh) == marks(rich)
        again = ImportQdpx(out, default_annotator="nobody")
        runner.apply(fresh, again)
        assert (again.report.articles, again.report.existing, again.report.annotations,
                again.report.duplicates) == (0, 2, 0, 4)


def test_the_codebook_alone_is_a_valid_refi_qda_codebook(rich, tmp_path: Path) -> None:
    out = tmp_path / "codes.qdc"
    assert write_qdc(rich, out) == 8  # the archived category stays out, as in the JSON codebook
    document = etree.parse(str(out))
    codebook_schema = schema("Codebook.xsd")
    assert codebook_schema.validate(document), codebook_schema.error_log
    names = [c.get("name") for c in document.iter("{urn:QDA-XML:codebook:1.0}Code")]
    assert "Expert voice" in names and "Old category" not in names


def qde(body: str) -> bytes:
    return (f'<?xml version="1.0" encoding="utf-8"?><Project xmlns="{NS}" name="From elsewhere">{body}</Project>'
            ).encode("utf-8")


def write_archive(path: Path, document: bytes, members: dict[str, bytes] | None = None) -> Path:
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("project.qde", document)
        for name, data in (members or {}).items():
            archive.writestr(name, data)
    return path


G = "{{00000000-0000-0000-0000-{:012d}}}"


def test_a_file_from_another_tool_reports_what_cannot_be_kept(tmp_path: Path) -> None:
    text = "First line of a transcript.\r\nSecond line with the quote 🙂 here.\r\nThird line."
    start = text.index("quote")
    document = qde(
        f'<Users><User guid="{G.format(1)}" name="Maria"/></Users>'
        f'<CodeBook><Codes><Code guid="{G.format(2)}" name="Sourcing" isCodable="false">'
        f'<Code guid="{G.format(3)}" name="Named source" isCodable="true" color="#F00"/></Code></Codes></CodeBook>'
        f'<Sources><TextSource guid="{G.format(4)}" name="Interview" plainTextPath="internal://t.txt">'
        f'<PlainTextSelection guid="{G.format(5)}" startPosition="{start}" endPosition="{start + 7}" creatingUser="{G.format(1)}">'
        f'<Description>checked</Description><Coding guid="{G.format(6)}"><CodeRef targetGUID="{G.format(3)}"/></Coding>'
        f'</PlainTextSelection><PlainTextSelection guid="{G.format(7)}" startPosition="0" endPosition="5"/>'
        f'</TextSource><PictureSource guid="{G.format(8)}" name="Photo" path="relative://p.jpg"/>'
        f'<AudioSource guid="{G.format(9)}" name="Tape" path="relative://a.mp3"/>'
        f'<TextSource guid="{G.format(10)}" name="Elsewhere" plainTextPath="absolute:///home/x.txt"/></Sources>'
        f'<Sets><Set guid="{G.format(11)}" name="A set"/></Sets>')
    path = write_archive(tmp_path / "other.qdpx", document, {"sources/t.txt": text.encode("utf-8")})
    read = read_qdpx(path)
    not_kept = " | ".join(read.not_kept)
    for expected in ("picture source", "audio source", "outside the archive (Elsewhere", "set(s)",
                     "selection(s) without a code", "nested code", "'Named source' under 'Sourcing'"):
        assert expected in not_kept, (expected, not_kept)
    (source,) = read.sources
    assert "\r" not in source.body
    (mark,) = source.marks
    assert source.body[mark.start:mark.end] == "quote 🙂"
    assert (mark.user, mark.note) == ("Maria", "checked")
    with Project.create(tmp_path / "p.annot") as project:
        operation = ImportQdpx(path, default_annotator="me")
        runner.apply(project, operation)
        (stored,) = project.annotations.list()
        assert project.articles.body(stored.article_id)[stored.start:stored.end] == "quote 🙂"
        category = project.categories.get(stored.category)
        assert (category.label, category.color) == ("Named source", "#FF0000")
        assert any("only group others" in note for note in operation.report.notes)


def test_xml_with_entities_is_refused_as_unsafe(tmp_path: Path) -> None:
    bomb = (b'<?xml version="1.0"?><!DOCTYPE p [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;">]>'
            b'<Project xmlns="urn:QDA-XML:project:1.0" name="&b;"/>')
    with pytest.raises(InvalidValue, match="unsafe XML"):
        read_qdpx(write_archive(tmp_path / "bomb.qdpx", bomb))


def test_a_member_that_inflates_past_its_bound_is_refused(tmp_path: Path, monkeypatch) -> None:
    from annotator.core.exchange import qdpx_read

    monkeypatch.setattr(qdpx_read, "MAX_TEXT_BYTES", 1000)
    document = qde(f'<Sources><TextSource guid="{G.format(4)}" name="Big" plainTextPath="internal://big.txt"/></Sources>')
    path = write_archive(tmp_path / "big.qdpx", document, {"sources/big.txt": b"a" * 100_000})
    assert path.stat().st_size < 5000
    with pytest.raises(InvalidValue, match="inflates past"):
        read_qdpx(path)


@pytest.mark.parametrize("content, message", [
    (b"not a zip at all", "not a zip archive"),
    (None, "project.qde is missing"),
])
def test_a_file_that_is_no_qdpx_is_refused_with_the_reason(tmp_path: Path, content, message) -> None:
    path = tmp_path / "x.qdpx"
    if content is None:
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w") as archive:
            archive.writestr("readme.txt", "hello")
        content = buffer.getvalue()
    path.write_bytes(content)
    with pytest.raises(InvalidValue, match=message):
        read_qdpx(path)


def test_web_annotations_carry_quote_and_position_selectors_and_the_bodies(rich, tmp_path: Path) -> None:
    import json

    from annotator.core.exchange.web_annotation import write_jsonld

    out = tmp_path / "marks.jsonld"
    assert write_jsonld(rich, out) == 4
    items = json.loads(out.read_text(encoding="utf-8"))
    first = next(i for i in items if any(b["purpose"] == "commenting" for b in i["body"]))
    assert first["@context"] == "http://www.w3.org/ns/anno.jsonld" and first["type"] == "Annotation"
    assert first["target"]["source"] == "https://lemonde.fr/x"
    quote, position = first["target"]["selector"]
    assert quote["type"] == "TextQuoteSelector" and position["type"] == "TextPositionSelector"
    assert BODY[position["start"]:position["end"]] == quote["exact"] == "« C'est fini », a dit un porte-parole anonyme"
    assert BODY.endswith(quote["suffix"], 0, position["end"] + len(quote["suffix"]))
    assert len(quote["prefix"]) == 32 and BODY[:position["start"]].endswith(quote["prefix"])
    assert {b["purpose"]: b["value"] for b in first["body"]} == {
        "classifying": "Anonymous official", "identifying": "un porte-parole", "commenting": "line one\nline two 🙂"}
    assert first["creator"] == {"type": "Person", "name": "amy"}
    plain = next(i for i in items if i["body"][0]["value"] == "Old category")
    assert plain["target"]["source"].startswith("urn:source-annotator:rich:article:")


def test_an_empty_project_is_still_a_valid_qdpx(tmp_path: Path) -> None:
    with Project.create(tmp_path / "empty.annot", codebook=[]) as empty:
        write_qdpx(empty, tmp_path / "empty.qdpx")
        with pytest.raises(InvalidValue, match="no active category"):
            write_qdc(empty, tmp_path / "empty.qdc")
    with zipfile.ZipFile(tmp_path / "empty.qdpx") as archive:
        document = etree.fromstring(archive.read("project.qde"))
    assert schema("Project.xsd").validate(document)
    assert not (tmp_path / "empty.qdc").exists()
