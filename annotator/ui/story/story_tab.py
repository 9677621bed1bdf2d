"""The Story tab: the claims the articles share, one row each, and how each outlet sources them.

The grid (story_model.py) has one column per outlet; a cell shows the colours of the categories on
that outlet's sentences of the claim, hatched where they are not annotated yet, empty where the
outlet does not report it. A click on a cell opens the sentence in the workspace. The claim column
is wide, wraps its text (rows grow to fit) and stays in view while the outlets scroll sideways
(frozen_table.py); with many outlets their columns are narrow, headed by abbreviations, the full
names in the headers' tooltips. Below, the chosen
claim's sentences, from which one can be taken out. Claims are recomputed in the background, with
progress, when the tab is first shown and after articles are imported; corrections (merge, name,
take out) are operations, undone with Ctrl+Z.
"""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QModelIndex, QRect, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QProgressBar,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from annotator.core.changes import Changes
from annotator.core.claims.compute import METHOD
from annotator.core.claims.refresh import RecomputeClaims
from annotator.core.ops.base import Operation
from annotator.core.ops.claims import MergeClaims, NameClaim, RemoveFromClaim
from annotator.core.records import Claim, ClaimSentence
from annotator.core.records import outlet_order
from annotator.ui.base.errors import ErrorSink
from annotator.ui.base.plain_text import plain_label
from annotator.ui.base.session import ProjectSession
from annotator.ui.story.claim_sentences import SENTENCE_ROLE, export_grid, sentence_items
from annotator.ui.story.claim_sources import ClaimSources
from annotator.ui.story.frozen_table import FrozenColumnTable
from annotator.ui.story.story_model import (
    COUNT, FIXED, NAME, SOURCES, CellDelegate, ClaimGridModel, only_anonymous, shown_names,
)

ROW_HEIGHT = 26  # a row of one line; a claim's text wraps onto more, up to MAX_LINES
MAX_LINES = 5  # longer names are elided in the grid (whole in the tooltip and the list below)
CLAIM_WIDTH = (230, 440)  # the claim column: 30% of the grid, within these bounds
OUTLET_WIDTH = (34, 130)  # an outlet's column: as wide as fits, within these (narrow: abbreviated)
# At 1440×900 with the library and codebook docks open the grid is about 730 pixels wide: a claim
# column of 230 (three lines of a typical claim), the outlets and sources counts, and ten outlets.


