"""Sourcing categories: the default codebook and the rules a category must follow."""

from __future__ import annotations

import json
import re
from functools import lru_cache
from dataclasses import dataclass

from annotator.core.errors import InvalidValue
from annotator.core.resources import resources_dir

KEY_RE = re.compile(r"^[a-z][a-z0-9_]{0,39}$")
COLOR_RE = re.compile(r"^#[0-9A-Fa-f]{6}$")
SHORTCUTS = tuple("123456789")


@dataclass(frozen=True)
class CategorySpec:
    """A category as written in a codebook file, before it is stored."""

    key: str
    label: str
    color: str
    description: str = ""
    shortcut: str | None = None


@lru_cache(maxsize=1)
def _codebook_file() -> dict:
    return json.loads((resources_dir() / "codebook.json").read_text(encoding="utf-8"))


def default_codebook() -> list[CategorySpec]:
    return [CategorySpec(**entry) for entry in _codebook_file()["categories"]]


def extra_colors() -> list[str]:
    return list(_codebook_file()["extra_colors"])


def check_key(key: str) -> str:
    if not KEY_RE.match(key):
        raise InvalidValue(
            f"category key {key!r} must start with a letter and use only a-z, 0-9 and _ (40 at most)"
        )
    return key


def check_label(label: str) -> str:
    label = label.strip()
    if not label:
        raise InvalidValue("a category needs a label")
    return label


def check_color(color: str) -> str:
    if not COLOR_RE.match(color):
        raise InvalidValue(f"colour {color!r} must be written #RRGGBB")
    return color.upper()


def check_shortcut(shortcut: str | None) -> str | None:
    if shortcut in (None, ""):
        return None
    if shortcut not in SHORTCUTS:
        raise InvalidValue(f"shortcut {shortcut!r} must be one digit from 1 to 9")
    return shortcut


def key_from_label(label: str) -> str:
    """A stable key for a new category, derived from its first label."""
    key = re.sub(r"[^a-z0-9]+", "_", label.lower()).strip("_")
    if not key or not key[0].isalpha():
        key = f"category_{key}".rstrip("_")
    return key[:40]


def contrast_with_black(color: str) -> float:
    """WCAG contrast ratio of black text on `color`."""

    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (int(color[i : i + 2], 16) for i in (1, 3, 5))
    luminance = 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)
    return (luminance + 0.05) / 0.05


CODEBOOK_FORMAT = "annotator-codebook/1"
MAX_CODEBOOK_BYTES = 1_000_000  # a codebook is a few kilobytes; anything bigger is not one


def codebook_json(categories, *, about: str = "") -> str:
    """A codebook file: the categories (key, shortcut, label, colour, definition) in codebook order, as
    `resources/codebook.json` is written, so a desk or a class can share it. Archived ones are left out."""
    entries = [{"key": c.key, "shortcut": c.shortcut, "label": c.label, "color": c.color,
                "description": c.description}
               for c in categories if not getattr(c, "archived", False)]
    return json.dumps({"format": CODEBOOK_FORMAT, "about": about, "categories": entries},
                      ensure_ascii=False, indent=1) + "\n"


def read_codebook(path) -> list[CategorySpec]:
    """The categories of a codebook file, each checked; InvalidValue names the file and what is wrong."""
    from pathlib import Path

    path = Path(path)
    try:
        if path.stat().st_size > MAX_CODEBOOK_BYTES:
            raise InvalidValue(f"{path}: too large for a codebook ({path.stat().st_size:,} bytes)")
        data = json.loads(path.read_text(encoding="utf-8-sig"))
    except OSError as error:
        raise InvalidValue(f"{path}: cannot be read ({error.strerror or error})") from error
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise InvalidValue(f"{path}: not a codebook file (JSON expected: {error})") from error
    entries = data.get("categories") if isinstance(data, dict) else None
    if not isinstance(entries, list) or not entries:
        raise InvalidValue(f"{path}: not a codebook file (no list of categories)")
    specs, keys, shortcuts = [], set(), set()
    for n, entry in enumerate(entries, 1):
        if not isinstance(entry, dict):
            raise InvalidValue(f"{path}: category {n} is not an object")
        try:
            key = check_key(str(entry.get("key") or key_from_label(str(entry.get("label", "")))))
            spec = CategorySpec(key=key, label=check_label(str(entry.get("label", ""))),
                                color=check_color(str(entry.get("color", ""))),
                                description=str(entry.get("description") or ""),
                                shortcut=check_shortcut(None if entry.get("shortcut") is None
                                                       else str(entry["shortcut"])))
        except InvalidValue as error:
            raise InvalidValue(f"{path}: category {n}: {error}") from None
        if key in keys:
            raise InvalidValue(f"{path}: category key {key!r} appears twice")
        if spec.shortcut and spec.shortcut in shortcuts:
            raise InvalidValue(f"{path}: shortcut {spec.shortcut} is given to two categories")
        keys.add(key)
        shortcuts.add(spec.shortcut)
        specs.append(spec)
    return specs
