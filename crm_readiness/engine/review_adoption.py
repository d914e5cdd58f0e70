"""Adoption from the export: active users in the window against seats, per team, per month.

The export is a DuckDB table (``crm_readiness.io.review_csv.open_adoption``); the
measures are SQL over it, so a year of a thousand users stays well under a second.
A user is *active* on a day with at least one login or one record created or
updated. The window is the ``window_days`` days ending on the review date
(inclusive); rows after it are ignored. Months are calendar months of the
rows up to the review date.
"""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from crm_readiness.models.review_adoption import (
    AdoptionResult,
    MonthActivity,
    TeamActivity,
)

WINDOW_DAYS = 30


def _ratio(a: int, b: int) -> Decimal | None:
    return Decimal(a) / Decimal(b) if b else None


def adoption(conn: Any, *, as_of: date | None = None, seats: int | None = None,
             window_days: int = WINDOW_DAYS) -> AdoptionResult:
    """Return the adoption measures of table ``activity`` in ``conn`` on ``as_of``.

    ``as_of`` defaults to the last date of the export; a user's team is the one of
    their latest row up to it.
    """
    if as_of is None:
        last = conn.execute("SELECT max(day) FROM activity").fetchone()
        as_of = last[0] if last and last[0] is not None else date.today()
    end = as_of
    start = end - timedelta(days=window_days - 1)
    conn.execute("DROP TABLE IF EXISTS act")
    conn.execute("CREATE TEMP TABLE act AS SELECT *, (work > 0 OR logins > 0) AS active, "
                 "day >= ? AS in_window FROM activity WHERE day <= ?", [start, end])
    row = conn.execute(
        "SELECT count(DISTINCT \"user\"), "
        "count(DISTINCT \"user\") FILTER (WHERE active AND in_window), "
        "coalesce(sum(work) FILTER (WHERE in_window), 0), "
        "coalesce(sum(logins) FILTER (WHERE in_window), 0) FROM act").fetchone()
    users, n_active, records, logins = (int(x) for x in row)
    daily = conn.execute("SELECT count(*) FROM (SELECT DISTINCT day, \"user\" FROM act "
                         "WHERE active AND in_window)").fetchone()[0]
    months = [MonthActivity(month=m, active_users=int(a), records=int(w), logins=int(lg))
              for m, a, w, lg in conn.execute(
                  "SELECT strftime(day, '%Y-%m') AS m, "
                  "count(DISTINCT \"user\") FILTER (WHERE active), sum(work), sum(logins) "
                  "FROM act GROUP BY m ORDER BY m").fetchall()]
    teams = []
    for name, members, live, work, team_logins in conn.execute(
            "WITH u AS (SELECT \"user\", arg_max(team, day) AS team, "
            "bool_or(active AND in_window) AS live, "
            "coalesce(sum(work) FILTER (WHERE in_window), 0) AS work, "
            "coalesce(sum(logins) FILTER (WHERE in_window), 0) AS logins "
            "FROM act GROUP BY \"user\") "
            "SELECT team, count(*), count(*) FILTER (WHERE live), sum(work), sum(logins) "
            "FROM u GROUP BY team ORDER BY team").fetchall():
        teams.append(TeamActivity(team=str(name), users=int(members), active_users=int(live),
                                  records_per_active_user=_ratio(int(work), int(live)),
                                  logins=int(team_logins)))
    conn.execute("DROP TABLE act")
    return AdoptionResult(
        as_of=end, window_days=window_days, window_start=start, seats=seats, users=users,
        active_users=n_active, active_share=_ratio(n_active, seats or 0),
        inactive_users=users - n_active, daily_active_mean=Decimal(int(daily)) / window_days,
        records_per_active_user=_ratio(records, n_active),
        logins_per_active_user=_ratio(logins, n_active), months=months, teams=teams)
