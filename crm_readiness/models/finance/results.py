"""Finance results: everything the TCO/ROI reports and the workbook show.

Money and ratios are unrounded :class:`~decimal.Decimal` in Python; in JSON
money is a decimal string with exactly two decimals (half-up, ``"-12.50"``,
never ``"-0.00"``) and rates, factors and years a decimal string with exactly
ten (see :data:`Money`, :data:`Rate`). Renderers round for display only.
Lists indexed by year run from year 0 (the initial period, undiscounted) to
year N. Texts are codes plus parameters; renderers translate them.
"""


from decimal import ROUND_HALF_UP, Context, Decimal
from typing import Annotated, Literal

from pydantic import Field, PlainSerializer, WithJsonSchema

from crm_readiness.models._base import ResultModel, Text

_WIDE = Context(prec=80)
MONEY_PATTERN = r"^-?[0-9]+\.[0-9]{2}$"
RATE_PATTERN = r"^-?[0-9]+\.[0-9]{10}$"


def fixed(value: Decimal | float, places: int) -> str:
    """Return ``value`` half-up to ``places`` decimals as text, never ``-0``."""
    d = Decimal(str(value)) if isinstance(value, float) else value
    q = d.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP, context=_WIDE)
    if q == 0:
        q = abs(q)
    return f"{q:f}"


def _money(value: Decimal | float) -> str:
    return fixed(value, 2)


def _rate(value: Decimal | float) -> str:
    return fixed(value, 10)


#: an amount of money: JSON decimal string with exactly two decimals.
Money = Annotated[Decimal, PlainSerializer(_money, return_type=str, when_used="json"),
                  WithJsonSchema({"type": "string", "pattern": MONEY_PATTERN})]
#: a rate, share, factor or fractional year: JSON decimal string with exactly ten decimals.
Rate = Annotated[Decimal, PlainSerializer(_rate, return_type=str, when_used="json"),
                 WithJsonSchema({"type": "string", "pattern": RATE_PATTERN})]
#: an input (driver) value of any kind: JSON decimal string with exactly ten decimals.
Value = Rate

Basis = Literal["risk_adjusted", "unadjusted"]


class LineFlow(ResultModel):
    """One cost or benefit line's amount per year, before and after its risk adjustment."""

    id: str
    name: Text
    kind: Literal["one_time", "recurring", "staff", "contingency", "vat", "benefit", "funding"]
    category: str = Field(description="Cost category, or the benefit type for benefits.")
    basis: str = Field(description="per_user, per_module, flat, once, hours or a benefit formula.")
    risk: Rate = Field(description="Risk share: costs × (1 + risk), benefits × (1 − risk).")
    amounts: list[Money]
    amounts_risk_adjusted: list[Money]
    total: Money
    total_risk_adjusted: Money
    vat_rate: Rate | None = Field(default=None, description="Input VAT rate (cost lines).")
    vat_recoverable: bool | None = None
    accounting: Literal["opex", "capex"] | None = None
    amortisation_years: int | None = None
    conditions: Text | None = Field(default=None, description="Funding: its conditions.")
    year: int | None = Field(default=None, description="Funding: the year it is received.")
    ramp_rest: Literal["last", "zero"] | None = Field(
        default=None, description="Benefit: what follows a ramp shorter than the horizon.")


class IrrResult(ResultModel):
    """The internal rate of return, or why it is not defined."""

    value: Rate | None
    sign_changes: int
    reason: Literal["no_sign_change", "several_sign_changes"] | None = None


class Payback(ResultModel):
    """Payback period: the final crossing of zero, interpolated inside its year."""

    discounted: bool
    years: Rate | None = Field(description="None: not within the horizon.")
    months: Rate | None
    first_years: Rate | None = Field(
        default=None, description="The first crossing, when the cumulative later dips again.")
    dips: list[int] = Field(default_factory=list, description=(
        "Years in which the cumulative falls back below zero after having reached it."))


