"""The result of ``crm-readiness review``: KPI statuses, the re-forecast case, go-live readiness.

Everything the reports show is here (the JSON is this model); renderers only
phrase it.
"""


from datetime import date
from decimal import Decimal
from typing import Literal

from pydantic import Field

from crm_readiness.models._base import ResultModel, Text
from crm_readiness.models.finance.results import CaseView, Money, Rate
from crm_readiness.models.review import Dimension, Direction, Lesson, Measurement
from crm_readiness.models.review_adoption import AdoptionResult, DataDrift

KpiStatusCode = Literal["on_track", "at_risk", "off_track", "no_data"]
STATUS_ORDER: tuple[KpiStatusCode, ...] = ("on_track", "at_risk", "off_track", "no_data")


class KpiReview(ResultModel):
    """One KPI: baseline → latest → target, the trend projected to the deadline, a status."""

    id: str
    name: Text
    unit: str
    direction: Direction
    owner: Text | None
    serves: tuple[str, ...]
    benefit: str | None
    dimension: Dimension | None = None
    baseline: Decimal
    baseline_date: date
    target: Decimal
    target_date: date
    measurements: tuple[Measurement, ...] = Field(description="Measurements up to the review date.")
    latest: Measurement | None
    achieved_share: Rate | None = Field(
        description="(latest − baseline) / (target − baseline): share of the planned improvement "
                    "reached at the latest measurement.")
    slope_per_day: float | None = Field(description="Least-squares trend of the measurements.")
    projected: float | None = Field(description="The trend's value at the target date.")
    projected_share: float | None = Field(
        description="(projected − baseline) / (target − baseline).")
    status: KpiStatusCode = Field(
        description="on_track: projected share ≥ 100 %; at_risk: 75–100 %; off_track: < 75 %; "
                    "no_data: fewer than 2 measurements.")


class DriverVariance(ResultModel):
    """One benefit line of the case: approved, re-forecast from the KPIs, and the difference."""

    id: str
    name: Text
    kpis: tuple[str, ...] = Field(description="KPIs that evidence it.")
    share: Rate | None = Field(
        description="Mean achieved share of its KPIs (clamped to 0–2); none: not evidenced.")
    approved: list[Money] = Field(description="Risk-adjusted forecast per year.")
    at_target: list[Money] = Field(
        description="Full-year value at target per year (ramp 100 %, no risk adjustment).")
    reforecast: list[Money] = Field(
        description="Years started: forecast at target × share (realised); later years: plan.")
    realised_to_date: Money = Field(description="Σ re-forecast over the years started.")
    approved_to_date: Money = Field(description="Σ approved over the years started.")
    variance_nominal: Money = Field(description="Σ (re-forecast − approved), all years.")
    variance_pv: Money = Field(description="Σ (re-forecast − approved) × discount factor.")


class CostVariance(ResultModel):
    """Costs actual against plan, per year (actual where given)."""

    planned: list[Money] = Field(description="Risk-adjusted planned costs per year.")
    actual: list[Money | None] = Field(description="Actual costs per year, where given.")
    reforecast: list[Money]
    planned_to_date: Money = Field(description="Σ planned over the years with actual costs.")
    actual_to_date: Money = Field(description="Σ actual costs.")
    variance_nominal: Money
    variance_pv: Money


class Reforecast(ResultModel):
    """The business case re-forecast with actuals to date and the plan for the rest."""

    currency: str
    horizon_years: int
    discount_rate: Rate
    year1_start: date
    years_started: list[int] = Field(description="Case years (≥ 1) begun by the review date.")
    seats: list[int] = Field(description="Licensed seats per case year.")
    approved: CaseView = Field(description="The approved case, risk-adjusted.")
    reforecast: CaseView
    drivers: list[DriverVariance]
    costs: CostVariance
    npv_variance: Money = Field(
        description="Re-forecast NPV − approved NPV = Σ driver PV variances − cost PV variance.")


class GoliveBlocker(ResultModel):
    """A go-live gate not passed."""

    question_id: str
    text: Text


class GoliveReadiness(ResultModel):
    """The go-live and operations phase of the assessment."""

    score: float | None
    verdict: str
    coverage: float
    blockers: list[GoliveBlocker]


class RetrospectiveDimension(ResultModel):
    """One dimension of the retrospective: its KPIs, a headline figure, the lessons kept."""

    dimension: Dimension
    kpis: list[str] = Field(description="Ids of the KPIs in this dimension.")
    status_counts: dict[KpiStatusCode, int]
    npv_variance: Money | None = Field(description="financial: the re-forecast NPV variance.")
    active_share: Rate | None = Field(description="organisational: active users / seats.")
    lessons: list[Lesson] = Field(description="Lessons recorded up to the review date.")


class KpiChange(ResultModel):
    """One KPI in the previous review and in this one."""

    id: str
    name: Text
    status_before: KpiStatusCode | None = Field(description="None: not in the previous review.")
    status_now: KpiStatusCode | None = Field(description="None: no longer in the register.")
    latest_before: Decimal | None
    latest_now: Decimal | None
    projected_share_before: float | None
    projected_share_now: float | None


class ReviewComparison(ResultModel):
    """This review against the previous one (its JSON snapshot)."""

    previous_as_of: date
    kpis: list[KpiChange]
    npv_before: Money | None = Field(description="Re-forecast NPV of the previous review.")
    npv_now: Money | None
    active_users_before: int | None
    active_users_now: int | None


class ReviewResult(ResultModel):
    """The benefits review (``crm-readiness review``)."""

    title: Text | None
    as_of: date
    kpis: list[KpiReview]
    status_counts: dict[KpiStatusCode, int]
    finance: Reforecast | None = None
    golive: GoliveReadiness | None = None
    adoption: AdoptionResult | None = None
    data_drift: DataDrift | None = None
    previous: ReviewComparison | None = None
    retrospective: list[RetrospectiveDimension] = Field(
        default_factory=list, description="Financial, customer, organisational.")
    rule: str = Field(
        default="least_squares_to_target",
        description="Status rule code: the least-squares trend of the measurements projected "
                    "to the target date, as a share of the planned improvement.")
