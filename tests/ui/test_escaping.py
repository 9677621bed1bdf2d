"""Names, labels, sources and notes are shown as typed, never read as markup."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QLabel

from annotator.core.classroom.files import mark_answer_key
from annotator.core.store.project import Project
from annotator.ui.classroom.compare import CompareView

NAME = '<img src="/dev/zero">'


def shown(label: QLabel) -> str:
    """The text a user sees in a label."""
    rich = label.textFormat() == Qt.TextFormat.RichText or (
        label.textFormat() == Qt.TextFormat.AutoText and Qt.mightBeRichText(label.text()))
    if not rich:
        return label.text()
    document = QTextDocument()
    document.setHtml(label.text())
    return document.toPlainText()


def test_compare_view_shows_markup_in_names_literally(qtbot, open_main, sample_path) -> None:
    with Project.open(sample_path) as project:
        project.annotate_sentence(1, 0, category="on_record", annotator=NAME)
        project.annotate_sentence(1, 0, category="document", annotator="<b>amy</b> & co")
        mark_answer_key(project, NAME)
    window = open_main(sample_path)
    view = CompareView(window.session, NAME, "<b>amy</b> & co", 1)
    qtbot.addWidget(view)
    assert shown(view.header) == f"Key: {NAME} (left) against <b>amy</b> & co (right) on"
    assert "<b>amy</b> & co: document" in shown(view.status)


def test_tooltip_shows_label_source_and_note_as_typed(open_main, sample_path) -> None:
    window = open_main(sample_path)
    window.open_article(1)
    view = window.columns.current.view
    view.select_sentence(0)
    window.annotating.assign_shortcut("1")
    made = view.annotations()[0]
    window.annotating.edit(made, "source", "<i>Tricia</i> & DHS")
    window.annotating.edit(view.annotations()[0], "note", f"{NAME}\nsecond line")
    document = QTextDocument()
    document.setHtml(view.tooltip_at(view.sentences[0].start + 1))
    assert document.toPlainText() == f"Anonymous official — <i>Tricia</i> & DHS\n{NAME}\nsecond line"