class CaseView(ResultModel):
    """Cash flows and metrics on one basis (risk-adjusted or unadjusted)."""

    basis: Basis
    costs: list[Money] = Field(description="Costs per year, non-recoverable VAT included.")
    benefits: list[Money]
    funding: list[Money] = Field(description="Grants and subsidies received per year.")
    net: list[Money] = Field(description="benefits + funding − costs.")
    cumulative: list[Money]
    discount_factors: list[Rate]
    pv_costs: list[Money]
    pv_benefits: list[Money]
    pv_funding: list[Money]
    pv_net: list[Money]
    tco_nominal: Money
    tco_pv: Money
    funding_nominal: Money
    funding_pv: Money
    tco_net_nominal: Money = Field(description="TCO − funding (the net cost).")
    benefits_nominal: Money
    benefits_pv: Money
    npv: Money = Field(description="CF0 + Σ CFt/(1+r)^t.")
    roi_pv: Rate | None = Field(description="(PV benefits − PV net cost) / PV net cost.")
    roi_simple: Rate | None = Field(description="(Σ benefits − net TCO) / net TCO, nominal.")
    irr: IrrResult
    payback: Payback
    discounted_payback: Payback
    cost_per_user_year: Money | None = Field(
        description="Nominal TCO / Σ seats over years 1..N (None without users).")


class VatSummary(ResultModel):
    """Input VAT on the cost lines (amounts in the files are net of VAT), risk-adjusted."""

    costs_excluding_vat: Money = Field(description="Σ cost lines and contingency, no VAT.")
    input_vat: Money = Field(description="Σ line × VAT rate.")
    recoverable_vat: Money = Field(description="Deductible input VAT: not a cost.")
    non_recoverable_vat: Money = Field(description="Part of the cost (in the cash view).")
    costs_including_vat: Money = Field(description="The gross outlay: excluding VAT + input VAT.")
    by_line: dict[str, Money] = Field(description="Input VAT per cost line id.")


class PnlView(ResultModel):
    """The yearly P&L view beside the cash view: opex + amortisation (risk-adjusted)."""

    opex: list[Money] = Field(description="Costs expensed in the year.")
    capex: list[Money] = Field(description="Costs capitalised in the year (cash, not P&L).")
    amortisation: list[Money] = Field(description="Straight-line, from the year after the spend.")
    expenses: list[Money] = Field(description="opex + amortisation.")
    benefits: list[Money]
    funding: list[Money] = Field(description="Grants recognised when received.")
    result: list[Money] = Field(description="benefits + funding − expenses.")
    book_value_end: Money = Field(description="Capitalised cost not yet amortised at year N.")


class OptionValueResult(ResultModel):
    """A flexibility (option) value: risk-adjusted, labelled, outside the headline by default."""

    id: str
    name: Text
    amount: Money
    year: int
    probability: Rate
    value_risk_adjusted: Money = Field(description="amount × probability.")
    pv: Money
    in_headline: bool
    npv_with_option: Money = Field(description="Risk-adjusted NPV + the option's PV.")


class QualitativeItem(ResultModel):
    """A qualitative benefit of the register (never in the NPV)."""

    title: Text
    owner: Text
    evidence: Text
    observed_by: Text


class CategoryTotal(ResultModel):
    """Risk-adjusted nominal cost of one category, one-time and recurring."""

    category: str
    one_time: Money
    recurring: Money
    total: Money
    share: Rate


class SplitRow(ResultModel):
    """One component of the one-time split against the domain benchmark."""

    component: str
    categories: list[str]
    amount: Money
    share: Rate
    benchmark: Rate
    deviation: Rate = Field(description="share − benchmark, in fraction points.")


class FinanceFlag(ResultModel):
    """A finding for the reader: a code, its severity and parameters for the message."""

    code: str
    severity: Literal["info", "warning"]
    params: dict[str, str | Text] = Field(default_factory=dict)


