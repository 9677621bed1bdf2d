"""The outlet and date an import reads from a file, and the batch's outlet and date: which wins."""

from __future__ import annotations

from pathlib import Path

import pytest

from annotator.core.errors import InvalidValue
from annotator.core.ingest.batch import import_paths
from annotator.core.ingest.formats import parse_file
from annotator.core.ingest.outlets import byline_in, outlet_from_url
from annotator.core.store.project import Project
from tests.core.ingest.test_import import MORE, PAGE

SHARED = Path(__file__).resolve().parents[4] / "shared"
BODY = f"The Pentagon said late Tuesday that cyber operations had not been stopped.{MORE}\n"


@pytest.mark.parametrize(("url", "outlet"), [
    ("https://www.bbc.com/news/world-123", "BBC"),
    ("https://www.bbc.co.uk/news", "BBC"),
    ("http://edition.cnn.com/2025/03/04/politics/x.html", "CNN"),
    ("https://cybernews.com/news/pentagon/", "Cybernews"),
    ("https://www.al-monitor.com/originals/2025", "Al Monitor"),
    ("https://en.wikinews.org/wiki/Story", "Wikinews"),
    ("https://www.abc.net.au/news/x", "ABC"),
    ("newz9.com/?p=44978", "Newz9"),
    ("https://localhost/x", None),
    ("https://10.0.0.1/x", None),
    ("not a url", None),
])
def test_an_address_gives_a_readable_outlet_name(url: str, outlet: str | None) -> None:
    assert outlet_from_url(url) == outlet


@pytest.mark.parametrize(("line", "found"), [
    ("By Jane Doe, Reuters", ("Jane Doe", "Reuters")),
    ("By Jane Doe | BBC News", ("Jane Doe", "BBC News")),
    ("By Jane Doe - The Record", ("Jane Doe", "The Record")),
    ("By Jane Doe", ("Jane Doe", None)),
    ("By Jane Doe, staff reporter", ("Jane Doe", None)),
    ("By Jane Doe, March 4, 2025", ("Jane Doe", None)),
    ("By the time the order came, it was too late.", None),
])
def test_a_byline_gives_the_author_and_perhaps_the_outlet(line: str, found) -> None:
    assert byline_in([line]) == found


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def test_plain_text_header_is_read_and_left_out_of_the_body(tmp_path: Path) -> None:
    text = f"Outlet: The Record\nDate: 4 March 2025\nURL: https://therecord.media/a\n\nPause in cyber operations\n{BODY}"
    article = parse_file(write(tmp_path / "a.txt", text))
    assert (article.outlet, article.published, article.url) == ("The Record", "2025-03-04", "https://therecord.media/a")
    assert article.title == "Pause in cyber operations"
    assert article.body == f"Pause in cyber operations\n{BODY}"


def test_plain_text_lines_under_the_headline_are_read_and_kept(tmp_path: Path) -> None:
    text = f"Pause in cyber operations\nSource: The Record\nPublished: 2025-03-04\n\n{BODY}"
    article = parse_file(write(tmp_path / "a.txt", text))
    assert (article.title, article.outlet, article.published) == ("Pause in cyber operations", "The Record",
                                                                   "2025-03-04")
    assert article.body == text


def test_plain_text_that_begins_with_a_dateline_keeps_it(tmp_path: Path) -> None:
    text = f"WASHINGTON: officials said the order was given.\n\n{BODY}"
    article = parse_file(write(tmp_path / "a.txt", text))
    assert article.body == text and article.outlet is None


def test_a_long_source_line_is_article_text_not_an_outlet(tmp_path: Path) -> None:
    text = f"Source: a senior official who spoke on condition of anonymity said it was true.\n{BODY}"
    assert parse_file(write(tmp_path / "a.txt", text)).outlet is None


def test_stated_outlet_wins_then_the_batch_value_then_the_guess(project: Project, tmp_path: Path) -> None:
    stated = write(tmp_path / "stated.txt", f"Outlet: The Record\n\nStated story\n{BODY}")
    byline = write(tmp_path / "byline.txt", f"Byline story\nBy Jane Doe, Reuters\n\nIt said. {BODY}")
    address = write(tmp_path / "address.txt", f"Address story\nhttps://www.bbc.com/news/1\n\nIt told. {BODY}")
    plain = write(tmp_path / "plain.txt", f"Plain story\n\nNothing at all. {BODY}")
    import_paths(project, [stated, byline, address, plain])
    assert {a.title: a.outlet for a in project.articles.list()} == {
        "Stated story": "The Record", "Byline story": "Reuters", "Address story": "BBC", "Plain story": "Unknown outlet"}


