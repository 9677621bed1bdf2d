"""Operations on the codebook: add, rename, recolour, archive, restore and move a category; import a
shared codebook."""

from __future__ import annotations

from annotator.core.changes import Changes
from annotator.core.codebook import CategorySpec
from annotator.core.errors import ChangedElsewhere
from annotator.core.records import Category
from annotator.core.store.project import Project

CODEBOOK = Changes(codebook=True)


def _order(project: Project) -> list[str]:
    return [c.key for c in project.categories.list(include_archived=True)]


class AddCategory:
    """A new category from its label (free key, colour and shortcut chosen by the store)."""

    undoable = True

    def __init__(self, label: str) -> None:
        self.text = f"Add category {label.strip()!r}"
        self._label = label
        self.category: Category | None = None

    def apply(self, project: Project) -> Changes:
        if self.category is None:
            self.category = project.categories.add_labelled(self._label)
        else:  # redo: the same key, colour and shortcut, at the same place
            c = self.category
            project.categories.add(CategorySpec(key=c.key, label=c.label, color=c.color,
                                                description=c.description, shortcut=c.shortcut))
            project.categories.move(c.key, c.position)
        return CODEBOOK

    def revert(self, project: Project) -> Changes:
        assert self.category is not None, "revert() before apply()"
        project.categories.delete(self.category.key)
        return CODEBOOK


class EditCategory:
    """Change a category's label, colour, description, shortcut or archived flag."""

    undoable = True

    def __init__(self, key: str, **fields) -> None:
        self.text = _describe(fields)
        self._key = key
        self._after = fields
        self._before: dict | None = None
        self._stored: dict | None = None  # the fields as apply() left them

    def apply(self, project: Project) -> Changes:
        before, after = project.categories.update(self._key, **self._after)
        self._before = {name: getattr(before, name) for name in self._after}
        self._stored = {name: getattr(after, name) for name in self._after}
        return CODEBOOK

    def revert(self, project: Project) -> Changes:
        assert self._before is not None and self._stored is not None, "revert() before apply()"
        now = project.categories.get(self._key)
        if {name: getattr(now, name) for name in self._stored} != self._stored:
            raise ChangedElsewhere("cannot undo the edit: the category was changed in another window or from"
                                   " the command line since")
        project.categories.update(self._key, **self._before)
        return CODEBOOK


def _describe(fields: dict) -> str:
    if fields.get("archived") is True:
        return "Archive category"
    if fields.get("archived") is False:
        return "Restore category"
    if "label" in fields:
        return f"Rename category to {fields['label']!r}"
    if "color" in fields:
        return "Change category colour"
    return "Edit category"


class MoveCategory:
    """Put a category at another place in the codebook (archived categories count as places)."""

    undoable = True

    def __init__(self, key: str, position: int) -> None:
        self.text = "Move category"
        self._key = key
        self._position = position
        self._old: int | None = None

    def apply(self, project: Project) -> Changes:
        self._old = _order(project).index(self._key)
        project.categories.move(self._key, self._position)
        return CODEBOOK

    def revert(self, project: Project) -> Changes:
        assert self._old is not None, "revert() before apply()"
        project.categories.move(self._key, self._old)
        return CODEBOOK



_FIELDS = ("label", "color", "description", "shortcut", "archived")


class ImportCodebook:
    """Take in a shared codebook: a category of the same key gets the file's label, colour, definition
    and (when free) shortcut, and is restored if archived; a new key is added at the end. Categories the
    file does not name are kept as they are (annotations may use them). One undo step."""

    undoable = True

    def __init__(self, specs: list[CategorySpec], *, name: str = "codebook") -> None:
        self.text = f"Import {name}"
        self._specs = specs
        self.added: list[str] = []
        self.updated: list[str] = []
        self._before: dict[str, dict] = {}
        self._stored: dict[str, dict] = {}

    def apply(self, project: Project) -> Changes:
        existing = {c.key: c for c in project.categories.list(include_archived=True)}
        owners = {c.shortcut: c.key for c in existing.values() if c.shortcut and not c.archived}
        self.added, self.updated, self._before, self._stored = [], [], {}, {}
        for spec in self._specs:
            owner = owners.get(spec.shortcut) if spec.shortcut else None
            shortcut = spec.shortcut if owner in (None, spec.key) else None  # never take another's key
            if spec.key in existing:
                before, after = project.categories.update(
                    spec.key, label=spec.label, color=spec.color, description=spec.description,
                    shortcut=shortcut if shortcut else "", archived=False)
                if before != after:
                    self.updated.append(spec.key)
                    self._before[spec.key] = {f: getattr(before, f) for f in _FIELDS}
                    self._stored[spec.key] = {f: getattr(after, f) for f in _FIELDS}
            else:
                project.categories.add(CategorySpec(key=spec.key, label=spec.label, color=spec.color,
                                                    description=spec.description, shortcut=shortcut))
                self.added.append(spec.key)
            if shortcut:
                owners[shortcut] = spec.key
        return CODEBOOK

    def revert(self, project: Project) -> Changes:
        now = {c.key: c for c in project.categories.list(include_archived=True)}
        for key, stored in self._stored.items():
            if key not in now or {f: getattr(now[key], f) for f in _FIELDS} != stored:
                raise ChangedElsewhere("cannot undo the codebook import: a category it changed was changed in"
                                       " another window or from the command line since")
        counts = project.annotations.counts_by_category()
        if any(counts.get(key) for key in self.added):
            raise ChangedElsewhere("cannot undo the codebook import: a category it added is used by annotations"
                                   " now; archive it instead")
        for key in reversed(self.added):
            project.categories.delete(key)
        for key, before in self._before.items():
            project.categories.update(key, label=before["label"], color=before["color"],
                                      description=before["description"], shortcut=before["shortcut"],
                                      archived=before["archived"])
        return CODEBOOK
