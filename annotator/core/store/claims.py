"""Claims in the project file: the last computed grouping, the user's corrections, and edits to undo.

Corrections are kept across recomputation: core/claims replays them on the new grouping before
`replace` stores it, and a new claim takes the id of the old claim it overlaps most, so ids stay put
where the claims did. An undo after a recomputation reverses the correction on the recomputed claims
(`reverse`), so it neither restores stale sentences nor overwrites a claim that took a freed id.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import count

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
    """What a correction did: the claims `before` it and as it left them (`after`), for undo."""

    correction_id: int
    correction: Correction
    before: tuple[ClaimRow, ...]
    after: tuple[ClaimRow, ...]


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
                _put(conn, ClaimRow(claim_id, claim.label, claim.named, tuple(sorted(claim.members))))
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
        correction = Correction("merge", frozenset(keep.members), frozenset(other.members))
        merged = ClaimRow(keep_id, label, named, members)
        with self._db.write() as conn:
            cid = _correction(conn, correction)
            conn.execute("DELETE FROM claims WHERE id = ?", (other_id,))
            _put(conn, merged)
        return ClaimEdit(cid, correction, (keep, other), (merged,))

    def remove_sentence(self, claim_id: int, article_id: int, idx: int) -> ClaimEdit:
        """Take a sentence (idx from 0) out of a claim; a claim left within one article goes."""
        row = self._row(claim_id)
        if (article_id, idx) not in row.members:
            raise NotFound(f"sentence {idx + 1} of article {article_id} is not in claim {claim_id}")
        left = ClaimRow(claim_id, row.label, row.named, tuple(m for m in row.members if m != (article_id, idx)))
        after = (left,) if _spans_articles(left.members) else ()
        correction = Correction("remove", frozenset(row.members), sentence=(article_id, idx))
        with self._db.write() as conn:
            cid = _correction(conn, correction)
            conn.execute("DELETE FROM claims WHERE id = ?", (claim_id,))
            for kept in after:
                _put(conn, kept)
        return ClaimEdit(cid, correction, (row,), after)

    def rename(self, claim_id: int, label: str) -> ClaimEdit:
        label = " ".join(label.split())
        if not label:
            raise InvalidValue("a claim needs a name")
        row = self._row(claim_id)
        correction = Correction("name", frozenset(row.members), label=label)
        with self._db.write() as conn:
            cid = _correction(conn, correction)
            conn.execute("UPDATE claims SET label = ?, named = 1 WHERE id = ?", (label, claim_id))
        return ClaimEdit(cid, correction, (row,), (ClaimRow(claim_id, label, True, row.members),))

    def undo(self, edit: ClaimEdit) -> tuple[int | None, ...]:
        """Forget the correction and put the claims back as they were before it; return, for each claim
        `edit.before` lists, the id it has now (None if it is gone), so a redo finds it.

        When the claims were recomputed since the correction, its rows are stale (ids may have moved,
        sentences come or gone): the correction is then reversed on the claims as they are now.
        """
        rows = {row.id: row for row in self._rows()}
        if _untouched(edit, rows):
            puts, deletes = list(edit.before), [row.id for row in edit.after]
        else:
            puts, deletes = reverse(edit, rows)
        ids: list[int | None] = []
        with self._db.write() as conn:
            conn.execute("DELETE FROM claim_corrections WHERE id = ?", (edit.correction_id,))
            conn.executemany("DELETE FROM claims WHERE id = ?", [(i,) for i in deletes])
            for row in puts:
                ids.append(_put(conn, row) if row is not None else None)
        return tuple(ids)

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


def _keep_ids(claims: Sequence[NewClaim], old: list[ClaimRow]) -> list[int]:
    """For each new claim, the id of the old claim it overlaps most (each old id once, greedily), or a new
    id above every old one (letting SQLite choose could hand out an id a later claim keeps)."""
    pairs = sorted(((jaccard(c.members, o.members), -n, o.id) for n, c in enumerate(claims) for o in old
                    if c.members & set(o.members)), reverse=True)
    ids: list[int | None] = [None] * len(claims)
    used: set[int] = set()
    for _, n, old_id in pairs:
        if ids[-n] is None and old_id not in used:
            ids[-n] = old_id
            used.add(old_id)
    fresh = count(max((o.id for o in old), default=0) + 1)
    return [i if i is not None else next(fresh) for i in ids]


def _put(conn, row: ClaimRow) -> int:
    """Write a claim as `row` says, replacing one of that id (a new id when `row.id` is 0); return its id."""
    if row.id:
        conn.execute("DELETE FROM claims WHERE id = ?", (row.id,))
    claim_id = conn.execute("INSERT INTO claims (id, label, named) VALUES (?, ?, ?)",
                            (row.id or None, row.label, int(row.named))).lastrowid
    conn.executemany("INSERT INTO claim_members (claim_id, article_id, idx) VALUES (?, ?, ?)",
                     [(claim_id, a, i) for a, i in sorted(set(row.members))])
    return claim_id


def _correction(conn, correction: Correction) -> int:
    article_id, idx = correction.sentence if correction.sentence is not None else (None, None)
    cid = conn.execute("INSERT INTO claim_corrections (action, label, article_id, idx, made_at)"
                       " VALUES (?, ?, ?, ?, ?)", (correction.action, correction.label, article_id, idx,
                                                   now())).lastrowid
    conn.executemany("INSERT INTO claim_correction_sentences (correction_id, side, article_id, idx)"
                     " VALUES (?, ?, ?, ?)", [(cid, 0, a, i) for a, i in correction.first]
                     + [(cid, 1, a, i) for a, i in correction.second])
    return cid


def _spans_articles(members: Iterable[Member]) -> bool:
    return len({article for article, _ in members}) >= 2


def _untouched(edit: ClaimEdit, rows: dict[int, ClaimRow]) -> bool:
    """Whether the claims are as the correction left them (no recomputation since), so undo can put
    `edit.before` back as it was."""
    gone = {row.id for row in edit.before} - {row.id for row in edit.after}
    return all(rows.get(row.id) == row for row in edit.after) and not gone & rows.keys()


def _now_of(row: ClaimRow, rows: dict[int, ClaimRow]) -> ClaimRow | None:
    """The claim that is now what `row` was: the one sharing most of its sentences, its own id on a tie
    (a recomputation keeps the id of the claim a new one overlaps most)."""
    scored = [(jaccard(row.members, r.members), r.id == row.id, -r.id, r) for r in rows.values()]
    scored = [item for item in scored if item[0] > 0]
    return max(scored, key=lambda item: item[:3])[3] if scored else None


def reverse(edit: ClaimEdit, rows: dict[int, ClaimRow]) -> tuple[list[ClaimRow | None], list[int]]:
    """Undo a correction on recomputed claims `rows`: the claims to write (in the order of `edit.before`,
    None for one that is gone; id 0 for a new id) and the ids to delete. Never lists a sentence twice
    in a claim, nor adds a claim that is shown already."""
    correction, shown = edit.correction, {frozenset(r.members) for r in rows.values()}
    if correction.action == "name":
        now = _now_of(edit.after[0], rows)
        if now is None:
            return [None], []
        return [ClaimRow(now.id, edit.before[0].label, edit.before[0].named, now.members)], []
    if correction.action == "remove":
        was, sentence = edit.before[0], correction.sentence
        now = _now_of(edit.after[0], rows) if edit.after else None
        if now is not None:
            return [ClaimRow(now.id, now.label, now.named, tuple(sorted({*now.members, sentence})))], []
        if frozenset(was.members) in shown:  # the claim is back already
            return [next(r for r in rows.values() if frozenset(r.members) == frozenset(was.members))], []
        return [ClaimRow(was.id if was.id not in rows else 0, was.label, was.named, was.members)], []
    keep, other = edit.before
    now = _now_of(edit.after[0], rows)
    if now is None:
        return [None, None], []
    only_other = set(other.members) - set(keep.members)
    kept = {m for m in now.members if m not in only_other}
    split = {m for m in now.members if m in set(other.members)}
    label, named = (keep.label, keep.named) if keep.named or now.named else (now.label, False)
    puts: list[ClaimRow | None] = [ClaimRow(now.id, label, named, tuple(sorted(kept)))
                                   if _spans_articles(kept) else None]
    if not _spans_articles(split):
        puts.append(None)
    elif frozenset(split) in shown:
        puts.append(next(r for r in rows.values() if frozenset(r.members) == frozenset(split)))
    else:
        puts.append(ClaimRow(other.id if other.id not in rows else 0, other.label, other.named,
                             tuple(sorted(split))))
    return puts, [] if puts[0] is not None else [now.id]
