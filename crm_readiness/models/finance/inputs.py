"""The finance input files: a costs file (one per vendor) and a benefits file.

Money is :class:`~decimal.Decimal` (YAML numbers are read through their
decimal text, so ``0.1`` is exactly one tenth); rates are decimal fractions
(``0.10`` = 10%). Validators raise ``MessageError(key, **params)`` so the
loader can report both languages with the file, path and line. Checks that
need both files (driver ids, years against the horizon) live in
``crm_readiness.io.finance``.
"""


from decimal import Decimal
from typing import Annotated, Any, Literal, Self

from pydantic import AfterValidator, Discriminator, Field, Tag, field_validator, model_validator

from crm_readiness.i18n import MessageError
from crm_readiness.models._base import Model, Text

CostCategory = Literal[
    "software", "implementation", "customization", "data_migration", "integration",
    "training", "project_management", "maintenance", "hosting", "security",
    "internal_staff", "data_services", "other",
]
#: every cost category, in report order (the domain's TCO components plus staff time).
COST_CATEGORIES: tuple[str, ...] = CostCategory.__args__  # type: ignore[attr-defined]

#: the domain's one-time budget split for a mid-size company: component -> (share, categories).
BENCHMARK_SPLIT: tuple[tuple[str, Decimal, tuple[str, ...]], ...] = (
    ("software", Decimal("0.40"), ("software",)),
    ("customization", Decimal("0.25"), ("customization", "implementation", "integration")),
    ("data_migration", Decimal("0.15"), ("data_migration",)),
    ("training", Decimal("0.12"), ("training",)),
    ("project_management", Decimal("0.08"), ("project_management",)),
)

RESERVED_IDS = frozenset({"users", "costs", "benefits", "discount_rate", "contingency", "vat",
                          "funding"})
MAX_HORIZON = 30
#: the largest amount one field may hold (a quadrillion): beyond it is a typo, not a CRM budget.
MAX_AMOUNT = Decimal("1e15")


def _fraction(v: Decimal) -> Decimal:
    if v < 0:
        raise MessageError("model.must_not_be_negative")
    if v > 1:
        raise MessageError("model.rate_as_percent", value=str(v), percent=f"{v * 100:f}")
    return v


def _growth(v: Decimal) -> Decimal:
    if v < Decimal("-0.9") or v > 1:
        raise MessageError("model.growth_range", value=str(v))
    return v


def _non_negative(v: Decimal) -> Decimal:
    if not v.is_finite():
        raise MessageError("finance.model.finite")
    if v < 0:
        raise MessageError("model.must_not_be_negative")
    if v > MAX_AMOUNT:
        raise MessageError("finance.model.above_bound", value=str(v))
    return v


def _ramp(v: tuple[Decimal, ...]) -> tuple[Decimal, ...]:
    if not v:
        raise MessageError("model.a_benefit_needs_at_least")
    return v


def _yearly(v: tuple[Decimal, ...] | dict[int, Decimal]) -> tuple[Decimal, ...] | dict[int, Decimal]:
    if not v:
        raise MessageError("finance.model.amounts_empty")
    return v


Fraction = Annotated[Decimal, AfterValidator(_fraction)]
Growth = Annotated[Decimal, AfterValidator(_growth)]
Amount = Annotated[Decimal, AfterValidator(_non_negative)]
Slug = Annotated[str, Field(pattern=r"^[a-z][a-z0-9_]{0,40}$",
                            description="Short id: lower-case letters, digits, underscores.")]
Year = Annotated[int, Field(ge=0, le=MAX_HORIZON)]
#: yearly amounts: a list from year 0 ([y0, y1, …]) or a map {year: amount} (other years 0).
YearlyAmounts = Annotated[tuple[Amount, ...] | dict[Year, Amount], AfterValidator(_yearly)]
#: what a ramp or a list of yearly amounts shorter than the horizon means for the later years.
RampRest = Literal["last", "zero"]
VatRate = Annotated[Decimal, Field(ge=0, le=Decimal("0.5"))]


