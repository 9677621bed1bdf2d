"""The Class scores tab: each student against the answer key, the class's agreement, where it disagrees.

The figures are those of `annotator score` (core/classroom/scoring.py), kept current as annotations
change. Double-click a student to compare them with the key side by side; double-click a sentence
to open it in the workspace.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QHeaderView, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

from annotator.core.changes import Changes
from annotator.core.classroom.scoring import ClassAgreement, Disagreement, StudentScore, score_students
from annotator.core.errors import AnnotatorError
from annotator.ui.base.plain_text import plain_label, plain_tooltip
from annotator.ui.base.session import ProjectSession
from annotator.ui.base.sorted_row import SORT_ROLE, SortedRow

TARGET_ROLE = Qt.ItemDataRole.UserRole + 2  # a student's name, or (article id, sentence start)
SHOWN_DISAGREEMENTS = 50


class ClassScores(QWidget):
    compare_requested = Signal(str, str)  # the key's name, the student's name
    sentence_chosen = Signal(int, int)  # article id, the sentence's start

    def __init__(self, session: ProjectSession, key: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.key = key
        self.summary = plain_label("", self)
        self.summary.setWordWrap(True)
        self.students = _table(["Student", "Sentences", "Accuracy", "Cohen's κ"], self)
        self.students.setToolTip("Double-click a student to compare them with the key, side by side")
        self.disagreements = _table(["Agreement", "Outlet", "#", "Sentence", "What each student said"], self)
        self.disagreements.setToolTip("Double-click a sentence to open it")
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.students, 2)
        layout.addWidget(plain_label("Sentences the students disagree on most (the least agreement first)", self))
        layout.addWidget(self.disagreements, 3)
        self._refresh_timer = QTimer(self)
        self._refresh_timer.setSingleShot(True)
        self._refresh_timer.setInterval(300)  # after a burst of annotations, not on every key press
        self._refresh_timer.timeout.connect(self.refresh)
        self.students.itemActivated.connect(self._on_student_activated)
        self.disagreements.itemActivated.connect(self._on_disagreement_activated)
        session.changed.connect(self._on_session_changed)
        self.refresh()

    def refresh(self) -> None:
        project = self.session.project
        if not project.is_open:
            return
        try:
            scores, agreement = score_students(project.database, self.key)
        except AnnotatorError as error:  # the key or every student was deleted meanwhile
            self.summary.setText(f"No scores: {error}")
            self.students.clear()
            self.disagreements.clear()
            return
        labels = self.session.codebook.labels
        self.summary.setText(_summary(self.key, scores, agreement))
        self._show_students(scores, labels)
        self._show_disagreements(agreement.disagreements[:SHOWN_DISAGREEMENTS], labels)

    def _show_students(self, scores: list[StudentScore], labels: dict[str, str]) -> None:
        categories = list(scores[0].per_category) if scores else []
        self.students.clear()
        self.students.setHeaderLabels(["Student", "Sentences", "Accuracy", "Cohen's κ"]
                                      + [f"F1: {_two_lines(labels.get(c, c))}" for c in categories])
        for column, c in enumerate(categories, start=4):
            self.students.headerItem().setToolTip(column, plain_tooltip(
                f"F1 for {labels.get(c, c)}: how well the student's sentences in this category match the key's"))
        for score in scores:
            cells = [(score.annotator, score.annotator.casefold()), (str(score.units), score.units),
                     (f"{score.accuracy:.0%}", score.accuracy), (f"{score.cohen_kappa:.2f}", score.cohen_kappa)]
            for c in categories:
                f1 = score.per_category[c]["f1"]
                cells.append((f"{f1:.2f}", f1))
            row = _row(cells)
            row.setData(0, TARGET_ROLE, score.annotator)
            row.setToolTip(0, plain_tooltip(_confusion_text(score, labels)))
            self.students.addTopLevelItem(row)
        self.students.sortByColumn(3, Qt.SortOrder.AscendingOrder)  # the weakest first: who needs help
        _fit(self.students)

    def _show_disagreements(self, disagreements: list[Disagreement], labels: dict[str, str]) -> None:
        articles = self.session.project.articles
        self.disagreements.clear()
        bodies: dict[int, str] = {}
        for d in disagreements:
            article = articles.get(d.article_id)
            sentence = articles.sentence(d.article_id, d.sentence - 1)
            body = bodies.setdefault(d.article_id, articles.body(d.article_id))
            text = " ".join(body[sentence.start:sentence.end].split())
            given = _who_said_what(d.labels, labels)
            row = _row([(f"{d.agreement:.0%}", d.agreement), (article.outlet, article.outlet.casefold()),
                        (str(d.sentence), (d.article_id, d.sentence)), (text, text.casefold()), (given, given)])
            row.setData(0, TARGET_ROLE, (d.article_id, sentence.start))
            row.setToolTip(3, plain_tooltip(f"{text}\n\n{article.outlet} · {article.title}, sentence {d.sentence}"))
            row.setToolTip(4, plain_tooltip("\n".join(f"{name}: {_label_text(label, labels)}"
                                                      for name, label in d.labels.items())))
            self.disagreements.addTopLevelItem(row)
        self.disagreements.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        _fit(self.disagreements, wide=3)
        self.disagreements.header().setStretchLastSection(False)  # the sentence and the labels share the width
        self.disagreements.header().setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)

    def _on_session_changed(self, changes: Changes) -> None:
        if changes.annotations or changes.codebook or changes.articles:
            self._refresh_timer.start()

    def _on_student_activated(self, item: QTreeWidgetItem, _column: int) -> None:
        self.compare_requested.emit(self.key, item.data(0, TARGET_ROLE))

    def _on_disagreement_activated(self, item: QTreeWidgetItem, _column: int) -> None:
        article_id, start = item.data(0, TARGET_ROLE)
        self.sentence_chosen.emit(article_id, start)


def _summary(key: str, scores: list[StudentScore], agreement: ClassAgreement) -> str:
    units = agreement.units
    head = (f"Answer key: {key}. {len(scores)} student{'s' * (len(scores) != 1)}, scored sentence by sentence"
            f" on the {units} sentence{'s' * (units != 1)} of the articles the key annotated.")
    if agreement.undefined_because:
        return f"{head}\nThe class's agreement: — ({agreement.undefined_because})."
    return (f"{head}\nThe class's agreement among students (the key left out): Krippendorff's α "
            f"{agreement.krippendorff_alpha:.2f}, Fleiss' κ {agreement.fleiss_kappa:.2f}.")


def _who_said_what(given: dict[str, str], labels: dict[str, str]) -> str:
    """'Social post: amy, chen · none: bob', the most common label first."""
    by_label: dict[str, list[str]] = {}
    for name, label in given.items():
        by_label.setdefault(label, []).append(name)
    ranked = sorted(by_label.items(), key=lambda kv: (-len(kv[1]), kv[0]))
    return " · ".join(f"{_label_text(label, labels)}: {', '.join(names)}" for label, names in ranked)


def _label_text(label: str, labels: dict[str, str]) -> str:
    return " + ".join(labels.get(part, part) for part in label.split("+"))


def _confusion_text(score: StudentScore, labels: dict[str, str]) -> str:
    lines = [f"{score.annotator}: what the key said → what {score.annotator} said (sentences)"]
    for truth, given in sorted(score.confusion.items()):
        for label, count in sorted(given.items(), key=lambda kv: -kv[1]):
            mark = "" if label == truth else "  ✗"
            lines.append(f"{_label_text(truth, labels)} → {_label_text(label, labels)}: {count}{mark}")
    return "\n".join(lines)


def _table(headers: list[str], parent: QWidget) -> QTreeWidget:
    table = QTreeWidget(parent)
    table.setObjectName("classScores")
    table.setHeaderLabels(headers)
    table.setRootIsDecorated(False)
    table.setUniformRowHeights(True)
    table.setSortingEnabled(True)
    table.setAlternatingRowColors(True)
    return table


def _row(cells: list[tuple[str, object]]) -> SortedRow:
    row = SortedRow([text for text, _ in cells])
    for column, (_, key) in enumerate(cells):
        row.setData(column, SORT_ROLE, key)
        if isinstance(key, (int, float)):
            row.setTextAlignment(column, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    return row


def _two_lines(label: str) -> str:
    """The category's full label in a column header, broken where its two lines are the most even."""
    words = label.split()
    if len(label) <= 14 or len(words) < 2:
        return label
    cut = min(range(1, len(words)), key=lambda i: max(len(" ".join(words[:i])), len(" ".join(words[i:]))))
    return " ".join(words[:cut]) + "\n" + " ".join(words[cut:])


def _fit(table: QTreeWidget, *, wide: int | None = None) -> None:
    """Columns as wide as their contents; `wide` (a long text) takes the width left, elided."""
    header = table.header()
    header.setStretchLastSection(True)
    for column in range(table.columnCount() - 1):
        if column == wide:
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        else:
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
