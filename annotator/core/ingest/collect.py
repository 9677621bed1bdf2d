"""Which files a batch reads: named files, and the supported files inside named folders."""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from annotator.core.ingest.formats import is_supported, unsupported_type
from annotator.core.ingest.names import display_name
from annotator.core.records import ImportProblem

HIDDEN = "hidden"


def collect_files(paths: Iterable[Path | str]) -> tuple[list[Path], list[ImportProblem], list[ImportProblem]]:
    """(files to read, named paths that do not exist, files in folders that are skipped and why)."""
    files: list[Path] = []
    missing: list[ImportProblem] = []
    skipped: list[ImportProblem] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            files.extend(_walk(path, skipped))
        elif path.is_file():
            files.append(path)
        else:
            missing.append(ImportProblem(display_name(path), "no such file or folder"))
    return files, missing, skipped


def _walk(folder: Path, skipped: list[ImportProblem]) -> list[Path]:
    """Supported files under `folder`, sorted; hidden folders are skipped whole, reported once."""
    found: list[Path] = []
    for root, dirs, names in os.walk(folder):
        base = Path(root)
        for name in sorted(dirs):
            if name.startswith("."):
                skipped.append(ImportProblem(display_name(base / name), f"{HIDDEN} folder"))
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in names:
            path = base / name
            if name.startswith("."):
                skipped.append(ImportProblem(display_name(path), f"{HIDDEN} file"))
            elif not is_supported(path):
                skipped.append(ImportProblem(display_name(path), unsupported_type(path)))
            elif path.is_file():
                found.append(path)
    return sorted(found)
