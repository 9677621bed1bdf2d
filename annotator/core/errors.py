"""Every error the core raises, in one place; each names what went wrong and what the user can do.

The window decides how to show an error by its class (ui/errors.py); the command line prints its
message. `advice` is the next step in plain words, shown under the message.
"""

from __future__ import annotations

from pathlib import Path


class AnnotatorError(Exception):
    """Base of every error the core reports to the user."""

    advice = ""


class ProjectError(AnnotatorError):
    """A project file cannot be opened or used."""

    advice = "Check the file, then try again."

    def __init__(self, path: Path | str, reason: str) -> None:
        self.path = Path(path)
        self.reason = reason
        super().__init__(f"{self.path}: {reason}")


class NotAProject(ProjectError):
    """The file is not an annotator project (another database, or not a database at all)."""

    advice = "Choose an annotator project file (.annot); this file was left as it is."


class NewerProject(ProjectError):
    """The project was written by a newer version of the annotator."""

    advice = "Install the newer version of the annotator to open it; the file was left as it is."


class ProjectDamaged(ProjectError):
    """SQLite reports the file as malformed or corrupt."""

    advice = ("Restore a backup of it, if it has one (the window offers the newest good one; on the command "
              "line: annotator restore PROJECT latest); this file was left as it is.")


class ProjectLocked(ProjectError):
    """Another program holds a lock on the file for longer than we wait."""

    advice = "Close the project in the other program or window, then repeat the change."


class DiskFull(ProjectError):
    """The disk holding the project is full: the last change was not saved."""

    advice = "Free some space on the disk, then repeat the change; everything shown as saved is kept."


class ProjectReadOnly(ProjectError):
    """A change was attempted on a project opened read-only."""

    advice = "Save a copy of the file (File ▸ Save a copy…) in a folder you can write to, and open the copy."


class BackupFailed(AnnotatorError):
    """A backup or a copy of the project could not be made; the project itself was not changed."""

    advice = "Check that the disk has space and that the folder can be written, then try again."

    def __init__(self, path: Path | str, reason: str) -> None:
        self.path = Path(path)
        self.reason = reason
        super().__init__(f"{self.path}: {reason}")


class BackupUnusable(BackupFailed):
    """A backup chosen for a restore fails its checks (damaged, not a project, from a newer version)."""

    advice = "Choose another backup (annotator backups PROJECT lists them); the project was not changed."


class CopyRefused(BackupFailed):
    """A copy would overwrite the project itself, or a file that exists or is open elsewhere."""

    advice = "Choose another file name; nothing was written."


class ImportRefused(AnnotatorError):
    """One file could not be imported; the rest of a batch goes on."""

    def __init__(self, path: Path | str, reason: str) -> None:
        self.path = Path(path)
        self.reason = reason
        super().__init__(f"{self.path}: {reason}")


class Duplicate(AnnotatorError):
    """The body is already in the project, as article `existing`."""

    def __init__(self, existing: int, title: str) -> None:
        self.existing = existing
        self.title = title
        super().__init__(f"the same text is already article {existing} ({title!r})")


class ExportFailed(AnnotatorError):
    """A CSV, report or other file could not be written; nothing was left half-written."""

    advice = "Choose another folder, or free some space on the disk, and export again."

    def __init__(self, path: Path | str, reason: str) -> None:
        self.path = Path(path)
        self.reason = reason
        super().__init__(f"{self.path}: {reason}")


class NotFound(AnnotatorError):
    """An article, sentence, category or annotation named by the user does not exist."""


class InvalidValue(AnnotatorError):
    """A value given by the user is not acceptable (an empty label, a bad colour, ...)."""


class MergeRefused(AnnotatorError):
    """A returned file has problems (spans outside their article, missing categories…): nothing merged."""

    advice = "Ask the student for the file again, or fix it; the class project was left as it was."

    def __init__(self, path: Path | str, problems: list[str]) -> None:
        self.path = Path(path)
        self.problems = problems
        shown = "; ".join(problems[:5]) + (f"; and {len(problems) - 5} more" if len(problems) > 5 else "")
        super().__init__(f"{self.path}: nothing was merged: {shown}")


class ChangedElsewhere(AnnotatorError):
    """What a change or an undo acts on was changed or removed meanwhile by another window or the
    command line; nothing was changed."""

    advice = "The window now shows the project as it is; look again, and repeat the change if it is still wanted."


class AlreadyAnnotated(AnnotatorError):
    """The same span already carries this category from this annotator; nothing was added."""

    advice = "Nothing was changed: the annotation is there already."

    def __init__(self, existing) -> None:  # existing: records.Annotation
        self.existing = existing
        super().__init__(f"already marked {existing.category} by {existing.annotator} "
                         f"(annotation {existing.id}); nothing was added")


# The team server (core/team).
class SyncError(AnnotatorError):
    """The team server could not be reached, refused, or holds something else; nothing local was lost."""

    advice = "Your work is kept in the project file; sync again when the server can be reached."


class NeedsPassword(SyncError):
    """The server asks for a password that none of libpq's places holds."""

    advice = ("Put the password in ~/.pgpass (a line host:port:database:user:password, the file readable by you "
              "alone) or in PGPASSWORD; it is never stored in the project.")


class BadServerUrl(SyncError):
    """An address that is not a PostgreSQL URL, or names no database."""

    advice = "Give the server as postgresql://user@host:port/database."


class NotAMember(SyncError):
    """The login is no member of the shared project."""

    advice = "Ask a teacher of the shared project to add you: annotator member URL LOGIN --role editor (or student)."


class NotShared(SyncError):
    """The project has no link to a team server."""

    advice = "Share it first (File ▸ Share…, or annotator share PROJECT URL), or join a shared project."


class SyncUnderWay(SyncError):
    """Another window or command is syncing the same file."""

    advice = "Wait for it to end; what it sends and takes shows here when it does."


class Cancelled(Exception):
    """Long work (claim matching, a batch) stopped because its progress callback asked it to.

    Not an AnnotatorError: it is no failure to show, only the end of work the user cancelled.
    """
