"""The Classroom menu: make an assignment, merge returned files, mark the answer key, compare a student with
it, class scores; in a student's assignment, return it to the teacher. Also View ▸ Annotators…."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QSettings, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMenu, QWidget

from annotator.core.classroom.files import (
    MergeReport,
    answer_key,
    export_assignment,
    is_assignment,
    return_file_name,
)
from annotator.core.errors import AnnotatorError, MergeRefused
from annotator.core.ops.classroom import MarkAnswerKey, MergeFiles
from annotator.core.store import backups
from annotator.ui.base.background import BackgroundWork
from annotator.ui.base.errors import ErrorSink
from annotator.ui.base.session import ProjectSession
from annotator.ui.classroom.annotators_dialog import AnnotatorsDialog
from annotator.ui.classroom.assignment_banner import RETURN_TEXT, AssignmentBanner
from annotator.ui.classroom.assignment_dialog import PROJECT_FILTER, AssignmentChoice, AssignmentDialog

MERGE_TEXT = "&Merge returned files… (cannot be undone)"
MAKE_TEXT = "Make &assignment…"
KEY_TEXT = "Mark the answer &key…"
COMPARE_TEXT = "&Compare a student with the key…"
SCORES_TEXT = "Class &scores…"
BLIND_REFUSAL = "Not in a blind assignment: the answer key and the other annotations stay hidden."
STUDENT_REFUSAL = "This is a student's assignment: the instructor's commands work in the class project."


class ClassroomActions(QObject):
    compare_requested = Signal(str, str)  # the key's name, the student's name
    scores_requested = Signal(str)  # the key's name

    def __init__(self, session: ProjectSession, errors: ErrorSink, settings: QSettings, parent: QWidget) -> None:
        super().__init__(parent)
        self.session = session
        self.errors = errors
        self.settings = settings
        self.parent_widget = parent
        self.assignment = is_assignment(session.project)  # a student's file
        self.dialog: AssignmentDialog | AnnotatorsDialog | None = None  # the one open, if any
        self.actions: dict[str, QAction] = {}
        self._restore_shown()

    def populate(self, menu: QMenu, view_menu: QMenu) -> None:
        """The Classroom menu: the instructor's commands, hidden in a student's file, where Return is shown."""
        for text, slot, reveals_key in [(MAKE_TEXT, self.make_assignment, False),
                                        (MERGE_TEXT, self.choose_merge, False),
                                        (KEY_TEXT, self.choose_key, True),
                                        (COMPARE_TEXT, self.choose_student, True),
                                        (SCORES_TEXT, self.show_scores, True),
                                        (RETURN_TEXT, self.return_to_teacher, False)]:
            action = QAction(text, self.parent_widget)
            action.triggered.connect(lambda _checked=False, slot=slot: slot())
            action.setVisible(self.assignment == (text == RETURN_TEXT))
            if reveals_key and self.session.blind:
                action.setEnabled(False)
                action.setToolTip(BLIND_REFUSAL)
            menu.addAction(action)
            self.actions[text] = action
        menu.setToolTipsVisible(True)
        blind = QAction("Show only &my annotations (blind mode)", self.parent_widget)
        blind.setCheckable(True)
        blind.setChecked(self.session.blind)
        blind.setEnabled(False)
        blind.setToolTip("Set by the instructor's assignment file")
        menu.addSeparator()
        menu.addAction(blind)
        annotators = QAction("&Annotators…", self.parent_widget)
        annotators.triggered.connect(self.choose_annotators)
        annotators.setEnabled(not self.session.blind)
        annotators.setToolTip("Choose whose marks the article columns show")
        view_menu.addAction(annotators)
        self.actions["annotators"] = annotators

    def banner(self, parent: QWidget) -> AssignmentBanner | None:
        """The bar telling a student what to do (None in the instructor's files)."""
        if not self.assignment:
            return None
        banner = AssignmentBanner(blind=self.session.blind, parent=parent)
        banner.return_requested.connect(self.return_to_teacher)
        return banner

    # -- the instructor's side ---------------------------------------------------------------------
    def _refused_to_student(self) -> bool:
        if self.assignment:
            self.errors.notice(STUDENT_REFUSAL)
        return self.assignment

    def make_assignment(self) -> AssignmentDialog | None:
        """Ask what goes into the assignment (the dialog stays open until it can be written)."""
        if self._refused_to_student():
            return None
        articles = sorted(self.session.project.articles.list(), key=lambda a: a.id)
        if not articles:
            self.errors.notice("Import some articles first: an assignment hands out the project's articles.")
            return None
        dialog = AssignmentDialog(articles, self.session.project.path, self.parent_widget)
        dialog.accepted.connect(lambda: self.write_assignment(dialog.choice()))
        dialog.finished.connect(dialog.deleteLater)
        self.dialog = dialog
        dialog.open()
        return dialog

    def write_assignment(self, choice: AssignmentChoice) -> BackgroundWork:
        """Write the assignment in the background with the function `annotator assignment` uses; say where."""
        every = len(choice.articles) == self.session.project.articles.count()
        work = BackgroundWork(self.session.project.path,
                              lambda project: export_assignment(project, choice.out, blind=choice.blind,
                                                                suggestions=choice.suggestions,
                                                                articles=None if every else choice.articles),
                              errors=self.errors, failure_title="Assignment not written")
        work.on_success(lambda count: self.errors.inform("Assignment written", _written_text(choice, count)))
        self.errors.notice(f"Writing the assignment to {choice.out}…")
        return work.start()

    def choose_merge(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(self.parent_widget, "Merge returned files (cannot be undone)",
                                                str(Path.home()), "Annotator projects (*.annot);;All files (*)")
        if paths:
            self.merge([Path(p) for p in paths])

    def merge(self, paths: list[Path]) -> list[str]:
        """Merge students' files into this project; say what each added, skipped or refused."""
        if self._refused_to_student():
            return []
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
        if self._refused_to_student():
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
        if self._refused_to_student():
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


    # -- the student's side -----------------------------------------------------------------------
    def return_to_teacher(self) -> BackgroundWork | None:
        """Write a standalone copy of the project, named for the student, for them to send to the instructor."""
        project, name = self.session.project, self.session.annotator
        if not project.annotations.list(annotator=name) and not self.errors.confirm(
                "Return to teacher", f"You ({name}) have not marked anything yet. Write the file to send anyway?"):
            return None
        default = project.path.with_name(return_file_name(project.path, name))
        path, _ = QFileDialog.getSaveFileName(self.parent_widget, "Return to teacher: write the file to send",
                                              str(default), PROJECT_FILTER)
        if not path:
            return None
        target = Path(path) if Path(path).suffix else Path(path).with_suffix(".annot")
        confirmed = target == Path(path)  # the file dialog asked before replacing that file, not another
        work = BackgroundWork(project.path, lambda p: backups.save_copy(p.database.conn, target, project_path=p.path,
                                                                        overwrite=confirmed),
                              errors=self.errors, failure_title="File to return not written", read_only=False)
        work.on_success(lambda out: self.errors.inform("Return to teacher", _returned_text(out, name)))
        self.errors.notice(f"Writing the file to return to {target}…")
        return work.start()

    # -- whose marks are shown ----------------------------------------------------------------------
    def choose_annotators(self) -> AnnotatorsDialog | None:
        if self.session.blind:
            self.errors.notice("In a blind assignment you see only your own marks.")
            return None
        dialog = AnnotatorsDialog(self.session.project.annotations.annotators(), self.session.annotator,
                                  self.session.visible_annotators, self.parent_widget)
        dialog.accepted.connect(lambda: self.show_annotators(dialog.chosen()))
        dialog.finished.connect(dialog.deleteLater)
        self.dialog = dialog
        dialog.open()
        return dialog

    def show_annotators(self, names: frozenset[str] | None) -> None:
        """Show these annotators' marks (None: everyone's), and remember the choice for this project."""
        self.session.show_annotators(names)
        if names is None:
            self.settings.remove(self._shown_key())
        else:
            self.settings.setValue(self._shown_key(), sorted(names))
        shown = self.session.visible_annotators
        self.errors.notice("Showing everyone's marks." if shown is None
                           else f"Showing marks by: {', '.join(sorted(shown, key=str.casefold))}.")

    def _shown_key(self) -> str:
        return f"annotators/{self.session.project.path.resolve()}"

    def _restore_shown(self) -> None:
        stored = self.settings.value(self._shown_key())
        if stored is None:
            return
        self.session.show_annotators([stored] if isinstance(stored, str) else [str(n) for n in stored])


def _written_text(choice: AssignmentChoice, count: int) -> str:
    how = ("blind: each student sees only their own marks" if choice.blind else "each student sees every mark in it")
    offered = "with" if choice.suggestions else "without"
    return (f"Wrote {choice.out}\n\n{count} article{'s' * (count != 1)}; {how}; {offered} suggested categories.\n\n"
            "Send this file to each student. They open it with File ▸ Open…, mark the articles, and send their "
            "copy back with Classroom ▸ Return to teacher…; bring the copies in with Classroom ▸ Merge returned "
            "files….")


def _returned_text(out: Path, name: str) -> str:
    return (f"Wrote {out}\n\nSend this file to your instructor (by e-mail, or in your class's shared folder). "
            f"It holds your marks as {name}. You can go on working here and return it again later.")


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
