"""Adoption and data quality after go-live: the export's rows, what the review measures."""


from datetime import date
from typing import Literal, NamedTuple

from pydantic import Field

from crm_readiness.models._base import ResultModel
from crm_readiness.models.finance.results import Rate


class ActivityRow(NamedTuple):
    """One user-day of the adoption export (checked by the reader; a tuple for speed)."""

    user: str
    team: str
    date: date
    records_created: int
    records_updated: int
    logins: int


class MonthActivity(ResultModel):
    """One calendar month of the export."""

    month: str = Field(description="YYYY-MM.")
    active_users: int
    records: int = Field(description="Records created + updated.")
    logins: int


class TeamActivity(ResultModel):
    """One team over the review window."""

    team: str
    users: int = Field(description="Users of the team in the export.")
    active_users: int
    records_per_active_user: Rate | None
    logins: int


class AdoptionResult(ResultModel):
    """Active users against licensed seats, activity per user and team, the monthly trend."""

    as_of: date
    window_days: int
    window_start: date
    seats: int | None = Field(description="Licensed seats (--seats, else the case's seats).")
    users: int = Field(description="Distinct users in the export.")
    active_users: int = Field(description="Users with a login or a record in the window.")
    active_share: Rate | None = Field(description="active_users / seats.")
    inactive_users: int = Field(description="Users in the export not active in the window.")
    daily_active_mean: Rate = Field(description="Mean distinct active users per day.")
    records_per_active_user: Rate | None
    logins_per_active_user: Rate | None
    months: list[MonthActivity]
    teams: list[TeamActivity]
    rule: str = Field(default="active = at least one login or one record created or updated")


class DimensionDrift(ResultModel):
    """One data-quality dimension at go-live and now."""

    dimension: str
    before: float | None
    now: float | None
    change: float | None = Field(description="now − before (share points as a fraction).")
    target: float | None
    passed_now: bool | None
    trend: Literal["better", "stable", "worse", "unknown"] = Field(
        description="stable: |change| < 0.5 points.")


class DataDrift(ResultModel):
    """Data-quality drift between the profile at go-live and the profile now."""

    before_as_of: date
    now_as_of: date
    rows_before: int
    rows_now: int
    readiness_before: float | None
    readiness_now: float | None
    readiness_change: float | None
    record_pass_rate_before: float | None
    record_pass_rate_now: float | None
    dimensions: list[DimensionDrift]
    worse: list[str] = Field(description="Dimensions that got worse.")
