"""The Provenance tab: who relays whom, down to the first source, for the whole story or one claim.

The graph is computed in the background on a connection of its own (core/provenance) and redrawn
when articles, annotations, outlets or claims change. Click an arrow to list the sentences behind it;
double-click a sentence to open it in the workspace. Ctrl+wheel or the buttons zoom, dragging pans.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QImage, QPainter, QWheelEvent
from PySide6.QtSvg import QSvgGenerator
from PySide6.QtWidgets import (
    QComboBox, QFileDialog, QGraphicsView, QHBoxLayout, QListWidget, QListWidgetItem, QPushButton, QSizePolicy, QSplitter,
    QVBoxLayout, QWidget,
)

from annotator.core.analysis.stats import outlet_summary
from annotator.core.changes import Changes
from annotator.core.claims.compute import METHOD
from annotator.core.claims.refresh import RecomputeClaims
from annotator.core.provenance.build import provenance_of
from annotator.core.provenance.graph import layers
from annotator.core.provenance.model import Provenance
from annotator.core.store.project import Project
from annotator.ui.base.background import BackgroundWork
from annotator.ui.base.one_run import OneRunAtATime
from annotator.ui.base.errors import ErrorSink
from annotator.ui.base.plain_text import plain_label
from annotator.ui.base.session import ProjectSession
from annotator.ui.story.provenance_scene import ProvenanceScene, Relay

SENTENCE_ROLE = Qt.ItemDataRole.UserRole
LEGEND = ("Arrows point from an outlet to the one it relays · solid: an annotation says so · dashed: found "
          "in the text only · purple: copied text · size: articles in the project · pie: sourcing mix · "
          "hollow grey: an outlet outside the project · blue ring: first report")


@dataclass(frozen=True)
class Computed:
    provenance: Provenance
    layers: list[list[str]]
    mixes: dict[str, list[tuple[str, int]]]


def compute(project: Project, claim: int | None) -> Computed:
    """What the tab draws; runs in a worker on its own connection."""
    provenance = provenance_of(project, claim=claim)
    colors = {c.key: c.color for c in project.categories.list(include_archived=True)}
    mixes = {s.outlet: [(colors[k], n) for k, n in s.by_category.items() if n and k in colors]
             for s in outlet_summary(project.database)}
    return Computed(provenance, layers(provenance), mixes)


class GraphView(QGraphicsView):
    """Drag to pan, Ctrl+wheel to zoom."""

    def __init__(self, scene: ProvenanceScene, parent: QWidget | None = None) -> None:
        super().__init__(scene, parent)
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.zoomed = False

    def wheelEvent(self, event: QWheelEvent) -> None:  # noqa: N802 (Qt override)
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self.zoom(1.15 if event.angleDelta().y() > 0 else 1 / 1.15)
        else:
            super().wheelEvent(event)

    def zoom(self, factor: float) -> None:
        self.zoomed = True
        self.scale(factor, factor)

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt override)
        super().resizeEvent(event)
        if not self.zoomed:  # keep the whole graph in view until the user zooms
            self.fit()

    def fit(self) -> None:
        self.zoomed = False
        rect = self.scene().sceneRect()
        if not rect.isEmpty():
            self.fitInView(rect, Qt.AspectRatioMode.KeepAspectRatio)
            if self.transform().m11() > 1.0:  # a small graph is shown at its size, not blown up
                self.resetTransform()


class ProvenanceTab(QWidget):
    sentence_chosen = Signal(int, int)  # article id, sentence start

    def __init__(self, session: ProjectSession, errors: ErrorSink, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.errors = errors
        self.computed: Computed | None = None
        self._runs = OneRunAtATime(self._start)
        self._stale = False  # something changed while the tab was hidden: recompute when it is shown
        self.claim = QComboBox(self)
        self.claim.setToolTip("Show the whole story, or one claim's relays and sources")
        self.claim.setMinimumContentsLength(40)
        self.claim.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.fit_button = QPushButton("Fit", self)
        self.zoom_in = QPushButton("+", self)
        self.zoom_out = QPushButton("−", self)
        self.save_button = QPushButton("Save graph…", self)
        self.save_button.setToolTip("Save the graph as SVG or PNG")
        self.summary = plain_label("Computing provenance…", self)
        self.summary.setWordWrap(True)
        self.legend = plain_label(LEGEND, self)
        self.legend.setWordWrap(True)
        self.legend.setObjectName("hint")
        self.scene = ProvenanceScene(self)
        self.view = GraphView(self.scene, self)
        self.sentences = QListWidget(self)
        self.sentences.setWordWrap(True)
        self.sentences.setToolTip("Double-click a sentence to open it in the workspace")
        self._build_layout()
        self._timer = QTimer(self)  # a burst of changes recomputes once
        self._timer.setSingleShot(True)
        self._timer.setInterval(600)
        self._connect_signals()
        self._fill_claims()
        self.recompute()
        self._find_claims_if_stale()

    def _build_layout(self) -> None:
        bar = QHBoxLayout()
        bar.addWidget(self.claim, 1)
        for button in (self.fit_button, self.zoom_in, self.zoom_out, self.save_button):
            button.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
            bar.addWidget(button)
        lower = QWidget(self)
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        lower_layout.addWidget(self.sentences)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(self.view)
        splitter.addWidget(lower)
        splitter.setStretchFactor(0, 4)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([4000, 1000])  # the graph takes most of the height
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.summary)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.legend)

    def _connect_signals(self) -> None:
        self.claim.activated.connect(lambda _index: self.recompute())
        self.fit_button.clicked.connect(self.view.fit)
        self.zoom_in.clicked.connect(lambda: self.view.zoom(1.25))
        self.zoom_out.clicked.connect(lambda: self.view.zoom(0.8))
        self.save_button.clicked.connect(self.save_graph)
        self.scene.relay_chosen.connect(self._on_relay_chosen)
        self.sentences.itemActivated.connect(self._on_sentence_activated)
        self._timer.timeout.connect(self._on_timer_timeout)
        self.session.changed.connect(self._on_session_changed)

    # -- computing ---------------------------------------------------------------------------------
    def chosen_claim(self) -> int | None:
        return self.claim.currentData()

    def _fill_claims(self) -> None:
        chosen = self.chosen_claim()
        self.claim.clear()
        self.claim.addItem("The whole story", None)
        for claim in self.session.project.claims.list():
            text = claim.label if len(claim.label) <= 90 else claim.label[:89] + "…"
            self.claim.addItem(f"Claim {claim.id}: {text}", claim.id)
        index = self.claim.findData(chosen)
        self.claim.setCurrentIndex(max(index, 0))

    def _find_claims_if_stale(self) -> None:
        """The claim filter needs the claims: group them in the background when they are out of date
        (their Changes refill the list and redraw the graph)."""
        project = self.session.project
        if not project.read_only and project.claims.is_stale(METHOD):
            self.session.run_in_background(RecomputeClaims(), self.errors).start()

    @property
    def computing(self) -> bool:
        return self._runs.running

    def recompute(self) -> None:
        if self.session.project.is_open:
            self._runs.request()

    def _start(self) -> None:
        claim = self.chosen_claim()
        work = BackgroundWork(self.session.project.path, lambda project: compute(project, claim),
                              errors=self.errors, failure_title="Provenance not computed")
        work.on_end(self._runs.ended).on_success(self._show).start()

    def _on_session_changed(self, changes: Changes) -> None:
        if not self.session.project.is_open:
            return
        if changes.articles or changes.claims or changes.annotations or changes.all_annotations:
            if changes.claims or changes.articles:
                self._fill_claims()
            self._timer.start()

    def _on_timer_timeout(self) -> None:
        if self.isVisible():
            self.recompute()
        else:  # a whole-project computation: not for a tab nobody looks at
            self._stale = True

    def showEvent(self, event) -> None:  # noqa: N802 (Qt override)
        super().showEvent(event)
        if self._stale:
            self._stale = False
            self._timer.start()

    def _show(self, computed: Computed) -> None:
        self.computed = computed
        self.scene.show_graph(computed.provenance, computed.layers, computed.mixes)
        self.view.fit()
        self.summary.setText(_summary(computed.provenance, self.chosen_claim()))
        self.sentences.clear()
        self.sentences.addItem("Click an arrow to list the sentences that relay that outlet.")

    # -- choosing ------------------------------------------------------------------------------------
    def _on_relay_chosen(self, relay: Relay | None) -> None:
        self.sentences.clear()
        if relay is None or self.computed is None:
            return
        articles = self.computed.provenance.articles
        for edge in relay.edges:
            article = articles.get(edge.from_article)
            for number in edge.sentences:
                text = article.sentences[number - 1] if article and 0 < number <= len(article.sentences) else ""
                title = article.title if article else f"article {edge.from_article}"
                item = QListWidgetItem(f"{edge.from_outlet} → {edge.to_outlet} · {title}, sentence {number}"
                                       f"{' (annotated)' if edge.basis == 'annotation' else ''}\n{text}")
                item.setData(SENTENCE_ROLE, (edge.from_article, number))
                self.sentences.addItem(item)

    def _on_sentence_activated(self, item: QListWidgetItem) -> None:
        where = item.data(SENTENCE_ROLE)
        if not where:
            return
        article_id, number = where
        sentences = self.session.project.articles.sentences(article_id)
        if 0 < number <= len(sentences):
            self.sentence_chosen.emit(article_id, sentences[number - 1].start)

    # -- saving --------------------------------------------------------------------------------------
    def save_graph(self) -> None:
        project = self.session.project
        default = str(project.path.with_name(f"{project.path.stem}-provenance.svg"))
        path, _ = QFileDialog.getSaveFileName(self, "Save graph", default, "SVG (*.svg);;PNG image (*.png)")
        if not path:
            return
        target = Path(path) if Path(path).suffix.lower() in (".svg", ".png") else Path(path).with_suffix(".svg")
        if save_scene(self.scene, target):
            self.errors.notice(f"Saved the provenance graph to {target}")
        else:
            self.errors.notice(f"The graph could not be written to {target}")


def save_scene(scene: ProvenanceScene, path: Path) -> bool:
    """Write the whole graph as SVG or PNG (by the suffix); False when the file could not be written."""
    rect = scene.sceneRect()
    if path.suffix.lower() == ".png":
        image = QImage(QSize(int(rect.width() * 2), int(rect.height() * 2)), QImage.Format.Format_ARGB32)
        image.fill(Qt.GlobalColor.white)
        painter = QPainter(image)
        scene.render(painter, QRectF(image.rect()), rect)
        painter.end()
        return image.save(str(path))
    generator = QSvgGenerator()
    generator.setFileName(str(path))
    generator.setSize(QSize(int(rect.width()), int(rect.height())))
    generator.setViewBox(QRectF(0, 0, rect.width(), rect.height()))
    generator.setTitle("Provenance")
    painter = QPainter()
    if not painter.begin(generator):
        return False
    scene.render(painter, QRectF(0, 0, rect.width(), rect.height()), rect)
    painter.end()
    return path.is_file() and path.stat().st_size > 0


def _summary(provenance: Provenance, claim: int | None) -> str:
    origin = next((o for o in provenance.origins if o.claim == claim), None)
    if origin is None:
        return "Nothing relays another outlet here yet."
    first = origin.first_reported_by or "unknown (no article is dated, and no text says)"
    how = []
    if origin.first_by_text:
        how.append(f"the texts name {origin.first_by_text}")
    if origin.first_by_date:
        how.append(f"the earliest dated article is {origin.first_by_date}'s")
    sources = origin.independent_sources
    return (f"First reported by {first}" + (f" ({'; '.join(how)})" if how else "") + ". "
            f"{len(sources)} independent source{'s' if len(sources) != 1 else ''}"
            + (f": {', '.join(sources)}" if sources else "") + ".")
