"""The implementation plan: stages from the domain's duration benchmarks, milestones, mitigations.

Durations are whole weeks of seven calendar days (a "plan week"); a stage of
``n`` weeks starting on day ``d`` ends on ``d + 7n − 1`` (inclusive) and the
next stage starts the day after. Public holidays are not modelled; the plan
says so. Explanations are codes with parameters, phrased by the renderers.
"""


from datetime import date
from typing import Annotated, Literal, Self

from pydantic import Field, model_validator

from crm_readiness.i18n import MessageError
from crm_readiness.models._base import Model, ResultModel, Text
from crm_readiness.models.assessment import Band
from crm_readiness.models.checklist import OwnerRole
from crm_readiness.models.profile import OrganizationProfile

StageId = Literal["requirements", "selection", "design", "build", "migration_uat",
                  "training_golive", "pilot", "rollout"]
STAGES: tuple[StageId, ...] = ("requirements", "selection", "design", "build", "migration_uat",
                               "training_golive", "pilot", "rollout")


class WeekRange(Model):
    """A benchmark duration range in weeks."""

    min: int = Field(ge=0)
    max: int = Field(ge=0)

    @model_validator(mode="after")
    def _ordered(self) -> Self:
        if self.max < self.min:
            raise MessageError("model.max_must_not_be_below")
        return self


class PlanBenchmarks(Model):
    """The domain's timeline benchmarks (domain.md "实施周期"), in weeks.

    Months are converted at 4⅓ weeks and rounded outwards: 1–3 months → 4–13
    weeks, 2–3 months → 8–13 weeks. ``rollout_wave`` is one wave of the phased
    roll-out, taken from the training-and-go-live benchmark (each wave trains
    and brings live one region or business line).
    """

    requirements: WeekRange = WeekRange(min=2, max=4)
    requirements_extended: WeekRange = WeekRange(min=3, max=6)
    selection: WeekRange = WeekRange(min=4, max=7)
    design: WeekRange = WeekRange(min=2, max=3)
    build: WeekRange = WeekRange(min=4, max=13)
    migration_uat: WeekRange = WeekRange(min=2, max=4)
    training_golive: WeekRange = WeekRange(min=2, max=3)
    pilot: WeekRange = WeekRange(min=8, max=13)
    rollout_wave: WeekRange = WeekRange(min=2, max=3)
    #: the go-live observation after the last roll-out wave (hypercare)
    hypercare: WeekRange = WeekRange(min=1, max=2)
    #: benefits reviews, in calendar months after the roll-out ends
    review_months: tuple[Annotated[int, Field(ge=1, le=60)], ...] = (3, 6, 12)
    #: extension of a stage whose assessment phase is "ready with risks" / "not ready"
    stretch_ready_with_risks: float = Field(default=0.25, ge=0, le=2)
    stretch_not_ready: float = Field(default=0.5, ge=0, le=2)


class Stretch(ResultModel):
    """Why a stage is longer (or shorter) than its baseline: a code, parameters, weeks."""

    code: Literal["extended_requirements", "integrations", "on_premise", "customization_heavy",
                  "customization_none", "no_migration", "phase_gap"]
    weeks: int = Field(description="Weeks added (negative: removed) by this reason.")
    params: dict[str, str | int | float] = Field(default_factory=dict)


class Stage(ResultModel):
    """One stage of the plan."""

    id: StageId
    order: int
    benchmark_min: int
    benchmark_max: int
    baseline_weeks: int = Field(description="Weeks from the benchmark for this profile's size.")
    weeks: int = Field(description="Planned weeks, after the stretches.")
    start: date
    end: date = Field(description="Last day of the stage (inclusive).")
    stretches: tuple[Stretch, ...] = ()
    phases: tuple[str, ...] = Field(default=(), description="Assessment phases that feed it.")
    waves: int | None = Field(default=None, description="Roll-out waves (roll-out stage only).")


class ExitCriterion(ResultModel):
    """A measurable condition a milestone must meet: a code and its target."""

    code: str
    target: str | None = None


class Milestone(ResultModel):
    """A milestone at the end of a stage, with its exit criteria."""

    id: str
    stage: StageId
    date: date
    criteria: tuple[ExitCriterion, ...]


class PlacedMitigation(ResultModel):
    """A risk's mitigation placed on the timeline: due by the end of the stage it threatens."""

    risk_id: str
    title: Text
    mitigation: Text
    band: Band
    exposure: int
    owner: OwnerRole
    stage: StageId
    due: date


class Hypercare(ResultModel):
    """The go-live observation after the last roll-out wave, with entry and exit criteria."""

    baseline_weeks: int
    weeks: int
    start: date
    end: date = Field(description="Last day of hypercare (inclusive).")
    stretches: tuple[Stretch, ...] = ()
    phases: tuple[str, ...] = Field(default=(), description="Assessment phases that feed it.")
    entry: tuple[ExitCriterion, ...] = Field(description="Conditions to start hypercare.")
    exit: tuple[ExitCriterion, ...] = Field(description="Conditions to hand over to support.")


class ReviewMilestone(ResultModel):
    """A benefits review a given number of calendar months after the roll-out ends."""

    id: str
    months: int
    date: date  # roll-out end + months (the month's last day when it is shorter)
    measures: tuple[ExitCriterion, ...] = Field(description="What the review measures.")


class ImplementationPlan(ResultModel):
    """The phased plan (``crm-readiness plan``)."""

    organization: str
    profile: OrganizationProfile
    start: date
    end: date
    total_weeks: int
    stages: tuple[Stage, ...]
    milestones: tuple[Milestone, ...]
    mitigations: tuple[PlacedMitigation, ...]
    overall_verdict: str | None = None
    hypercare: Hypercare | None = None
    reviews: tuple[ReviewMilestone, ...] = ()
    assumptions: tuple[str, ...] = Field(
        default=("plan_weeks", "no_holidays", "sequential"),
        description="Codes of the stated assumptions (phrased by the renderer).")