def _check_id(value: str) -> str:
    if value in RESERVED_IDS:
        raise MessageError("model.reserved_id", value=repr(value))
    return value


LineId = Annotated[Slug, AfterValidator(_check_id)]


class _Line(Model):
    id: LineId
    name: Text = Field(description="Line name as shown in reports: text or {en, zh}.")
    note: Text | None = None


class _CostLine(_Line):
    vat_rate: VatRate | None = Field(
        default=None, description="Input VAT rate on this line (default by category).")
    vat_recoverable: bool | None = Field(
        default=None, description="Input VAT deductible (default: the file's vat.recoverable).")
    accounting: Literal["opex", "capex"] = Field(
        default="opex", description="capex: capitalised and amortised in the P&L view.")
    amortisation_years: Annotated[int, Field(ge=1, le=MAX_HORIZON)] | None = Field(
        default=None, description="Straight-line amortisation period of a capex line.")

    @model_validator(mode="after")
    def _accounting(self) -> Self:
        if self.accounting == "capex" and self.amortisation_years is None:
            raise MessageError("finance.model.capex_needs_years")
        if self.accounting == "opex" and self.amortisation_years is not None:
            raise MessageError("finance.model.years_only_capex")
        return self


class OneTimeCost(_CostLine):
    """A one-time cost in year 0 (the initial period) or a given year."""

    category: CostCategory
    amount: Amount
    year: Year = 0
    risk: Fraction | None = Field(default=None, description="Overrides the file's risk share.")


class RecurringCost(_CostLine):
    """A yearly cost: per user (seats), per module, a flat amount, or yearly amounts."""

    category: CostCategory
    per_user: Amount | None = Field(default=None, description="Price per seat per year.")
    per_module: Amount | None = Field(default=None, description="Price per module per year.")
    modules: Annotated[int, Field(ge=1, le=1000)] | None = None
    amount: Amount | None = Field(default=None, description="Flat amount per year.")
    amounts: YearlyAmounts | None = Field(
        default=None, description="Yearly amounts: [y0, y1, …] from year 0, or {year: amount}.")
    ramp_rest: RampRest | None = Field(
        default=None, description="A list shorter than the horizon: last repeats, or zero.")
    escalation: Growth = Decimal(0)
    start_year: Year = 1
    end_year: Year | None = None
    risk: Fraction | None = None

    @model_validator(mode="after")
    def _one_basis(self) -> Self:
        given = [k for k in ("per_user", "per_module", "amount", "amounts")
                 if getattr(self, k) is not None]
        if len(given) != 1:
            raise MessageError("model.give_exactly_one_of_per_user")
        if self.amounts is not None and (self.escalation or "start_year" in self.model_fields_set
                                         or self.end_year is not None):
            raise MessageError("finance.model.amounts_no_escalation")
        if self.ramp_rest is not None and not isinstance(self.amounts, tuple):
            raise MessageError("finance.model.ramp_rest_list")
        if self.per_module is not None and self.modules is None:
            raise MessageError("model.per_module_needs_modules_how_many")
        if self.modules is not None and self.per_module is None:
            raise MessageError("model.modules_is_only_used_with")
        if self.end_year is not None and self.end_year < self.start_year:
            raise MessageError("model.end_year_is_before_start_year")
        return self

    @property
    def basis(self) -> str:
        """Return ``per_user``, ``per_module``, ``flat`` or ``yearly``."""
        if self.per_user is not None:
            return "per_user"
        if self.amounts is not None:
            return "yearly"
        return "per_module" if self.per_module is not None else "flat"


