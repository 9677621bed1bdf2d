"""Text from a project or a file is shown literally: never as rich text, a mnemonic or a title marker.

The markup names a missing image, so a failing test renders nothing harmful.
"""

from __future__ import annotations

import html
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtGui import Qt as QtGui  # Qt::mightBeRichText lives in Qt GUI
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QGraphicsTextItem, QLabel, QMessageBox, QWidget

from annotator.core.codebook import CategorySpec
from annotator.core.errors import ProjectError
from annotator.core.records import ParsedArticle
from annotator.core.store.project import Project
from annotator.ui.base.errors import ErrorSink, show_startup_error
from annotator.ui.window.file_actions import remember_project

TEXT_ITEM = 8  # QGraphicsTextItem::Type
TITLE = '<img src="missing.png"> <b>Title</b>'
OUTLET = '<b>Outlet</b> & <a href="x">co</a>'
LABEL = '<b>Label</b> & <img src="missing.png">'
DESCRIPTION = '<a href="x">desc</a>\n<i>second line</i>'
SOURCE = '<i>source</i> <img src="missing.png">'
NOTE = '<img src="missing.png"> <b>note</b>'
NAME = '<b>amy</b> & co'
PROJECT_NAME = 'evil [*] & <img src="missing.png">'
BODY = "First sentence here. Second one."


@pytest.fixture
def hostile_path(tmp_path: Path) -> Path:
    """A project whose every text is markup."""
    path = tmp_path / f"{PROJECT_NAME}.annot"
    with Project.create(path) as project:
        article = project.articles.add(
            ParsedArticle(title=TITLE, body=BODY, outlet=OUTLET, author=NAME, url='<a href="x">u</a>'),
            [(0, 20), (21, 32)])
        project.categories.add(CategorySpec(key="evil", label=LABEL, color="#123456", description=DESCRIPTION))
        article_id = project.articles.list()[0].id
        project.annotations.add(article_id, 0, 20, category="evil", annotator=NAME, source=SOURCE, note=NOTE)
        assert article is not None
    return path


def seen(tooltip: str) -> str:
    """A tooltip as the reader sees it: Qt shows it as rich text when it looks like some."""
    document = QTextDocument()
    if QtGui.mightBeRichText(tooltip):
        document.setHtml(tooltip)
    else:
        document.setPlainText(tooltip)
    return document.toPlainText()


def shows_literally(tooltip: str, raw: str) -> bool:
    return raw in seen(tooltip) and "<img" not in tooltip


def is_plain(label: QLabel, raw: str) -> bool:
    return label.textFormat() == Qt.TextFormat.PlainText and label.text() == raw


def open_article(open_main, path: Path):
    window = open_main(path, NAME)
    window.open_article(window.session.project.articles.list()[0].id)
    return window


def show_dashboard(qtbot, window):
    window.show_tab(window.dashboard)
    qtbot.waitUntil(window.dashboard.isVisible)
    return window.dashboard


def chart_texts(chart) -> list[str]:
    """What the chart's legend, axes and title show, as the reader sees it."""
    texts = []
    for item in chart.scene().items():
        if item.type() == TEXT_ITEM:
            text_item = shiboken6.wrapInstance(shiboken6.getCppPointer(item.toGraphicsObject())[0],
                                               QGraphicsTextItem)
            texts.append(text_item.toPlainText())
    return texts


def test_message_boxes_show_their_text_as_plain_text(qtbot, monkeypatch, tmp_path: Path) -> None:
    boxes: list[tuple[str, str, Qt.TextFormat]] = []

    def record(box):
        boxes.append((box.windowTitle(), box.text(), box.textFormat()))
        return QMessageBox.StandardButton.Ok

    def record_static(parent, title, text, *args, **kwargs):  # the static helpers guess rich text
        boxes.append((title, text, Qt.TextFormat.AutoText))
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(QMessageBox, "exec", record)
    for kind in ("critical", "warning", "information", "question"):
        monkeypatch.setattr(QMessageBox, kind, staticmethod(record_static))
    parent = QWidget()
    qtbot.addWidget(parent)
    sink = ErrorSink(parent, lambda text, ms: None)
    error = ProjectError(tmp_path / f"{TITLE}.annot", LABEL)
    sink.report(error)
    sink.inform("Import", TITLE)
    assert sink.confirm("Merge", NOTE)
    show_startup_error(error)
    texts = [text for _, text, _ in boxes]
    assert len(texts) == 4 and texts[1:3] == [TITLE, NOTE] and texts[3] == texts[0]
    assert TITLE in texts[0] and LABEL in texts[0]
    assert {fmt for _, _, fmt in boxes} == {Qt.TextFormat.PlainText}


def test_window_title_shows_the_project_name_literally(open_main, hostile_path: Path) -> None:
    window = open_main(hostile_path, NAME)
    assert window.windowHandle().title() == f"{PROJECT_NAME} — Source annotator"


def test_compare_tab_title_shows_both_names_literally(open_main, hostile_path: Path) -> None:
    window = open_main(hostile_path, NAME)
    window.open_compare(NAME, "<b>ben</b> & co")
    index = window.tabs.currentIndex()
    assert window.tabs.tabText(index) == f"{NAME} vs <b>ben</b> & co".replace("&", "&&")  # && shows &


