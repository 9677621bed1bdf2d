"""What the Story tab lists and writes: the chosen claim's sentences, outlet by outlet, each with its
marks; and the grid as shown, as CSV."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QListWidgetItem, QWidget

from annotator.core.errors import AnnotatorError
from annotator.core.records import Claim, outlet_order
from annotator.core.reports.claims_csv import write_claims_csv
from annotator.core.store.project import Project
from annotator.ui.base.errors import ErrorSink
from annotator.ui.base.plain_text import plain_tooltip
from annotator.ui.base.swatch import swatch

SENTENCE_ROLE = Qt.ItemDataRole.UserRole  # (article id, idx, start) of a listed sentence


def sentence_items(project: Project, claim: Claim, colors: dict[str, str], labels: dict[str, str]) -> list[QListWidgetItem]:
    """One item per sentence of `claim`: outlet, title, number, marks, then the sentence's text."""
    titles: dict[int, str] = {}
    items = []
    for s in sorted(claim.sentences, key=lambda s: (outlet_order(s.outlet), s.article_id, s.idx)):
        if s.article_id not in titles:
            titles[s.article_id] = project.articles.get(s.article_id).title
        body = project.articles.body(s.article_id)
        sentence = project.articles.sentence(s.article_id, s.idx)
        marks = ", ".join(labels.get(k, k) for k in s.categories) or "not annotated yet"
        item = QListWidgetItem(f"{s.outlet} · {titles[s.article_id]} · sentence {s.idx + 1} · {marks}\n"
                               + " ".join(body[sentence.start:sentence.end].split()))
        item.setIcon(swatch(colors.get(s.categories[0], "#DDDDDD")) if s.categories else swatch("#F4F4F4"))
        item.setData(SENTENCE_ROLE, (s.article_id, s.idx, sentence.start))
        item.setToolTip(plain_tooltip(body[sentence.start:sentence.end]))
        items.append(item)
    return items


def export_grid(parent: QWidget, model, errors: ErrorSink) -> None:
    """Write the grid as shown (filter, order, each claim's independent sources) to a CSV the user names."""
    path, _ = QFileDialog.getSaveFileName(parent, "Export the claims grid", "claims.csv", "CSV files (*.csv)")
    if not path:
        return
    try:
        rows = write_claims_csv(Path(path), model.claims, model.outlets,
                                sources={c.id: s for c in model.claims if (s := model.sources(c)) is not None})
    except AnnotatorError as error:
        errors.report(error)
        return
    errors.notice(f"{rows} claims written to {path}.")
