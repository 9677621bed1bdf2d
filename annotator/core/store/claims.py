"""Claims in the project file: the last computed grouping, the user's corrections, and edits to undo.

Only the rows: what a correction does to the claims, its reverse for undo and the ids a fresh
grouping keeps are worked out by core/claims/corrections.py, and written here as it says.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from annotator.core.changes import Changes
from annotator.core.clock import now
from annotator.core.errors import NotFound
from annotator.core.records import Claim, ClaimEdit, ClaimRow, ClaimSentence, Correction, Member, SentenceText
from annotator.core.store.database import Database


_DATES = "SELECT id, published FROM articles"  # what the claims' periods are read from
_SIGNATURE = ("SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM sentences),"
              " coalesce((SELECT max(id) FROM articles), 0)")
_CATEGORIES = """SELECT DISTINCT m.article_id, m.idx, c.key, c.position FROM claim_members m
    JOIN sentences s ON s.article_id = m.article_id AND s.idx = m.idx
    JOIN annotations n ON n.article_id = s.article_id AND n.start < s."end" AND n."end" > s.start
    JOIN categories c ON c.id = n.category_id {where} ORDER BY c.position"""

_DISPUTES = """SELECT d.claim_id, d.other_id, k.label FROM claim_disputes d JOIN claims k ON k.id = d.other_id
    {where} ORDER BY d.claim_id, d.other_id"""


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
        disputes: dict[int, list[tuple[int, str]]] = {}
        for claim_id, other_id, other_label in self._db.rows(_DISPUTES.format(
                where=where.replace("k.id", "d.claim_id") if where else ""), params):
            disputes.setdefault(claim_id, []).append((other_id, other_label))
        return [Claim(i, label, named, tuple(s), tuple(disputes.get(i, ()))) for i, (label, named, s) in claims.items()]

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

    def read_state(self) -> tuple[tuple, dict[int, str | None]]:
        """What a grouping is computed from, to hand back to `replace`: the articles' signature and dates,
        read before the sentences."""
        return tuple(self._db.row(_SIGNATURE)), self.dates()

    def dates(self) -> dict[int, str | None]:
        """Each article's publication date as stored (YYYY-MM-DD as a rule, None when unknown), for
        compute_claims, which reads anything else as unknown."""
        return dict(self._db.rows(_DATES))

    def last_method(self) -> str | None:
        """The method the stored claims were computed with (None: never computed)."""
        run = self._db.row("SELECT method FROM claim_runs WHERE id = 1")
        return run[0] if run else None

    def is_stale(self, method: str) -> bool:
        """Whether articles came or went, a date changed (a trigger drops the run record), or another method
        is asked for, since the claims were computed."""
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

    def all_rows(self) -> list[ClaimRow]:
        """Every claim as stored, by id."""
        members: dict[int, list[Member]] = {}
        for claim_id, article_id, idx in self._db.rows(
                "SELECT claim_id, article_id, idx FROM claim_members ORDER BY claim_id, article_id, idx"):
            members.setdefault(claim_id, []).append((article_id, idx))
        return [ClaimRow(i, label, bool(named), tuple(members.get(i, ())))
                for i, label, named in self._db.rows("SELECT id, label, named FROM claims ORDER BY id")]

    def row_of(self, claim_id: int) -> ClaimRow:
        """One claim as stored (NotFound when there is none of that id)."""
        head = self._db.row("SELECT label, named FROM claims WHERE id = ?", (claim_id,))
        if head is None:
            raise NotFound(f"no claim {claim_id} in this project")
        members = self._db.rows("SELECT article_id, idx FROM claim_members WHERE claim_id = ?"
                                " ORDER BY article_id, idx", (claim_id,))
        return ClaimRow(claim_id, head[0], bool(head[1]), tuple(map(tuple, members)))

    # -- writing ---------------------------------------------------------------------------------
    def replace(self, claims: Sequence[ClaimRow], *, method: str, disputes: Iterable[tuple[int, int]] = (),
                read: tuple[tuple, dict[int, str | None]] | None = None) -> Changes:
        """Store a fresh grouping (corrections replayed, ids chosen: core/claims) in place of the old one,
        with the pairs of its claims (by id) that dispute each other. `read`: the `read_state` the grouping
        was computed from; when articles came, went or changed date since (another window, the command
        line), the grouping is stored but left stale, to be computed again."""
        with self._db.write() as conn:
            conn.execute("DELETE FROM claims")
            for claim in claims:
                _put(conn, claim)
            links = {pair for a, b in disputes if a != b for pair in ((a, b), (b, a))}
            conn.executemany("INSERT INTO claim_disputes (claim_id, other_id) VALUES (?, ?)", sorted(links))
            articles, sentences, last = conn.execute(_SIGNATURE).fetchone()
            if read is not None and (read[0] != (articles, sentences, last)
                                     or read[1] != dict(conn.execute(_DATES).fetchall())):
                conn.execute("DELETE FROM claim_runs")
            else:
                conn.execute("INSERT OR REPLACE INTO claim_runs (id, method, articles, sentences, last_article_id,"
                             " computed_at) VALUES (1, ?, ?, ?, ?, ?)", (method, articles, sentences, last, now()))
        return Changes(claims=True)

    def record(self, correction: Correction, before: tuple[ClaimRow, ...], after: tuple[ClaimRow, ...]) -> ClaimEdit:
        """Store a correction and the claims as it leaves them: the claims of `before` that `after` does not
        list go (their dispute links with them), those of `after` are written (a name is changed in
        place). The links of every claim of `before` are remembered in the edit, for undo. A merge moves
        the links of the claim merged away onto the claim it joined (not a link between the two)."""
        cut: list[tuple[int, ClaimRow]] = []
        with self._db.write() as conn:
            cid = _correction(conn, correction)
            if correction.action == "name":
                conn.executemany("UPDATE claims SET label = ?, named = ? WHERE id = ?",
                                 [(row.label, int(row.named), row.id) for row in after])
            else:
                kept = {row.id for row in after}
                cut = self._disputing(before)
                gone = {row.id for row in before} - kept
                conn.executemany("DELETE FROM claims WHERE id = ?", [(claim_id,) for claim_id in gone])
                for row in after:
                    _put(conn, row)
                if correction.action == "merge" and len(after) == 1:
                    moved = {other.id for n, other in cut if before[n].id in gone and other.id not in kept | gone}
                    conn.executemany("INSERT OR IGNORE INTO claim_disputes (claim_id, other_id) VALUES (?, ?)",
                                     sorted({p for o in moved for p in ((after[0].id, o), (o, after[0].id))}))
        return ClaimEdit(cid, correction, before, after, tuple(cut))

    def undo(self, correction_id: int, *, put: Sequence[ClaimRow | None], delete: Iterable[int],
             links: Iterable[tuple[int, int]] = ()) -> tuple[int | None, ...]:
        """Forget a correction, delete the claims `delete` names, write those `put` lists and link each
        pair of `links` (the position of a claim in `put`, the id of a claim disputing it) as disputing
        each other (core/claims works all three out); return the id each claim of `put` has now (None
        for a None in `put`)."""
        ids: list[int | None] = []
        with self._db.write() as conn:
            conn.execute("DELETE FROM claim_corrections WHERE id = ?", (correction_id,))
            conn.executemany("DELETE FROM claims WHERE id = ?", [(i,) for i in delete])
            for row in put:
                ids.append(_put(conn, row) if row is not None else None)
            pairs = {pair for n, other in links if ids[n] not in (None, other) and _exists(conn, other)
                     for pair in ((ids[n], other), (other, ids[n]))}
            conn.executemany("INSERT OR IGNORE INTO claim_disputes (claim_id, other_id) VALUES (?, ?)", sorted(pairs))
        return tuple(ids)

    def _disputing(self, claims: Sequence[ClaimRow]) -> list[tuple[int, ClaimRow]]:
        """Each link of `claims` as stored: (the claim's position in `claims`, the claim disputing it, one
        of `claims` as it is there), in their order and then by the other's id; one read for all."""
        if not claims:
            return []
        by_id = {row.id: row for row in claims}
        marks = ",".join("?" * len(by_id))
        others: dict[int, list[int]] = {}
        for claim_id, other_id in self._db.rows(
                f"SELECT claim_id, other_id FROM claim_disputes WHERE claim_id IN ({marks}) ORDER BY other_id",
                tuple(by_id)):
            others.setdefault(claim_id, []).append(other_id)
        return [(n, by_id.get(other_id) or self.row_of(other_id))
                for n, row in enumerate(claims) for other_id in others.get(row.id, ())]


