"""The assessment result: everything a readiness report shows, in one model (→ JSON).

Bilingual strings that come from checklists travel as :class:`Text`; the
engine's own explanations are codes with parameters (``VerdictReason``) that
the renderers phrase in the report language.
"""


from datetime import datetime
from typing import Literal

from pydantic import Field

from crm_readiness.models._base import ResultModel, Text
from crm_readiness.models.checklist import OwnerRole, RiskCategory, Role
from crm_readiness.models.profile import OrganizationProfile
from crm_readiness.models.workshop import ConsensusSummary, Trend

Verdict = Literal["ready", "ready_with_risks", "not_ready"]
QuestionStatus = Literal["answered", "unanswered", "not_applicable", "excluded"]
Band = Literal["low", "medium", "high"]
SCHEMA_VERSION = 1


class Response(ResultModel):
    """One respondent's answer as scored."""

    respondent: str | None = None
    role: Role | None = None
    value: str | None = None
    label: Text | None = None
    score: float | None = Field(default=None, description="0..1; None when not applicable.")
    na: Text | None = None
    dont_know: Text | None = Field(default=None, description="Does not know (why / who would).")
    waived_by: str | None = None
    note: Text | None = None
    evidence: Text | None = None
    source: str | None = None


class QuestionResult(ResultModel):
    """A question's combined answer and score within its phase."""

    id: str
    phase: str
    text: Text
    weight: int
    gate: bool
    gate_min: float | None = None
    status: QuestionStatus
    score: float | None = Field(default=None, description="Combined score 0..1 (None if N/A/excluded; "
                                                          "0 when unanswered).")
    value: str | None = Field(default=None, description="The answer value, when one value stands.")
    label: Text | None = None
    na_reason: Text | None = None
    responses: tuple[Response, ...] = ()
    spread: float | None = Field(default=None, description="Max − min score across respondents.")
    gate_failed: bool = False
    dont_know: tuple[Text, ...] = Field(
        default=(), description="Respondents' 'don't know' reasons (they count as unanswered).")
    waived_by: str | None = Field(default=None, description="Who waived this gate (a gate "
                                                            "answered not applicable).")


class VerdictReason(ResultModel):
    """Why a verdict is what it is: a message code and its parameters."""

    code: Literal["blockers", "score_below_ready", "score_below_risks", "coverage_low",
                  "high_risks", "phase_not_ready", "all_clear", "no_questions", "waivers",
                  "quick_scan"]
    params: dict[str, str | float | int] = Field(default_factory=dict)


class PhaseResult(ResultModel):
    """One phase's readiness: score, coverage, maturity level and verdict."""

    id: str
    title: Text
    version: int
    weight: float
    score: float | None = Field(description="0..100, unanswered counted 0; None with no applicable "
                                            "question.")
    coverage: float = Field(description="Answered weight / applicable weight, 0..1.")
    applicable_weight: int
    answered_weight: int
    level: int | None
    level_label: Text | None
    verdict: Verdict
    reasons: tuple[VerdictReason, ...]
    counts: dict[QuestionStatus, int]
    questions: tuple[QuestionResult, ...]


class OverallResult(ResultModel):
    """The organisation's overall readiness."""

    score: float | None
    coverage: float
    level: int | None
    level_label: Text | None
    verdict: Verdict
    reasons: tuple[VerdictReason, ...]


class Blocker(ResultModel):
    """A gate below its minimum: a go-live blocker."""

    question_id: str
    phase: str
    text: Text
    action: Text
    score: float | None
    gate_min: float
    reason: Literal["below_minimum", "unanswered"]


class Waiver(ResultModel):
    """A gate answered not applicable: no blocker, but listed with its reason and owner."""

    question_id: str
    phase: str
    text: Text
    reason: Text
    waived_by: str = Field(description="Who waived it (every respondent's name, '; '-joined).")


class RiskItem(ResultModel):
    """A risk in the register."""

    id: str
    category: RiskCategory
    title: Text
    likelihood: int
    impact: int
    exposure: int = Field(description="likelihood × impact, 1..25")
    band: Band
    mitigation: Text
    owner: OwnerRole
    phases: tuple[str, ...]
    questions: tuple[str, ...]
    basis: Literal["answer", "unanswered", "disagreement"] = Field(
        description="Raised by an answer, by a question nobody answered, or by respondents who "
                    "disagree.")


class ActionItem(ResultModel):
    """An improvement step for a question below full score, ranked."""

    rank: int
    question_id: str
    phase: str
    question: Text
    action: Text
    weight: int
    gap: float = Field(description="1 − score (1 when unanswered)")
    priority: float = Field(description="weight × gap")
    gate: bool
    gate_failed: bool
    status: QuestionStatus
    owner: OwnerRole | None = Field(default=None, description="Who acts: the owner of the risk "
                                                             "the question raises when its gap "
                                                             "stays open.")


class PathStep(ResultModel):
    """One action on the path to Ready: a question completed to its target answer."""

    question_id: str
    phase: str
    question: Text
    action: Text
    owner: OwnerRole | None = None
    weight: int
    status: QuestionStatus = Field(description="The question's status today.")
    score: float = Field(description="Its score today, 0..1 (0 when unanswered).")
    target_value: str = Field(description="The answer value that reaches the target.")
    target_label: Text | None = None
    target_score: float = Field(description="The target answer's score, 0..1.")
    gain: float = Field(description="Phase score points the step adds (0..100 scale).")
    clears_blocker: bool = Field(description="The step lifts a failing go-live gate.")
    clears_risks: tuple[str, ...] = Field(default=(), description="High risks the step clears.")


