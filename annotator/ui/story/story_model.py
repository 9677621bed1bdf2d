"""The Story grid as a table model over a list of claims, and the delegate that paints its cells.

One row per claim, the columns: its name, how many outlets report it, then one per outlet. An
outlet's cell holds that outlet's sentences of the claim; the delegate paints one segment per
sentence, split among the colours of the categories marked on it, hatched when it is not annotated
yet, and nothing when the outlet does not report the claim. A claim disputed by another (a denial and
the statement it denies are two claims) is marked ⇄ after its name, the tooltip naming the other.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, QRect, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPen
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from annotator.core.analysis.stats import ANONYMOUS_KEYS
from annotator.core.provenance.model import Origin
from annotator.core.records import Claim, ClaimSentence
from annotator.core.reports.claims_csv import claim_cell
from annotator.ui.base.plain_text import plain_tooltip

NAME, COUNT, SOURCES = 0, 1, 2
FIXED = ["Claim", "Outlets", "Sources"]
SENTENCES_ROLE = Qt.ItemDataRole.UserRole  # an outlet cell: its ClaimSentences
CLAIM_ROLE = Qt.ItemDataRole.UserRole + 1  # any cell: the row's Claim
HATCH = QColor("#9A9A9A")
DISPUTED_MARK = "⇄ disputed"
_ROOT = QModelIndex()


def only_anonymous(claim: Claim) -> bool:
    """Whether some outlet sources the claim only anonymously: its marks on it are all anonymous ones."""
    marks: dict[str, set[str]] = {}
    for s in claim.sentences:
        marks.setdefault(s.outlet, set()).update(s.categories)
    return any(keys and keys <= set(ANONYMOUS_KEYS) for keys in marks.values())


class ClaimGridModel(QAbstractTableModel):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.claims: list[Claim] = []
        self.outlets: list[str] = []
        self.labels: dict[str, str] = {}  # category key → label, for tooltips
        self.shown_names: list[str] = []  # what each outlet's header shows (see set_shown_names)
        self.origins: dict[int, Origin] | None = None  # claim id → its independent sources; None: not yet known
        self._sort = (COUNT, Qt.SortOrder.DescendingOrder)

    def set_claims(self, claims: Sequence[Claim], outlets: Sequence[str], labels: dict[str, str]) -> None:
        self.beginResetModel()
        self.claims = list(claims)
        self.outlets = list(outlets)
        self.shown_names = list(outlets)
        self.labels = labels
        self._sort_claims()
        self.endResetModel()

    def set_origins(self, origins: dict[int, Origin] | None) -> None:
        """Each claim's independent sources, as computed in the background (the Sources column)."""
        self.origins = origins
        if self._sort[0] == SOURCES:
            self.layoutAboutToBeChanged.emit()
            self._sort_claims()
            self.layoutChanged.emit()
        elif self.claims:
            self.dataChanged.emit(self.index(0, SOURCES), self.index(len(self.claims) - 1, SOURCES))

    def sources(self, claim: Claim) -> tuple[str, ...] | None:
        """The claim's independent sources; None while they are computed (or for a claim newer than them)."""
        origin = None if self.origins is None else self.origins.get(claim.id)
        return None if origin is None else origin.independent_sources

    def set_shown_names(self, names: Sequence[str]) -> None:
        """What the outlets' headers show (abbreviations when their columns are narrow); tooltips name them whole."""
        if list(names) != self.shown_names and len(names) == len(self.outlets):
            self.shown_names = list(names)
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, len(FIXED), self.columnCount() - 1)

    def claim(self, row: int) -> Claim:
        return self.claims[row]

    def sentences(self, index: QModelIndex) -> list[ClaimSentence]:
        if index.column() < len(FIXED):
            return []
        outlet = self.outlets[index.column() - len(FIXED)]
        return [s for s in self.claims[index.row()].sentences if s.outlet == outlet]

    # -- the model -------------------------------------------------------------------------------
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.claims)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(FIXED) + len(self.outlets)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation != Qt.Orientation.Horizontal:
            return None
        if section >= len(FIXED) + len(self.outlets):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return FIXED[section] if section < len(FIXED) else self.shown_names[section - len(FIXED)]
        if role == Qt.ItemDataRole.ToolTipRole:
            if section < len(FIXED):
                return plain_tooltip({
                    NAME: "Its name, or its most typical sentence. Click to sort by name.",
                    COUNT: "How many outlets report it. Click to sort, most first.",
                    SOURCES: "Independent sources: how many distinct original sources stand behind the outlets "
                             "that report it, once relays and copies are followed (see the Provenance tab). "
                             "Click to sort."}[section])
            return plain_tooltip(self.outlets[section - len(FIXED)]
                                 + "\nClick to sort by how many of its sentences state each claim.")
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        claim = self.claims[index.row()]
        column = index.column()
        if role == CLAIM_ROLE:
            return claim
        if column == NAME:
            return self._name_data(claim, role)
        if column == COUNT:
            if role == Qt.ItemDataRole.DisplayRole:
                return str(len(claim.outlets))
            if role == Qt.ItemDataRole.TextAlignmentRole:
                return int(Qt.AlignmentFlag.AlignCenter)
            return None
        if column == SOURCES:
            return self._sources_data(claim, role)
        sentences = self.sentences(index)
        if role == SENTENCES_ROLE:
            return sentences
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return claim_cell(sentences)
        if role == Qt.ItemDataRole.ToolTipRole and sentences:
            lines = [f"Sentence {s.idx + 1}: " + (", ".join(self.labels.get(k, k) for k in s.categories)
                                                  or "not annotated yet") for s in sentences]
            return plain_tooltip("\n".join(lines) + "\nClick to open it.")
        return None

    def _name_data(self, claim: Claim, role: int):
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            # whole: the column wraps it, rows growing to fit
            return f"{claim.label}  {DISPUTED_MARK}" if claim.disputes else claim.label
        if role == Qt.ItemDataRole.ToolTipRole:
            lines = [claim.label + (" (named)" if claim.named else "")]
            lines += [f"Disputed by: {label}" for label in claim.disputed_by]
            return plain_tooltip("\n".join(lines))
        return None

    def _sources_data(self, claim: Claim, role: int):
        sources = self.sources(claim)
        if role == Qt.ItemDataRole.DisplayRole:
            return "…" if sources is None else str(len(sources))
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.ToolTipRole:
            if sources is None:
                return plain_tooltip("Following relays and copies to the original sources…")
            origin = self.origins[claim.id]
            lines = [f"{len(sources)} independent source{'' if len(sources) == 1 else 's'} behind "
                     f"{len(claim.outlets)} outlet{'' if len(claim.outlets) == 1 else 's'}:"]
            lines += [f"  {name}" for name in sources]
            if origin.first_reported_by:
                how = "as the texts say" if origin.first_by_text else "earliest dated article"
                lines.append(f"First reported by {origin.first_reported_by} ({how}).")
            return plain_tooltip("\n".join(lines))
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self.layoutAboutToBeChanged.emit()
        self._sort = (column, order)
        self._sort_claims()
        self.layoutChanged.emit()

    def _sort_claims(self) -> None:
        column, order = self._sort
        reverse = order == Qt.SortOrder.DescendingOrder
        if column == NAME:
            self.claims.sort(key=lambda c: (c.label.casefold(), c.id), reverse=reverse)
        elif column == COUNT:
            self.claims.sort(key=lambda c: (len(c.outlets), len(c.sentences), -c.id), reverse=reverse)
        elif column == SOURCES:
            self.claims.sort(key=lambda c: (len(self.sources(c) or ()), len(c.outlets), -c.id), reverse=reverse)
        else:
            outlet = self.outlets[column - len(FIXED)] if column - len(FIXED) < len(self.outlets) else None
            self.claims.sort(key=lambda c: (sum(s.outlet == outlet for s in c.sentences), -c.id), reverse=reverse)


