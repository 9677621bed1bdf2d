"""The names a project knows: category keys, annotators and outlets, each in its display order."""

from __future__ import annotations

from annotator.core.records import outlet_order
from annotator.core.store.database import Database


def category_keys(db: Database) -> list[str]:
    """Every category key (archived ones too), in codebook order."""
    return [key for (key,) in db.rows("SELECT key FROM categories ORDER BY position, id")]


def annotator_names(db: Database) -> list[str]:
    """Every annotator's name, alphabetically."""
    return [name for (name,) in db.rows("SELECT name FROM annotators ORDER BY name")]


def outlet_names(db: Database) -> list[str]:
    """Every outlet's name, in the order outlets are listed everywhere."""
    return sorted((name for (name,) in db.rows("SELECT name FROM outlets")), key=outlet_order)
