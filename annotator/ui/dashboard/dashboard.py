"""The dashboard: filters, the per-outlet table and chart, and the sentences behind a number."""

from __future__ import annotations

import re

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox, QHBoxLayout, QLabel, QLineEdit, QListWidget, QListWidgetItem, QPushButton, QSplitter,
    QVBoxLayout,
    QWidget,
)

from annotator.core.analysis.evidence import annotated_sentences
from annotator.core.changes import Changes
from annotator.core.analysis.stats import ANONYMOUS_KEYS, Filters, article_summary, outlet_summary
from annotator.core.records import Category, OutletSummary
from annotator.ui.base.swatch import swatch
from annotator.ui.dashboard.dashboard_chart import ChartArea, SourcingChart
from annotator.ui.dashboard.dashboard_table import OutletTable
from annotator.ui.dashboard.report_actions import ReportActions
from annotator.ui.base.errors import ErrorSink
from annotator.ui.base.plain_text import plain_label, plain_tooltip
from annotator.ui.base.session import ProjectSession

EVIDENCE_ROLE = Qt.ItemDataRole.UserRole
DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
ANY = "(all)"
MAX_LISTED = 500


class Dashboard(QWidget):
    sentence_chosen = Signal(int, int)  # article id, annotation start

    def __init__(self, session: ProjectSession, errors: ErrorSink, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.annotator = QComboBox(self)
        self.category = QComboBox(self)
        self.outlet = QComboBox(self)
        self.date_from = QLineEdit(self)
        self.date_to = QLineEdit(self)
        for combo in (self.annotator, self.category, self.outlet):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(8)
        for edit in (self.date_from, self.date_to):
            edit.setPlaceholderText("YYYY-MM-DD")
            edit.setFixedWidth(112)
            edit.setClearButtonEnabled(True)
        self.table = OutletTable(self)
        self.chart = SourcingChart(self)
        self.chart_area = ChartArea(self.chart, self)  # scrolls the chart; legend above it
        self.empty_note = plain_label("", self)  # when no figure is shown: why, and what to do
        self.empty_note.setObjectName("dashboardEmpty")
        self.empty_note.setWordWrap(True)
        self.empty_note.setStyleSheet("background: palette(alternate-base); border: 1px solid palette(mid);"
                                      " padding: 8px;")
        self.empty_note.setVisible(False)
        self.evidence_title = plain_label("Click a count or a bar to list the sentences behind it.")
        self.evidence = QListWidget(self)
        self.evidence.setWordWrap(True)
        self.evidence.setAlternatingRowColors(True)
        self.reports = ReportActions(session, errors, self, self.filters)
        self._outlets: list[OutletSummary] = []  # as last read, for the chart to redraw in the table's order
        self._categories: list[Category] = []
        self._build_layout()
        self._refresh_timer = QTimer(self)
        self._refresh_timer.setSingleShot(True)
        self._refresh_timer.setInterval(200)
        self._stale = True  # computed when first shown, so the window opens without waiting for it
        self._shown_filters: Filters | None = None
        self._connect_signals()
        self.reload_choices()

    def _build_layout(self) -> None:
        bar = QHBoxLayout()
        for label, widget in [("Annotator", self.annotator), ("Category", self.category),
                              ("Outlet", self.outlet)]:
            bar.addWidget(QLabel(label))
            bar.addWidget(widget, 1)
        dates = QHBoxLayout()
        for label, widget in [("Published from", self.date_from), ("to", self.date_to)]:
            dates.addWidget(QLabel(label))
            dates.addWidget(widget)
        dates.addStretch(1)
        # The export buttons have a row of their own, so the dashboard stays narrow enough for the
        # library and codebook docks beside it.
        actions = QHBoxLayout()
        actions.addWidget(QLabel("Export with these filters:"))
        for text, slot in [("Annotations CSV…", self.reports.annotations_csv),
                           ("Outlets CSV…", self.reports.outlets_csv), ("XLSX…", self.reports.workbook_xlsx),
                           ("Report…", self.reports.report)]:
            button = QPushButton(text, self)
            button.setToolTip("Written with the filters shown here (a report as HTML or PDF)")
            button.clicked.connect(slot)
            actions.addWidget(button)
        actions.addStretch(1)
        lower = QWidget(self)
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        lower_layout.addWidget(self.evidence_title)
        lower_layout.addWidget(self.evidence)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(self.table)
        splitter.addWidget(self.chart_area)
        splitter.addWidget(lower)
        splitter.setSizes([340, 300, 140])
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addLayout(dates)
        layout.addLayout(actions)
        layout.addWidget(self.empty_note)
        layout.addWidget(splitter, 1)

    def _connect_signals(self) -> None:
        for combo in (self.annotator, self.category, self.outlet):
            combo.currentIndexChanged.connect(self._on_filter_changed)
        for edit in (self.date_from, self.date_to):
            edit.editingFinished.connect(self._on_filter_changed)
        self.session.changed.connect(self._on_session_changed)
        self._refresh_timer.timeout.connect(self._on_refresh_timer_timeout)
        self.table.cell_chosen.connect(self.list_evidence)
        self.table.order_changed.connect(self._on_table_order_changed)
        self.chart.save_requested.connect(self.save_chart)
        self.chart_area.save_button.clicked.connect(self.save_chart)
        self.chart.segment_clicked.connect(lambda outlet, key: self.list_evidence(outlet, None, key))
        self.evidence.itemActivated.connect(self._on_evidence_item_activated)
        self.evidence.itemDoubleClicked.connect(self._on_evidence_item_activated)

    def reload_choices(self) -> None:
        project = self.session.project
        for combo, values in [
            (self.annotator, [(a, a) for a in project.annotations.annotators()]),
            (self.category, [(c.label, c.key) for c in self.session.codebook.all]),
            (self.outlet, [(o, o) for o in project.articles.outlets()]),
        ]:
            current = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(ANY, None)
            for label, value in values:
                combo.addItem(label, value)
            combo.setCurrentIndex(max(0, combo.findData(current)) if current is not None else 0)
            combo.blockSignals(False)
        if self.session.blind:  # a student sees only their own figures
            if self.annotator.findData(self.session.annotator) < 0:
                self.annotator.addItem(self.session.annotator, self.session.annotator)
            self.annotator.setCurrentIndex(self.annotator.findData(self.session.annotator))
            self.annotator.setEnabled(False)

    def filters(self) -> Filters:
        def date(edit: QLineEdit) -> str | None:
            text = edit.text().strip()
            edit.setStyleSheet("" if not text or DATE.match(text) else "color: #B00020;")
            return text if DATE.match(text) else None

        return Filters(annotator=self.annotator.currentData(), category=self.category.currentData(),
                       outlet=self.outlet.currentData(), published_from=date(self.date_from),
                       published_to=date(self.date_to))

    def refresh(self) -> None:
        """Recompute every figure from the project with the current filters."""
        if not self.session.project.is_open:
            return
        filters = self.filters()
        self._shown_filters = filters
        db = self.session.project.database
        articles = article_summary(db, filters)
        outlets = outlet_summary(db, filters, articles=articles)
        categories = self.session.codebook.all
        if filters.category is not None:
            categories = [c for c in categories if c.key == filters.category]
        self._outlets, self._categories = outlets, categories
        self.table.show_rows(outlets, articles, categories, filters=filters)
        self._show_chart(self.table.outlet_order())
        note = "" if any(o.annotations for o in outlets) else self._why_empty(filters)
        self.empty_note.setText(note)
        self.empty_note.setVisible(bool(note))

    def _why_empty(self, filters: Filters) -> str:
        """Why no figure is shown: no articles, nothing annotated, or filters nothing matches."""
        project = self.session.project
        if not project.articles.count():
            return ("No articles yet. Import some with File \u25b8 Import articles\u2026, annotate their sentences "
                    "in the Workspace tab, and each outlet's figures appear here.")
        chosen = [(name, value) for name, value in [
            ("category", self.category.currentText() if filters.category else None),
            ("outlet", filters.outlet), ("published from", filters.published_from),
            ("published to", filters.published_to),
            ("annotator", None if self.session.blind else filters.annotator)] if value]
        if not chosen:
            whose = "by you " if self.session.blind else ""
            return (f"Nothing annotated {whose}yet. Mark sentences in the Workspace tab (a category's key, or "
                    "double-click it in the codebook) and each outlet's figures appear here.")
        named = ", ".join(f"{name} \u201c{value}\u201d" for name, value in chosen)
        return (f"No annotation matches these filters ({named}). Set a filter back to \u201c{ANY}\u201d "
                "or clear the dates to see more.")

    def _show_chart(self, order: list[str]) -> None:
        """The chart with its bars in `order` (the table's, top to bottom)."""
        by_name = {o.outlet: o for o in self._outlets}
        self.chart_area.show_mix([by_name[name] for name in order if name in by_name], self._categories)

    def _on_table_order_changed(self, order: list[str]) -> None:
        if order != self.chart.outlets_shown():
            self._show_chart(order)

    def save_chart(self) -> None:
        """Save the chart as shown (the table's order, the filters) as PNG or SVG, written in the background."""
        self.reports.chart(self.chart.outlets_shown(), self._categories)

    def _on_filter_changed(self, *args) -> None:
        if self.filters() != self._shown_filters:  # editingFinished also fires on a mere focus change
            self.refresh()

    def _on_session_changed(self, changes: Changes) -> None:
        if changes.codebook or changes.articles or changes.annotations:
            self._refresh_timer.start()  # the timer's refresh re-reads the filter choices too

    def _on_refresh_timer_timeout(self) -> None:
        if not self.isVisible():  # refreshed when shown: the workspace never waits for it
            self._stale = True
            return
        self.reload_choices()
        self.refresh()

    def showEvent(self, event) -> None:  # noqa: N802
        super().showEvent(event)
        if self._stale:
            self._stale = False
            self.reload_choices()
            self.refresh()

    def list_evidence(self, outlet: str | None, article: int | None, category: str | None) -> None:
        """List the annotated sentences behind a count: an outlet or article, a category or all."""
        base = self.filters()
        keys = list(ANONYMOUS_KEYS) if category == "anonymous" else [category]
        items = []
        for key in keys:
            filters = Filters(annotator=base.annotator, outlet=outlet, published_from=base.published_from,
                              published_to=base.published_to, category=key or base.category)
            found = annotated_sentences(self.session.project.database, filters,
                                        limit=None if article is not None else MAX_LISTED)
            items += [e for e in found if article is None or e.article_id == article]
        items.sort(key=lambda e: (e.article_id, e.start))
        labels = self.session.codebook.by_key
        what = {None: "all categories", "anonymous": "anonymous sources"}.get(
            category, labels[category].label if category in labels else category)
        shown = f"{len(items)}" if len(items) < MAX_LISTED else f"The first {MAX_LISTED}"
        self.evidence_title.setText(f"{shown} annotation(s) — {outlet or 'all outlets'}, {what}. "
                                    "Double-click one to open it in the workspace.")
        self.evidence.clear()
        for e in items[:MAX_LISTED]:
            item = QListWidgetItem(swatch(labels[e.category].color) if e.category in labels else swatch("#DDDDDD"),
                                   f"{e.title} · sentence {e.sentence}"
                                   + (f" · {e.source}" if e.source else "") + f"\n{e.text}")
            item.setData(EVIDENCE_ROLE, (e.article_id, e.start))
            item.setToolTip(plain_tooltip(e.note or e.text))
            self.evidence.addItem(item)

    def _on_evidence_item_activated(self, item: QListWidgetItem) -> None:
        article_id, start = item.data(EVIDENCE_ROLE)
        self.sentence_chosen.emit(article_id, start)
