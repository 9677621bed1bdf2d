"""Schema step 11: claims are matched only between articles published within 90 days of each other
(core/claims/periods.py), so a changed date, from any writer (an edit, its undo, a team server), groups
them afresh: the run record goes, as when an article comes or goes (store/claims.py `is_stale`)."""

from __future__ import annotations

CLAIM_DATES_TRIGGER = "article_date_regroups_claims"

CLAIM_DATES_STEP: list[str] = [
    f"""CREATE TRIGGER {CLAIM_DATES_TRIGGER} AFTER UPDATE OF published ON articles
        WHEN OLD.published IS NOT NEW.published BEGIN
        DELETE FROM claim_runs;
    END""",
]
