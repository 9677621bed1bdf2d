"""Importing articles: file types, metadata, encodings, refusals and duplicates."""

from __future__ import annotations

from pathlib import Path

import pytest

from annotator.core.ingest import textfile
from annotator.core.ingest.batch import import_paths
from annotator.core.store.project import Project
from annotator.core.resources import seeds_dir

SHARED_SEEDS = Path(__file__).resolve().parents[4] / "shared" / "seeds"

PAGE = """<!doctype html><html><head><meta charset="utf-8">
<title>Pentagon denies pause | Cybernews</title>
<meta property="og:title" content="Pentagon denies cyber pause">
<meta property="og:site_name" content="Cybernews">
<meta property="og:url" content="https://cybernews.com/news/pentagon-denies/">
<meta name="author" content="Jane Doe">
<meta property="article:published_time" content="2025-03-05T10:00:00Z">
</head><body><nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article><h1>Pentagon denies cyber pause</h1>
<p>The Pentagon said late Tuesday that cyber operations against Russia had not been stopped.
A senior official told Bloomberg that no order had been given.</p>
<p>“There has been no stand-down order whatsoever,” the Department of Defense said on X, in a post
that contradicted earlier reports from several outlets.</p></article>
<footer>Subscribe to our newsletter. Your email address will not be published.</footer>
</body></html>"""


# An article needs MIN_WORDS words (formats.py): a sentence to make the short texts below long enough.
MORE = " It was reported by several outlets in Washington on Tuesday, and officials declined to say more about it."


def write(path: Path, content: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def only_article(project: Project):
    (article,) = project.articles.list()
    return article, project.articles.body(article.id)


def test_txt_keeps_whole_text_as_body_and_takes_headline_as_title(project: Project, tmp_path: Path) -> None:
    text = f"Pentagon denies halting cyber operations\nThe Pentagon said so. Officials agreed.{MORE}\n"
    import_paths(project, [write(tmp_path / "a.txt", text)])
    article, body = only_article(project)
    assert article.title == "Pentagon denies halting cyber operations"
    assert body == text
    assert [body[s.start:s.end] for s in project.articles.sentences(article.id)] == [
        "Pentagon denies halting cyber operations", "The Pentagon said so.", "Officials agreed.", MORE.strip()]


def test_txt_whose_first_line_is_a_paragraph_is_titled_by_file_name(project: Project, tmp_path: Path) -> None:
    import_paths(project, [write(tmp_path / "story-42.txt", f"The US paused operations. It was a big step.{MORE}\n")])
    article, _ = only_article(project)
    assert article.title == "story-42"
    assert article.outlet == "Unknown outlet"


def test_line_endings_are_normalised_and_nothing_else_changes(project: Project, tmp_path: Path) -> None:
    raw = f"Headline\r\n\r\n  Indented  text,  double  spaces.\rTabs\there.{MORE}\r\n"
    import_paths(project, [write(tmp_path / "a.txt", raw.encode("utf-8"))])
    _, body = only_article(project)
    assert body == f"Headline\n\n  Indented  text,  double  spaces.\nTabs\there.{MORE}\n"


def test_markdown_header_gives_metadata_and_body_stays_as_written(project: Project, tmp_path: Path) -> None:
    md = ("Title: Pause raises concerns\nOutlet: metaworld.media\nURL: https://metaworld.media/a/1\n"
          f"Published: 2025-03-03\nAuthor: Staff\n\nBody **with** stray markup. Second sentence.{MORE}\n")
    import_paths(project, [write(tmp_path / "a.md", md)], outlet="Ignored because metadata wins")
    article, body = only_article(project)
    assert (article.title, article.outlet, article.url, article.published, article.author) == (
        "Pause raises concerns", "metaworld.media", "https://metaworld.media/a/1", "2025-03-03", "Staff")
    assert body == f"Body **with** stray markup. Second sentence.{MORE}\n"


def test_markdown_without_header_uses_first_heading(project: Project, tmp_path: Path) -> None:
    import_paths(project, [write(tmp_path / "b.md", f"# A heading\n\nNote: this is text. More.{MORE}\n")])
    article, body = only_article(project)
    assert article.title == "A heading"
    assert body.startswith("# A heading")


def test_outlet_option_applies_when_metadata_has_none(project: Project, tmp_path: Path) -> None:
    import_paths(project, [write(tmp_path / "a.txt", f"Some story. More text.{MORE}\n")], outlet="The Record")
    article, _ = only_article(project)
    assert article.outlet == "The Record"


def test_saved_web_page_gives_main_text_and_metadata(project: Project, tmp_path: Path) -> None:
    report = import_paths(project, [write(tmp_path / "page.html", PAGE)])
    assert not report.refused
    article, body = only_article(project)
    assert article.title == "Pentagon denies cyber pause"
    assert article.outlet == "Cybernews"
    assert article.url == "https://cybernews.com/news/pentagon-denies/"
    assert article.author == "Jane Doe"
    assert article.published == "2025-03-05"
    assert "had not been stopped" in body
    assert "Subscribe to our newsletter" not in body and "Home" not in body


def test_folders_import_recursively_skipping_other_files(project: Project, tmp_path: Path) -> None:
    write(tmp_path / "in" / "a.txt", f"First story. Text.{MORE}\n")
    write(tmp_path / "in" / "deep" / "er" / "b.md", f"Title: B\n\nSecond story. Text.{MORE}\n")
    write(tmp_path / "in" / "picture.png", b"\x89PNG\r\n\x1a\n\x00\x00")
    report = import_paths(project, [tmp_path / "in"])
    assert sorted(i.title for i in report.imported) == ["B", "a"]
    assert report.refused == []


def test_duplicate_body_is_skipped_with_a_message(project: Project, tmp_path: Path) -> None:
    write(tmp_path / "a.txt", f"Same text. Twice.{MORE}\n")
    write(tmp_path / "copy.txt", f"Same text. Twice.{MORE}\n")
    report = import_paths(project, [tmp_path / "a.txt", tmp_path / "copy.txt"])
    assert len(report.imported) == 1
    assert "copy.txt" in report.duplicates[0].path
    assert "already article 1" in report.duplicates[0].reason
    assert import_paths(project, [tmp_path / "a.txt"]).duplicates
    assert project.articles.count() == 1


@pytest.mark.parametrize("encoding", ["latin-1", "cp1252", "utf-16", "utf-8-sig"])
def test_other_encodings_are_detected(project: Project, tmp_path: Path, encoding: str) -> None:
    text = ("Le ministère a déclaré que la coopération était « essentielle ». "
            "Les élèves de l'école ont répondu à la présidente. Ça a été très apprécié.\n")
    import_paths(project, [write(tmp_path / "fr.txt", text.encode(encoding))])
    _, body = only_article(project)
    assert body == text


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("empty.txt", b"", "empty"),
        ("blank.txt", b"  \n\n\t \n", "empty"),
        ("binary.txt", bytes(range(256)) * 8, "binary"),
        ("photo.jpg", b"\xff\xd8\xff\xe0" + b"\x00" * 100, "unsupported file type .jpg"),
        ("empty-page.html", b"<html><head><title>x</title></head><body><script>var a = 1;</script></body></html>",
         "no article text"),
    ],
)
def test_bad_file_is_refused_by_name_and_the_batch_goes_on(
    project: Project, tmp_path: Path, name: str, content: bytes, reason: str
) -> None:
    bad = write(tmp_path / name, content)
    good = write(tmp_path / "good.txt", f"A good story. It imports.{MORE}\n")
    report = import_paths(project, [bad, good])
    assert [p.path for p in report.refused] == [str(bad)]
    assert reason in report.refused[0].reason
    assert [i.title for i in report.imported] == ["good"]
    assert project.articles.count() == 1


