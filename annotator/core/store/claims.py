"""Claims in the project file: the last computed grouping, the user's corrections, and edits to undo.

Corrections are kept across recomputation: core/claims replays them on the new grouping before
`replace` stores it, and a new claim takes the id of the old claim it overlaps most, so ids stay put
where the claims did (and an undo after a recomputation still finds its claim).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from annotator.core.changes import Changes
from annotator.core.clock import now
from annotator.core.errors import InvalidValue, NotFound
from annotator.core.store.database import Database, outlet_order


Member = tuple[int, int]  # a sentence as (article_id, idx), idx from 0


@dataclass(frozen=True)
class SentenceText:
    """One sentence of one article, as claim matching reads it (idx from 0)."""

    article_id: int
    idx: int
    text: str


@dataclass(frozen=True)
class Correction:
    """A user's correction, remembering the claims it touched by their sentences (ids do not survive a
    recomputation)."""

    action: str  # "merge", "remove" or "name"
    first: frozenset[Member]  # the claim kept, left or named, as it was
    second: frozenset[Member] = frozenset()  # merge: the claim merged into the first
    sentence: Member | None = None  # remove: the sentence taken out
    label: str | None = None  # name: the new name


@dataclass(frozen=True)
class NewClaim:
    """A claim to store from a recomputation (corrections already replayed on it)."""

    members: frozenset[Member]
    label: str
    named: bool = False


def jaccard(a, b) -> float:
    a, b = set(a), set(b)
    return len(a & b) / len(a | b) if a | b else 0.0


@dataclass(frozen=True)
class ClaimSentence:
    """A sentence of a claim (idx from 0), its article's outlet and the category keys marked on it."""

    article_id: int
    idx: int
    outlet: str
    categories: tuple[str, ...]


@dataclass(frozen=True)
class Claim:
    id: int
    label: str
    named: bool  # the user named it; a recomputation keeps the name
    sentences: tuple[ClaimSentence, ...]

    @property
    def outlets(self) -> tuple[str, ...]:
        return tuple(sorted({s.outlet for s in self.sentences}, key=outlet_order))


@dataclass(frozen=True)
class ClaimRow:
    """A claim as stored, enough to put it back (undo)."""

    id: int
    label: str
    named: bool
    members: tuple[Member, ...]


@dataclass(frozen=True)
class ClaimEdit:
    """What a correction did: undo deletes the correction and the claims `after`, and puts `before` back."""

    correction_id: int
    before: tuple[ClaimRow, ...]
    after: tuple[int, ...]


_SIGNATURE = ("SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM sentences),"
              " coalesce((SELECT max(id) FROM articles), 0)")
_CATEGORIES = """SELECT DISTINCT m.article_id, m.idx, c.key, c.position FROM claim_members m
    JOIN sentences s ON s.article_id = m.article_id AND s.idx = m.idx
    JOIN annotations n ON n.article_id = s.article_id AND n.start < s."end" AND n."end" > s.start
    JOIN categories c ON c.id = n.category_id {where} ORDER BY c.position"""


