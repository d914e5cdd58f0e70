"""Finance results: everything the TCO/ROI reports and the workbook show.

Money and ratios are unrounded :class:`~decimal.Decimal` (JSON: decimal
strings); renderers round for display only. Lists indexed by year run from
year 0 (the initial period, undiscounted) to year N. Texts are codes plus
parameters; renderers translate them (bilingual text lives in data).
"""

from __future__ import annotations

from decimal import Decimal
from typing import Literal

from pydantic import Field

from crm_readiness.models._base import ResultModel

Basis = Literal["risk_adjusted", "unadjusted"]


class LineFlow(ResultModel):
    """One cost or benefit line's amount per year, before and after its risk adjustment."""

    id: str
    name: str
    kind: Literal["one_time", "recurring", "staff", "contingency", "benefit"]
    category: str = Field(description="Cost category, or the benefit type for benefits.")
    basis: str = Field(description="per_user, per_module, flat, once, hours or a benefit formula.")
    risk: Decimal = Field(description="Risk share: costs × (1 + risk), benefits × (1 − risk).")
    amounts: list[Decimal]
    amounts_risk_adjusted: list[Decimal]
    total: Decimal
    total_risk_adjusted: Decimal


class IrrResult(ResultModel):
    """The internal rate of return, or why it is not defined."""

    value: Decimal | None
    sign_changes: int
    reason: Literal["no_sign_change", "several_sign_changes"] | None = None


class Payback(ResultModel):
    """Payback period by linear interpolation inside the year of break-even."""

    discounted: bool
    years: Decimal | None = Field(description="None: not within the horizon.")
    months: Decimal | None


class CaseView(ResultModel):
    """Cash flows and metrics on one basis (risk-adjusted or unadjusted)."""

    basis: Basis
    costs: list[Decimal]
    benefits: list[Decimal]
    net: list[Decimal]
    cumulative: list[Decimal]
    discount_factors: list[Decimal]
    pv_costs: list[Decimal]
    pv_benefits: list[Decimal]
    pv_net: list[Decimal]
    tco_nominal: Decimal
    tco_pv: Decimal
    benefits_nominal: Decimal
    benefits_pv: Decimal
    npv: Decimal = Field(description="CF0 + Σ CFt/(1+r)^t.")
    roi_pv: Decimal | None = Field(description="(PV benefits − PV costs) / PV costs.")
    roi_simple: Decimal | None = Field(description="(Σ benefits − TCO) / TCO, nominal.")
    irr: IrrResult
    payback: Payback
    discounted_payback: Payback
    cost_per_user_year: Decimal = Field(description="Nominal TCO / Σ seats over years 1..N.")


class CategoryTotal(ResultModel):
    """Risk-adjusted nominal cost of one category, one-time and recurring."""

    category: str
    one_time: Decimal
    recurring: Decimal
    total: Decimal
    share: Decimal


class SplitRow(ResultModel):
    """One component of the one-time split against the domain benchmark."""

    component: str
    categories: list[str]
    amount: Decimal
    share: Decimal
    benchmark: Decimal
    deviation: Decimal = Field(description="share − benchmark, in fraction points.")


class FinanceFlag(ResultModel):
    """A finding for the reader: a code, its severity and parameters for the message."""

    code: str
    severity: Literal["info", "warning"]
    params: dict[str, str] = Field(default_factory=dict)


class TornadoRow(ResultModel):
    """NPV with one driver moved down and up by the swing, all else at base."""

    driver: str
    base: Decimal
    low_value: Decimal
    high_value: Decimal
    npv_low: Decimal
    npv_high: Decimal
    swing: Decimal


class ScenarioResult(ResultModel):
    """A named scenario's risk-adjusted results."""

    name: str
    label_en: str | None = None
    label_zh: str | None = None
    derived: bool = Field(description="True when built from the tornado/ranges, not the file.")
    values: dict[str, Decimal]
    npv: Decimal
    roi_pv: Decimal | None
    irr: Decimal | None
    payback_months: Decimal | None


class MonteCarloResult(ResultModel):
    """Monte Carlo over triangular driver ranges (float64, fixed seed)."""

    draws: int
    seed: int
    drivers: list[str]
    ranges: dict[str, tuple[Decimal, Decimal, Decimal]]
    npv_mean: float
    npv_p10: float
    npv_p50: float
    npv_p90: float
    probability_positive: float


class BreakEven(ResultModel):
    """The value of the most sensitive driver at which NPV is zero."""

    driver: str
    base: Decimal
    value: Decimal | None
    change: Decimal | None = Field(description="value / base − 1.")


class SensitivityResult(ResultModel):
    """Tornado, scenarios, Monte Carlo and break-even on the risk-adjusted NPV."""

    swing: Decimal
    tornado: list[TornadoRow]
    scenarios: list[ScenarioResult]
    monte_carlo: MonteCarloResult
    break_even: BreakEven | None


class Assumption(ResultModel):
    """One input value of the case (a driver), as the workbook's Inputs sheet lists it."""

    driver: str
    value: Decimal
    kind: Literal["money", "rate", "count", "hours", "year"]


class FinanceCase(ResultModel):
    """A TCO case (benefits empty) or a full ROI case, on both bases."""

    title: str
    vendor: str | None
    currency: str
    horizon_years: int
    discount_rate: Decimal
    deployment: str
    cost_risk: Decimal
    benefit_risk: Decimal
    contingency: Decimal
    seats: list[int] = Field(description="Whole seats per year (year 0 = year 1's).")
    cost_lines: list[LineFlow]
    benefit_lines: list[LineFlow]
    risk_adjusted: CaseView
    unadjusted: CaseView
    categories: list[CategoryTotal]
    one_time_total: Decimal
    split: list[SplitRow]
    missing_components: list[str]
    not_applicable: dict[str, str]
    flags: list[FinanceFlag]
    assumptions: list[Assumption]
    sensitivity: SensitivityResult | None = None


class TcoComparison(ResultModel):
    """Several vendors' cost cases side by side, cheapest risk-adjusted TCO first."""

    cases: list[FinanceCase]
    ranking: list[int] = Field(description="Indices into cases, lowest nominal TCO first.")