class StaffCost(_CostLine):
    """Internal staff time: hours per person per year × people × loaded hourly rate."""

    category: CostCategory = "internal_staff"
    hours: Amount = Field(description="Hours per person per year.")
    people: Amount = Decimal(1)
    rate: Amount = Field(description="Loaded cost per hour (salary, social insurance, overhead).")
    escalation: Growth = Decimal(0)
    start_year: Year = 0
    end_year: Year | None = None
    risk: Fraction | None = None

    @model_validator(mode="after")
    def _years(self) -> Self:
        if self.end_year is not None and self.end_year < self.start_year:
            raise MessageError("model.end_year_is_before_start_year")
        return self


class Users(Model):
    """CRM seats: ``initial`` in year 1, growing by ``growth`` a year, always whole seats."""

    initial: int = Field(ge=1, le=10_000_000)
    growth: Growth = Decimal(0)


#: default input VAT (增值税) rate per category — PRC VAT: modern / IT services 6%
#: (财税〔2016〕36号), goods such as servers 13% (财政部 税务总局 海关总署公告2019年第39号);
#: internal staff time is not a purchase. Override per file (vat.rates) or per line (vat_rate).
DEFAULT_VAT: dict[str, Decimal] = {
    "software": Decimal("0.06"), "implementation": Decimal("0.06"),
    "customization": Decimal("0.06"), "data_migration": Decimal("0.06"),
    "integration": Decimal("0.06"), "training": Decimal("0.06"),
    "project_management": Decimal("0.06"), "maintenance": Decimal("0.06"),
    "hosting": Decimal("0.13"), "security": Decimal("0.06"), "internal_staff": Decimal(0),
    "data_services": Decimal("0.06"), "other": Decimal("0.06"),
}


class VatSettings(Model):
    """Input VAT: amounts in the files are net of VAT (不含税); rates per category."""

    recoverable: bool = Field(default=True, description=(
        "Input VAT deductible (general taxpayer 一般纳税人); false for a small-scale taxpayer."))
    rates: dict[CostCategory, VatRate] = Field(default_factory=dict,
                                               description="Overrides of the default rates.")


class Funding(_Line):
    """A grant or subsidy (e.g. 上云用数赋智): money in, shown apart, reducing the net cost."""

    kind: Literal["grant", "subsidy", "tax_incentive"] = "grant"
    amount: Amount | None = None
    share: Fraction | None = Field(default=None, description=(
        "Share of the one-time costs (before contingency and risk) instead of an amount."))
    year: Year = 1
    conditions: Text | None = Field(default=None, description="What must be met to receive it.")
    risk: Fraction | None = Field(default=None, description="Share at risk of not being paid.")

    @model_validator(mode="after")
    def _one_basis(self) -> Self:
        if (self.amount is None) == (self.share is None):
            raise MessageError("finance.model.amount_or_share")
        return self


class BenchmarkRange(Model):
    """Your own one-time budget range for the benchmark check, with where it comes from."""

    low: Amount
    high: Amount
    source: Text