def test_the_batch_outlet_and_date_fill_in_what_files_leave_open(project: Project, tmp_path: Path) -> None:
    stated = write(tmp_path / "stated.txt", f"Outlet: The Record\nDate: 2025-03-01\n\nStated story\n{BODY}")
    address = write(tmp_path / "address.txt", f"Address story\nhttps://www.bbc.com/news/1\n\nIt told. {BODY}")
    import_paths(project, [stated, address], outlet="  Der  Spiegel ", published="2025-03-04")
    assert {a.title: (a.outlet, a.published) for a in project.articles.list()} == {
        "Stated story": ("The Record", "2025-03-01"), "Address story": ("Der Spiegel", "2025-03-04")}


def test_a_bad_batch_date_is_refused_before_anything_is_read(project: Project, tmp_path: Path) -> None:
    with pytest.raises(InvalidValue, match="YYYY-MM-DD"):
        import_paths(project, [write(tmp_path / "a.txt", f"Story\n{BODY}")], published="March 4")
    assert project.articles.count() == 0


def test_a_page_without_a_site_name_gets_its_outlet_from_its_address_as_a_guess(project: Project,
                                                                                 tmp_path: Path) -> None:
    page = PAGE.replace('<meta property="og:site_name" content="Cybernews">', "").replace(" | Cybernews", "")
    import_paths(project, [write(tmp_path / "a.html", page)])
    assert project.articles.list()[0].outlet == "Cybernews"  # from cybernews.com
    import_paths(project, [write(tmp_path / "b.html", page.replace("cyber pause", "cyber halt"))], outlet="Mine")
    assert {a.outlet for a in project.articles.list()} == {"Cybernews", "Mine"}


def test_a_page_saved_by_a_browser_gives_the_address_it_came_from(tmp_path: Path) -> None:
    page = ("<!-- saved from url=(0035)https://www.dw.com/en/story/a-1234 -->\n"
            + PAGE.replace('<meta property="og:url" content="https://cybernews.com/news/pentagon-denies/">', ""))
    assert parse_file(write(tmp_path / "a.html", page)).url == "https://www.dw.com/en/story/a-1234"


@pytest.mark.parametrize("text", ["ab", "ab cd", "Breaking news. More soon.", "Home News Sport Weather Contact"])
def test_too_little_text_is_refused_with_the_word_count(project: Project, tmp_path: Path, text: str) -> None:
    report = import_paths(project, [write(tmp_path / "short.txt", text)])
    assert not report.imported
    assert "too little text to annotate" in report.refused[0].reason or "nearly empty" in report.refused[0].reason


def test_a_short_text_names_how_many_words_it_has(project: Project, tmp_path: Path) -> None:
    report = import_paths(project, [write(tmp_path / "short.txt", "Breaking news. More details are coming soon.")])
    assert report.refused[0].reason.startswith("has too little text to annotate (7 words")


def test_a_page_with_only_navigation_is_refused(project: Project, tmp_path: Path) -> None:
    page = ("<html><head><title>Home</title></head><body><nav><a href='/'>Home</a> <a href='/n'>News</a></nav>"
            "<main><p>Subscribe to our newsletter for more.</p></main></body></html>")
    report = import_paths(project, [write(tmp_path / "nav.html", page)])
    assert not report.imported and report.refused


@pytest.mark.skipif(not (SHARED / "data" / "gum-news").is_dir(), reason="the shared data folder is not here")
def test_the_wikinews_articles_import_with_their_outlet_and_date(project: Project) -> None:
    files = [f for f in sorted((SHARED / "data" / "gum-news").glob("*.md")) if f.name != "README.md"]
    report = import_paths(project, files, outlet="Ignored: they state theirs")
    assert len(report.imported) == 24 and not report.refused
    articles = project.articles.list()
    assert {a.outlet for a in articles} == {"Wikinews"}
    assert all(a.published and a.published[:2] in ("20", "19") for a in articles)


@pytest.mark.skipif(not (SHARED / "seeds").is_dir(), reason="the shared seeds folder is not here")
def test_the_seed_texts_import_under_the_batch_outlet(project: Project) -> None:
    report = import_paths(project, sorted((SHARED / "seeds").glob("0*.txt")), outlet="Cyber story",
                          published="2025-03-04")
    assert len(report.imported) == 4
    assert {(a.outlet, a.published) for a in project.articles.list()} == {("Cyber story", "2025-03-04")}