_SMALL_WORDS = {"the", "of", "and", "from", "for", "in", "on", "a", "an", "de", "la", "le"}


def abbreviation(name: str, fits: Callable[[str], bool]) -> str:
    """A header for an outlet that `fits` its column: the name, else its one telling word or its words'
    initials, else as much of it as fits. "The Washington Post" is "WP", "The Hill" is "Hill",
    "newz9.com" is "newz9", "BleepingComputer" is "Bleep…"."""
    if fits(name):
        return name
    stem = name.rsplit(".", 1)[0] if "." in name and " " not in name else name  # a domain: without its ending
    words = [w for w in re.findall(r"\w+", stem) if w.casefold() not in _SMALL_WORDS] or [stem]
    if len(words) > 1:
        initials = "".join(w if w.isdigit() else w[0].upper() for w in words)
        while len(initials) > 1 and not fits(initials):
            initials = initials[:-1]
        return initials
    word = words[0]
    if fits(word):
        return word
    cut = len(word) - 1
    while cut > 1 and not fits(word[:cut] + "…"):
        cut -= 1
    return word[:cut] + "…"


def shown_names(outlets: Sequence[str], fits: Callable[[str], bool]) -> list[str]:
    """Each outlet's header (see `abbreviation`), numbered where two would read alike."""
    shown = [abbreviation(o, fits) for o in outlets]
    seen: dict[str, int] = {}
    for n, short in enumerate(shown):
        seen[short] = seen.get(short, 0) + 1
        if seen[short] > 1:
            number = str(seen[short])
            stem = short
            while len(stem) > 1 and not fits(stem + number):
                stem = stem[:-1]
            shown[n] = stem + number
    return shown


class CellDelegate(QStyledItemDelegate):
    """Paints an outlet's cell: a segment per sentence in its categories' colours, hatched if unannotated."""

    def __init__(self, colors: dict[str, str], parent=None) -> None:
        super().__init__(parent)
        self.colors = colors

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        sentences = index.data(SENTENCES_ROLE)
        if index.column() < len(FIXED) or sentences is None:
            super().paint(painter, option, index)
            return
        painter.save()
        if option.state & QStyle.StateFlag.State_Selected:
            painter.fillRect(option.rect, option.palette.highlight())
        if sentences:
            area = option.rect.adjusted(4, 5, -4, -5)
            gap = 2
            width = (area.width() - gap * (len(sentences) - 1)) / len(sentences)
            for n, sentence in enumerate(sentences):
                left = area.left() + n * (width + gap)
                part = QRect(int(left), area.top(), max(2, int(left + width) - int(left)), area.height())
                self._paint_sentence(painter, part, sentence)
        painter.restore()

    def _paint_sentence(self, painter: QPainter, rect: QRect, sentence: ClaimSentence) -> None:
        if not sentence.categories:
            painter.fillRect(rect, QColor("#F4F4F4"))
            painter.fillRect(rect, QBrush(HATCH, Qt.BrushStyle.BDiagPattern))
            painter.setPen(QPen(HATCH, 1))
            painter.drawRect(rect.adjusted(0, 0, -1, -1))
            return
        keys = sentence.categories
        for n, key in enumerate(keys):  # stacked: one band per category, top to bottom
            top = rect.top() + rect.height() * n // len(keys)
            bottom = rect.top() + rect.height() * (n + 1) // len(keys)
            painter.fillRect(QRect(rect.left(), top, rect.width(), bottom - top), QColor(self.colors.get(key, "#CCCCCC")))
