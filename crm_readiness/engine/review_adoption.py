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
    user_team: dict[str, str] = {}
    active: set[str] = set()
    window_work: dict[str, int] = {}
    window_logins: dict[str, int] = {}
    daily: set[tuple[date, str]] = set()
    month_users: set[tuple[int, str]] = set()
    month_sums: dict[int, list[int]] = {}
    for user, team, day, created, updated, logins in rows:
        if day > end:
            continue
        user_team[user] = team
        work = created + updated
        key = day.year * 12 + day.month - 1
        sums = month_sums.get(key)
        if sums is None:
            sums = month_sums[key] = [0, 0]
        sums[0] += work
        sums[1] += logins
        if work or logins:
            month_users.add((key, user))
            if day >= start:
                active.add(user)
                daily.add((day, user))
        if day >= start:
            window_work[user] = window_work.get(user, 0) + work
            window_logins[user] = window_logins.get(user, 0) + logins
    month_active: dict[int, int] = {}
    for key, _ in month_users:
        month_active[key] = month_active.get(key, 0) + 1
    team_users: dict[str, list[str]] = {}
    for user, team in user_team.items():
        team_users.setdefault(team, []).append(user)
    teams = []
    for name, members in sorted(team_users.items()):
        live = [u for u in members if u in active]
        teams.append(TeamActivity(
            team=name, users=len(members), active_users=len(live),
            records_per_active_user=_ratio(sum(window_work.get(u, 0) for u in members),
                                           len(live)),
            logins=sum(window_logins.get(u, 0) for u in members)))
    n_active = len(active)
    return AdoptionResult(
        as_of=end, window_days=window_days, window_start=start, seats=seats,
        users=len(user_team), active_users=n_active, active_share=_ratio(n_active, seats or 0),
        inactive_users=len(user_team) - n_active,
        daily_active_mean=Decimal(len(daily)) / window_days,
        records_per_active_user=_ratio(sum(window_work.values()), n_active),
        logins_per_active_user=_ratio(sum(window_logins.values()), n_active),
        months=[MonthActivity(month=f"{k // 12:04d}-{k % 12 + 1:02d}",
                              active_users=month_active.get(k, 0), records=v[0], logins=v[1])
                for k, v in sorted(month_sums.items())],
        teams=teams)
