"""Outlets as entities: which outlet a name means, from the shipped alias list, the user's files and the
project's own merges, splits and renames.

A name resolves in this order: the project's own row for it (`outlet_aliases`), an alias that holds
only after its outlet was named ("the Times" after The New York Times), an alias of the shipped or
user list, else the name itself (an outside outlet). The project's rows are then followed (a merge or
rename of the outlet the name reached), and an outlet of the project that means the same outlet is
preferred, so "Recorded Future News" in a text finds the project's "The Record".
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass
from pathlib import Path

from annotator.core.errors import InvalidValue
from annotator.core.resources import resources_dir

USER_OUTLETS_ENV = "ANNOTATOR_OUTLETS_DIR"
_THE = re.compile(r"^the\s+", re.IGNORECASE)
_POSSESSIVE = re.compile(r"(?:'s|’s|'|’)$")
_FOLLOW_AT_MOST = 16  # a chain of renames longer than this is a cycle someone made by hand


def name_key(name: str) -> str:
    """How names are compared: case folded, spaces collapsed, no leading "the", no possessive."""
    name = " ".join(name.replace("’", "'").split()).strip(" ,;:.\"“”()")
    name = _POSSESSIVE.sub("", name)
    return _THE.sub("", name).casefold()


@dataclass(frozen=True)
class OutletEntry:
    """An outlet of the alias list: its name, names that always mean it, names that do after it."""

    name: str
    aliases: tuple[str, ...]
    after: tuple[str, ...] = ()


def alias_dirs() -> list[Path]:
    """The shipped alias folder, then the user's (ANNOTATOR_OUTLETS_DIR), if set."""
    dirs = [resources_dir() / "outlets"]
    extra = os.environ.get(USER_OUTLETS_ENV)
    if extra:
        dirs.append(Path(extra))
    return dirs


def load_entries(dirs: list[Path] | None = None) -> list[OutletEntry]:
    """Every outlet of every *.json alias file; an outlet named twice gets the aliases of both."""
    merged: dict[str, OutletEntry] = {}
    for path in sorted(p for d in (dirs if dirs is not None else alias_dirs()) if d.is_dir()
                       for p in d.glob("*.json")):
        for raw in _read(path):
            name = str(raw["name"]).strip()
            entry = OutletEntry(name, tuple(map(str, raw.get("aliases", []))), tuple(map(str, raw.get("after", []))))
            old = merged.get(name_key(name))
            if old is not None:
                entry = OutletEntry(old.name, old.aliases + entry.aliases, old.after + entry.after)
            merged[name_key(name)] = entry
    return list(merged.values())


def _read(path: Path) -> list[dict]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise InvalidValue(f"outlet alias file {path} cannot be read: {error}") from error
    outlets = data.get("outlets") if isinstance(data, dict) else None
    if not isinstance(outlets, list) or not all(isinstance(o, dict) and o.get("name") for o in outlets):
        raise InvalidValue(f"outlet alias file {path} must hold {{\"outlets\": [{{\"name\": …, \"aliases\": […]}}]}}")
    return outlets


class OutletBook:
    """Resolves names to outlets for one project; every name it knows, for finding them in a text."""

    def __init__(self, entries: list[OutletEntry], *, project_outlets: list[str] = (),
                 rows: dict[str, str] | None = None, alias_names: dict[str, str] | None = None) -> None:
        self._rows = dict(rows or {})  # name key -> outlet name (the project's merges, splits, renames)
        self._listed: dict[str, str] = {}
        self._after: dict[str, str] = {}
        self._after_written = [n for entry in entries for n in entry.after]
        for entry in entries:
            for name in (entry.name, *entry.aliases):
                self._listed.setdefault(name_key(name), entry.name)
            for name in entry.after:
                self._after.setdefault(name_key(name), entry.name)
        self._spellings = {name_key(n): n for e in entries for n in (e.name, *e.aliases)}
        self._spellings.update({key: row_alias for key, row_alias in (alias_names or {}).items()})
        self._spellings.update({name_key(o): o for o in project_outlets})
        self._by_outlet: dict[str, dict[str, str]] | None = None
        self.project_outlets = list(project_outlets)
        self._project: dict[str, str] = {}
        for outlet in self.project_outlets:  # an exact name first, then what it means
            self._project.setdefault(name_key(outlet), outlet)
        for outlet in self.project_outlets:  # unless that outlet was split off on its own
            key = name_key(self.entity(outlet))
            if self._rows.get(key) is None or name_key(self._rows[key]) != key:
                self._project.setdefault(key, outlet)

    def resolve(self, name: str, *, named_before: set[str] = frozenset()) -> str:
        """The outlet `name` means (a project outlet where one means it); `named_before`: outlets
        the article named earlier, for the aliases that hold only after their outlet."""
        entity = self.entity(name, named_before)
        return self._project.get(name_key(entity), self._project.get(name_key(name), entity))

    def knows(self, name: str) -> bool:
        """Whether `name` is a name of the list, of the project or of its rows."""
        key = name_key(name)
        return key in self._listed or key in self._project or key in self._rows or key in self._after

    def in_project(self, outlet: str) -> bool:
        return name_key(outlet) in self._project and self._project[name_key(outlet)] == outlet

    def entity(self, name: str, named_before: set[str] = frozenset()) -> str:
        key = name_key(name)
        if key in self._rows:
            current = self._rows[key]
            if name_key(current) == key:
                return current  # split off: the name is an outlet of its own
        elif key in self._after and self._after[key] in named_before:
            current = self._after[key]
        else:
            current = self._listed.get(key, _display(name))
        for _ in range(_FOLLOW_AT_MOST):
            target = self._rows.get(name_key(current))
            if target is None or name_key(target) == name_key(current):
                break
            current = target
        return current

    def names(self) -> list[str]:
        """Every name that always means an outlet (the list's names and aliases, the project's outlets
        and rows) as written, longest first, for finding outlets in a text."""
        return sorted((n for k, n in self._spellings.items() if k), key=lambda n: (-len(n), n))

    def after_spellings(self) -> list[str]:
        """The names that mean an outlet only after it was named, as written, without "the"."""
        return [_THE.sub("", n) for n in self._after_written]

    def aliases_of(self, outlet: str, *, seen: list[str] = ()) -> tuple[str, ...]:
        """The other names that mean `outlet`: the list's, the project's rows', and those `seen` in texts."""
        if self._by_outlet is None:
            self._by_outlet = {}
            for name in self._spellings.values():
                self._by_outlet.setdefault(self.resolve(name), {}).setdefault(name_key(name), name)
        found = dict(self._by_outlet.get(outlet, {}))
        for name in seen:
            if self.resolve(name) == outlet:
                found.setdefault(name_key(name), _display(name))
        found.pop(name_key(outlet), None)
        return tuple(sorted(found.values(), key=str.casefold))


def _display(name: str) -> str:
    name = " ".join(name.split()).strip(" ,;:.\"“”()")
    return _POSSESSIVE.sub("", name)
