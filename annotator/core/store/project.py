"""A project: one SQLite file holding outlets, articles, sentences, codebook and annotations."""

from __future__ import annotations

from pathlib import Path

from annotator.core.store import backups, database
from annotator.core.store.annotations import AnnotationStore
from annotator.core.store.articles import ArticleStore
from annotator.core.store.categories import CategoryStore
from annotator.core.store.change_log import ChangeLog
from annotator.core.store.claims import ClaimStore
from annotator.core.codebook import CategorySpec, default_codebook
from annotator.core.errors import ProjectError
from annotator.core.store.info import InfoStore
from annotator.core.store.listing import ArticleListing
from annotator.core.store.suggestions import SuggestionStore
from annotator.core.records import Annotation, Sentence


class Project:
    """The public API over a project file; each part is a small store of its own.

    `articles`, `categories` and `annotations` read and write their tables; every write is one
    committed transaction by the time the call returns.
    """

    def __init__(self, db: database.Database) -> None:
        self._db = db
        self.articles = ArticleStore(db)
        self.listing = ArticleListing(db)
        self.categories = CategoryStore(db)
        self.annotations = AnnotationStore(db)
        self.info = InfoStore(db)
        self.suggestions = SuggestionStore(db)
        self.claims = ClaimStore(db)
        self.change_log = ChangeLog(db)

    @classmethod
    def create(cls, path: Path | str, *, codebook: list[CategorySpec] | None = None) -> Project:
        """Create a new project file (default codebook unless given); refuse to overwrite one."""
        path = Path(path)
        if path.exists() and path.stat().st_size > 0:
            raise ProjectError(path, "a file of that name exists already")
        return cls.open(path, create=True, codebook=codebook)

    @classmethod
    def open(cls, path: Path | str, *, create: bool = False, read_only: bool = False,
             codebook: list[CategorySpec] | None = None, repair: bool = False) -> Project:
        """Open an existing project (or create it when `create` and it is missing).

        A file lacking triggers, indexes or views this program keeps in it is refused (SchemaIncomplete,
        naming them) unless `repair`: then a backup is made and they are restored.
        """
        path = Path(path)
        project = cls(database.open_database(
            path, create=create, read_only=read_only,
            before_upgrade=lambda conn: backups.make_backup(conn, path, reason="before-upgrade"),
            repair=(lambda conn: backups.make_backup(conn, path, reason="before-repair")) if repair else None))
        try:
            if not project.read_only and not project.info.is_initialised():
                project.info.initialise(path.stem, codebook if codebook is not None else default_codebook())
        except BaseException:
            project.close()
            raise
        return project

    @property
    def path(self) -> Path:
        return self._db.path

    @property
    def read_only(self) -> bool:
        return self._db.read_only

    @property
    def is_open(self) -> bool:
        return not self._db.closed

    @property
    def name(self) -> str:
        return self.info.value("name") or self.path.stem

    def annotate_sentence(
        self, article_id: int, idx: int, *, category: str, annotator: str, source: str = "",
        note: str = "",
    ) -> Annotation:
        """Mark a whole sentence (idx counts from 0)."""
        sentence: Sentence = self.articles.sentence(article_id, idx)
        return self.annotations.add(
            article_id, sentence.start, sentence.end, category=category, annotator=annotator,
            source=source, note=note,
        )

    def transaction(self):  # -> ContextManager[sqlite3.Connection]
        """One user action: every write inside commits together on exit, or none does."""
        return self._db.write()

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> Project:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def database(self) -> database.Database:
        """The open file, for the read-only query modules (stats, export)."""
        return self._db
