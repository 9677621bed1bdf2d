"""The search panel: find sentences in the current article (Ctrl+F) or in every article (Ctrl+Shift+F).

Results come from the project's full-text index (core/analysis/search.py), which folds case and
accents. Each result shows the outlet, the title and the sentence with the words that matched in
bold; the sentence is escaped before the emphasis is added, so text from an article is never taken
for markup. Enter or a double-click on a result opens its sentence; in the current article, Enter in
the query field goes to the next match.
"""

from __future__ import annotations

import html
import re
import unicodedata

from PySide6.QtCore import QModelIndex, QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAbstractTextDocumentLayout, QPalette, QTextDocument
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QToolButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from annotator.core.analysis.search import SearchHit, count_matches, parse_query, search_sentences
from annotator.core.changes import Changes
from annotator.core.errors import AnnotatorError, InvalidValue
from annotator.ui.base import keymap
from annotator.ui.base.errors import ErrorSink
from annotator.ui.base.plain_text import plain_label, plain_tooltip
from annotator.ui.base.session import ProjectSession

PAGE = 200
SNIPPET = 180  # characters of a long sentence shown around its first match
HIT_ROLE = Qt.ItemDataRole.UserRole
HTML_ROLE = Qt.ItemDataRole.UserRole + 1
OUTLET, TITLE, TEXT = 0, 1, 2
QUERY_FIELD_LENGTH = 2**31 - 1  # QLineEdit cuts at 32,767 by default; core's MAX_QUERY_CHARS decides


def _fold(text: str) -> tuple[str, list[int]]:
    """`text` without accents, case-folded, and for each folded character the index it came from."""
    folded, origin = [], []
    for n, char in enumerate(text):
        base = "".join(c for c in unicodedata.normalize("NFKD", char) if not unicodedata.combining(c)).casefold()
        folded.append(base)
        origin += [n] * len(base)
    return "".join(folded), origin


