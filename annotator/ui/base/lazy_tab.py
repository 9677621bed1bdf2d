"""A tab whose page is built the first time it is shown or asked for."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QVBoxLayout, QWidget


class LazyTab(QWidget):
    def __init__(self, build: Callable[[QWidget], QWidget], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._build = build
        self._page: QWidget | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)

    @property
    def built(self) -> bool:
        return self._page is not None

    def widget(self) -> QWidget:
        if self._page is None:
            self._page = self._build(self)
            self.layout().addWidget(self._page)
        return self._page

    def showEvent(self, event) -> None:  # noqa: N802 (Qt override)
        self.widget()
        super().showEvent(event)
