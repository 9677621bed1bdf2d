"""A small dialog to correct an article's outlet, title and publication date; it also shows where the
article came from (its file and its address), which cannot be edited."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLineEdit, QWidget

from annotator.core.records import Article


class ArticleDialog(QDialog):
    """Outlet (pick one or type a new name), title and date (YYYY-MM-DD, empty for none)."""

    def __init__(self, article: Article, outlets: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Article details")
        self.outlet = QComboBox(self)
        self.outlet.setEditable(True)
        self.outlet.addItems(outlets)
        self.outlet.setCurrentText(article.outlet)
        self.title = QLineEdit(article.title, self)
        self.published = QLineEdit(article.published or "", self)
        self.published.setPlaceholderText("YYYY-MM-DD, or empty for no date")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow("Outlet", self.outlet)
        form.addRow("Title", self.title)
        form.addRow("Published", self.published)
        self.source_file = _detail(article.source_file or "(not imported from a file)", self)
        self.url = _detail(article.url or "(none)", self)
        form.addRow("File", self.source_file)
        form.addRow("URL", self.url)
        form.addRow(buttons)
        self.resize(520, self.sizeHint().height())
        self._article = article

    def changed_fields(self) -> dict[str, str]:
        """Only the fields the user changed, as EditArticle takes them."""
        now = {"outlet": self.outlet.currentText().strip(), "title": self.title.text().strip(),
               "published": self.published.text().strip()}
        was = {"outlet": self._article.outlet, "title": self._article.title,
               "published": self._article.published or ""}
        return {key: value for key, value in now.items() if value != was[key]}


def _detail(text: str, parent: QWidget) -> QLineEdit:
    """A read-only field: a long path or address scrolls, and can be selected and copied."""
    field = QLineEdit(text, parent)
    field.setReadOnly(True)
    field.setCursorPosition(0)
    return field
