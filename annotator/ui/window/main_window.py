"""The main window: library, article columns, codebook and inspector, menus; wiring only."""

from __future__ import annotations

from pathlib import Path

import shiboken6
from PySide6.QtCore import QSettings, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QDockWidget, QLabel, QMainWindow, QTabBar, QTabWidget, QToolBar, QWidget

from annotator.core.analysis.stats import Filters
from annotator.core.changes import Changes
from annotator.core.records import ArticleId
from annotator.ui.workspace.annotating import Annotating
from annotator.ui.window.backup_dialog import start_daily_backup
from annotator.ui.workspace.codebook_panel import CodebookPanel
from annotator.ui.classroom.classroom_actions import ClassroomActions
from annotator.ui.workspace.columns import Columns
from annotator.ui.classroom.class_scores import ClassScores
from annotator.ui.classroom.compare import CompareView
from annotator.ui.dashboard.dashboard import Dashboard
from annotator.ui.dashboard.report_actions import ReportActions
from annotator.ui.base.errors import ErrorSink
from annotator.ui.window.file_actions import FileActions
from annotator.ui.window.panel_keys import PanelKeys
from annotator.ui.window.team_actions import TeamActions
from annotator.ui.window import window_state
from annotator.ui.window.help_pages import GUIDELINES_ANCHOR, UserGuide, about_text
from annotator.ui.workspace.inspector import InspectorPanel
from annotator.ui.base import keymap
from annotator.ui.base.keyboard_help import KeyboardHelp
from annotator.ui.base.lazy_tab import LazyTab
from annotator.ui.library.library import LibraryPanel
from annotator.ui.base.plain_text import menu_text, window_title
from annotator.ui.base.session import ProjectSession
from annotator.ui.story.claim_layer import ClaimLinks
from annotator.ui.workspace.search_panel import SearchPanel
from annotator.ui.story.provenance_tab import ProvenanceTab
from annotator.ui.story.story_tab import StoryTab
from annotator.ui.suggestions.suggestion_actions import SuggestionActions


