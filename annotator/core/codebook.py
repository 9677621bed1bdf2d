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