def test_oversized_file_is_refused_and_leaves_nothing(project: Project, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(textfile, "MAX_BYTES", 1000)
    big = write(tmp_path / "huge.txt", "A sentence that repeats. " * 100)
    report = import_paths(project, [big])
    assert "too large" in report.refused[0].reason
    assert project.articles.count() == 0
    assert project.articles.outlets() == []


def test_real_limit_is_five_megabytes() -> None:
    assert textfile.MAX_BYTES == 5 * 1024 * 1024


def test_missing_path_is_reported(project: Project, tmp_path: Path) -> None:
    report = import_paths(project, [tmp_path / "nope.txt"])
    assert report.refused[0].reason == "no such file or folder"


def test_progress_can_cancel_a_batch(project: Project, tmp_path: Path) -> None:
    files = [write(tmp_path / f"{i}.txt", f"Story number {i}. Text.{MORE}\n") for i in range(5)]
    report = import_paths(project, files, progress=lambda done, total, path: done < 2)
    assert report.cancelled
    assert project.articles.count() == 2


def test_large_batch_is_prepared_in_parallel_with_the_same_result(project: Project, tmp_path: Path) -> None:
    files = [write(tmp_path / f"{i:03}.txt", f"Story {i}. Sen. Smith spoke. Gen. Jones too.{MORE}\n") for i in range(45)]
    report = import_paths(project, files)
    assert len(report.imported) == 45
    assert {i.sentences for i in report.imported} == {4}


def test_sample_articles_ship_with_their_bodies_unchanged(sample: Project) -> None:
    articles = {Path(a.source_file).stem: a for a in sample.articles.list()}
    assert {a.outlet for a in articles.values()} == {
        "newz9.com", "Unknown outlet", "Cybernews", "metaworld.media"}
    assert articles["002_264d4f42d8008dcb"].url.startswith("https://cybernews.com/")
    originals = sorted(SHARED_SEEDS.glob("0*.txt")) if SHARED_SEEDS.is_dir() else []
    for original in originals:
        assert sample.articles.body(articles[original.stem].id) == original.read_text(encoding="utf-8")
    assert len(list((seeds_dir() / "articles").glob("*.md"))) == 4


def test_bom_with_broken_utf8_is_decoded_or_refused_and_batch_goes_on(project: Project, tmp_path: Path) -> None:
    bad = write(tmp_path / "bom_bad.txt", b"\xef\xbb\xbfCaf\xe9 story. More text." + MORE.encode() + b"\n")
    good = write(tmp_path / "good.txt", f"A good story. It imports.{MORE}\n")
    report = import_paths(project, [bad, good])
    assert "good" in [i.title for i in report.imported]
    assert len(report.imported) + len(report.refused) == 2


def test_nul_byte_anywhere_is_refused(project: Project, tmp_path: Path) -> None:
    text = ("Plain text. " * 1000).encode() + b"\x00" + b" more."
    report = import_paths(project, [write(tmp_path / "late_nul.txt", text)])
    assert "binary" in report.refused[0].reason