class MainWindow(QMainWindow):
    project_switch_requested = Signal(object, bool)  # path, create it

    def __init__(self, session: ProjectSession, settings: QSettings) -> None:
        super().__init__()
        self.session = session
        self.settings = settings
        self.errors = ErrorSink(self, self.statusBar().showMessage)
        self.setObjectName("mainWindow")
        self.setWindowTitle(f"{window_title(session.project.name)} — Source annotator")
        self.setAcceptDrops(True)
        self.columns = Columns(session, self)
        # The Dashboard and Story tabs are built when first shown (or asked for): not on the way to a
        # window ready to annotate in.
        self._dashboard_tab = LazyTab(self._make_dashboard, self)
        self._story_tab = LazyTab(self._make_story, self)
        self._provenance_tab = LazyTab(self._make_provenance, self)
        self.tabs = QTabWidget(self)
        self.tabs.setDocumentMode(True)
        self.tabs.setTabsClosable(True)
        # Scroll arrows and elided names on every platform (macOS's style prefers neither): each compare
        # tab made the tab bar, and with it the window, wider, past the screen's edge.
        self.tabs.setUsesScrollButtons(True)
        self.tabs.setElideMode(Qt.TextElideMode.ElideRight)
        self.tabs.tabCloseRequested.connect(self._on_tabs_close_requested)
        self.tabs.addTab(self.columns, "Workspace")
        self.tabs.addTab(self._dashboard_tab, "Dashboard")
        self.tabs.addTab(self._story_tab, "Story")
        self.tabs.addTab(self._provenance_tab, "Provenance")
        for index in range(self.tabs.count()):  # only compare tabs can be closed
            self.tabs.tabBar().setTabButton(index, QTabBar.ButtonPosition.RightSide, None)
        self.setCentralWidget(self.tabs)
        self.library = LibraryPanel(session, self.errors, self)
        self.codebook = CodebookPanel(session, self.errors, self)
        self.inspector = InspectorPanel(session, self)
        docks = [
            self._dock("Library", "libraryDock", self.library, Qt.DockWidgetArea.LeftDockWidgetArea),
            self._dock("Codebook", "codebookDock", self.codebook, Qt.DockWidgetArea.RightDockWidgetArea),
            self._dock("Annotation", "inspectorDock", self.inspector, Qt.DockWidgetArea.RightDockWidgetArea),
        ]
        self.resizeDocks(docks, [330, 320, 320], Qt.Orientation.Horizontal)
        self.search = SearchPanel(session, self.errors, self)
        self.search_dock = self._dock("Search", "searchDock", self.search, Qt.DockWidgetArea.BottomDockWidgetArea)
        self.search_dock.hide()  # shown by Ctrl+F or Ctrl+Shift+F
        self.claim_links = ClaimLinks(session, self.columns, self.errors.notice, self)
        self.annotating = Annotating(session, self.inspector, self.errors, self)
        self.exports = ReportActions(session, self.errors, self, Filters)  # File ▸ Export: every annotation
        self.files = FileActions(session, self.errors, settings, self, export_annotations=self.exports.annotations_csv)
        self.team = TeamActions(session, self.errors, self)  # File ▸ Share, Join, Sync; the sync status
        self.classroom = ClassroomActions(session, self.errors, settings, self)
        self.assignment_banner = self.classroom.banner(self)
        if self.assignment_banner is not None:  # a student's file: a bar across the top says what to do
            self._top_bar(self.assignment_banner)
        self.suggesting = SuggestionActions(session, self.columns, self.inspector, self.errors, settings, self)
        self.panels = PanelKeys(self, self.errors)
        self._build_menus()
        self._build_status_bar()
        self._connect_signals()
        window_state.restore(self)
        if not session.project.read_only:  # at most one backup a day, made at opening
            start_daily_backup(session, self.errors)
        self.tabs.setCurrentIndex(int(self.settings.value("window/tab", 0) or 0))

    def _dock(self, title: str, name: str, widget, area: Qt.DockWidgetArea) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(name)
        dock.setWidget(widget)
        dock.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetMovable
                         | QDockWidget.DockWidgetFeature.DockWidgetFloatable)
        self.addDockWidget(area, dock)
        return dock

    def _top_bar(self, widget: QWidget) -> None:
        """`widget` across the window's top, over the docks too; fixed, and not in the docks' menu."""
        bar = QToolBar(self)
        bar.setObjectName(f"{widget.objectName()}Bar")
        bar.setMovable(False)
        bar.setFloatable(False)
        bar.toggleViewAction().setVisible(False)
        bar.addWidget(widget)
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, bar)

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu("&File")
        self.files.populate(file_menu)
        self.team.populate(file_menu, before=self.files.quit_action)
        edit = self.menuBar().addMenu("&Edit")
        self.undo_action = self.session.undo_stack.createUndoAction(self, "&Undo")  # keys: the keymap's
        self.redo_action = self.session.undo_stack.createRedoAction(self, "&Redo")
        edit.addAction(self.undo_action)
        edit.addAction(self.redo_action)
        self.view_menu = self.menuBar().addMenu("&View")
        self.suggesting.populate(edit, self.view_menu)
        self.classroom.populate(self.menuBar().addMenu("&Classroom"), self.view_menu)
        self.find_action = QAction("&Find in article…", self)
        self.find_action.triggered.connect(self._on_find_triggered)
        self.search_action = QAction("&Search all articles…", self)
        self.search_action.triggered.connect(lambda: self._open_search(in_article=False))
        edit.addSeparator()
        for action in (self.library.set_outlet_action, self.library.set_date_action, self.library.delete_action):
            edit.addAction(action)  # on the articles chosen in the library
        edit.addSeparator()
        edit.addAction(self.find_action)
        edit.addAction(self.search_action)
        help_menu = self.menuBar().addMenu("&Help")
        self.keys_action = QAction("&Keyboard", self)
        self.keys_action.triggered.connect(self._on_keys_triggered)
        help_menu.addAction(self.keys_action)
        self.guide_action = help_menu.addAction("&User guide", self.show_guide)
        self.guidelines_action = help_menu.addAction("Coding &guidelines", lambda: self.show_guide(GUIDELINES_ANCHOR))
        self.about_action = help_menu.addAction("&About", self.show_about)
        self.user_guide: UserGuide | None = None
        self._install_keymap()

    def _install_keymap(self) -> None:
        """The keymap's annotating keys on the workspace, its window keys on the menus' actions."""
        annotating = self.annotating
        self.key_actions = keymap.install(self.columns, {
            "assign": annotating.assign_shortcut, "delete": annotating.delete_chosen,
            "note": annotating.edit_note, "source": annotating.edit_source,
            "choose_next": annotating.choose_next, "choose_previous": annotating.choose_previous}, keymap.ANNOTATING)
        self.panel_key_actions = keymap.install(self, self.panels.commands(), keymap.PANELS)
        files = self.files
        for command, action in [("new_project", files.new_action), ("open_project", files.open_action),
                                ("quit", files.quit_action), ("undo", self.undo_action), ("redo", self.redo_action),
                                ("import", files.import_action), ("export", files.export_action),
                                ("sync", self.team.sync_action),
                                ("keyboard_help", self.keys_action), ("find_in_article", self.find_action),
                                ("search_project", self.search_action)]:
            keymap.apply(action, command)
            self.addAction(action)  # found by keymap.action_for from a view of an inactive window too
        self.keyboard_help: KeyboardHelp | None = None
        self.claim_key_actions = keymap.install(self.columns, {
            "next_claim_match": self.claim_links.next_match,
            "previous_claim_match": self.claim_links.previous_match}, keymap.CLAIMS)

    def _build_status_bar(self) -> None:
        self.read_only_label = QLabel("Read-only: changes cannot be saved to this file")
        self.read_only_label.setObjectName("readOnlyNotice")
        self.read_only_label.setVisible(self.session.project.read_only)
        self.statusBar().addPermanentWidget(self.read_only_label)
        self.statusBar().addPermanentWidget(self.team.status_label)
        self.saved_label = QLabel("")
        self.statusBar().addPermanentWidget(self.saved_label)
        # Normal widgets, not a message: a notice covers them for a while, then they come back.
        self.where_label = QLabel(f"{self.session.project.path} — annotating as {self.session.annotator}.")
        self.key_hint = QLabel(keymap.status_hint())
        self.key_hint.setObjectName("keyHint")
        self.key_hint.setToolTip("Help ▸ Keyboard lists every key")
        for label in (self.where_label, self.key_hint):
            label.setTextFormat(Qt.TextFormat.PlainText)
            self.statusBar().addWidget(label)

    def _connect_signals(self) -> None:
        self.library.open_requested.connect(self._on_library_open_requested)
        self.columns.current_changed.connect(self._on_columns_current_changed)
        self.columns.column_opened.connect(self._on_columns_column_opened)
        self.codebook.assign_requested.connect(self.annotating.assign)
        self.inspector.edit_requested.connect(self.annotating.edit)
        self.session.changed.connect(self._on_session_changed)
        self.session.failed.connect(self.errors.report)
        self.files.project_switch_requested.connect(self.project_switch_requested)
        self.team.project_switch_requested.connect(self.project_switch_requested)
        self.files.quit_requested.connect(self.close)
        self.files.project_restored.connect(self.session.reload)
        self.classroom.compare_requested.connect(self.open_compare)
        self.classroom.scores_requested.connect(self.open_class_scores)
        self.search.sentence_chosen.connect(self._on_dashboard_sentence_chosen)
        self.search.sentence_found.connect(self._on_search_sentence_found)
        self.search.close_requested.connect(self.panels.close_search)

    @property
    def dashboard(self) -> Dashboard:
        return self._dashboard_tab.widget()

    @property
    def story(self) -> StoryTab:
        return self._story_tab.widget()

    @property
    def provenance(self) -> ProvenanceTab:
        return self._provenance_tab.widget()

    def show_tab(self, page: QWidget) -> None:
        """Bring forward the tab that shows `page` (the Dashboard and Story pages sit in a LazyTab)."""
        for index in range(self.tabs.count()):
            tab = self.tabs.widget(index)
            if tab is page or tab.isAncestorOf(page):
                self.tabs.setCurrentIndex(index)
                return

    def _make_dashboard(self, parent: QWidget) -> Dashboard:
        dashboard = Dashboard(self.session, self.errors, parent)
        dashboard.sentence_chosen.connect(self._on_dashboard_sentence_chosen)
        return dashboard

    def _make_story(self, parent: QWidget) -> StoryTab:
        story = StoryTab(self.session, self.errors, parent)
        story.sentence_chosen.connect(self._on_dashboard_sentence_chosen)
        return story

    def _make_provenance(self, parent: QWidget) -> ProvenanceTab:
        provenance = ProvenanceTab(self.session, self.errors, parent)
        provenance.sentence_chosen.connect(self._on_dashboard_sentence_chosen)
        return provenance

    def open_article(self, article_id: ArticleId, *, new_column: bool = False) -> None:
        self.columns.open(article_id, new_column=new_column)

    def _on_columns_column_opened(self, column) -> None:
        view = column.view
        view.selection_changed.connect(self.annotating.refresh_inspector)  # its keys are the workspace's actions
        self.suggesting.add_to(view)

    def _on_tabs_close_requested(self, index: int) -> None:
        widget = self.tabs.widget(index)
        if widget not in (self.columns, self._dashboard_tab, self._story_tab, self._provenance_tab):  # these stay
            self.tabs.removeTab(index)
            widget.deleteLater()

    def _on_dashboard_sentence_chosen(self, article_id: int, start: int) -> None:
        self.tabs.setCurrentWidget(self.columns)
        self.open_article(ArticleId(article_id))
        view = self.columns.current.view
        view.select_sentence(view.sentence_at(start))
        view.setFocus()

    def _on_search_sentence_found(self, article_id: int, start: int) -> None:
        """Find next: select the match in its column; the focus stays in the search field."""
        self.tabs.setCurrentWidget(self.columns)
        self.open_article(ArticleId(article_id))
        view = self.columns.current.view
        view.select_sentence(view.sentence_at(start))
        self.search.query.setFocus()

    def _on_find_triggered(self) -> None:
        current = self.columns.current
        if current is None:
            self.errors.notice("No article is open: searching every article.")
        self._open_search(in_article=True)

    def _open_search(self, *, in_article: bool) -> None:
        current = self.columns.current
        self.search_dock.show()
        self.search_dock.raise_()
        self.search.start(current.article_id if current else None, in_article=in_article)

    def _on_library_open_requested(self, article_id: int, new_column: bool) -> None:
        self.open_article(ArticleId(article_id), new_column=new_column)

    def _on_columns_current_changed(self) -> None:
        current = self.columns.current
        self.annotating.view = current.view if current else None
        self.annotating.refresh_inspector()

    def _on_session_changed(self, changes: Changes) -> None:
        self.saved_label.setText("All changes saved")
        if changes.articles:
            self._close_columns_of_deleted_articles()

    def _close_columns_of_deleted_articles(self) -> None:
        """An article deleted (here, by a redo, or elsewhere) leaves no column behind. Connected before any
        column exists, this runs before the columns hear of the change; a column is destroyed at once,
        not later, so it never hears of it and looks for its article."""
        listing = self.session.project.listing
        for column in self.columns.columns():
            if listing.position(column.article_id) is None:
                self.columns.close_column(column)
                shiboken6.delete(column)

    def open_compare(self, key: str, student: str) -> CompareView:
        """A tab with the key and the student side by side, on the current article (or the key's first)."""
        for index in range(self.tabs.count()):  # the one open for them, brought forward
            widget = self.tabs.widget(index)
            if isinstance(widget, CompareView) and (widget.key_name, widget.student) == (key, student):
                self.tabs.setCurrentIndex(index)
                return widget
        current = self.columns.current
        article_id = current.article_id if current else _first_article(self.session.project, key)
        view = CompareView(self.session, key, student, article_id)
        index = self.tabs.addTab(view, menu_text(f"{key} vs {student}"))
        self.tabs.setCurrentIndex(index)
        view.views[1].setFocus()
        return view

    def open_class_scores(self, key: str) -> ClassScores:
        """The Class scores tab for this key (the open one, brought forward, if there is one)."""
        for index in range(self.tabs.count()):
            widget = self.tabs.widget(index)
            if isinstance(widget, ClassScores) and widget.key == key:
                self.tabs.setCurrentIndex(index)
                return widget
        scores = ClassScores(self.session, key, self)
        scores.compare_requested.connect(self.open_compare)
        scores.sentence_chosen.connect(self._on_dashboard_sentence_chosen)
        self.tabs.setCurrentIndex(self.tabs.addTab(scores, menu_text(f"Class scores ({key})")))
        return scores

    def _on_keys_triggered(self) -> None:
        """Show the keyboard page (made once, kept open beside the window until closed)."""
        if self.keyboard_help is None:
            self.keyboard_help = KeyboardHelp(self)
        self.keyboard_help.show()
        self.keyboard_help.raise_()
        self.keyboard_help.activateWindow()

    def show_guide(self, anchor: str | None = None) -> None:
        """Help ▸ User guide (or Coding guidelines, at `anchor`): made once, kept open beside the window."""
        if self.user_guide is None:
            self.user_guide = UserGuide(self)
        self.user_guide.show_at(anchor)
        self.user_guide.activateWindow()

    def show_about(self) -> None:
        self.errors.inform("About Source annotator", about_text(self.session.project.path))

    # -- drag and drop ----------------------------------------------------------------------
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802
        paths = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
        if paths:  # every file, so one of a type the import cannot read is listed as refused, not dropped unseen
            event.acceptProposedAction()
            self.files.ask_and_import(paths)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        self.files.cancel_import()  # stops after the current file; what was imported is kept
        if self._story_tab.built:
            self.story.cancel_recompute()
        self.suggesting.cancel()
        window_state.save(self)
        super().closeEvent(event)


def _first_article(project, key: str) -> int:
    annotated = [a.article_id for a in project.annotations.list(annotator=key)]
    return annotated[0] if annotated else project.articles.list()[0].id
