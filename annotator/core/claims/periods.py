"""Claims in time: articles published far apart tell different stories.

Two articles published more than Thresholds.max_days_apart days apart are never compared
(clustering.edges). An article of unknown date is compared with every other, so it could carry one
claim across two stories; a claim whose dated articles fall in periods further apart than that is
therefore cut into its periods, each undated sentence going with the period it matches best
(`split_in_time`). Articles a few weeks apart each still chain into one period.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date


def day_number(published: object) -> int | None:
    """The day of a YYYY-MM-DD date (anything after the tenth character ignored), None when unreadable."""
    if not isinstance(published, str) or not published:
        return None
    try:
        return date.fromisoformat(published[:10]).toordinal()
    except ValueError:
        return None


def split_in_time(groups: list[list[int]], articles: Sequence[int], days: Sequence[int | None] | None,
                  found: dict[tuple[int, int], float], max_days_apart: int) -> list[list[int]]:
    """The groups, each cut into its periods of dated sentences (gaps of at most max_days_apart days);
    a part left with one article goes."""
    if days is None:
        return groups
    out: list[list[int]] = []
    for group in groups:
        dated = sorted({days[i] for i in group if days[i] is not None})
        if not dated or dated[-1] - dated[0] <= max_days_apart:
            out.append(group)
            continue
        periods: list[list[int]] = []  # [first day, last day]
        for day in dated:
            if periods and day - periods[-1][1] <= max_days_apart:
                periods[-1][1] = day
            else:
                periods.append([day, day])
        parts: list[list[int]] = [[] for _ in periods]
        undated = []
        for i in group:
            if days[i] is None:
                undated.append(i)
            else:
                parts[next(n for n, (first, last) in enumerate(periods) if first <= days[i] <= last)].append(i)
        for i in undated:
            strength = [sum(found.get((min(i, j), max(i, j)), 0.0) for j in part) for part in parts]
            parts[max(range(len(parts)), key=lambda n: (strength[n], len(parts[n])))].append(i)
        out += [sorted(part) for part in parts if len({articles[i] for i in part}) >= 2]
    return out
