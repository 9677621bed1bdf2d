"""Errors the core raises; each carries what the user needs to act on it."""

from __future__ import annotations

from pathlib import Path


class AnnotatorError(Exception):
    """Base of every error the core reports to the user."""


class ProjectError(AnnotatorError):
    """A project file cannot be opened or used."""

    def __init__(self, path: Path | str, reason: str) -> None:
        self.path = Path(path)
        self.reason = reason
        super().__init__(f"{self.path}: {reason}")


class ProjectReadOnly(ProjectError):
    """A change was attempted on a project opened read-only."""


class ImportRefused(AnnotatorError):
    """One file could not be imported; the rest of a batch goes on."""

    def __init__(self, path: Path | str, reason: str) -> None:
        self.path = Path(path)
        self.reason = reason
        super().__init__(f"{self.path}: {reason}")


class NotFound(AnnotatorError):
    """An article, sentence, category or annotation named by the user does not exist."""


class InvalidValue(AnnotatorError):
    """A value given by the user is not acceptable (an empty label, a bad colour, ...)."""