class CostsFile(Model):
    """One vendor's (or the chosen) cost case over the horizon."""

    title: Text | None = None
    vendor: Text | None = None
    currency: str = Field(default="CNY", pattern=r"^[A-Z]{3}$")
    horizon_years: int = Field(default=3, ge=1, le=MAX_HORIZON)
    discount_rate: Fraction = Decimal("0.10")
    deployment: Literal["saas", "on-prem", "hybrid"] = "saas"
    users: Users | None = Field(default=None, description="Needed when a line is per user.")
    contingency: Fraction = Field(default=Decimal(0),
                                  description="Reserve as a share of one-time costs.")
    risk_adjustment: Fraction = Field(default=Decimal(0),
                                      description="Costs increased by this share (risk view).")
    one_time: tuple[OneTimeCost, ...] = ()
    recurring: tuple[RecurringCost, ...] = ()
    staff: tuple[StaffCost, ...] = ()
    funding: tuple[Funding, ...] = ()
    vat: VatSettings = VatSettings()
    company_size: Literal["small", "mid", "large"] = Field(
        default="mid", description="Picks the benchmark ranges (small / mid / large).")
    benchmark_one_time: BenchmarkRange | None = None
    not_applicable: dict[CostCategory | Literal["contingency"], Text] = Field(
        default_factory=dict, description=(
            "Components deliberately absent (no hidden-cost warning), with the reason."))

    @field_validator("not_applicable", mode="before")
    @classmethod
    def _reasons(cls, v: Any) -> Any:
        if isinstance(v, dict):
            for key, reason in v.items():
                if reason is None or (isinstance(reason, str) and not reason.strip()):
                    raise MessageError("finance.model.na_reason", key=key)
        return v

    @model_validator(mode="after")
    def _some_cost(self) -> Self:
        if not (self.one_time or self.recurring or self.staff):
            raise MessageError("model.no_cost_lines_add_one_time")
        if self.users is None and any(r.per_user is not None for r in self.recurring):
            raise MessageError("finance.model.per_user_needs_users")
        return self

    def vat_rate(self, line: OneTimeCost | RecurringCost | StaffCost) -> Decimal:
        """Return the VAT rate of ``line``: its own, the file's for its category, the default."""
        if line.vat_rate is not None:
            return line.vat_rate
        return self.vat.rates.get(line.category, DEFAULT_VAT[line.category])

    def vat_recoverable(self, line: OneTimeCost | RecurringCost | StaffCost) -> bool:
        """Return whether ``line``'s input VAT is deductible."""
        return self.vat.recoverable if line.vat_recoverable is None else line.vat_recoverable


class _Benefit(_Line):
    ramp: Annotated[tuple[Fraction, ...], AfterValidator(_ramp)] | None = Field(
        default=None, description="Share realised per year from start_year.")
    ramp_rest: RampRest | None = Field(default=None, description=(
        "Years after a ramp shorter than the horizon: last share repeats, or zero."))
    start_year: Annotated[int, Field(ge=0, le=MAX_HORIZON)] = 1
    risk: Fraction | None = Field(default=None, description="Benefit reduced by this share.")

    @model_validator(mode="after")
    def _needs_ramp(self) -> Self:
        if self.ramp is None and getattr(self, "amounts", None) is None:
            raise MessageError("finance.model.needs_ramp")
        return self


class _Flat(_Benefit):
    amount: Amount | None = None
    amounts: YearlyAmounts | None = Field(
        default=None, description="Yearly amounts [y0, y1, …] or {year: amount}, no ramp.")

    @model_validator(mode="after")
    def _one_basis(self) -> Self:
        if (self.amount is None) == (self.amounts is None):
            raise MessageError("finance.model.amount_or_amounts")
        if self.amounts is not None and (self.ramp is not None
                                         or "start_year" in self.model_fields_set):
            raise MessageError("finance.model.amounts_no_ramp")
        if self.ramp_rest is not None and self.amounts is not None \
                and not isinstance(self.amounts, tuple):
            raise MessageError("finance.model.ramp_rest_list")
        return self

    @property
    def yearly(self) -> bool:
        """Return True when the line gives yearly amounts."""
        return self.amounts is not None


class RevenueUplift(_Benefit):
    """Extra gross profit: baseline revenue × uplift × gross margin."""

    type: Literal["revenue_uplift"]
    baseline_revenue: Amount
    uplift: Fraction
    gross_margin: Fraction


class TimeSaved(_Benefit):
    """Productivity: hours saved per person per year × people × loaded hourly rate."""

    type: Literal["time_saved"]
    hours: Amount
    people: Amount
    rate: Amount


class ChurnAvoided(_Benefit):
    """Retention: customers × churn reduction (points) × yearly margin per customer."""

    type: Literal["churn_avoided"]
    customers: Amount
    churn_reduction: Fraction
    margin_per_customer: Amount


class CostAvoided(_Flat):
    """A retired system's or process's yearly cost no longer paid."""

    type: Literal["cost_avoided"]


