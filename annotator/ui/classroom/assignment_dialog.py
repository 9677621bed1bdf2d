"""Classroom ▸ Make assignment…: which articles, blind or not, suggestions or not, and where to write it."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from annotator.core.records import Article
from annotator.ui.base.plain_text import plain_label

PROJECT_FILTER = "Annotator projects (*.annot);;All files (*)"
ARTICLE_ROLE = Qt.ItemDataRole.UserRole + 1


@dataclass(frozen=True)
class AssignmentChoice:
    articles: tuple[int, ...]
    blind: bool
    suggestions: bool
    out: Path


class AssignmentDialog(QDialog):
    """Asks what goes into the assignment; accepted only with at least one article and a new file to write."""

    def __init__(self, articles: list[Article], project_path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Make assignment")
        self.project_path = project_path
        intro = plain_label("Each student gets a copy of the chosen articles and of the codebook, with nobody's "
                            "marks, to mark on their own and return to you.", self)
        intro.setWordWrap(True)
        self.articles = QListWidget(self)
        for article in articles:
            item = QListWidgetItem(" · ".join(x for x in (article.outlet, article.title) if x))
            item.setData(ARTICLE_ROLE, article.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked)
            item.setToolTip(article.title)
            self.articles.addItem(item)
        self.count = plain_label("", self)
        self.all_button = QPushButton("&All", self)
        self.none_button = QPushButton("&None", self)
        self.blind = QCheckBox("&Blind: each student sees only their own marks", self)
        self.suggestions = QCheckBox("Offer &suggested categories (dashed outlines the student may accept)", self)
        self.suggestions.setChecked(True)
        self.path = QLineEdit(str(_free_name(project_path)), self)
        self.choose_button = QPushButton("C&hoose…", self)
        self.problem = plain_label("", self)
        self.problem.setObjectName("dialogProblem")
        self.problem.setWordWrap(True)
        self.problem.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.write_button = self.buttons.addButton("&Write assignment", QDialogButtonBox.ButtonRole.AcceptRole)
        self._lay_out(intro)
        self._connect_signals()
        self._on_articles_item_changed()

    def _lay_out(self, intro: QWidget) -> None:
        picks = QHBoxLayout()
        picks.addWidget(self.count, 1)
        picks.addWidget(self.all_button)
        picks.addWidget(self.none_button)
        where = QHBoxLayout()
        where.addWidget(plain_label("Write to:", self))
        where.addWidget(self.path, 1)
        where.addWidget(self.choose_button)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(plain_label("Articles:", self))
        layout.addWidget(self.articles, 1)
        layout.addLayout(picks)
        layout.addWidget(self.blind)
        layout.addWidget(self.suggestions)
        layout.addLayout(where)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        self.resize(620, 520)

    def _connect_signals(self) -> None:
        self.articles.itemChanged.connect(self._on_articles_item_changed)
        self.all_button.clicked.connect(lambda: self._check_all(Qt.CheckState.Checked))
        self.none_button.clicked.connect(lambda: self._check_all(Qt.CheckState.Unchecked))
        self.blind.toggled.connect(self._on_blind_toggled)
        self.choose_button.clicked.connect(self._on_choose_button_clicked)
        self.buttons.accepted.connect(self._on_buttons_accepted)
        self.buttons.rejected.connect(self.reject)

    def chosen_articles(self) -> list[int]:
        return [self.articles.item(row).data(ARTICLE_ROLE) for row in range(self.articles.count())
                if self.articles.item(row).checkState() == Qt.CheckState.Checked]

    def choice(self) -> AssignmentChoice:
        return AssignmentChoice(tuple(self.chosen_articles()), self.blind.isChecked(), self.suggestions.isChecked(),
                                _with_suffix(Path(self.path.text().strip()).expanduser()))

    def _check_all(self, state: Qt.CheckState) -> None:
        for row in range(self.articles.count()):
            self.articles.item(row).setCheckState(state)

    def _on_articles_item_changed(self, _item: QListWidgetItem | None = None) -> None:
        chosen, total = len(self.chosen_articles()), self.articles.count()
        self.count.setText(f"{chosen} of {total} article{'s' * (total != 1)} chosen")
        self.write_button.setEnabled(chosen > 0)

    def _on_blind_toggled(self, blind: bool) -> None:
        self.suggestions.setChecked(not blind)  # suggestions would give a blind exercise away; tick to offer them

    def _on_choose_button_clicked(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, "Write the assignment to", self.path.text(), PROJECT_FILTER)
        if path:
            self.path.setText(path)

    def _on_buttons_accepted(self) -> None:
        problem = self._problem()
        self.problem.setText(problem or "")
        self.problem.setVisible(bool(problem))
        if problem is None:
            self.accept()

    def _problem(self) -> str | None:
        """Why the assignment cannot be written as chosen; None when it can."""
        if not self.chosen_articles():
            return "Choose at least one article."
        if not self.path.text().strip():
            return "Say where to write the assignment."
        out = self.choice().out
        if out.resolve() == self.project_path.resolve():
            return "That is this project itself: choose another name for the assignment."
        if out.exists():
            return f"{out} exists already: choose another name (the file is never replaced)."
        if not out.parent.is_dir():
            return f"There is no folder {out.parent}."
        return None


def _free_name(project_path: Path) -> Path:
    """'<project>-assignment.annot' beside the project, numbered if that is taken: never a file to replace."""
    path, n = project_path.with_name(f"{project_path.stem}-assignment.annot"), 1
    while path.exists():
        n += 1
        path = project_path.with_name(f"{project_path.stem}-assignment-{n}.annot")
    return path


def _with_suffix(path: Path) -> Path:
    return path if path.suffix else path.with_suffix(".annot")
