"""Correcting an article's details and renaming or merging outlets from the library, undoably."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QDialog, QInputDialog

from annotator.ui.library.article_dialog import ArticleDialog


def outlets_shown(window) -> list[str]:
    return [row.text for row in window.library.outlet_rows()]


def test_edit_article_details_updates_library_and_column_and_undoes(qtbot, open_main, sample_path: Path,
                                                                    monkeypatch) -> None:
    window = open_main(sample_path)
    window.open_article(1)

    def fill(dialog: ArticleDialog) -> QDialog.DialogCode:
        dialog.outlet.setCurrentText("Corrected Outlet")
        dialog.title.setText("Corrected title")
        dialog.published.setText("2025-03-04")
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(ArticleDialog, "exec", fill)
    before = outlets_shown(window)
    window.library.edit_article(1)
    assert "Corrected Outlet (1)" in outlets_shown(window)
    column = window.columns.current
    assert column.title.text() == "Corrected title"
    assert column.meta.text() == "Corrected Outlet · 2025-03-04"
    window.undo_action.trigger()
    assert outlets_shown(window) == before
    assert column.title.text() != "Corrected title"


def test_a_bad_date_is_refused_with_a_message(qtbot, open_main, sample_path: Path, monkeypatch) -> None:
    window = open_main(sample_path)

    def fill(dialog: ArticleDialog) -> QDialog.DialogCode:
        dialog.published.setText("2025-02-30")
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(ArticleDialog, "exec", fill)
    window.library.edit_article(1)
    assert "2025-02-30" in window.statusBar().currentMessage()
    assert window.session.project.articles.get(1).published != "2025-02-30"


def test_renaming_an_outlet_onto_another_merges_them_until_undone(qtbot, open_main, sample_path: Path,
                                                                  monkeypatch) -> None:
    window = open_main(sample_path)
    names = window.session.project.articles.outlets()
    monkeypatch.setattr(QInputDialog, "getText", staticmethod(lambda *a, **k: (names[1], True)))
    before = outlets_shown(window)
    window.library.rename_outlet(names[0])
    assert len(outlets_shown(window)) == len(before) - 1
    window.undo_action.trigger()
    assert outlets_shown(window) == before