class PlainAmount(_Flat):
    """Any other benefit given directly as an amount per year (or yearly amounts)."""

    type: Literal["amount"]


_BENEFIT_TAGS = {"revenue_uplift": "RevenueUplift", "time_saved": "TimeSaved",
                 "churn_avoided": "ChurnAvoided", "cost_avoided": "CostAvoided",
                 "amount": "PlainAmount"}


def _benefit_tag(value: Any) -> str | None:
    # capitalised tags keep error paths clean (benefits.0.ramp, not benefits.0.time_saved.ramp)
    kind = value.get("type") if isinstance(value, dict) else getattr(value, "type", None)
    return _BENEFIT_TAGS.get(kind) if isinstance(kind, str) else None


Benefit = Annotated[
    Annotated[RevenueUplift, Tag("RevenueUplift")] | Annotated[TimeSaved, Tag("TimeSaved")]
    | Annotated[ChurnAvoided, Tag("ChurnAvoided")] | Annotated[CostAvoided, Tag("CostAvoided")]
    | Annotated[PlainAmount, Tag("PlainAmount")],
    Discriminator(_benefit_tag, custom_error_type="benefit_type", custom_error_message=(
        "type must be one of: " + ", ".join(_BENEFIT_TAGS) + " / type 必须为其中之一"))]


def _some_benefit(v: tuple[Any, ...]) -> tuple[Any, ...]:
    if not v:
        raise MessageError("model.no_benefit_lines")
    return v


class Triangular(Model):
    """A driver's range for Monte Carlo: low ≤ mode ≤ high."""

    low: Decimal
    mode: Decimal
    high: Decimal

    @model_validator(mode="after")
    def _order(self) -> Self:
        if not self.low <= self.mode <= self.high:
            raise MessageError("model.need_low_mode_high")
        return self


class Scenario(Model):
    """A named scenario: driver values that replace the base case's."""

    label: Text | None = None
    values: dict[str, Decimal] = Field(default_factory=dict)


class MonteCarloSettings(Model):
    """Monte Carlo draws and the seed that makes them reproducible."""

    draws: int = Field(default=10_000, ge=100, le=1_000_000)
    seed: int = Field(default=20240501, ge=0)


class SensitivitySettings(Model):
    """Tornado swing, Monte Carlo ranges and named scenarios."""

    swing: Annotated[Decimal, Field(gt=0, le=Decimal("0.9"))] = Decimal("0.20")
    ranges: dict[str, Triangular] = Field(default_factory=dict)
    scenarios: dict[Slug, Scenario] = Field(default_factory=dict)
    monte_carlo: MonteCarloSettings = MonteCarloSettings()


class QualitativeBenefit(Model):
    """A benefit the board should see but the NPV does not count."""

    title: Text
    owner: Text = Field(description="Who is accountable for it.")
    evidence: Text = Field(description="Why we believe it.")
    observed_by: Text = Field(description="How it will be observed (a measure).")


class OptionValue(_Line):
    """Flexibility (option) value, TEI-style: amount × probability, labelled, apart."""

    amount: Amount = Field(description="Value if the option is exercised.")
    year: Annotated[int, Field(ge=0, le=MAX_HORIZON)] = Field(description="Year it would arise.")
    probability: Fraction = Field(description="Likelihood (the risk adjustment).")
    in_headline: bool = Field(default=False,
                              description="Add its PV to the headline NPV (default: shown apart).")


class BenefitsFile(Model):
    """The benefit lines of the case and how its sensitivity is explored."""

    title: Text | None = None
    risk_adjustment: Fraction = Field(default=Decimal(0),
                                      description="Benefits reduced by this share by default.")
    benefits: Annotated[tuple[Benefit, ...], AfterValidator(_some_benefit)]
    qualitative: tuple[QualitativeBenefit, ...] = ()
    option_value: OptionValue | None = None
    sensitivity: SensitivitySettings = SensitivitySettings()