class PhasePath(ResultModel):
    """One phase below Ready: what lifts it and what it looks like afterwards."""

    phase: str
    title: Text
    verdict: Verdict = Field(description="The phase's verdict today.")
    score: float | None
    coverage: float
    steps: tuple[str, ...] = Field(description="Question ids of the steps that lift it, in order.")
    projected_score: float | None = Field(description="Re-scored with the steps completed.")
    projected_coverage: float
    projected_verdict: Verdict = Field(description="Re-scored verdict with the steps completed.")
    reachable: bool = Field(description="Re-scoring with every step completed makes it Ready.")
    plan_weeks: int = Field(description="Weeks the plan stretches its stages by for this phase's "
                                        "gap today (the time the plan holds for closing it).")


class PathToReady(ResultModel):
    """What it takes to reach Ready: the steps, verified by re-scoring, and the plan weeks."""

    already_ready: bool = Field(description="Every phase and the whole project are Ready: no "
                                            "steps.")
    steps: tuple[PathStep, ...] = ()
    phases: tuple[PhasePath, ...] = ()
    projected_score: float | None = Field(default=None,
                                          description="Overall score once the steps are done.")
    projected_verdict: Verdict | None = Field(default=None, description="Overall verdict once "
                                                                        "the steps are done.")
    plan_weeks: int = Field(default=0, description="Weeks the plan's stretches for these gaps add "
                                                   "(planned weeks today − once Ready, hypercare "
                                                   "included).")


class Measurement(ResultModel):
    """A question answered by measurement (a data profile), beside what was claimed."""

    question_id: str
    measured: float = Field(description="The measured value (percent).")
    measured_score: float
    source: str | None = None
    claimed: tuple[str, ...] = Field(default=(), description="Values the answers file claimed.")
    claimed_score: float | None = None


class QuickPhase(ResultModel):
    """What a full assessment adds to a quick scan in one phase."""

    phase: str
    title: Text
    asked: int = Field(description="Applicable questions the quick scan asked.")
    not_asked: int = Field(description="Applicable questions only a full assessment asks.")
    not_asked_weight: int


class PackUse(ResultModel):
    """An industry pack and whether the profile's industry switched it on."""

    id: str
    title: Text
    industries: tuple[str, ...]
    on: bool = Field(description="The profile's industry is one of the pack's industries.")
    questions: tuple[str, ...] = Field(description="Pack questions that apply (empty when off).")
    catalogue_module: str | None = Field(default=None, description="Requirements-catalogue "
                                                                  "module the pack brings.")


class QuickScan(ResultModel):
    """A quick scan: the gates and the checklists' ``quick: true`` questions only."""

    asked: int = Field(description="Applicable questions asked.")
    full: int = Field(description="Applicable questions of the full assessment.")
    weight_share: float = Field(description="Share (0..1) of the full assessment's applicable "
                                            "weight that the quick scan asks.")
    phases: tuple[QuickPhase, ...]


class AssessmentMeta(ResultModel):
    """Where the result came from."""

    tool_version: str
    generated_at: datetime
    answers_file: str | None = None
    checklist_versions: dict[str, int]
    phases_selected: tuple[str, ...] | None = None


class Thresholds(ResultModel):
    """The thresholds in force, so a report explains itself."""

    ready_min: float
    ready_with_risks_min: float
    ready_min_coverage: float
    exposure_low_max: int
    exposure_medium_max: int
    consensus_rule: str


class AssessmentResult(ResultModel):
    """Everything a readiness report shows (published as ``docs/assessment-result.schema.json``)."""

    schema_version: int = SCHEMA_VERSION
    meta: AssessmentMeta
    profile: OrganizationProfile
    overall: OverallResult
    phases: tuple[PhaseResult, ...]
    blockers: tuple[Blocker, ...]
    waivers: tuple[Waiver, ...] = Field(
        default=(), description="Gates answered not applicable, each with its reason and who "
                                "waived it; --strict-gates treats them as blockers.")
    risks: tuple[RiskItem, ...]
    actions: tuple[ActionItem, ...]
    thresholds: Thresholds
    measurements: tuple[Measurement, ...] = Field(
        default=(), description="Questions answered from a data profile, measured vs claimed.")
    consensus: ConsensusSummary = Field(
        default_factory=ConsensusSummary,
        description="Respondents' agreement per question and the workshop agenda.")
    packs: tuple[PackUse, ...] = Field(
        default=(), description="Industry packs loaded, on or off for the profile's industry.")
    quick: QuickScan | None = Field(
        default=None, description="Set when this is a quick scan: what it asked and what a full "
                                  "assessment would add.")
    path_to_ready: PathToReady | None = Field(
        default=None, description="What it takes to reach Ready: the actions that lift the "
                                  "phases over the bar (verified by re-scoring) and the plan "
                                  "weeks they add.")
    trend: Trend = Field(default_factory=Trend,
                         description="Scores over the saved snapshots (filled by the workflow).")