def test_column_header_shows_outlet_and_title_as_plain_text(open_main, hostile_path: Path) -> None:
    column = open_article(open_main, hostile_path).columns.current
    assert is_plain(column.meta, OUTLET)
    assert is_plain(column.title, TITLE)


def test_mix_bar_tooltip_shows_category_labels_literally(open_main, hostile_path: Path) -> None:
    column = open_article(open_main, hostile_path).columns.current
    tooltip = column.mix.toolTip()
    assert shows_literally(tooltip, LABEL) and "1 (100%)" in tooltip


def test_library_shows_titles_and_outlets_literally(open_main, hostile_path: Path) -> None:
    library = open_main(hostile_path, NAME).library
    outlet = library.outlet_rows()[0]
    assert outlet.text == f"{OUTLET} (1)"
    assert seen(outlet.tooltip).startswith(f"{OUTLET}\n") and "<img" not in outlet.tooltip
    article = library.article_rows()[0]
    assert article.text == TITLE
    tooltip = article.tooltip
    assert seen(tooltip).startswith(f"{TITLE}\n{OUTLET} · no date\nURL: ") and "<img" not in tooltip
    assert "<a href" not in tooltip  # the address is shown as written, not as a link


def test_codebook_tooltip_shows_label_and_description_literally(open_main, hostile_path: Path) -> None:
    codebook = open_main(hostile_path, NAME).codebook
    item = next(codebook.list.item(i) for i in range(codebook.list.count())
                if codebook.list.item(i).data(Qt.ItemDataRole.UserRole) == "evil")
    assert LABEL in item.text()
    assert seen(item.toolTip()) == f"{LABEL} [evil]\n{DESCRIPTION}" and "<img" not in item.toolTip()


def test_inspector_shows_annotator_source_and_note_literally(open_main, hostile_path: Path) -> None:
    window = open_main(hostile_path, NAME)
    inspector = window.inspector
    inspector.show_annotations(window.session.project.annotations.list())
    assert inspector.list.item(0).text() == f"{LABEL} — {SOURCE}"
    assert inspector.category.currentText() == LABEL
    assert inspector.source.text() == SOURCE and inspector.note.toPlainText() == NOTE
    details = inspector.details
    assert details.textFormat() == Qt.TextFormat.RichText  # the name is in bold
    assert f"<b>{html.escape(NAME)}</b>" in details.text() and "<b>amy</b>" not in details.text()
    assert inspector.heading.textFormat() == Qt.TextFormat.PlainText


def test_dashboard_filters_list_names_literally(qtbot, open_main, hostile_path: Path) -> None:
    dashboard = show_dashboard(qtbot, open_main(hostile_path, NAME))
    assert dashboard.annotator.findText(NAME) > 0
    assert dashboard.category.findText(LABEL) > 0
    assert dashboard.outlet.findText(OUTLET) > 0


def test_dashboard_table_tooltips_show_names_literally(qtbot, open_main, hostile_path: Path) -> None:
    table = show_dashboard(qtbot, open_main(hostile_path, NAME)).table
    outlet = table.topLevelItem(0)
    assert outlet.text(0) == OUTLET and shows_literally(outlet.toolTip(0), OUTLET)
    outlet.setExpanded(True)
    assert outlet.child(0).text(0) == TITLE and shows_literally(outlet.child(0).toolTip(0), TITLE)
    column = table.headerItem().columnCount() - 1
    assert table.headerItem().text(column) == LABEL
    assert shows_literally(table.headerItem().toolTip(column), DESCRIPTION)


def test_dashboard_chart_shows_labels_and_outlets_literally(qtbot, open_main, hostile_path: Path) -> None:
    chart = show_dashboard(qtbot, open_main(hostile_path, NAME)).chart
    # Long labels are elided, so compare beginnings: drawn as HTML they would begin "Label", "Outlet".
    qtbot.waitUntil(lambda: any(text.startswith("<b>Label</b> &") for text in chart_texts(chart)))
    assert any(text.startswith("<b>Outlet</b> &") for text in chart_texts(chart))


def test_evidence_list_shows_its_heading_and_notes_literally(qtbot, open_main, hostile_path: Path) -> None:
    dashboard = show_dashboard(qtbot, open_main(hostile_path, NAME))
    dashboard.list_evidence(OUTLET, None, "evil")
    assert dashboard.evidence_title.textFormat() == Qt.TextFormat.PlainText
    assert f"{OUTLET}, {LABEL}." in dashboard.evidence_title.text()
    item = dashboard.evidence.item(0)
    assert item.text().startswith(f"{TITLE} · sentence 1 · {SOURCE}")
    assert shows_literally(item.toolTip(), NOTE)


def test_recent_menu_shows_ampersands_in_file_names(open_main, hostile_path: Path, tmp_path: Path) -> None:
    window = open_main(hostile_path, NAME)
    other = tmp_path / "Tom & Jerry.annot"
    remember_project(window.settings, other)
    window.files.recent_menu.aboutToShow.emit()
    texts = [action.text() for action in window.files.recent_menu.actions()]
    assert str(other.resolve()).replace("&", "&&") in texts  # && shows one &, not a mnemonic