class ClaimStore:
    def __init__(self, db: Database) -> None:
        self._db = db

    # -- reading ---------------------------------------------------------------------------------
    def list(self, *, min_outlets: int = 1) -> list[Claim]:
        """Claims, most outlets first (then by id); each sentence with its outlet and categories."""
        claims = self._claims("", ())
        claims = [c for c in claims if len(c.outlets) >= min_outlets]
        return sorted(claims, key=lambda c: (-len(c.outlets), -len(c.sentences), c.id))

    def get(self, claim_id: int) -> Claim:
        found = self._claims("WHERE k.id = ?", (claim_id,))
        if not found:
            raise NotFound(f"no claim {claim_id} in this project")
        return found[0]

    def of_sentence(self, article_id: int, idx: int) -> list[Claim]:
        """The claims a sentence states (idx from 0): what the window marks in the other columns."""
        return self._claims("WHERE k.id IN (SELECT claim_id FROM claim_members WHERE article_id = ? AND idx = ?)",
                            (article_id, idx))

    def _claims(self, where: str, params: tuple) -> list[Claim]:
        rows = self._db.rows(
            f"""SELECT k.id, k.label, k.named, m.article_id, m.idx, o.name FROM claims k
                JOIN claim_members m ON m.claim_id = k.id JOIN articles a ON a.id = m.article_id
                JOIN outlets o ON o.id = a.outlet_id {where} ORDER BY k.id, m.article_id, m.idx""", params)
        marked: dict[Member, list[str]] = {}
        cat_where = where.replace("k.id", "m.claim_id") if where else ""
        for article_id, idx, key, _ in self._db.rows(_CATEGORIES.format(where=cat_where), params):
            marked.setdefault((article_id, idx), []).append(key)
        claims: dict[int, tuple[str, bool, list[ClaimSentence]]] = {}
        for claim_id, label, named, article_id, idx, outlet in rows:
            entry = claims.setdefault(claim_id, (label, bool(named), []))
            entry[2].append(ClaimSentence(article_id, idx, outlet, tuple(marked.get((article_id, idx), ()))))
        return [Claim(i, label, named, tuple(s)) for i, (label, named, s) in claims.items()]

    def texts(self) -> list[SentenceText]:
        """Every sentence's text, for compute_claims (read on the caller's connection)."""
        result: list[SentenceText] = []
        body_of: dict[int, str] = {}
        for article_id, idx, start, end in self._db.stream(
                'SELECT article_id, idx, start, "end" FROM sentences ORDER BY article_id, idx'):
            if article_id not in body_of:
                body_of.clear()
                body_of[article_id] = self._db.row("SELECT body FROM articles WHERE id = ?", (article_id,))[0]
            result.append(SentenceText(article_id, idx, body_of[article_id][start:end]))
        return result

    def is_stale(self, method: str) -> bool:
        """Whether articles came or went, or another method is asked for, since the claims were computed."""
        run = self._db.row("SELECT method, articles, sentences, last_article_id FROM claim_runs WHERE id = 1")
        return run is None or run != (method, *self._db.row(_SIGNATURE))

    def corrections(self) -> list[Correction]:
        sides: dict[tuple[int, int], set[Member]] = {}
        for cid, side, article_id, idx in self._db.rows(
                "SELECT correction_id, side, article_id, idx FROM claim_correction_sentences"):
            sides.setdefault((cid, side), set()).add((article_id, idx))
        result = []
        for cid, action, label, article_id, idx in self._db.rows(
                "SELECT id, action, label, article_id, idx FROM claim_corrections ORDER BY id"):
            sentence = (article_id, idx) if article_id is not None else None
            result.append(Correction(action, frozenset(sides.get((cid, 0), ())), frozenset(sides.get((cid, 1), ())),
                                     sentence, label))
        return result

    def _rows(self) -> list[ClaimRow]:
        members: dict[int, list[Member]] = {}
        for claim_id, article_id, idx in self._db.rows(
                "SELECT claim_id, article_id, idx FROM claim_members ORDER BY claim_id, article_id, idx"):
            members.setdefault(claim_id, []).append((article_id, idx))
        return [ClaimRow(i, label, bool(named), tuple(members.get(i, ())))
                for i, label, named in self._db.rows("SELECT id, label, named FROM claims ORDER BY id")]

    # -- writing ---------------------------------------------------------------------------------
    def replace(self, claims: Sequence[NewClaim], *, method: str) -> Changes:
        """Store a fresh grouping (corrections already replayed); old ids kept where claims overlap."""
        ids = _keep_ids(claims, self._rows())
        with self._db.write() as conn:
            conn.execute("DELETE FROM claims")
            for claim, claim_id in zip(claims, ids):
                cursor = conn.execute("INSERT INTO claims (id, label, named) VALUES (?, ?, ?)",
                                      (claim_id, claim.label, int(claim.named)))
                conn.executemany("INSERT INTO claim_members (claim_id, article_id, idx) VALUES (?, ?, ?)",
                                 [(cursor.lastrowid, a, i) for a, i in sorted(claim.members)])
            articles, sentences, last = conn.execute(_SIGNATURE).fetchone()
            conn.execute("INSERT OR REPLACE INTO claim_runs (id, method, articles, sentences, last_article_id,"
                         " computed_at) VALUES (1, ?, ?, ?, ?, ?)", (method, articles, sentences, last, now()))
        return Changes(claims=True)

    def merge(self, keep_id: int, other_id: int) -> ClaimEdit:
        """Make one claim of two: `other_id`'s sentences join `keep_id`, which keeps its id and label."""
        if keep_id == other_id:
            raise InvalidValue("a claim cannot be merged with itself")
        keep, other = self._row(keep_id), self._row(other_id)
        members = tuple(sorted(set(keep.members) | set(other.members)))
        label, named = (other.label, True) if other.named and not keep.named else (keep.label, keep.named)
        with self._db.write() as conn:
            cid = _correction(conn, "merge", first=keep.members, second=other.members)
            conn.execute("DELETE FROM claims WHERE id = ?", (other_id,))
            _put(conn, ClaimRow(keep_id, label, named, members))
        return ClaimEdit(cid, (keep, other), (keep_id,))

    def remove_sentence(self, claim_id: int, article_id: int, idx: int) -> ClaimEdit:
        """Take a sentence (idx from 0) out of a claim; a claim left within one article goes."""
        row = self._row(claim_id)
        if (article_id, idx) not in row.members:
            raise NotFound(f"sentence {idx + 1} of article {article_id} is not in claim {claim_id}")
        members = tuple(m for m in row.members if m != (article_id, idx))
        with self._db.write() as conn:
            cid = _correction(conn, "remove", first=row.members, sentence=(article_id, idx))
            conn.execute("DELETE FROM claims WHERE id = ?", (claim_id,))
            if len({a for a, _ in members}) >= 2:
                _put(conn, ClaimRow(claim_id, row.label, row.named, members))
                return ClaimEdit(cid, (row,), (claim_id,))
        return ClaimEdit(cid, (row,), ())

    def rename(self, claim_id: int, label: str) -> ClaimEdit:
        label = " ".join(label.split())
        if not label:
            raise InvalidValue("a claim needs a name")
        row = self._row(claim_id)
        with self._db.write() as conn:
            cid = _correction(conn, "name", first=row.members, label=label)
            conn.execute("UPDATE claims SET label = ?, named = 1 WHERE id = ?", (label, claim_id))
        return ClaimEdit(cid, (row,), (claim_id,))

    def undo(self, edit: ClaimEdit) -> None:
        """Forget the correction and put the claims back as they were before it."""
        with self._db.write() as conn:
            conn.execute("DELETE FROM claim_corrections WHERE id = ?", (edit.correction_id,))
            conn.executemany("DELETE FROM claims WHERE id = ?", [(i,) for i in edit.after])
            for row in edit.before:
                _put(conn, row)

    def _row(self, claim_id: int) -> ClaimRow:
        found = [r for r in self._rows_of((claim_id,))]
        if not found:
            raise NotFound(f"no claim {claim_id} in this project")
        return found[0]

    def _rows_of(self, ids: Iterable[int]) -> list[ClaimRow]:
        result = []
        for claim_id in ids:
            head = self._db.row("SELECT label, named FROM claims WHERE id = ?", (claim_id,))
            if head is not None:
                members = self._db.rows("SELECT article_id, idx FROM claim_members WHERE claim_id = ?"
                                        " ORDER BY article_id, idx", (claim_id,))
                result.append(ClaimRow(claim_id, head[0], bool(head[1]), tuple(map(tuple, members))))
        return result


