"""Schema step 10: which claims dispute each other (a denial and the statement it denies, core/claims).

- `claim_disputes`: a row per claim and a claim disputing it, written both ways (a link (a, b) is
  the rows (a, b) and (b, a)), so the claims disputing one are found by its id alone. Written with
  the claims at each recomputation (store/claims.py); a link goes with either of its claims (a
  correction that merges or removes one), by cascade; undoing the correction puts it back.

Logged in the change log as a change to the claims, like the claims' own tables (schema step 5).
"""

from __future__ import annotations


def _logged(event: str) -> str:
    ref = "OLD" if event == "DELETE" else "NEW"
    return f"""CREATE TRIGGER claim_disputes_logged_{event.lower()} AFTER {event} ON claim_disputes
        WHEN {ref}.claim_id < {ref}.other_id BEGIN
        INSERT INTO change_log (what, article_id, start, "end") VALUES ('claims', NULL, NULL, NULL);
    END"""


DISPUTE_STEP: list[str] = [
    """CREATE TABLE claim_disputes (
        claim_id INTEGER NOT NULL REFERENCES claims(id) ON DELETE CASCADE,
        other_id INTEGER NOT NULL REFERENCES claims(id) ON DELETE CASCADE,
        PRIMARY KEY (claim_id, other_id),
        CHECK (claim_id <> other_id)
    ) WITHOUT ROWID""",
    "CREATE INDEX claim_disputes_other ON claim_disputes(other_id)",
    _logged("INSERT"),
    _logged("DELETE"),
]
