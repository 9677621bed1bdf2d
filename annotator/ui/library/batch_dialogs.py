"""Small dialogs that give several articles at once an outlet or a date: the import's, and the library's
Set outlet… and Set date…. Each checks what was typed before it closes, so a bad date loses nothing."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from annotator.core.errors import InvalidValue
from annotator.core.store.articles import check_published

DATE_HINT = "YYYY-MM-DD"


def _outlet_box(outlets: list[str], current: str, placeholder: str, parent: QWidget) -> QComboBox:
    box = QComboBox(parent)
    box.setEditable(True)
    box.addItems(outlets)
    box.setCurrentText(current)
    box.lineEdit().setPlaceholderText(placeholder)
    box.setMinimumContentsLength(28)
    return box


def _date_edit(current: str, placeholder: str, parent: QWidget) -> QLineEdit:
    edit = QLineEdit(current, parent)
    edit.setPlaceholderText(placeholder)
    return edit


class _CheckedDialog(QDialog):
    """OK checks the fields; a problem is shown under them and the dialog stays open."""

    def __init__(self, title: str, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.problem = QLabel("", self)
        self.problem.setObjectName("dialogProblem")
        self.problem.setStyleSheet("color: #b00020;")
        self.problem.setWordWrap(True)
        self.problem.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel,
                                        self)
        self.buttons.accepted.connect(self._on_buttons_accepted)
        self.buttons.rejected.connect(self.reject)
        self.form = QFormLayout(self)

    def _finish_form(self) -> None:
        self.form.addRow(self.problem)
        self.form.addRow(self.buttons)
        self.resize(max(460, self.sizeHint().width()), self.sizeHint().height())

    def check(self) -> None:
        """Raise InvalidValue naming what is wrong with the fields."""

    def _on_buttons_accepted(self) -> None:
        try:
            self.check()
        except InvalidValue as error:
            self.problem.setText(str(error))
            self.problem.show()
            return
        self.accept()


class ImportOptionsDialog(_CheckedDialog):
    """After choosing files to import: an outlet and a date for those that state none (both optional)."""

    def __init__(self, files: int, outlets: list[str], parent: QWidget | None = None) -> None:
        super().__init__("Import articles", parent)
        what = "1 file" if files == 1 else f"{files} files or folders"
        intro = QLabel(f"Importing {what}. What a file states (an Outlet: or Date: line, a web page's site"
                       " name and date) is kept; the values below fill in the rest.", self)
        intro.setWordWrap(True)
        self.outlet = _outlet_box(outlets, "", "read from each file (“Unknown outlet” if it names none)", self)
        self.published = _date_edit("", f"{DATE_HINT}, or empty: read from each file", self)
        self.form.addRow(intro)
        self.form.addRow("&Outlet", self.outlet)
        self.form.addRow("&Date", self.published)
        note = QLabel("An outlet typed here wins over a guess from a byline or a web address.", self)
        note.setObjectName("dialogNote")
        note.setWordWrap(True)
        self.form.addRow(note)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Import")
        self._finish_form()

    def check(self) -> None:
        check_published(self.published.text())

    def values(self) -> tuple[str | None, str | None]:
        """(outlet, date) for ImportFiles; None where left empty."""
        outlet = " ".join(self.outlet.currentText().split())
        return outlet or None, check_published(self.published.text())


class SetOutletDialog(_CheckedDialog):
    """One outlet for the chosen articles: pick one or type a new name."""

    def __init__(self, articles: int, outlets: list[str], current: str, parent: QWidget | None = None) -> None:
        super().__init__("Set outlet", parent)
        self.outlet = _outlet_box(outlets, current, "an outlet's name", self)
        self.form.addRow(QLabel(f"Move {_articles(articles)} to this outlet (a new name makes a new outlet):", self))
        self.form.addRow("&Outlet", self.outlet)
        self._finish_form()

    def check(self) -> None:
        if not self.value():
            raise InvalidValue("an outlet needs a name")

    def value(self) -> str:
        return " ".join(self.outlet.currentText().split())


class SetDateDialog(_CheckedDialog):
    """One publication date for the chosen articles; empty clears it."""

    def __init__(self, articles: int, current: str, parent: QWidget | None = None) -> None:
        super().__init__("Set date", parent)
        self.published = _date_edit(current, f"{DATE_HINT}, or empty for no date", self)
        self.form.addRow(QLabel(f"Publication date of {_articles(articles)}:", self))
        self.form.addRow("&Date", self.published)
        self._finish_form()

    def check(self) -> None:
        check_published(self.published.text())

    def value(self) -> str:
        return self.published.text().strip()


def _articles(count: int) -> str:
    return "the article" if count == 1 else f"the {count} articles"
