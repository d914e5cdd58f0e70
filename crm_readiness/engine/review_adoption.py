"""Adoption from the export: active users in the window against seats, per team, per month.

A user is *active* on a day with at least one login or one record created or
updated. The window is the ``window_days`` days ending on the review date
(inclusive); rows after it are ignored. Months are calendar months of the
rows up to the review date.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta
from decimal import Decimal

from crm_readiness.models.review_adoption import (
    ActivityRow,
    AdoptionResult,
    MonthActivity,
    TeamActivity,
)

WINDOW_DAYS = 30


def _ratio(a: int, b: int) -> Decimal | None:
    return Decimal(a) / Decimal(b) if b else None


def adoption(rows: Sequence[ActivityRow], *, as_of: date | None = None,
             seats: int | None = None, window_days: int = WINDOW_DAYS) -> AdoptionResult:
    """Return the adoption measures of ``rows`` on ``as_of`` (default: the last date)."""
    end = as_of or max((r.date for r in rows), default=date.today())
    start = end - timedelta(days=window_days - 1)
    users: set[str] = set()
    team_users: dict[str, set[str]] = {}
    active: set[str] = set()
    team_active: dict[str, set[str]] = {}
    team_records: dict[str, int] = {}
    team_logins: dict[str, int] = {}
    daily: dict[date, set[str]] = {}
    months: dict[str, tuple[set[str], list[int]]] = {}
    records = logins = 0
    for r in rows:
        if r.date > end:
            continue
        users.add(r.user)
        team_users.setdefault(r.team, set()).add(r.user)
        work = r.records_created + r.records_updated
        is_active = work > 0 or r.logins > 0
        key = f"{r.date.year:04d}-{r.date.month:02d}"
        bucket = months.get(key)
        if bucket is None:
            bucket = months[key] = (set(), [0, 0])
        bucket[1][0] += work
        bucket[1][1] += r.logins
        if is_active:
            bucket[0].add(r.user)
        if r.date < start:
            continue
        team_records[r.team] = team_records.get(r.team, 0) + work
        team_logins[r.team] = team_logins.get(r.team, 0) + r.logins
        records += work
        logins += r.logins
        if is_active:
            active.add(r.user)
            team_active.setdefault(r.team, set()).add(r.user)
            daily.setdefault(r.date, set()).add(r.user)
    teams = [TeamActivity(team=name, users=len(members),
                          active_users=len(team_active.get(name, ())),
                          records_per_active_user=_ratio(team_records.get(name, 0),
                                                         len(team_active.get(name, ()))),
                          logins=team_logins.get(name, 0))
             for name, members in sorted(team_users.items())]
    return AdoptionResult(
        as_of=end, window_days=window_days, window_start=start, seats=seats, users=len(users),
        active_users=len(active), active_share=_ratio(len(active), seats or 0),
        inactive_users=len(users) - len(active),
        daily_active_mean=Decimal(sum(len(s) for s in daily.values())) / window_days,
        records_per_active_user=_ratio(records, len(active)),
        logins_per_active_user=_ratio(logins, len(active)),
        months=[MonthActivity(month=k, active_users=len(v[0]), records=v[1][0], logins=v[1][1])
                for k, v in sorted(months.items())],
        teams=teams)
