"""The KPI register (``kpis.yaml``): what success is, measured from the baseline to the target.

Each KPI has a bilingual name (``{en, zh}``, or one string used for both), a
unit, a direction (``higher`` or ``lower`` is better), a baseline (value and
date, with its source), a target (value and deadline), optionally the
question ids it serves (a pain point or goal in the checklists) and the
benefit line of ``benefits.yaml`` it evidences, and its measurements over
time. The file may also carry the actual costs per business-case year and
the date year 1 of the case starts (the go-live), so a review can replace the
forecast with what happened.

Validators raise :class:`~crm_readiness.i18n.MessageError` catalogue keys so
the YAML reader reports file, path and line in both languages. Checks that
need more than one entry or another file (unique ids, measurement dates,
benefit ids, question ids) live in ``crm_readiness.io.review``, located.
"""


from datetime import date
from decimal import Decimal
from typing import Annotated, Literal, Self

from pydantic import AfterValidator, Field, model_validator

from crm_readiness.i18n import MessageError
from crm_readiness.models._base import Model, Text

#: the largest KPI value (and a thousand times it for a year's cost) accepted
MAX_VALUE = Decimal(10) ** 12
MAX_KPIS = 1000
MAX_MEASUREMENTS = 10_000

Direction = Literal["higher", "lower"]
#: the three dimensions of the retrospective (financial, customer, organisational)
Dimension = Literal["financial", "customer", "organisational"]
DIMENSIONS: tuple[Dimension, ...] = ("financial", "customer", "organisational")


def _finite(v: Decimal) -> Decimal:
    if not v.is_finite() or abs(v) > MAX_VALUE:
        raise MessageError("review.value_out_of_range", limit=f"{MAX_VALUE:g}")
    return v


def _amount(v: Decimal) -> Decimal:
    if not v.is_finite() or v < 0 or v > MAX_VALUE * 1000:
        raise MessageError("review.amount_out_of_range")
    return v


Value = Annotated[Decimal, AfterValidator(_finite)]
Slug = Annotated[str, Field(pattern=r"^[a-z][a-z0-9_]{0,40}$",
                            description="Short id: lower-case letters, digits, underscores.")]


class Baseline(Model):
    """Where the KPI stood before the CRM: value, date measured, and where the figure came from."""

    value: Value
    date: date
    source: Text | None = None


class Target(Model):
    """The value the KPI must reach, and by when."""

    value: Value
    date: date


class Measurement(Model):
    """One measured value of a KPI."""

    date: date
    value: Value


class Kpi(Model):
    """One KPI of the register."""

    id: Slug
    name: Text
    unit: str = Field(default="", max_length=40)
    formula: str | None = Field(default=None, max_length=500)
    direction: Direction
    baseline: Baseline
    target: Target
    owner: Text | None = None
    serves: tuple[Annotated[str, Field(max_length=120)], ...] = Field(
        default=(), description="Checklist question ids (pain point or goal) the KPI serves.")
    benefit: Slug | None = Field(
        default=None, description="Id of the benefit line in benefits.yaml this KPI evidences.")
    dimension: Dimension | None = Field(
        default=None, description="Retrospective dimension: financial, customer, organisational.")
    measurements: tuple[Measurement, ...] = Field(default=(), max_length=MAX_MEASUREMENTS)

    @model_validator(mode="after")
    def _consistent(self) -> Self:
        if self.target.date <= self.baseline.date:
            raise MessageError("review.target_before_baseline",
                               target=self.target.date.isoformat(),
                               baseline=self.baseline.date.isoformat())
        gain = self.target.value - self.baseline.value
        if gain == 0 or (gain < 0) != (self.direction == "lower"):
            raise MessageError("review.target_not_better", direction=self.direction)
        return self


class ActualCost(Model):
    """What a business-case year actually cost (replaces that year's planned costs)."""

    year: Annotated[int, Field(ge=0, le=30)]
    amount: Annotated[Decimal, AfterValidator(_amount)]


class KpiRegister(Model):
    """The ``kpis.yaml`` file."""

    title: Text | None = None
    year1_start: date | None = Field(
        default=None, description="First day of year 1 of the business case (the go-live).")
    as_of: date | None = Field(
        default=None, description="Review date; default: the latest measurement.")
    kpis: tuple[Kpi, ...] = Field(min_length=1, max_length=MAX_KPIS)
    actual_costs: tuple[ActualCost, ...] = ()

    def review_date(self) -> date:
        """Return ``as_of`` or, without it, the latest measurement (else the latest baseline)."""
        if self.as_of is not None:
            return self.as_of
        dates = [m.date for k in self.kpis for m in k.measurements]
        return max(dates) if dates else max(k.baseline.date for k in self.kpis)


class Lesson(Model):
    """A lesson recorded at a review, read by the next one."""

    date: date
    dimension: Dimension
    text: Text
    action: Text | None = None
    owner: Text | None = None
    kpi: Slug | None = Field(default=None, description="The KPI the lesson is about, if one.")


class LessonsFile(Model):
    """The ``lessons.yaml`` file: lessons kept from review to review."""

    lessons: tuple[Lesson, ...] = Field(default=(), max_length=MAX_KPIS * 10)
