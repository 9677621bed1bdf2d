"""Claims shared by many outlets, stored through the claims store, for tests and benchmarks at scale.

    .venv/bin/python tests/support/many_claims.py OUT.annot [OUTLETS] [CLAIMS]   (default 50 and 100)

The project is tests/support/many_outlets.py's; claim n is reported by a deterministic set of 2 up to
every outlet, each through one sentence of its first article (the same sentence index for all).
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

from annotator.core.claims.compute import METHOD
from annotator.core.records import ClaimRow
from annotator.core.store.project import Project


def _many_outlets():
    spec = importlib.util.spec_from_file_location("many_outlets", Path(__file__).with_name("many_outlets.py"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def label(n: int) -> str:
    return f"Claim {n + 1}: officials confirmed the operations pause, according to the outlets' sources"


def build(path: Path | str, outlets: int = 50, claims: int = 100) -> Project:
    """The many-outlets project at `path` with `claims` claims stored; returned open."""
    project = _many_outlets().build(path, outlets)
    first: dict[str, int] = {}
    for article in project.articles.list():
        first.setdefault(article.outlet, article.id)
    names = list(first)
    rows = []
    for n in range(claims):
        count = 2 + (n * 7) % (len(names) - 1)  # 2 .. every outlet
        chosen = [names[(n * 3 + k) % len(names)] for k in range(count)]
        rows.append(ClaimRow(n + 1, label(n), False, tuple(sorted((first[o], n % 10) for o in chosen))))
    project.claims.replace(rows, method=METHOD)
    return project


def main(argv: list[str]) -> None:
    if not argv or len(argv) > 3:
        raise SystemExit(__doc__)
    build(argv[0], *(int(a) for a in argv[1:])).close()


if __name__ == "__main__":
    main(sys.argv[1:])