def _put(conn, row: ClaimRow) -> int:
    """Write a claim as `row` says, replacing one of that id (a new id when `row.id` is 0); return its id.

    A claim replaced keeps its dispute links (a correction that takes a sentence out of a denial leaves
    it a denial)."""
    if row.id and conn.execute("UPDATE claims SET label = ?, named = ? WHERE id = ?",
                               (row.label, int(row.named), row.id)).rowcount:
        conn.execute("DELETE FROM claim_members WHERE claim_id = ?", (row.id,))
        claim_id = row.id
    else:
        claim_id = conn.execute("INSERT INTO claims (id, label, named) VALUES (?, ?, ?)",
                                (row.id or None, row.label, int(row.named))).lastrowid
    conn.executemany("INSERT INTO claim_members (claim_id, article_id, idx) VALUES (?, ?, ?)",
                     [(claim_id, a, i) for a, i in sorted(set(row.members))])
    return claim_id


def _exists(conn, claim_id: int) -> bool:
    return conn.execute("SELECT 1 FROM claims WHERE id = ?", (claim_id,)).fetchone() is not None


def _correction(conn, correction: Correction) -> int:
    article_id, idx = correction.sentence if correction.sentence is not None else (None, None)
    cid = conn.execute("INSERT INTO claim_corrections (action, label, article_id, idx, made_at)"
                       " VALUES (?, ?, ?, ?, ?)", (correction.action, correction.label, article_id, idx,
                                                   now())).lastrowid
    conn.executemany("INSERT INTO claim_correction_sentences (correction_id, side, article_id, idx)"
                     " VALUES (?, ?, ?, ?)", [(cid, 0, a, i) for a, i in correction.first]
                     + [(cid, 1, a, i) for a, i in correction.second])
    return cid
