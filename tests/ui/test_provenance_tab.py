"""The Provenance tab: the graph of who relays whom, its sentences, the claim filter, and the saved graph."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from annotator.core.records import ParsedArticle
from annotator.core.ingest.segment import split_sentences
from annotator.core.store.project import Project
from annotator.ui.story.provenance_scene import RelayArrow


def shown(qtbot, window):
    window.tabs.setCurrentWidget(window._provenance_tab)
    tab = window.provenance
    qtbot.waitUntil(lambda: tab.computed is not None and not tab.computing, timeout=20000)
    return tab


def test_the_sample_story_shows_who_relays_the_record_and_opens_a_sentence(qtbot, open_main, sample_path) -> None:
    window = open_main(sample_path)
    tab = shown(qtbot, window)
    nodes = tab.scene.nodes
    assert {"The Record", "Cybernews", "newz9.com", "Bloomberg"} <= set(nodes)
    assert nodes["The Record"].first_report and not nodes["The Record"].in_project
    assert nodes["Cybernews"].in_project
    assert nodes["The Record"].pos().y() < nodes["Cybernews"].pos().y()  # the relayed outlet sits above
    assert "First reported by The Record" in tab.summary.text()
    arrow = next(a for a in tab.scene.arrows
                 if (a.relay.from_outlet, a.relay.to_outlet) == ("Cybernews", "The Record"))
    assert arrow.pen().style() == Qt.PenStyle.DashLine  # nothing annotated yet: found in the text only
    arrow.setSelected(True)
    item = tab.sentences.item(0)
    assert "Cybernews → The Record" in item.text() and "The Record" in item.text().split("\n")[1]
    article_id, number = item.data(Qt.ItemDataRole.UserRole)
    tab.sentences.itemActivated.emit(item)
    assert window.tabs.currentWidget() is window.columns
    view = window.columns.current.view
    assert view.article_id == article_id and view.current == number - 1


def test_an_annotation_makes_the_arrow_solid_and_the_claim_filter_narrows_the_graph(qtbot, open_main,
                                                                                    sample_path) -> None:
    window = open_main(sample_path)
    tab = shown(qtbot, window)
    arrow = next(a for a in tab.scene.arrows
                 if (a.relay.from_outlet, a.relay.to_outlet) == ("Cybernews", "The Record"))
    article_id, number = arrow.relay.edges[0].from_article, arrow.relay.edges[0].sentences[0]
    window.session.project.annotate_sentence(article_id, number - 1, category="other_outlet", annotator="amy",
                                             source="The Record")
    before = tab.computed
    window.session.catch_up()  # the annotation was written past the window: it hears of it as of another's
    qtbot.waitUntil(lambda: tab.computed is not before and not tab.computing, timeout=20000)
    solid = next(a for a in tab.scene.arrows
                 if (a.relay.from_outlet, a.relay.to_outlet) == ("Cybernews", "The Record"))
    assert solid.pen().style() == Qt.PenStyle.SolidLine
    whole = len(tab.scene.nodes)
    qtbot.waitUntil(lambda: tab.claim.count() > 1, timeout=20000)  # claims are grouped in the background
    index = next(i for i in range(1, tab.claim.count()) if "first to report" in tab.claim.itemText(i))
    tab.claim.setCurrentIndex(index)
    tab.claim.activated.emit(index)
    qtbot.waitUntil(lambda: not tab.computing and tab.computed.provenance.origins[0].claim is not None,
                    timeout=20000)
    assert 0 < len(tab.scene.nodes) < whole


def test_the_graph_is_saved_as_svg_and_png(qtbot, open_main, sample_path, tmp_path: Path, monkeypatch) -> None:
    window = open_main(sample_path)
    tab = shown(qtbot, window)
    for name in ("graph.svg", "graph.png"):
        target = tmp_path / name
        monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, t=target, **k: (str(t), "")))
        tab.save_button.click()
        assert target.stat().st_size > 500
    assert b"<svg" in (tmp_path / "graph.svg").read_bytes()[:400]
    assert (tmp_path / "graph.png").read_bytes()[:4] == b"\x89PNG"


def test_fifty_outlets_are_laid_out_without_overlap(qtbot, open_main, tmp_path: Path) -> None:
    path = tmp_path / "wide.annot"
    with Project.create(path) as project:
        for n in range(50):
            body = (f"Officials said the bridge would reopen next week, according to Bloomberg. Outlet {n} "
                    "added that repairs had cost more than planned, as The Record first reported on Monday.")
            project.articles.add(ParsedArticle(title=f"Bridge {n}", body=body, outlet=f"Outlet {n:02d}"),
                                 split_sentences(body))
    window = open_main(path)
    tab = shown(qtbot, window)
    nodes = list(tab.scene.nodes.values())
    assert len(nodes) >= 52
    rects = [n.sceneBoundingRect() for n in nodes]
    assert not any(a.intersects(b) for i, a in enumerate(rects) for b in rects[i + 1:])
    assert all(isinstance(a, RelayArrow) for a in tab.scene.arrows) and len(tab.scene.arrows) >= 100


def test_a_hidden_tab_recomputes_only_when_shown_again(qtbot, open_main, sample_path) -> None:
    window = open_main(sample_path)
    tab = shown(qtbot, window)
    window.tabs.setCurrentWidget(window.columns)
    before = tab.computed
    window.session.project.annotate_sentence(3, 4, category="other_outlet", annotator="amy", source="Bloomberg")
    window.session.catch_up()
    qtbot.wait(900)  # past the debounce: a hidden tab computes nothing
    assert tab.computed is before and not tab.computing
    window.tabs.setCurrentWidget(window._provenance_tab)
    qtbot.waitUntil(lambda: tab.computed is not before and not tab.computing, timeout=20000)
