"""Operations on outlets as entities (core/provenance): give an outlet an alias, split an alias off,
merge two outlets, rename one. Each writes rows of the project's alias table (and, for an outlet of
the project, moves or renames its articles as `annotator outlet` does); undo puts back what was."""

from __future__ import annotations

from annotator.core.changes import Changes
from annotator.core.errors import ChangedElsewhere, InvalidValue
from annotator.core.provenance.aliases import OutletBook, name_key
from annotator.core.provenance.build import book_for
from annotator.core.records import OutletChange
from annotator.core.store.outlet_aliases import AliasRow, AliasStore
from annotator.core.store.project import Project

OUTLETS = Changes(articles=True)


def outlet_book(project: Project) -> OutletBook:
    """The outlet book of a project as it is now."""
    rows = tuple((r.key, r.alias, r.outlet) for r in AliasStore(project.database).all())
    return book_for(project.articles.outlets(), rows)


def _name(value: str, what: str) -> str:
    name = " ".join(value.split())
    if not name_key(name):
        raise InvalidValue(f"{what} cannot be empty")
    return name


class _AliasEdit:
    """Rows written by apply(), each with the row it replaced; revert() puts those back."""

    undoable = True

    def __init__(self) -> None:
        self._written: list[tuple[str, AliasRow | None, AliasRow | None]] = []
        self._outlet_change: OutletChange | None = None

    def _put(self, project: Project, alias: str, outlet: str | None) -> None:
        key = name_key(alias)
        row = AliasRow(key, alias, outlet) if outlet is not None else None
        before = AliasStore(project.database).put(key, row)
        self._written.append((key, before, row))

    def apply(self, project: Project) -> Changes:
        self._written, self._outlet_change = [], None
        self._apply(project, outlet_book(project))
        return OUTLETS

    def _apply(self, project: Project, book: OutletBook) -> None:
        raise NotImplementedError

    def revert(self, project: Project) -> Changes:
        store = AliasStore(project.database)
        for key, _before, after in self._written:
            if store.get(key) != after:
                raise ChangedElsewhere(f"cannot undo: the aliases of {key!r} were changed in another window"
                                       " or from the command line since")
        if self._outlet_change is not None:
            if self._outlet_change.new not in project.articles.outlets():
                raise ChangedElsewhere(f"cannot undo: outlet {self._outlet_change.new!r} was renamed or emptied"
                                       " in another window or from the command line since")
            project.articles.restore_outlet(self._outlet_change)
        for key, before, _after in reversed(self._written):
            store.put(key, before)
        return OUTLETS


class AddOutletAlias(_AliasEdit):
    """Make `alias` another name of `outlet` (found in texts from then on)."""

    def __init__(self, outlet: str, alias: str) -> None:
        super().__init__()
        self._outlet, self._alias = _name(outlet, "the outlet"), _name(alias, "the alias")
        self.text = f"Make {self._alias!r} an alias of {self._outlet!r}"

    def _apply(self, project: Project, book: OutletBook) -> None:
        outlet = book.resolve(self._outlet)
        if name_key(self._alias) == name_key(outlet):
            raise InvalidValue(f"{self._alias!r} is the outlet's own name")
        if book.resolve(self._alias) == outlet:
            raise InvalidValue(f"{self._alias!r} is an alias of {outlet!r} already")
        if book.in_project(self._alias):
            raise InvalidValue(f"{self._alias!r} is an outlet of the project: merge it into {outlet!r} instead")
        self._put(project, self._alias, outlet)


class SplitOutletAlias(_AliasEdit):
    """Take `alias` off `outlet`: from then on it names an outlet of its own."""

    def __init__(self, outlet: str, alias: str) -> None:
        super().__init__()
        self._outlet, self._alias = _name(outlet, "the outlet"), _name(alias, "the alias")
        self.text = f"Split {self._alias!r} off {self._outlet!r}"

    def _apply(self, project: Project, book: OutletBook) -> None:
        outlet = book.resolve(self._outlet)
        if book.resolve(self._alias) != outlet:
            raise InvalidValue(f"{self._alias!r} is not an alias of {outlet!r}"
                               f" (its aliases: {', '.join(book.aliases_of(outlet)) or 'none'})")
        if name_key(self._alias) == name_key(outlet) or book.in_project(self._alias):
            raise InvalidValue(f"{self._alias!r} is the outlet's own name: rename the outlet instead")
        self._put(project, self._alias, self._alias)


class MergeOutlets(_AliasEdit):
    """Make `source` and every name of it mean `into`; an outlet of the project moves its articles."""

    def __init__(self, source: str, into: str) -> None:
        super().__init__()
        self._source, self._into = _name(source, "the outlet to merge"), _name(into, "the outlet to merge into")
        self.text = f"Merge outlet {self._source!r} into {self._into!r}"

    def _apply(self, project: Project, book: OutletBook) -> None:
        source, into = book.resolve(self._source), book.resolve(self._into)
        if source == into:
            raise InvalidValue(f"{self._source!r} and {self._into!r} are one outlet already ({into!r})")
        if source in project.articles.outlets():
            self._outlet_change = project.articles.rename_outlet(source, into)
        self._put(project, source, into)
        if name_key(self._source) != name_key(source):
            self._put(project, self._source, into)


class RenameOutletEntity(_AliasEdit):
    """Call outlet `old` `new`: its aliases follow; an outlet of the project is renamed too."""

    def __init__(self, old: str, new: str) -> None:
        super().__init__()
        self._old, self._new = _name(old, "the outlet"), _name(new, "the new name")
        self.text = f"Rename outlet {self._old!r} to {self._new!r}"

    def _apply(self, project: Project, book: OutletBook) -> None:
        old = book.resolve(self._old)
        taken = book.resolve(self._new)
        if name_key(taken) == name_key(old):
            if self._new == old:
                raise InvalidValue(f"the outlet is called {old!r} already")
        elif name_key(taken) != name_key(self._new) or book.knows(self._new):
            raise InvalidValue(f"{self._new!r} names another outlet ({taken!r}): merge the two instead")
        if old in project.articles.outlets():
            self._outlet_change = project.articles.rename_outlet(old, self._new)
        self._put(project, old, self._new)
        self._put(project, self._new, self._new)
