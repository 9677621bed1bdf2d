"""A column of the workspace: the article's outlet, title, date, sourcing mix and text."""

from __future__ import annotations

from collections import Counter

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QToolButton, QVBoxLayout, QWidget

from annotator.core.changes import Changes
from annotator.core.records import Article, ArticleId
from annotator.ui.workspace.article_view import ArticleView
from annotator.ui.workspace.mix_bar import MixBar
from annotator.ui.base.marks_by import CHOOSE_HINT, marks_by_text
from annotator.ui.base.plain_text import plain_label
from annotator.ui.base.session import ProjectSession


class ArticleColumn(QWidget):
    close_requested = Signal(object)

    def __init__(self, session: ProjectSession, article_id: ArticleId, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        article = session.project.articles.get(article_id)
        self.view = ArticleView(session, article_id, self)
        self.setObjectName("articleColumn")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.meta = plain_label(parent=self)  # outlet and title come from files: never rich text
        self.meta.setObjectName("columnMeta")
        self.title = plain_label(parent=self)
        self.title.setObjectName("columnTitle")
        self.title.setWordWrap(True)
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        close = QToolButton(self)
        close.setText("✕")
        close.setToolTip("Close this column")
        close.setAutoRaise(True)
        close.clicked.connect(lambda: self.close_requested.emit(self))
        self.close_button = close
        self.mix = MixBar(self)
        self.marks_by = plain_label(parent=self)  # annotators' names: never rich text
        self.marks_by.setObjectName("columnMarksBy")
        self.marks_by.setWordWrap(True)
        self.marks_by.setToolTip(CHOOSE_HINT)
        top = QHBoxLayout()
        top.addWidget(self.meta, 1)
        top.addWidget(close)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.setSpacing(4)
        layout.addLayout(top)
        layout.addWidget(self.title)
        layout.addWidget(self.mix)
        layout.addWidget(self.marks_by)
        layout.addWidget(self.view, 1)
        self._show_article(article)
        self.view.annotations_refreshed.connect(self.refresh_mix)  # not on every J/K
        session.changed.connect(self._on_session_changed)
        session.visible_changed.connect(self._on_session_visible_changed)
        self.refresh_mix()

    @property
    def article_id(self) -> ArticleId:
        return self.view.article_id

    def refresh_mix(self) -> None:
        counts = Counter(a.category for a in self.view.annotations())
        self.mix.set_parts([(c.color, counts.get(c.key, 0), c.label)
                            for c in self.session.codebook.all])
        self.marks_by.setText(marks_by_text(self.session, self.article_id, self.view.annotations()))
        self.marks_by.setVisible(bool(self.marks_by.text()))

    def set_active(self, active: bool) -> None:
        self.setProperty("active", active)
        self.style().unpolish(self)
        self.style().polish(self)

    def _show_article(self, article: Article) -> None:
        self.meta.setText(" · ".join(x for x in (article.outlet, article.published or "") if x))
        self.title.setText(article.title)

    def _on_session_visible_changed(self) -> None:
        self.view.reload_codebook()  # re-reads which annotations are shown, too
        self.refresh_mix()
        self.view.selection_changed.emit()  # the inspector lists only what is shown

    def _on_session_changed(self, changes: Changes) -> None:
        if changes.articles and self.session.project.is_open:
            self._show_article(self.session.project.articles.get(self.article_id))