def match_spans(text: str, query: str) -> list[tuple[int, int]]:
    """Where the words of `query` occur in `text` as the index matches them (case and accents folded)."""
    folded, origin = _fold(text)
    spans = []
    for term in parse_query(query):
        words = [_fold(w)[0] for w in term.words]
        pattern = r"(?<![^\W_])" + r"[\W_]+".join(map(re.escape, words)) + (
            r"[^\W_]*" if term.prefix else r"(?![^\W_])")
        for match in re.finditer(pattern, folded):
            if match.end() > match.start():
                end = origin[match.end() - 1] + 1
                while end < len(text) and unicodedata.combining(text[end]):
                    end += 1  # a decomposed text's accent stays with its letter, in bold
                spans.append((origin[match.start()], end))
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def snippet_html(text: str, query: str, *, width: int = SNIPPET) -> str:
    """The sentence (cut around its first match when long) as escaped HTML, the matches in bold."""
    text = " ".join(text.split())
    spans = match_spans(text, query)
    lo, hi = 0, len(text)
    if len(text) > width:
        first = spans[0][0] if spans else 0
        lo = max(0, min(first - width // 3, len(text) - width))
        hi = lo + width
        if lo:  # start and end on whole words
            lo = min(text.find(" ", lo) + 1 or lo, first)
        if hi < len(text):
            hi = max(text.rfind(" ", lo, hi), spans[0][1] if spans else lo + 1)
    parts = ["…" if lo else ""]
    at = lo
    for start, end in spans:
        start, end = max(start, lo), min(end, hi)
        if start >= end:
            continue
        parts += [html.escape(text[at:start]), "<b>", html.escape(text[start:end]), "</b>"]
        at = end
    parts += [html.escape(text[at:hi]), "…" if hi < len(text) else ""]
    return "".join(parts)


class SnippetDelegate(QStyledItemDelegate):
    """Draws the HTML of HTML_ROLE (built from escaped text only) in its cell, wrapped."""

    def _document(self, option: QStyleOptionViewItem, index: QModelIndex, width: int) -> QTextDocument:
        document = QTextDocument()
        document.setDefaultFont(option.font)
        document.setDocumentMargin(2)
        document.setHtml(index.data(HTML_ROLE) or "")
        document.setTextWidth(max(120, width))
        return document

    def paint(self, painter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        options = QStyleOptionViewItem(option)
        self.initStyleOption(options, index)
        options.text = ""
        style = options.widget.style() if options.widget else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, options, painter, options.widget)
        document = self._document(option, index, option.rect.width())
        context = QAbstractTextDocumentLayout.PaintContext()
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        context.palette.setColor(QPalette.ColorRole.Text, option.palette.color(
            QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text))
        painter.save()
        painter.translate(option.rect.topLeft())
        painter.setClipRect(QRectF(0, 0, option.rect.width(), option.rect.height()))
        document.documentLayout().draw(painter, context)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:  # noqa: N802
        tree = self.parent()  # the column's width, not the hint's (empty) rectangle, wraps the text
        width = tree.columnWidth(index.column()) if isinstance(tree, QTreeWidget) else option.rect.width()
        document = self._document(option, index, width)
        return QSize(int(document.idealWidth()), int(document.size().height()))


class SearchPanel(QWidget):
    sentence_chosen = Signal(int, int)  # article id, sentence start: open it and give it the focus
    sentence_found = Signal(int, int)  # find next in the current article: select it, keep the focus here
    close_requested = Signal()  # the close button or Escape: hide the panel, back to the article

    def __init__(self, session: ProjectSession, errors: ErrorSink, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.errors = errors
        self.article_id: int | None = None  # the article Ctrl+F searches
        self.limit = PAGE
        self.hits: list[SearchHit] = []
        self._shown: tuple | None = None  # what the results are for: (query, scope, limit)
        self._total = 0  # how many sentences match, shown or not
        self.query = QLineEdit(self)
        self.query.setObjectName("searchQuery")
        self.query.setClearButtonEnabled(True)
        self.query.setPlaceholderText('Words (all of them), "a phrase", prefix*')
        self.query.setMaxLength(QUERY_FIELD_LENGTH)  # never cut: a query over the limit is refused, saying so
        self.in_article = QCheckBox("Only the current article", self)
        self.in_article.setToolTip("Ctrl+F searches the current article, Ctrl+Shift+F every article")
        self.summary = plain_label(parent=self)
        self.summary.setObjectName("searchSummary")
        self.summary.setWordWrap(True)
        self.more = QPushButton("Show more", self)
        self.more.setVisible(False)
        self.results = QTreeWidget(self)
        self.results.setObjectName("searchResults")
        self.results.setHeaderLabels(["Outlet", "Title", "Sentence"])
        self.results.setRootIsDecorated(False)
        self.results.setUniformRowHeights(False)
        self.results.setWordWrap(True)
        self.results.setAlternatingRowColors(True)
        self.results.setItemDelegateForColumn(TEXT, SnippetDelegate(self.results))
        header = self.results.header()
        header.setStretchLastSection(True)
        header.resizeSection(OUTLET, 110)
        header.resizeSection(TITLE, 170)
        header.setSectionResizeMode(TITLE, QHeaderView.ResizeMode.Interactive)
        header.sectionResized.connect(lambda *_: self.results.doItemsLayout())  # re-wrap the sentences
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(300)
        self.close_button = QToolButton(self)
        self.close_button.setObjectName("searchClose")
        self.close_button.setText("✕")
        self.close_button.setAutoRaise(True)
        close_keys = keymap.keys_text(keymap.binding("close_search").keys)
        self.close_button.setToolTip(f"Close the search ({close_keys})")
        self.close_button.setAccessibleName("Close the search")
        top = QHBoxLayout()
        top.addWidget(self.query, 1)
        top.addWidget(self.in_article)
        top.addWidget(self.close_button)
        bottom = QHBoxLayout()
        bottom.addWidget(self.summary, 1)
        bottom.addWidget(self.more)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(top)
        layout.addWidget(self.results, 1)
        layout.addLayout(bottom)
        self.query.textChanged.connect(lambda _text: self._timer.start())
        self.query.returnPressed.connect(self._on_query_return_pressed)
        self._timer.timeout.connect(self.search)
        self.in_article.toggled.connect(lambda _on: self.search())
        self.more.clicked.connect(self._on_more_clicked)
        self.results.itemActivated.connect(self._on_item_activated)
        self.close_button.clicked.connect(self.close_requested)
        session.changed.connect(self._on_session_changed)
        self.key_actions = keymap.install(self, {"close_search": self.close_requested.emit}, keymap.SEARCH)

    # -- what the user asks -----------------------------------------------------------------------
    def start(self, article_id: int | None = None, *, in_article: bool = False) -> None:
        """Search the current article `article_id` (Ctrl+F), or every article (Ctrl+Shift+F)."""
        self.article_id = article_id
        self.in_article.setEnabled(article_id is not None)
        self.in_article.setChecked(in_article and article_id is not None)
        self.search()
        self.query.setFocus()
        self.query.selectAll()

    def search(self) -> None:
        """Show the sentences matching the query (in the current article when asked)."""
        self._timer.stop()
        text = self.query.text()
        scope = self.article_id if self.in_article.isChecked() else None
        if self._shown is not None and self._shown[:2] != (text, scope):
            self.limit = PAGE  # a new query starts at its first page
        if self._shown == (text, scope, self.limit) and self.session.project.is_open:
            return
        if not text.strip():
            self._show([], text, scope, total=0)
            self.summary.setText("Type words to find; Enter on a result opens its sentence.")
            return
        db = self.session.project.database
        try:
            parse_query(text)
            if scope is not None:  # one article's hits, all of them: Enter steps through them
                hits = search_sentences(db, text, article_id=scope)
                total = len(hits)
            else:  # what the user waits for: the first pages and the count
                hits = search_sentences(db, text, limit=self.limit)
                total = count_matches(db, text) if len(hits) == self.limit else len(hits)
        except InvalidValue as error:  # a query with no words: say so beside the field
            self._show([], text, scope, total=0)
            self.summary.setText(str(error))
            return
        except AnnotatorError as error:  # the project file: shown like every other file problem
            self._show([], text, scope, total=0)
            self.errors.report(error)
            return
        self._show(hits, text, scope, total=total)

    def _show(self, hits: list[SearchHit], text: str, scope: int | None, *, total: int) -> None:
        self._shown = (text, scope, self.limit)
        self._total = total
        self.hits = []
        self.results.clear()
        self._append(hits, text)
        self._summarise(text, scope)

    def _append(self, hits: list[SearchHit], text: str) -> None:
        items = []
        for hit in hits:
            item = QTreeWidgetItem([hit.outlet, hit.title, ""])
            item.setData(OUTLET, HIT_ROLE, hit)
            item.setData(TEXT, HTML_ROLE, snippet_html(hit.text, text))
            item.setToolTip(TITLE, plain_tooltip(hit.title))
            item.setToolTip(TEXT, plain_tooltip(f"Sentence {hit.idx + 1}: {hit.text}"))
            items.append(item)
        self.hits += hits
        self.results.addTopLevelItems(items)

    def _summarise(self, text: str, scope: int | None) -> None:
        where = "in this article" if scope is not None else "in the project"
        total, shown = self._total, len(self.hits)
        if not text.strip():
            self.summary.setText("")
        elif not shown:
            self.summary.setText(f"No sentence {where} matches.")
        elif shown < total:
            self.summary.setText(f"The first {shown} of {total} sentences {where}.")
        else:
            self.summary.setText(f"{total} sentence{'s' if total != 1 else ''} {where}. "
                                 "Enter or double-click opens one.")
        self.more.setVisible(shown < total)

    def find_next(self) -> None:
        """Go to the next result after the current one (wrapping), and select it in its column."""
        if not self.hits:
            return
        current = self.results.indexOfTopLevelItem(self.results.currentItem()) if self.results.currentItem() else -1
        item = self.results.topLevelItem((current + 1) % len(self.hits))
        self.results.setCurrentItem(item)
        self.results.scrollToItem(item)
        hit: SearchHit = item.data(OUTLET, HIT_ROLE)
        self.sentence_found.emit(hit.article_id, hit.start)

    def _on_query_return_pressed(self) -> None:
        self.search()
        if self.in_article.isChecked():
            self.find_next()
            self.query.setFocus()
        elif self.hits:
            self.results.setCurrentItem(self.results.topLevelItem(0))
            self.results.setFocus()

    def _on_more_clicked(self) -> None:
        """Append the next page: the hits after the last one shown (the index seeks there)."""
        if self._shown is None or not self.hits:
            return
        text, scope, _limit = self._shown
        try:
            hits = search_sentences(self.session.project.database, text, article_id=scope,
                                    after=self.hits[-1].position, limit=PAGE)
        except AnnotatorError as error:
            self.errors.report(error)
            return
        self.limit += PAGE
        self._shown = (text, scope, self.limit)
        self._append(hits, text)
        if len(hits) < PAGE:  # the index has no more: whatever the count said, this is all
            self._total = len(self.hits)
        self._summarise(text, scope)

    def _on_item_activated(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        hit: SearchHit = item.data(OUTLET, HIT_ROLE)
        self.sentence_chosen.emit(hit.article_id, hit.start)

    def _on_session_changed(self, changes: Changes) -> None:
        if changes.articles and self.isVisible():
            self._shown = None
            self.search()
