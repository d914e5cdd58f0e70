"""The vendor comparison result: everything a workbook, scorecard or JSON file shows."""


from decimal import Decimal
from typing import Literal

from pydantic import Field

from crm_readiness.models._base import ResultModel, Text
from crm_readiness.models.requirements import Priority
from crm_readiness.models.vendors.inputs import (
    Budget,
    CriterionKind,
    ResponseCode,
    ResponseLevel,
    RobustnessSettings,
    ScoringRules,
)
from crm_readiness.models.vendors.panel import ClaimGap, PanelistAhp, PanelResult

Status = Literal["eligible", "knocked_out"]
Verdict = Literal["robust", "moderate", "fragile", "single", "no_leader"]


class AhpDeviation(ResultModel):
    """One pairwise judgement set against the ratio the derived weights imply."""

    a: str
    b: str
    judged: float = Field(description="a_ij as given: how many times a outweighs b.")
    implied: float = Field(description="w_a / w_b from the derived weights.")
    deviation: float = Field(description="|ln(judged / implied)|; 0 = perfectly consistent.")


class AhpResult(ResultModel):
    """Weights derived by AHP: principal eigenvector, λmax, CI, RI, CR."""

    criteria: tuple[str, ...]
    matrix: tuple[tuple[float, ...], ...]
    weights: tuple[float, ...]
    lambda_max: float
    ci: float = Field(description="Consistency index (λmax − n) / (n − 1).")
    ri: float = Field(description="Random index for n from the named table.")
    cr: float = Field(description="Consistency ratio CI / RI (0 when n ≤ 2).")
    ri_table: str = Field(description="Which random-index table was used.")
    ri_values: dict[int, float]
    threshold: float = 0.10
    consistent: bool
    accepted_inconsistent: bool = False
    worst: tuple[AhpDeviation, ...] = Field(description="Most inconsistent judgements first.")
    panelists: tuple[PanelistAhp, ...] = Field(default=(), description=(
        "Each panelist's own weights and CR (group AHP); the matrix above is the group's."))
    aggregate: Literal["judgements", "priorities"] | None = Field(default=None, description=(
        "Group AHP: geometric mean of the judgements or of the panelists' priorities."))
    groups: "tuple[AhpGroupResult, ...]" = Field(default=(), description=(
        "Sub-criteria: each group's weight (from this matrix) split by its own matrix."))


class AhpGroupResult(ResultModel):
    """One group of sub-criteria: its weight in the top matrix and its own AHP result."""

    id: str
    name: Text | None = None
    weight: float = Field(description="The group's weight from the top matrix.")
    result: AhpResult = Field(description="The group's own matrix: local weights and CR.")
    weights: dict[str, float] = Field(description=(
        "Criterion id → global weight (group weight × local weight)."))


class CriterionWeight(ResultModel):
    """A criterion with the weight used in the comparison."""

    id: str
    name: Text
    kind: CriterionKind
    weight: float
    description: Text | None = None
    anchors: dict[int, Text] = Field(default_factory=dict)


class RequirementOutcome(ResultModel):
    """One vendor's response to one requirement, as scored."""

    id: str
    module: str
    priority: Priority
    priority_weight: float
    response: ResponseCode | None
    level: ResponseLevel | None
    points: float
    must_gap: bool
    comment: Text | None = None
    evidence: Text | None = None
    demonstrated: str | None = Field(default=None, description=(
        "The demonstration outcome, when recorded; the level above is then what was shown."))


class ModuleFit(ResultModel):
    """Fit of a vendor on one module: Σ P·R / Σ P·R_max."""

    module: str
    name: Text
    requirements: int
    points: float
    max_points: float
    fit: float


class CriterionOutcome(ResultModel):
    """A vendor's score on one criterion and its contribution to the total."""

    id: str
    score: float = Field(ge=0, le=5)
    contribution: float = Field(description="w · s / 5 · 100 points of the total.")
    missing: bool = Field(default=False, description="No score/cost given: counted as 0.")
    note: Text | None = None
    panel_count: int = Field(default=0, description="Panelists whose scores were combined.")
    panel_spread: float | None = Field(default=None, description="Their highest − lowest.")


class VendorResult(ResultModel):
    """One vendor's fits, criterion scores, total, knockouts, status and rank."""

    id: str
    name: Text
    cost: Decimal | None
    cost_source: str | None = Field(default=None, description="The cost file, when given.")
    module_fits: tuple[ModuleFit, ...]
    functional_fit: float
    criteria: tuple[CriterionOutcome, ...]
    total: float
    must_gaps: tuple[str, ...]
    unanswered: tuple[str, ...]
    missing_scores: tuple[str, ...]
    status: Status
    rank: int | None
    responses: tuple[RequirementOutcome, ...]
    notes: Text | None = None
    claim_gaps: tuple[ClaimGap, ...] = Field(default=(), description=(
        "Requirements the demonstration showed at a lower level than claimed."))
    demonstrated: int = Field(default=0, description="Claims checked in a demonstration.")
    credibility: float | None = Field(default=None, description=(
        "Share of demonstrated claims confirmed (None when nothing was demonstrated)."))


class FlipPoint(ResultModel):
    """The smallest change of one criterion's weight (others rescaled) that changes the leader."""

    criterion: str
    weight: float
    new_weight: float | None = None
    delta: float | None = Field(default=None, description="new_weight − weight; None = no flip.")
    new_leader: str | None = None


class VendorShare(ResultModel):
    """A vendor's Monte Carlo outcome over perturbed weights."""

    vendor: str
    first_share: float
    expected_rank: float


class Robustness(ResultModel):
    """How firmly the leader leads: flip points, Monte Carlo and a verdict."""

    leader: str | None
    runner_up: str | None
    margin: float | None
    flips: tuple[FlipPoint, ...]
    settings: RobustnessSettings
    shares: tuple[VendorShare, ...]
    verdict: Verdict
    smallest_flip: FlipPoint | None = None
    margin_spread: float | None = Field(
        default=None, description="Half the central 90% range (P95 − P5)/2 of the leader's "
                                  "margin over the runner-up across the weight draws (points).")
    close_call: bool = Field(default=False, description="The leader's margin is below "
                                                        "margin_spread (or within the tie "
                                                        "tolerance).")
    tied_leaders: tuple[str, ...] = Field(default=(), description="Vendors sharing rank 1.")


class Comparison(ResultModel):
    """The whole vendor comparison."""

    title: Text | None = None
    requirements_count: int
    priority_counts: dict[str, int]
    modules: tuple[tuple[str, Text], ...]
    scoring: ScoringRules
    budget: Budget | None
    weights_from: Literal["direct", "ahp"]
    tie_tolerance: float = Field(default=0.05, description="Totals closer than this (points) "
                                 "are equal and share a rank.")
    criteria: tuple[CriterionWeight, ...]
    ahp: AhpResult | None = None
    panel: PanelResult | None = None
    vendors: tuple[VendorResult, ...]
    ranking: tuple[str, ...] = Field(description="Eligible vendor ids, best first.")
    robustness: Robustness

    def vendor(self, vendor_id: str) -> VendorResult:
        """Return the result of vendor ``vendor_id``."""
        return next(v for v in self.vendors if v.id == vendor_id)
