"""A bounded, seeded fuzz of the files a user is sent: mutated PDFs, Word files, web pages and project
files. Each import ends within its limits with an article or a refusal by name, never a traceback;
each project file opens or is refused with an AnnotatorError, and what opens reads or says why not."""

from __future__ import annotations

import io
import random
import shutil
import zipfile
from pathlib import Path

import pytest

from annotator.core.errors import AnnotatorError
from annotator.core.ingest import limits
from annotator.core.ingest.batch import import_paths
from annotator.core.store.project import Project
from tests.core.ingest.hostile import PAGE_TEXT, content, one_page, stream
from tests.core.ingest.test_hostile_docx import base_docx

SEED = 20261205
MUTANTS = {".pdf": 70, ".docx": 70, ".html": 50}
PROJECT_MUTANTS = 70

HTML = f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Ministry sets new rules</title>
<meta property="og:site_name" content="The Daily Example"></head><body><header>Menu</header><article>
<h1>Ministry sets new rules</h1><p>{PAGE_TEXT}</p><p>{PAGE_TEXT} &amp; more &#8212; &eacute;t&eacute;.</p>
<p>A spokesman said the ministry would publish the details next week.</p></article></body></html>"""


def mutate(data: bytes, rng: random.Random) -> bytes:
    """One to four edits: flipped bytes, a byte run overwritten, a slice cut, repeated or moved, or the end cut."""
    out = bytearray(data)
    for _ in range(rng.randint(1, 4)):
        if not out:
            break
        at = rng.randrange(len(out))
        kind = rng.randrange(6)
        if kind == 0:
            out[at] ^= 1 << rng.randrange(8)
        elif kind == 1:
            out[at: at + rng.randint(1, 64)] = bytes(rng.randrange(256) for _ in range(rng.randint(1, 64)))
        elif kind == 2:
            del out[at: at + rng.randint(1, 256)]
        elif kind == 3:
            out[at:at] = out[at: at + rng.randint(1, 512)] * rng.randint(1, 8)
        elif kind == 4:
            out = out[:at]
        else:
            out[at:at] = rng.choice([b"0 R", b"<<", b">>", b"\xff\xfe", b"&x;", b"<w:p>", b"999999999", b"\x00"])
    return bytes(out)


def docx_mutant(original: bytes, rng: random.Random) -> bytes:
    """A sound zip whose XML parts (the document, its styles, its properties) are mutated."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(original)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for name in source.namelist():
            data = source.read(name)
            if name.endswith(".xml") and rng.random() < 0.6 or name == "word/document.xml":
                data = mutate(data, rng)
            target.writestr(name, data)
    return out.getvalue()


@pytest.fixture(autouse=True)
def _quick_time_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(limits, "TIME_LIMIT_S", 10)


def test_mutated_documents_are_imported_or_refused_by_name(tmp_path: Path) -> None:
    rng = random.Random(SEED)
    originals = {".pdf": one_page(stream(content(12))), ".docx": base_docx(), ".html": HTML.encode()}
    folder = tmp_path / "in"
    folder.mkdir()
    names = []
    for suffix, count in MUTANTS.items():
        for i in range(count):
            name = f"{suffix[1:]}-{i:03}{suffix}"
            inside = suffix == ".docx" and i % 2 == 0  # half the Word files: damage inside a sound zip
            data = docx_mutant(originals[suffix], rng) if inside else mutate(originals[suffix], rng)
            (folder / name).write_bytes(data)
            names.append(name)
    with Project.create(tmp_path / "p.annot") as project:
        report = import_paths(project, [folder])
    seen = sorted([Path(a.path).name for a in report.imported] + [Path(p.path).name for p in report.refused]
                  + [Path(p.path).name for p in report.duplicates])
    assert seen == sorted(names)  # every file ended, one way or the other
    unexpected = [(p.path, p.reason) for p in report.refused
                  if p.reason.startswith("could not be read") or "Traceback" in p.reason]
    assert unexpected == []
    assert report.imported  # most mutations leave a readable article
    assert all(p.reason and not p.reason.endswith("()") for p in report.refused)


def _small_project(path: Path, tmp_path: Path) -> Path:
    texts = tmp_path / "texts"
    texts.mkdir()
    for i in range(3):
        (texts / f"{i}.txt").write_text(f"Rules story {i}\n\n{PAGE_TEXT} Number {i}.\n", encoding="utf-8")
    with Project.create(path) as project:
        import_paths(project, [texts])
        article = project.articles.list()[0]
        project.annotate_sentence(article.id, 0, category="on_record", annotator="amy", source="the minister")
    return path


def _use(path: Path) -> None:
    with Project.open(path) as project:
        for article in project.articles.list():
            project.articles.body(article.id)
            project.articles.sentences(article.id)
            project.annotations.for_article(article.id)
        project.annotations.list()


def test_mutated_project_files_open_or_are_refused_with_a_clear_error(tmp_path: Path) -> None:
    rng = random.Random(SEED)
    original = _small_project(tmp_path / "small.annot", tmp_path).read_bytes()
    failures = []
    for i in range(PROJECT_MUTANTS):
        folder = tmp_path / f"m{i:03}"
        folder.mkdir()
        path = folder / "copy.annot"
        path.write_bytes(mutate(original, rng))
        try:
            _use(path)
        except AnnotatorError:
            pass
        except Exception as error:  # noqa: BLE001 - what the fuzz is looking for
            failures.append(f"mutant {i}: {type(error).__name__}: {error}")
        shutil.rmtree(folder, ignore_errors=True)
    assert failures == []