def _keep_ids(claims: Sequence[NewClaim], old: list[ClaimRow]) -> list[int | None]:
    """For each new claim, the id of the old claim it overlaps most (each old id once, greedily), or None."""
    pairs = sorted(((jaccard(c.members, o.members), -n, o.id) for n, c in enumerate(claims) for o in old
                    if c.members & set(o.members)), reverse=True)
    ids: list[int | None] = [None] * len(claims)
    used: set[int] = set()
    for _, n, old_id in pairs:
        if ids[-n] is None and old_id not in used:
            ids[-n] = old_id
            used.add(old_id)
    return ids


def _put(conn, row: ClaimRow) -> None:
    """Write a claim as `row` says, replacing one of that id."""
    conn.execute("DELETE FROM claims WHERE id = ?", (row.id,))
    conn.execute("INSERT INTO claims (id, label, named) VALUES (?, ?, ?)", (row.id, row.label, int(row.named)))
    conn.executemany("INSERT INTO claim_members (claim_id, article_id, idx) VALUES (?, ?, ?)",
                     [(row.id, a, i) for a, i in row.members])


def _correction(conn, action: str, *, first: Iterable[Member], second: Iterable[Member] = (),
                sentence: Member | None = None, label: str | None = None) -> int:
    article_id, idx = sentence if sentence is not None else (None, None)
    cid = conn.execute("INSERT INTO claim_corrections (action, label, article_id, idx, made_at)"
                       " VALUES (?, ?, ?, ?, ?)", (action, label, article_id, idx, now())).lastrowid
    conn.executemany("INSERT INTO claim_correction_sentences (correction_id, side, article_id, idx)"
                     " VALUES (?, ?, ?, ?)", [(cid, 0, a, i) for a, i in first] + [(cid, 1, a, i) for a, i in second])
    return cid
