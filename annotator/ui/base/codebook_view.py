"""The project's categories as the window reads them: once after each codebook change, not per key press.

The session drops its copy when a Changes value says the codebook changed (this window's edit, an
undo, or another process's write seen in the change log), before any view hears of it.
"""

from __future__ import annotations

from annotator.core.errors import NotFound
from annotator.core.records import Category


class CodebookView:
    """Every category in codebook order, archived ones included; lookups by key and by shortcut."""

    def __init__(self, categories: list[Category]) -> None:
        self.all = categories
        self.active = [c for c in categories if not c.archived]
        self.by_key = {c.key: c for c in categories}
        self.labels = {c.key: c.label for c in categories}
        self._shortcuts = {c.shortcut: c for c in self.active if c.shortcut}

    def get(self, key: str) -> Category:
        try:
            return self.by_key[key]
        except KeyError:
            known = ", ".join(c.key for c in self.active)
            raise NotFound(f"no category {key!r} in this project (known: {known})") from None

    def by_shortcut(self, shortcut: str) -> Category | None:
        """The active category with this shortcut (archived ones keep theirs but do not answer)."""
        return self._shortcuts.get(shortcut)
