"""The Classroom menu: merge returned files, mark the answer key, compare a student with it, class scores."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMenu, QWidget

from annotator.core.classroom.files import MergeReport, answer_key
from annotator.core.errors import AnnotatorError, MergeRefused
from annotator.core.ops.classroom import MarkAnswerKey, MergeFiles
from annotator.ui.base.errors import ErrorSink
from annotator.ui.base.session import ProjectSession

MERGE_TEXT = "&Merge returned files… (cannot be undone)"
BLIND_REFUSAL = "Not in a blind assignment: the answer key and the other annotations stay hidden."


class ClassroomActions(QObject):
    compare_requested = Signal(str, str)  # the key's name, the student's name
    scores_requested = Signal(str)  # the key's name

    def __init__(self, session: ProjectSession, errors: ErrorSink, parent: QWidget) -> None:
        super().__init__(parent)
        self.session = session
        self.errors = errors
        self.parent_widget = parent

    def populate(self, menu: QMenu) -> None:
        for text, slot, reveals_key in [(MERGE_TEXT, self.choose_merge, False),
                                        ("Mark the answer &key…", self.choose_key, True),
                                        ("&Compare a student with the key…", self.choose_student, True),
                                        ("Class &scores…", self.show_scores, True)]:
            action = QAction(text, self.parent_widget)
            action.triggered.connect(slot)
            if reveals_key and self.session.blind:
                action.setEnabled(False)
                action.setToolTip(BLIND_REFUSAL)
            menu.addAction(action)
        blind = QAction("Show only &my annotations (blind mode)", self.parent_widget)
        blind.setCheckable(True)
        blind.setChecked(self.session.blind)
        blind.setEnabled(False)
        blind.setToolTip("Set by the instructor's assignment file")
        menu.addAction(blind)

    def choose_merge(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(self.parent_widget, "Merge returned files (cannot be undone)",
                                                str(Path.home()), "Annotator projects (*.annot);;All files (*)")
        if paths:
            self.merge([Path(p) for p in paths])

    def merge(self, paths: list[Path]) -> list[str]:
        """Merge students' files into this project; say what each added, skipped or refused."""
        operation = MergeFiles(paths)
        if self.session.try_run(operation, self.errors.report) is None:
            return []
        lines = [line for path, result in operation.results for line in _describe(path, result)]
        self.errors.inform("Merge", "\n".join(lines + ["", "A merge cannot be undone with Undo."]))
        return lines

    def choose_key(self) -> None:
        if self.session.blind:
            self.errors.notice(BLIND_REFUSAL)
            return
        project = self.session.project
        names = project.annotations.annotators()
        if not names:
            self.errors.notice("Nobody has annotated yet: there is no one to mark as the key.")
            return
        current = answer_key(project)
        name, ok = QInputDialog.getItem(self.parent_widget, "Answer key", "Whose annotations are the answer key?",
                                        names, names.index(current) if current in names else 0, False)
        if not ok:
            return
        if self.session.try_run(MarkAnswerKey(name), self.errors.report) is None:
            return
        self.errors.notice(f"{name}'s annotations are the answer key.")

    def _key_and_students(self) -> tuple[str, list[str]] | None:
        """The answer key's name and the students' (everyone else who annotated); None, said why, if missing."""
        if self.session.blind:
            self.errors.notice(BLIND_REFUSAL)
            return None
        key = answer_key(self.session.project)
        if key is None:
            self.errors.notice("Mark the answer key first (Classroom menu).")
            return None
        students = [n for n in self.session.project.annotations.annotators() if n != key]
        if not students:
            self.errors.notice("No student has annotated yet.")
            return None
        return key, students

    def show_scores(self) -> None:
        found = self._key_and_students()
        if found is not None:
            self.scores_requested.emit(found[0])

    def choose_student(self) -> None:
        found = self._key_and_students()
        if found is None:
            return
        key, students = found
        name, ok = QInputDialog.getItem(self.parent_widget, "Compare", "Student:", students, 0, False)
        if ok:
            self.compare_requested.emit(key, name)


SHOWN_PROBLEMS = 20  # a refused file's problems listed one per line, then a count


def _describe(path: Path, result: MergeReport | AnnotatorError) -> list[str]:
    if isinstance(result, MergeRefused):
        lines = [f"{path.name}: refused, nothing merged ({len(result.problems)} problems):"]
        lines += [f"   {problem}" for problem in result.problems[:SHOWN_PROBLEMS]]
        if len(result.problems) > SHOWN_PROBLEMS:
            lines.append(f"   and {len(result.problems) - SHOWN_PROBLEMS} more")
        return lines + [f"   {result.advice}"]
    if isinstance(result, AnnotatorError):
        return [f"Refused {result}"]
    added = ", ".join(f"{n} by {name}" for name, n in result.added.items()) or "nothing new"
    lines = [f"{path.name}: added {added}; {result.already_there} already there."]
    lines += [f"   not merged: {clash}" for clash in result.clashes]
    lines += [f"   article not in this project, skipped: {t}" for t in result.unmatched_articles]
    return lines
