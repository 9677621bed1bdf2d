"""Choosing several articles in the library: one outlet, one date, or deletion, each one undo step; the
import asks for the batch's outlet and date; each article shows the file and address it came from."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from annotator.ui.library.article_dialog import ArticleDialog
from annotator.ui.library.batch_dialogs import ImportOptionsDialog, SetDateDialog, SetOutletDialog

MORE = " It was reported by several outlets in Washington on Tuesday, and officials declined to say more."


def choose(qtbot, window, *article_ids: int) -> None:
    """Click the first article's row, Ctrl+click the others, as a user chooses several."""
    library = window.library
    for n, article_id in enumerate(article_ids):
        index = library.model.index(library.model.row_of(article_id), 0)
        library.tree.scrollTo(index)
        rect = library.tree.visualRect(index)
        modifier = Qt.KeyboardModifier.ControlModifier if n else Qt.KeyboardModifier.NoModifier
        qtbot.mouseClick(library.tree.viewport(), Qt.MouseButton.LeftButton, modifier, rect.center())
    assert sorted(library.selected_article_ids()) == sorted(article_ids)


def outlets_of(window) -> dict[int, str]:
    return {a.id: a.outlet for a in window.session.project.articles.list()}


def test_set_outlet_of_several_articles_is_one_undo_step(qtbot, open_main, sample_path: Path, monkeypatch) -> None:
    window = open_main(sample_path)
    before = outlets_of(window)
    choose(qtbot, window, 1, 2)

    def fill(dialog: SetOutletDialog) -> QDialog.DialogCode:
        dialog.outlet.setCurrentText("The Record")
        dialog.buttons.accepted.emit()
        return dialog.result()

    monkeypatch.setattr(SetOutletDialog, "exec", fill)
    window.library.set_outlet_action.trigger()  # Edit ▸ Set outlet of chosen articles…
    assert (outlets_of(window)[1], outlets_of(window)[2]) == ("The Record", "The Record")
    assert "The Record (2)" in [row.text for row in window.library.outlet_rows()]
    window.undo_action.trigger()
    assert outlets_of(window) == before


def test_set_date_refuses_a_bad_date_in_the_dialog_then_dates_every_chosen_article(
        qtbot, open_main, sample_path: Path, monkeypatch) -> None:
    window = open_main(sample_path)
    choose(qtbot, window, 3, 4)
    problems = []

    def fill(dialog: SetDateDialog) -> QDialog.DialogCode:
        dialog.published.setText("4 March 2025")
        qtbot.mouseClick(dialog.buttons.button(dialog.buttons.StandardButton.Ok), Qt.MouseButton.LeftButton)
        problems.append(dialog.problem.text() if not dialog.problem.isHidden() else "")
        assert dialog.result() != QDialog.DialogCode.Accepted  # still open
        dialog.published.setText("2025-03-04")
        qtbot.mouseClick(dialog.buttons.button(dialog.buttons.StandardButton.Ok), Qt.MouseButton.LeftButton)
        return dialog.result()

    monkeypatch.setattr(SetDateDialog, "exec", fill)
    window.library.set_date_action.trigger()
    assert "YYYY-MM-DD" in problems[0]
    dates = {a.id: a.published for a in window.session.project.articles.list()}
    assert (dates[3], dates[4], dates[1]) == ("2025-03-04", "2025-03-04", None)
    window.undo_action.trigger()
    assert all(a.published is None for a in window.session.project.articles.list())


def test_delete_key_asks_with_the_annotation_count_and_undo_brings_the_article_back(
        qtbot, open_main, sample_path: Path, messages) -> None:
    window = open_main(sample_path)
    project = window.session.project
    for idx, who in ((0, "amy"), (2, "amy"), (3, "ben")):
        project.annotate_sentence(1, idx, category="anonymous_official", annotator=who)
    window.session.reload()
    window.open_article(1)
    assert window.columns.current.article_id == 1
    choose(qtbot, window, 1)
    window.library.tree.setFocus()
    qtbot.keyClick(window.library.tree, Qt.Key.Key_Delete)
    title, text = messages[-1]
    assert title == "Delete articles"
    assert text.startswith("Delete “US pauses offensive cyber operations against Russia” and its 3 annotations"
                           " by 2 annotators?")
    assert 1 not in outlets_of(window)
    assert window.columns.columns() == []  # its column closed
    assert "newz9.com (1)" not in [row.text for row in window.library.outlet_rows()]
    window.undo_action.trigger()
    assert 1 in outlets_of(window) and len(project.annotations.for_article(1)) == 3
    window.redo_action.trigger()
    assert 1 not in outlets_of(window)


