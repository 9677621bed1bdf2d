"""The Classroom menu: merge returned files, mark the answer key, compare a student with it."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMenu, QMessageBox

from annotator.core.classroom.files import answer_key, mark_answer_key, merge_file
from annotator.core.errors import AnnotatorError
from annotator.ui.compare import CompareView


class ClassroomActions:
    def __init__(self, window) -> None:
        self.window = window

    def populate(self, menu: QMenu) -> None:
        for text, slot in [("&Merge returned files…", self.choose_merge),
                           ("Mark the answer &key…", self.choose_key),
                           ("&Compare a student with the key…", self.choose_student)]:
            action = QAction(text, self.window)
            action.triggered.connect(slot)
            menu.addAction(action)
        blind = QAction("Show only &my annotations (blind mode)", self.window)
        blind.setCheckable(True)
        blind.setChecked(self.window.session.blind)
        blind.setEnabled(False)
        blind.setToolTip("Set by the instructor's assignment file")
        menu.addAction(blind)

    def choose_merge(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(self.window, "Merge returned files", str(Path.home()),
                                                "Annotator projects (*.annot);;All files (*)")
        if paths:
            self.merge([Path(p) for p in paths])

    def merge(self, paths: list[Path]) -> list[str]:
        """Merge students' files into this project; say what each added, skipped or refused."""
        project = self.window.session.project
        lines = []
        for path in paths:
            try:
                report = merge_file(project, path)
            except AnnotatorError as error:
                lines.append(f"Refused {error}")
                continue
            added = ", ".join(f"{n} by {name}" for name, n in report.added.items()) or "nothing new"
            lines.append(f"{path.name}: added {added}; {report.already_there} already there.")
            lines += [f"   not merged: {clash}" for clash in report.clashes]
            lines += [f"   article not in this project, skipped: {t}" for t in report.unmatched_articles]
        self.window.session.notify_articles()
        self.window.session.notify_codebook()  # views re-read every annotation
        QMessageBox.information(self.window, "Merge", "\n".join(lines))
        return lines

    def choose_key(self) -> None:
        project = self.window.session.project
        names = project.annotations.annotators()
        if not names:
            self.window.show_error("Nobody has annotated yet: there is no one to mark as the key.")
            return
        current = answer_key(project)
        name, ok = QInputDialog.getItem(self.window, "Answer key", "Whose annotations are the answer key?",
                                        names, names.index(current) if current in names else 0, False)
        if ok:
            try:
                mark_answer_key(project, name)
            except AnnotatorError as error:
                self.window.show_error(str(error))
                return
            self.window.statusBar().showMessage(f"{name}'s annotations are the answer key.", 8000)

    def choose_student(self) -> None:
        project = self.window.session.project
        key = answer_key(project)
        if key is None:
            self.window.show_error("Mark the answer key first (Classroom menu).")
            return
        students = [n for n in project.annotations.annotators() if n != key]
        if not students:
            self.window.show_error("No student has annotated yet.")
            return
        name, ok = QInputDialog.getItem(self.window, "Compare", "Student:", students, 0, False)
        if ok:
            self.open_compare(key, name)

    def open_compare(self, key: str, student: str) -> CompareView:
        current = self.window.columns.current
        article_id = current.article_id if current else project_first_article(self.window.session.project, key)
        view = CompareView(self.window.session, key, student, article_id)
        index = self.window.tabs.addTab(view, f"{key} vs {student}")
        self.window.tabs.setCurrentIndex(index)
        view.views[1].setFocus()
        return view


def project_first_article(project, key: str) -> int:
    annotated = [a.article_id for a in project.annotations.list(annotator=key)]
    return annotated[0] if annotated else project.articles.list()[0].id