class StoryTab(QWidget):
    sentence_chosen = Signal(int, int)  # article id, sentence start

    def __init__(self, session: ProjectSession, errors: ErrorSink, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.errors = errors
        self.task: RecomputeClaims | None = None
        self._sentences = 0  # how many sentences the running recompute groups
        self._stale = True  # read (and recomputed if need be) when first shown
        self.model = ClaimGridModel(self)
        self.sources = ClaimSources(session, errors, self)  # the Sources column, computed in the background
        self.delegate = CellDelegate({}, self)
        self.table = FrozenColumnTable(len(FIXED), self)  # the claim and its counts stay in view
        self.table.setObjectName("storyGrid")
        self.table.frozen.setObjectName("storyClaims")
        self.table.setModel(self.model)
        self.table.setItemDelegate(self.delegate)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(COUNT, Qt.SortOrder.DescendingOrder)
        self.table.setWordWrap(False)
        self.table.frozen.setWordWrap(True)
        self.table.frozen.setTextElideMode(Qt.TextElideMode.ElideRight)
        for view in (self.table, self.table.frozen):
            view.verticalHeader().setVisible(False)
            view.verticalHeader().setDefaultSectionSize(ROW_HEIGHT)
            view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.horizontalHeader().setMinimumSectionSize(OUTLET_WIDTH[0])
        self.table.horizontalHeader().setDefaultAlignment(Qt.AlignmentFlag.AlignCenter)
        self.table.frozen.horizontalHeader().setDefaultAlignment(Qt.AlignmentFlag.AlignCenter)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self._claim_width: int | None = None  # set when the user drags the claim column's edge
        self._sizing = False
        self._fit_timer = QTimer(self)  # rows are refitted once a drag of the claim column's edge pauses
        self._fit_timer.setSingleShot(True)
        self._fit_timer.setInterval(60)
        self.anonymous_only = QCheckBox("Anonymous-only claims", self)
        self.anonymous_only.setToolTip("Only the claims that some outlet sources only anonymously")
        self.anonymous_only.setToolTip("Claims where, for some outlet, every category marked on its sentences "
                                       "is an anonymous source")
        self.summary = plain_label(parent=self)
        self.summary.setObjectName("storySummary")
        self.summary.setWordWrap(True)  # long text must not widen the window
        self.progress = QProgressBar(self)
        self.progress.setMaximumWidth(220)
        self.progress.setMinimumWidth(60)
        self.progress.setFormat("Finding claims… %p%")
        self.progress.setVisible(False)
        self.merge_button = QPushButton("Merge", self)
        self.merge_button.setToolTip("Make one claim of the two selected rows (Ctrl+click selects a second row)")
        self.rename_button = QPushButton("Name…", self)
        self.rename_button.setToolTip("Give the selected claim a name of your own")
        self.export_button = QPushButton("Export CSV…", self)
        self.export_button.setToolTip("Write the grid as shown (filter and order) to a CSV file")
        self.detail_title = plain_label("Select a claim to list its sentences.", self)
        self.detail_title.setWordWrap(True)
        self.detail = QListWidget(self)
        self.detail.setObjectName("storySentences")
        self.detail.setWordWrap(True)
        self.detail.setAlternatingRowColors(True)
        self.take_out_button = QPushButton("Take sentence out of claim", self)
        self.take_out_button.setToolTip("The selected sentence does not state this claim")
        self._build_layout()
        self._connect_signals()
        self._update_buttons()

    def _build_layout(self) -> None:
        bar = QHBoxLayout()
        bar.addWidget(self.anonymous_only)
        bar.addStretch(1)
        bar.addWidget(self.progress)
        for button in (self.merge_button, self.rename_button, self.export_button):
            bar.addWidget(button)
        lower = QWidget(self)
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        head = QHBoxLayout()
        head.addWidget(self.detail_title, 1)
        head.addWidget(self.take_out_button)
        lower_layout.addLayout(head)
        lower_layout.addWidget(self.detail)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(self.table)
        splitter.addWidget(lower)
        splitter.setSizes([560, 180])
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.summary)
        layout.addWidget(splitter, 1)

    def _connect_signals(self) -> None:
        self.session.changed.connect(self._on_session_changed)
        self.sources.computed.connect(lambda: self.model.set_origins(self.sources.origins))
        self.anonymous_only.toggled.connect(lambda _on: self.refresh())
        self.table.clicked.connect(self._on_table_clicked)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._on_selection_changed())
        self.table.customContextMenuRequested.connect(self._on_context_menu_requested)
        self.table.horizontalHeader().sectionResized.connect(self._on_section_resized)
        self._fit_timer.timeout.connect(self._fit_rows)
        self.table.resized.connect(lambda: self._size_columns() if self.model.columnCount() else None)
        self.merge_button.clicked.connect(self.merge_selected)
        self.rename_button.clicked.connect(self.rename_selected)
        self.export_button.clicked.connect(self.export_csv)
        self.take_out_button.clicked.connect(self.take_out_selected)
        self.detail.itemActivated.connect(self._on_detail_item_activated)
        self.detail.itemDoubleClicked.connect(self._on_detail_item_activated)
        self.detail.currentItemChanged.connect(lambda *_: self._update_buttons())

    # -- reading -----------------------------------------------------------------------------------
    def refresh(self) -> None:
        """Re-read the claims (as stored) into the grid, keeping the selected claims selected."""
        if not self.session.project.is_open:
            return
        project = self.session.project
        selected = {c.id for c in self.selected_claims()}
        categories = self.session.codebook.all
        self.delegate.colors = {c.key: c.color for c in categories}
        everything = project.claims.list()
        claims = [c for c in everything if only_anonymous(c)] if self.anonymous_only.isChecked() else everything
        outlets = sorted({o for c in everything for o in c.outlets} | set(project.articles.outlets()),
                         key=outlet_order)
        self.model.set_claims(claims, outlets, {c.key: c.label for c in categories})
        self._size_columns()
        flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
        for row, claim in enumerate(self.model.claims):
            if claim.id in selected:
                self.table.selectionModel().select(self.model.index(row, 0), flags)
        shown = f"{len(claims)} of {len(everything)}" if len(claims) != len(everything) else f"{len(claims)}"
        note = ""
        if project.read_only and project.claims.is_stale(METHOD):
            note = " (read-only: as last computed, may be out of date)"
        self.summary.setText(f"{shown} claims{note}. Each cell: the categories marked on that outlet's sentences; "
                             "hatched: reported, not marked yet; empty: not reported. Click a cell to open it.")
        self._on_selection_changed()

    # -- the grid's shape ------------------------------------------------------------------------
    def _size_columns(self) -> None:
        """A claim column about a third of the grid wide (or as the user dragged it), the outlets sharing the
        rest as evenly as their bounds allow, the claim column taking what they leave; then rows fit."""
        if self._sizing:
            return
        self._sizing = True
        try:
            header = self.table.horizontalHeader()
            width = self.table.viewport().width()
            outlets = len(self.model.outlets)
            metrics = header.fontMetrics()
            count = metrics.horizontalAdvance(FIXED[COUNT]) + 28  # room for the sort arrow
            sources = metrics.horizontalAdvance(FIXED[SOURCES]) + 28
            claim = self._claim_width or max(CLAIM_WIDTH[0], min(CLAIM_WIDTH[1], width * 3 // 10))
            each = OUTLET_WIDTH[1]
            if outlets:
                each = max(OUTLET_WIDTH[0], min(OUTLET_WIDTH[1], (width - claim - count - sources) // outlets))
            if self._claim_width is None:
                claim = max(claim, width - count - sources - each * outlets)  # few outlets: the claim takes the rest
            for column in range(self.model.columnCount()):
                header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            self.table.setColumnWidth(NAME, claim)
            self.table.setColumnWidth(COUNT, count)
            self.table.setColumnWidth(SOURCES, sources)
            for column in range(len(FIXED), self.model.columnCount()):
                self.table.setColumnWidth(column, each)
            self.model.set_shown_names(shown_names(self.model.outlets,
                                                   lambda text: metrics.horizontalAdvance(text) + 10 <= each))
        finally:
            self._sizing = False
        self._fit_rows()

    def _fit_rows(self) -> None:
        """Each row as tall as its claim's name wrapped in the claim column (up to MAX_LINES lines)."""
        frozen = self.table.frozen
        metrics = frozen.fontMetrics()
        width = max(20, self.table.columnWidth(NAME) - 12)
        most = MAX_LINES * metrics.lineSpacing() + 8
        for row in range(len(self.model.claims)):
            shown = self.model.index(row, NAME).data()  # the name and, when disputed, its mark
            text = metrics.boundingRect(QRect(0, 0, width, 10_000), Qt.TextFlag.TextWordWrap, shown)
            height = max(ROW_HEIGHT, min(most, text.height() + 8))
            if self.table.rowHeight(row) != height:
                self.table.setRowHeight(row, height)

    def _on_section_resized(self, column: int, _old: int, size: int) -> None:
        if column == NAME and not self._sizing:  # the user dragged the claim column's edge
            self._claim_width = size
            self._fit_timer.start()

    def selected_claims(self) -> list[Claim]:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        return [self.model.claim(r) for r in rows if r < len(self.model.claims)]

    def showEvent(self, event) -> None:  # noqa: N802
        super().showEvent(event)
        if self._stale:
            self._stale = False
            self.refresh()
            self.recompute_if_stale()
            if self.task is None:  # else counted once the claims are grouped afresh
                self.sources.compute()

    def recompute_if_stale(self) -> None:
        project = self.session.project
        if self.task is None and not project.read_only and project.claims.is_stale(METHOD):
            self.recompute()

    def recompute(self) -> None:
        """Group the sentences afresh in the background (the grid shows the stored claims meanwhile)."""
        if self.task is not None:
            return
        self.task = RecomputeClaims()
        self.progress.setRange(0, 0)
        self.progress.setVisible(True)
        self._sentences = 0
        (self.session.run_in_background(self.task, self.errors).on_progress(self._on_progressed)
         .on_end(self._on_recompute_ended).on_success(self._on_recomputed).start())

    def cancel_recompute(self) -> None:
        if self.task is not None:
            self.task.cancel.set()

    def _on_progressed(self, done: int, total: int, _item: str) -> None:
        """The bar above the grid, and the window's status bar: "Grouping claims: 1,200 of 4,800 sentences…"."""
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)
        self._sentences = total
        if total and done < total and self.session.project.is_open:
            self.errors.notice(f"Grouping claims: {done:,} of {_count(total, 'sentence')}…")

    def _on_recomputed(self, changes: Changes) -> None:
        self.refresh()
        self.sources.compute()
        if self.session.project.is_open:
            self.errors.notice(f"Claims grouped: {_count(len(self.model.claims), 'claim')} "
                               f"from {_count(self._sentences, 'sentence')}.")
            if changes.claims and self.isVisible():  # not cancelled, yet articles came, went or changed date
                self.recompute_if_stale()             # while it ran: group again

    def _on_recompute_ended(self) -> None:
        self.task = None
        self.progress.setVisible(False)

    def _on_session_changed(self, changes: Changes) -> None:
        if not self.session.project.is_open:
            return
        if changes.articles:
            if self.isVisible():
                self.recompute_if_stale()
            else:
                self._stale = True
        if changes.claims or changes.codebook or changes.annotations or changes.articles:
            if self.isVisible():
                self.refresh()
                if changes.claims or changes.annotations or changes.articles:
                    self.sources.compute()  # an annotation can name the outlet a sentence relays
            else:
                self._stale = True

    # -- the chosen claim -----------------------------------------------------------------------
    def _on_selection_changed(self) -> None:
        claims = self.selected_claims()
        self.detail.clear()
        if len(claims) != 1:
            self.detail_title.setText("Select a claim to list its sentences." if not claims
                                      else f"{len(claims)} claims selected.")
            self._update_buttons()
            return
        claim = claims[0]
        self.detail_title.setText(f"{claim.label} — {len(claim.sentences)} sentences, "
                                  f"{len(claim.outlets)} outlets. Double-click one to open it.")
        for item in sentence_items(self.session.project, claim, self.delegate.colors, self.model.labels):
            self.detail.addItem(item)
        self._update_buttons()

    def _update_buttons(self) -> None:
        count = len(self.selected_claims())
        self.merge_button.setEnabled(count == 2)
        self.rename_button.setEnabled(count == 1)
        self.take_out_button.setEnabled(count == 1 and self.detail.currentItem() is not None)

    def _on_table_clicked(self, index: QModelIndex) -> None:
        if index.column() < len(FIXED):
            return
        sentences: list[ClaimSentence] = self.model.sentences(index)
        if sentences:
            first = sentences[0]
            start = self.session.project.articles.sentence(first.article_id, first.idx).start
            self.sentence_chosen.emit(first.article_id, start)

    def _on_detail_item_activated(self, item: QListWidgetItem) -> None:
        article_id, _idx, start = item.data(SENTENCE_ROLE)
        self.sentence_chosen.emit(article_id, start)

    def _on_context_menu_requested(self, position) -> None:
        menu = QMenu(self)
        for button in (self.merge_button, self.rename_button):
            action = menu.addAction(button.text().replace("Merge", "Merge the two selected claims"))
            action.setEnabled(button.isEnabled())
            action.triggered.connect(button.click)
        menu.exec(self.table.viewport().mapToGlobal(position))
        menu.deleteLater()

    # -- corrections (undoable) -------------------------------------------------------------------
    def _run(self, operation: Operation) -> bool:
        return self.session.try_run(operation, self.errors.report) is not None

    def merge_selected(self) -> None:
        """Merge the two selected claims into the upper one (its name kept, or the named one's)."""
        claims = self.selected_claims()
        if len(claims) != 2:
            self.errors.notice("Select two claims to merge (Ctrl+click the second).")
            return
        keep, other = claims
        if self._run(MergeClaims(keep.id, other.id)):
            self.errors.notice("Claims merged. Ctrl+Z undoes it.")

    def rename_selected(self) -> None:
        claims = self.selected_claims()
        if len(claims) != 1:
            self.errors.notice("Select one claim to name.")
            return
        label, ok = QInputDialog.getText(self, "Name claim", "Name:", text=claims[0].label)
        if ok and label.strip() and label.strip() != claims[0].label:
            self._run(NameClaim(claims[0].id, label))

    def take_out_selected(self) -> None:
        claims = self.selected_claims()
        item = self.detail.currentItem()
        if len(claims) != 1 or item is None:
            self.errors.notice("Select a claim and one of its sentences first.")
            return
        article_id, idx, _start = item.data(SENTENCE_ROLE)
        if self._run(RemoveFromClaim(claims[0].id, article_id, idx)):
            self.errors.notice("Sentence taken out of the claim. Ctrl+Z undoes it.")

    def export_csv(self) -> None:
        export_grid(self, self.model, self.errors)

def _count(number: int, noun: str) -> str:
    return f"{number:,} {noun}{'' if number == 1 else 's'}"
