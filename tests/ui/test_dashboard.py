"""The dashboard: filters, live update, and clicking through to the sentences and the workspace."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt

from annotator.core.store.project import Project
from annotator.core.analysis.stats import outlet_summary


def outlet_row(window, name: str):
    table = window.dashboard.table
    return next(table.topLevelItem(i) for i in range(table.topLevelItemCount())
                if table.topLevelItem(i).text(0) == name)


def annotate(path: Path) -> None:
    with Project.open(path) as project:
        project.annotate_sentence(1, 0, category="anonymous_official", annotator="amy")
        project.annotate_sentence(1, 4, category="on_record", annotator="ben", source="Jason Kikta")
        project.annotate_sentence(3, 7, category="social_post", annotator="amy")


def show_dashboard(qtbot, window) -> None:
    window.show_tab(window.dashboard)
    qtbot.waitUntil(window.dashboard.isVisible)


def test_table_and_chart_show_the_core_numbers(qtbot, open_main, sample_path: Path) -> None:
    annotate(sample_path)
    window = open_main(sample_path)
    show_dashboard(qtbot, window)
    with Project.open(sample_path, read_only=True) as project:
        expected = {o.outlet: o for o in outlet_summary(project.database)}
    row = outlet_row(window, "newz9.com")
    assert [row.text(i) for i in range(1, 6)] == ["1", "20", "10%", "2", "50%"]
    row.setExpanded(True)
    assert row.childCount() == 1 and row.child(0).text(0).startswith("US pauses")
    assert int(row.text(4)) == expected["newz9.com"].annotations
    social = window.dashboard.chart.bar_sets["social_post"]
    assert [social.at(i) for i in range(social.count())] == [0.0, 0.0, 0.0, 1.0]  # Cybernews drawn on top


def test_filters_by_annotator_and_category(qtbot, open_main, sample_path: Path) -> None:
    annotate(sample_path)
    window = open_main(sample_path)
    show_dashboard(qtbot, window)
    combo = window.dashboard.annotator
    combo.setCurrentIndex(combo.findData("ben"))
    assert outlet_row(window, "newz9.com").text(4) == "1"
    assert outlet_row(window, "Cybernews").text(4) == "0"
    category = window.dashboard.category
    category.setCurrentIndex(category.findData("social_post"))
    assert outlet_row(window, "Cybernews").text(4) == "0"
    combo.setCurrentIndex(0)
    assert outlet_row(window, "Cybernews").text(4) == "1"
    assert outlet_row(window, "newz9.com").text(4) == "0"  # its annotations are of other categories
    assert outlet_row(window, "newz9.com").text(5) == "—"  # no anonymous share under a category filter
    category.setCurrentIndex(0)
    with Project.open(sample_path) as project:
        project.database.conn.execute("UPDATE articles SET published = '2025-03-05' WHERE id = 3")
    window.dashboard.date_from.setText("2025-03-01")
    window.dashboard.date_to.setText("2025-03-31")
    window.dashboard.date_to.editingFinished.emit()
    assert [window.dashboard.table.topLevelItem(i).text(0)
            for i in range(window.dashboard.table.topLevelItemCount())] == ["Cybernews"]
    window.dashboard.date_from.setText("2030-01-01")
    window.dashboard.date_from.editingFinished.emit()
    assert window.dashboard.table.topLevelItemCount() == 0


def test_updates_live_when_an_annotation_changes(qtbot, open_main, sample_path: Path) -> None:
    window = open_main(sample_path)
    window.open_article(4)
    qtbot.keyClick(window.columns.current.view, Qt.Key.Key_7)
    show_dashboard(qtbot, window)
    qtbot.waitUntil(lambda: outlet_row(window, "metaworld.media").text(4) == "1")
    window.tabs.setCurrentWidget(window.columns)
    qtbot.keyClick(window.columns.current.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    show_dashboard(qtbot, window)
    qtbot.waitUntil(lambda: outlet_row(window, "metaworld.media").text(4) == "0")


def test_click_a_count_lists_sentences_and_opens_one(qtbot, open_main, sample_path: Path) -> None:
    annotate(sample_path)
    window = open_main(sample_path)
    show_dashboard(qtbot, window)
    table = window.dashboard.table
    row = outlet_row(window, "newz9.com")
    column = 6 + [c.key for c in window.session.project.categories.list()].index("on_record")
    table.itemClicked.emit(row, column)
    assert window.dashboard.evidence.count() == 1
    assert "Jason Kikta" in window.dashboard.evidence.item(0).text()
    window.dashboard.chart.bar_sets["anonymous_official"].clicked.emit(1)  # newz9.com's segment
    assert window.dashboard.evidence.count() == 1
    assert "The US has paused" in window.dashboard.evidence.item(0).text()
    item = window.dashboard.evidence.item(0)
    window.dashboard.evidence.itemDoubleClicked.emit(item)
    assert window.tabs.currentWidget() is window.columns
    view = window.columns.current.view
    assert (view.article_id, view.current) == (1, 0)


def test_reports_from_the_window_honour_the_filters(qtbot, open_main, sample_path: Path, tmp_path: Path,
                                                   monkeypatch) -> None:
    from PySide6.QtWidgets import QFileDialog

    annotate(sample_path)
    window = open_main(sample_path)
    show_dashboard(qtbot, window)
    combo = window.dashboard.annotator
    combo.setCurrentIndex(combo.findData("ben"))
    targets = iter([tmp_path / "a.csv", tmp_path / "r.html", tmp_path / "r.pdf"])
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(next(targets)), "")))
    window.dashboard.reports.annotations_csv()
    qtbot.waitUntil(lambda: window.dashboard.reports.last_written == tmp_path / "a.csv", timeout=10000)
    rows = (tmp_path / "a.csv").read_text(encoding="utf-8-sig").strip().splitlines()
    assert len(rows) == 2 and "Jason Kikta" in rows[1]
    window.dashboard.reports.report()  # written in the background: the window stays live meanwhile
    qtbot.waitUntil(lambda: window.dashboard.reports.last_written == tmp_path / "r.html", timeout=10000)
    report = (tmp_path / "r.html").read_text(encoding="utf-8")
    assert "Filters: annotator: ben" in report
    assert "Jason Kikta" in report and "@DODResponse" not in report  # amy's social post is left out
    window.dashboard.reports.report()
    qtbot.waitUntil(lambda: window.dashboard.reports.last_written == tmp_path / "r.pdf", timeout=20000)
    assert (tmp_path / "r.pdf").read_bytes().startswith(b"%PDF")


def test_dashboard_numbers_equal_the_summary_command(qtbot, open_main, sample_path: Path) -> None:
    import json

    from click.testing import CliRunner

    from annotator.cli import cli

    annotate(sample_path)
    summary = {o["outlet"]: o for o in json.loads(
        CliRunner().invoke(cli, ["summary", str(sample_path), "--format", "json"]).output)}
    window = open_main(sample_path)
    show_dashboard(qtbot, window)
    keys = [c.key for c in window.session.project.categories.list(include_archived=True)]
    for name, expected in summary.items():
        row = outlet_row(window, name)
        assert [int(row.text(i)) for i in (1, 2, 4)] == [
            expected["articles"], expected["sentences"], expected["annotations"]]
        share = expected["anonymous_share"]
        assert row.text(5) == ("—" if share is None else f"{share:.0%}")
        assert [int(row.text(6 + n).split()[0]) for n in range(len(keys))] == [
            expected["by_category"][k] for k in keys]


def test_every_row_has_room_for_a_count_over_its_share(qtbot, open_main, sample_path: Path) -> None:
    """The first outlet has no annotation (its counts a bare 0); the rows below still show two lines."""
    with Project.open(sample_path) as project:
        last = max(project.articles.list(), key=lambda a: a.outlet.casefold())
        project.annotate_sentence(last.id, 0, category="document", annotator="amy")
    window = open_main(sample_path)
    show_dashboard(qtbot, window)
    table = window.dashboard.table
    first = table.topLevelItem(0)
    assert first.text(table.columnCount() - 1) == "0"  # Cybernews: nothing marked yet
    two_lines = 2 * table.fontMetrics().lineSpacing()
    assert all(table.visualItemRect(table.topLevelItem(i)).height() >= two_lines
               for i in range(table.topLevelItemCount()))