class TornadoRow(ResultModel):
    """NPV with one distinct effect moved down and up by the swing, all else at base.

    A line whose value is a product of drivers (hours × people × rate) or given
    year by year is one row (``line`` set, ``factors`` listed): moving any one of
    its factors by x% moves the line by x%, so separate rows would repeat one effect.
    """

    driver: str = Field(description="The driver moved (a line's first factor for a line row).")
    line: str | None = Field(default=None, description="The line id of a grouped row.")
    factors: list[str] = Field(default_factory=list, description="The grouped drivers.")
    kind: str = Field(description="money, rate, count, hours or year (of base / low / high).")
    base: Value
    low_value: Value
    high_value: Value
    npv_low: Money
    npv_high: Money
    swing: Money


class ScenarioResult(ResultModel):
    """A named scenario's risk-adjusted results."""

    name: str
    label_en: str | None = None
    label_zh: str | None = None
    derived: bool = Field(description="True when built from the tornado/ranges, not the file.")
    values: dict[str, Value]
    npv: Money
    roi_pv: Rate | None
    irr: Rate | None
    payback_months: Rate | None


class MonteCarloResult(ResultModel):
    """Monte Carlo over triangular driver ranges (float64, fixed seed)."""

    draws: int
    seed: int
    drivers: list[str]
    ranges: dict[str, tuple[Value, Value, Value]]
    npv_mean: Money
    npv_p10: Money
    npv_p50: Money
    npv_p90: Money
    probability_positive: Rate
    deterministic_npv: Money = Field(description="The headline (base-case) NPV.")
    deterministic_percentile: Rate = Field(
        description="Share of draws with an NPV below the base case's (0..1).")
    skew: list[str] = Field(default_factory=list, description=(
        "Ranged drivers whose mode is not the middle of their range, NPV-worse side longer."))


class BreakEven(ResultModel):
    """The value of the most sensitive driver at which NPV is zero."""

    driver: str
    line: str | None = Field(default=None, description="For a grouped row: the line moved.")
    base: Value
    value: Value | None
    change: Rate | None = Field(description="value / base − 1.")
    rule: str = Field(default="largest_swing_then_file_order",
                      description="How the driver was chosen among equal swings.")


class SensitivityResult(ResultModel):
    """Tornado, scenarios, Monte Carlo and break-even on the risk-adjusted NPV."""

    swing: Rate
    tornado: list[TornadoRow]
    scenarios: list[ScenarioResult]
    monte_carlo: MonteCarloResult
    break_even: BreakEven | None


class Assumption(ResultModel):
    """One input value of the case (a driver), as the workbook's Inputs sheet lists it."""

    driver: str
    value: Value
    kind: Literal["money", "rate", "count", "hours", "year", "flag"]


class FinanceCase(ResultModel):
    """A TCO case (benefits empty) or a full ROI case, on both bases."""

    title: Text
    vendor: Text | None
    currency: str
    horizon_years: int
    discount_rate: Rate
    deployment: str
    company_size: str
    cost_risk: Rate
    benefit_risk: Rate
    contingency: Rate
    seats: list[int] = Field(description="Whole seats per year (year 0 = year 1's; 0 without users).")
    cost_lines: list[LineFlow]
    benefit_lines: list[LineFlow]
    funding_lines: list[LineFlow]
    risk_adjusted: CaseView
    unadjusted: CaseView
    vat: VatSummary
    pnl: PnlView
    categories: list[CategoryTotal]
    one_time_total: Money
    split: list[SplitRow]
    missing_components: list[str]
    not_applicable: dict[str, Text]
    flags: list[FinanceFlag]
    assumptions: list[Assumption]
    qualitative: list[QualitativeItem] = Field(default_factory=list)
    option_value: OptionValueResult | None = None
    sensitivity: SensitivityResult | None = None


class TcoComparison(ResultModel):
    """Several vendors' cost cases side by side, cheapest risk-adjusted net TCO first."""

    cases: list[FinanceCase]
    ranking: list[int] = Field(description="Indices into cases, lowest net TCO first.")
    horizon_years: int = Field(description="The common horizon the cases were compared on.")
    restated: bool = Field(default=False, description="True when --horizon restated a file.")
    exchange_rates: dict[str, Rate] = Field(
        default_factory=dict, description="Rates used to convert into the first currency.")
