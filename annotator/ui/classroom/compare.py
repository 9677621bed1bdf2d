"""Compare view: the answer key and one student on the same article, differences outlined.

The keymap's compare keys (N or F8, P or Shift+F8) step through the differences and its moving
keys (J, K...) move both sides together; the actions live on this widget, so in a compare tab N
steps and does not edit a note.
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from annotator.core.changes import Changes
from annotator.core.classroom.scoring import label, unit_labels
from annotator.ui.base import keymap
from annotator.ui.workspace.article_view import ArticleView, moving_commands
from annotator.ui.workspace.layers import DifferenceOutlines
from annotator.ui.base.session import ProjectSession


HEADER_MIN_WIDTH = 320


class CompareView(QWidget):
    def __init__(self, session: ProjectSession, key: str, student: str, article_id: int,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.key_name, self.student = key, student
        self.article = QComboBox(self)
        # As wide as the layout gives, not as the longest title: a combo sized to its contents made the
        # window wider than the screen, and it stayed so after the tab was closed.
        self.article.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.article.setMinimumContentsLength(20)
        self.article.view().setTextElideMode(Qt.TextElideMode.ElideRight)
        for article in session.project.articles.list():
            self.article.addItem(f"{article.outlet} — {article.title}", article.id)
        self.status = QLabel(self)
        self.status.setTextFormat(Qt.TextFormat.PlainText)  # it names the student
        self.status.setWordWrap(True)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.header = QLabel(f"Key: <b>{html.escape(key)}</b> (left) against <b>{html.escape(student)}</b> "
                             "(right) on", self)
        self.header.setTextFormat(Qt.TextFormat.RichText)
        # On one line; long names are cut at a narrow window rather than widening it past the screen.
        self.header.setMinimumWidth(min(self.header.sizeHint().width(), HEADER_MIN_WIDTH))
        top = QHBoxLayout()
        top.addWidget(self.header)
        top.addWidget(self.article, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.status)
        layout.addWidget(self.splitter, 1)
        self.views: list[ArticleView] = []
        self.outlines: list[DifferenceOutlines] = []
        self.differences: list[int] = []
        self.position = -1
        self.key_actions = keymap.install(self, {
            **moving_commands(lambda: self.views),
            "next_difference": lambda: self.step(1),
            "previous_difference": lambda: self.step(-1),
        }, keymap.MOVING, keymap.COMPARING)
        self.article.currentIndexChanged.connect(self._on_article_current_index_changed)
        session.changed.connect(self._on_session_changed)
        self.article.setCurrentIndex(max(0, self.article.findData(article_id)))
        self.show_article(self.article.currentData())

    def show_article(self, article_id: int) -> None:
        for view in self.views:
            view.setParent(None)
            view.deleteLater()
        self.views = [ArticleView(self.session, article_id, annotator=name) for name in (self.key_name, self.student)]
        self.outlines = [DifferenceOutlines() for _ in self.views]
        for view, outlines in zip(self.views, self.outlines):
            view.add_layer(outlines)
            self.splitter.addWidget(view)
        self._find_differences()
        self.step(1)

    def _find_differences(self) -> None:
        article_id = self.views[0].article_id
        labels = unit_labels(self.session.project.database, [self.key_name, self.student], [article_id])
        self._labels = {idx: (label(v[self.key_name]), label(v[self.student])) for (_, idx), v in labels.items()}
        self.differences = sorted(idx for idx, (a, b) in self._labels.items() if a != b)
        for view, outlines in zip(self.views, self.outlines):
            outlines.sentences = set(self.differences)
            view.viewport().update()
        self.position = -1

    def step(self, direction: int) -> None:
        """Select the next (1) or previous (-1) difference in both views."""
        if not self.differences:
            self.status.setText("No differences on this article: the student matches the key.")
            return
        self.position = (self.position + direction) % len(self.differences)
        idx = self.differences[self.position]
        for view in self.views:
            view.select_sentence(idx)
        key_label, student_label = self._labels[idx]
        self.status.setText(f"Difference {self.position + 1} of {len(self.differences)}: sentence {idx + 1} — "
                            f"key: {key_label}; {self.student}: {student_label}.  {_STEP_HINT}.")

    def _on_article_current_index_changed(self, index: int) -> None:
        if self.views and self.article.currentData() != self.views[0].article_id:
            self.show_article(self.article.currentData())

    def _on_session_changed(self, changes: Changes) -> None:
        if self.views and (changes.codebook or changes.touches_annotations_of(self.views[0].article_id)):
            self._find_differences()


_STEP_HINT = (f"{keymap.keys_text(keymap.binding('next_difference').keys)} next, "
              f"{keymap.keys_text(keymap.binding('previous_difference').keys)} previous")
