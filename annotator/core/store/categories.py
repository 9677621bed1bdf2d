"""The project's codebook: categories stored in the project file."""

from __future__ import annotations

from annotator.core import codebook
from annotator.core.codebook import CategorySpec
from annotator.core.store.database import Database
from annotator.core.errors import InvalidValue, NotFound
from annotator.core.records import Category, CategoryId

_COLUMNS = "id, key, label, description, color, shortcut, position, archived"


def insert_categories(conn, specs: list[CategorySpec]) -> None:
    """Add checked categories at the end of the codebook, inside the caller's transaction."""
    position = conn.execute("SELECT coalesce(max(position), -1) + 1 FROM categories").fetchone()[0]
    conn.executemany(
        "INSERT INTO categories (key, label, description, color, shortcut, position) VALUES (?, ?, ?, ?, ?, ?)",
        [(codebook.check_key(s.key), codebook.check_label(s.label), s.description,
          codebook.check_color(s.color), codebook.check_shortcut(s.shortcut), position + n)
         for n, s in enumerate(specs)])


def _category(row: tuple) -> Category:
    return Category(
        id=CategoryId(row[0]), key=row[1], label=row[2], description=row[3], color=row[4],
        shortcut=row[5], position=row[6], archived=bool(row[7]),
    )


class CategoryStore:
    """Add, edit, reorder and archive categories; a category in use is never deleted."""

    def __init__(self, db: Database) -> None:
        self._db = db

    def list(self, *, include_archived: bool = False) -> list[Category]:
        where = "" if include_archived else "WHERE archived = 0"
        rows = self._db.rows(f"SELECT {_COLUMNS} FROM categories {where} ORDER BY position, id")
        return [_category(row) for row in rows]

    def get(self, key: str) -> Category:
        row = self._db.row(f"SELECT {_COLUMNS} FROM categories WHERE key = ?", (key,))
        if row is None:
            known = ", ".join(c.key for c in self.list())
            raise NotFound(f"no category {key!r} in this project (known: {known})")
        return _category(row)

    def by_shortcut(self, shortcut: str) -> Category | None:
        """The active category the key marks: the first in the codebook's order, should two share it
        (a team sync can bring that; see `shared_shortcuts`)."""
        row = self._db.row(
            f"SELECT {_COLUMNS} FROM categories WHERE shortcut = ? AND archived = 0 ORDER BY position, id LIMIT 1",
            (shortcut,)
        )
        return _category(row) if row else None

    def shared_shortcuts(self) -> list[tuple[str, list[str]]]:
        """Each key two or more active categories share, with their labels in the codebook's order."""
        rows = self._db.rows("SELECT shortcut, label FROM categories WHERE archived = 0 AND shortcut IS NOT NULL"
                             " AND shortcut <> '' ORDER BY position, id")
        labels: dict[str, list[str]] = {}
        for shortcut, label in rows:
            labels.setdefault(shortcut, []).append(label)
        return [(key, names) for key, names in labels.items() if len(names) > 1]

    def add(self, spec: CategorySpec) -> Category:
        key = codebook.check_key(spec.key)
        label = codebook.check_label(spec.label)
        color = codebook.check_color(spec.color)
        shortcut = codebook.check_shortcut(spec.shortcut)
        with self._db.write() as conn:
            if conn.execute("SELECT 1 FROM categories WHERE key = ?", (key,)).fetchone():
                raise InvalidValue(f"a category with key {key!r} exists already")
            self._check_shortcut_free(conn, shortcut, key)
            position = conn.execute("SELECT coalesce(max(position), -1) + 1 FROM categories").fetchone()[0]
            conn.execute(
                "INSERT INTO categories (key, label, description, color, shortcut, position)"
                " VALUES (?, ?, ?, ?, ?, ?)",
                (key, label, spec.description, color, shortcut, position),
            )
        return self.get(key)

    def add_labelled(self, label: str) -> Category:
        """A new category from a label alone: a free key, the next free colour and shortcut."""
        base = codebook.key_from_label(codebook.check_label(label))
        existing = self.list(include_archived=True)
        taken = {c.key for c in existing}
        key, n = base, 2
        while key in taken:
            key, n = f"{base[:36]}_{n}", n + 1
        used_colors = {c.color for c in existing}
        palette = codebook.extra_colors()
        color = next((c for c in palette if c not in used_colors), palette[len(taken) % len(palette)])
        used_shortcuts = {c.shortcut for c in existing if not c.archived}
        shortcut = next((s for s in codebook.SHORTCUTS if s not in used_shortcuts), None)
        return self.add(CategorySpec(key=key, label=label, color=color, shortcut=shortcut))

    def update(
        self, key: str, *, label: str | None = None, color: str | None = None,
        description: str | None = None, shortcut: str | None = "", archived: bool | None = None,
    ) -> tuple[Category, Category]:
        """Change a category's editable fields; return (before, after). shortcut="" keeps it."""
        with self._db.write() as conn:  # the old fields are read under the write lock
            before = self.get(key)
            values = {
                "label": codebook.check_label(label) if label is not None else before.label,
                "color": codebook.check_color(color) if color is not None else before.color,
                "description": description if description is not None else before.description,
                "shortcut": before.shortcut if shortcut == "" else codebook.check_shortcut(shortcut),
                "archived": int(archived if archived is not None else before.archived),
            }
            restoring = before.archived and not values["archived"]
            if restoring and shortcut == "" and self._shortcut_owner(conn, values["shortcut"], key):
                values["shortcut"] = None  # its key went to another category while it was archived
            self._check_shortcut_free(conn, values["shortcut"], key)
            conn.execute(
                "UPDATE categories SET label = :label, color = :color, description = :description,"
                " shortcut = :shortcut, archived = :archived WHERE key = :key",
                {**values, "key": key},
            )
            return before, self.get(key)

    def move(self, key: str, position: int) -> list[Category]:
        """Put category `key` at `position` in the list (archived ones included); renumber all."""
        with self._db.write() as conn:  # the order is read under the write lock
            order = [c.key for c in self.list(include_archived=True)]
            if key not in order:
                raise NotFound(f"no category {key!r} in this project")
            order.remove(key)
            order.insert(max(0, min(position, len(order))), key)
            conn.executemany(
                "UPDATE categories SET position = ? WHERE key = ?", list(enumerate(order))
            )
        return self.list(include_archived=True)

    def delete(self, key: str) -> Category:
        """Delete an unused category; one in use must be archived instead."""
        with self._db.write() as conn:
            category = self.get(key)
            used = conn.execute(
                "SELECT count(*) FROM annotations WHERE category_id = ?", (category.id,)
            ).fetchone()[0]
            if used:
                raise InvalidValue(
                    f"category {category.label!r} is used by {used} annotation(s); archive it instead"
                )
            conn.execute("DELETE FROM categories WHERE id = ?", (category.id,))
        return category

    @staticmethod
    def _shortcut_owner(conn, shortcut: str | None, key: str) -> str | None:
        """The label of the other active category that has `shortcut`, if any."""
        if shortcut is None:
            return None
        row = conn.execute(
            "SELECT label FROM categories WHERE shortcut = ? AND key != ? AND archived = 0",
            (shortcut, key),
        ).fetchone()
        return row[0] if row else None

    @classmethod
    def _check_shortcut_free(cls, conn, shortcut: str | None, key: str) -> None:
        owner = cls._shortcut_owner(conn, shortcut, key)
        if owner is not None:
            raise InvalidValue(f"shortcut {shortcut} is already used by {owner!r}")
