"""The README's architecture map is the code: it names every folder of the package and no folder that is gone."""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path

import annotator

PACKAGE = Path(annotator.__file__).resolve().parent
README = PACKAGE.parent / "README.md"


def map_section() -> str:
    text = README.read_text(encoding="utf-8")
    start = text.index("## Architecture")
    end = text.index("\n## ", start + 1)
    return text[start:end]


def package_folders() -> set[str]:
    """Every folder of Python modules under annotator/, as a path relative to it ("core/store")."""
    return {p.parent.relative_to(PACKAGE).as_posix() for p in PACKAGE.rglob("__init__.py") if p.parent != PACKAGE}


def named_in_map() -> set[str]:
    """The folders the map names: `core/`, and inside the table of a part (`core/…`) its `store/` rows."""
    section = map_section()
    named = {m.rstrip("/") for m in re.findall(r"`([a-z_]+/)`", section)}
    for part in ("core", "ui"):
        table = re.search(rf"\| `{part}/…` \|.*?\n\n", section, re.DOTALL)
        assert table, f"the map has no table for {part}/"
        named |= {f"{part}/{m}" for m in re.findall(r"^\| `([a-z_]+)/` \|", table.group(0), re.MULTILINE)}
    return named


def test_the_map_names_every_folder_of_the_package() -> None:
    missing = package_folders() - named_in_map()
    assert not missing, f"README's Architecture section does not name: {sorted(missing)}"


def test_the_map_names_no_folder_that_does_not_exist() -> None:
    stale = {name for name in named_in_map() if "/" in name} - package_folders()
    assert not stale, f"README's Architecture section names folders that are gone: {sorted(stale)}"


def _ranks_in_map(part: str) -> dict[str, set[str]]:
    """Each row's "may import" column of the map's table for `part`, as sets of folder names."""
    table = re.search(rf"\| `{part}/…` \|.*?\n\n", map_section(), re.DOTALL).group(0)
    ranks = {}
    for name, allowed in re.findall(r"^\| `([a-z_]+)/` \|.*\| ([^|]*) \|$", table, re.MULTILINE):
        ranks[name] = set(re.findall(r"`([a-z_]+)`", allowed))
    return ranks


def test_the_map_gives_the_ranks_the_architecture_test_enforces() -> None:
    spec = importlib.util.spec_from_file_location("architecture", Path(__file__).with_name("test_architecture.py"))
    architecture = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(architecture)
    parts = {name: allowed for name, allowed in architecture.CORE_PARTS.items()
             if (PACKAGE / "core" / name).is_dir()}
    assert _ranks_in_map("core") == parts
    rooms = _ranks_in_map("ui")
    rooms["window"] = set(architecture.UI_ROOMS) - {"window"} if rooms["window"] == set() else rooms["window"]
    assert rooms == architecture.UI_ROOMS