def test_deleting_several_chosen_articles_from_the_menu_is_one_step(qtbot, open_main, sample_path: Path,
                                                                    messages) -> None:
    window = open_main(sample_path)
    choose(qtbot, window, 2, 3)
    window.library.delete_action.trigger()
    assert messages[-1][1].startswith("Delete these 2 articles? They have no annotations.")
    assert sorted(outlets_of(window)) == [1, 4]
    window.undo_action.trigger()
    assert sorted(outlets_of(window)) == [1, 2, 3, 4]


def test_the_import_dialog_gives_the_batch_an_outlet_and_a_date(qtbot, open_main, sample_path: Path,
                                                                tmp_path: Path, monkeypatch) -> None:
    stated = tmp_path / "stated.txt"
    stated.write_text(f"Outlet: The Record\n\nStated story\nIt said.{MORE}\n", encoding="utf-8")
    plain = tmp_path / "plain.txt"
    plain.write_text(f"Plain story\nhttps://www.bbc.com/news/1\n\nIt told.{MORE}\n", encoding="utf-8")
    table = tmp_path / "numbers.csv"
    table.write_text("a,b\n1,2\n", encoding="utf-8")

    def fill(dialog: ImportOptionsDialog) -> QDialog.DialogCode:
        assert "Cybernews" in [dialog.outlet.itemText(i) for i in range(dialog.outlet.count())]
        dialog.outlet.setCurrentText("Der Spiegel")
        dialog.published.setText("2025-03-04")
        dialog.buttons.accepted.emit()
        return dialog.result()

    monkeypatch.setattr(ImportOptionsDialog, "exec", fill)
    window = open_main(sample_path)
    window.files.ask_and_import([stated, plain, table])
    qtbot.waitUntil(lambda: window.files.last_report is not None, timeout=20000)
    found = {a.title: (a.outlet, a.published) for a in window.session.project.articles.list()}
    assert found["Stated story"] == ("The Record", "2025-03-04")
    assert found["Plain story"] == ("Der Spiegel", "2025-03-04")  # the batch's outlet wins over bbc.com
    report = window.files.last_report
    assert [Path(p.path).name for p in report.refused] == ["numbers.csv"]
    assert ".txt" in report.refused[0].reason


def test_cancelling_the_import_dialog_imports_nothing(qtbot, open_main, sample_path: Path, tmp_path: Path,
                                                      monkeypatch) -> None:
    story = tmp_path / "story.txt"
    story.write_text(f"A story\nIt said.{MORE}\n", encoding="utf-8")
    monkeypatch.setattr(ImportOptionsDialog, "exec", lambda dialog: QDialog.DialogCode.Rejected)
    window = open_main(sample_path)
    window.files.ask_and_import([story])
    assert window.files.importing is None and window.session.project.articles.count() == 4


def test_an_unsupported_file_in_a_folder_is_listed_with_the_supported_types(qtbot, open_main, sample_path: Path,
                                                                          tmp_path: Path, messages) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "numbers.csv").write_text("a,b\n1,2\n", encoding="utf-8")
    (folder / "short.txt").write_text("Too short to annotate.", encoding="utf-8")
    window = open_main(sample_path)
    window.files.import_files([folder])
    qtbot.waitUntil(lambda: window.files.last_report is not None, timeout=20000)
    text = messages[-1][1]
    assert "Refused: short.txt: has too little text to annotate (4 words" in text
    assert "Skipped (unsupported file type .csv): numbers.csv" in text
    assert "Supported file types: .docx, .htm, .html, .markdown, .md, .pdf, .text, .txt." in text


def test_the_file_and_address_show_in_the_tooltip_and_the_details(qtbot, open_main, sample_path: Path,
                                                                  monkeypatch) -> None:
    window = open_main(sample_path)
    window.library.select_article(3)
    row = next(r for r in window.library.article_rows() if r.article_id == 3)
    assert "File: " in row.tooltip and "002_264d4f42d8008dcb" in row.tooltip
    assert "URL: https://cybernews.com/" in row.tooltip
    shown = {}

    def look(dialog: ArticleDialog) -> QDialog.DialogCode:
        shown.update(file=dialog.source_file.text(), url=dialog.url.text(), editable=not dialog.url.isReadOnly())
        return QDialog.DialogCode.Rejected

    monkeypatch.setattr(ArticleDialog, "exec", look)
    window.library.edit_article(3)
    assert "002_264d4f42d8008dcb" in shown["file"] and shown["url"].startswith("https://cybernews.com/")
    assert not shown["editable"]
