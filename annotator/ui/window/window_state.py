"""The main window's state kept between runs in QSettings: its geometry and docks, the open columns
(per project) with their articles and widths, the panels' places, the current tab."""

from __future__ import annotations

from PySide6.QtCore import QByteArray

from annotator.core.records import ArticleId


def restore(window) -> None:
    """Put the window back as it was left for this project: geometry, docks, columns and their articles."""
    geometry = window.settings.value("window/geometry")
    if isinstance(geometry, QByteArray):
        window.restoreGeometry(geometry)
    else:
        window.resize(1400, 860)
    state = window.settings.value("window/state")
    if isinstance(state, QByteArray):
        window.restoreState(state)
    key = f"columns/{window.session.project.path.resolve()}"
    stored = window.settings.value(key) or []
    stored = [stored] if isinstance(stored, str) else stored  # one value comes back as a string
    wanted = [int(i) for i in stored if str(i).isdigit()]
    known = {a.id for a in window.session.project.articles.list()} if wanted else set()
    for n, article_id in enumerate(a for a in wanted if a in known):
        window.open_article(ArticleId(article_id), new_column=n > 0)
    sizes = window.settings.value("window/splitter")
    if isinstance(sizes, list) and len(sizes) == len(window.columns.columns()):
        window.columns.splitter.setSizes([int(s) for s in sizes])
    window.panels.restore_places(window.settings.value(f"places/{window.session.project.path.resolve()}"))

def save(window) -> None:
    """Keep what `restore` puts back, and this project as the last one opened."""
    window.settings.setValue("window/geometry", window.saveGeometry())
    window.settings.setValue("window/state", window.saveState())
    window.settings.setValue("window/splitter", window.columns.splitter.sizes())
    window.settings.setValue("window/tab", window.tabs.currentIndex())
    window.settings.setValue(f"columns/{window.session.project.path.resolve()}",
                           [str(c.article_id) for c in window.columns.columns()])
    window.settings.setValue(f"places/{window.session.project.path.resolve()}", window.panels.places())
    window.settings.setValue("project/last", str(window.session.project.path.resolve()))
    window.settings.sync()
