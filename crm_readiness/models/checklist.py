"""Checklist models: answer scales, questions, applicability conditions, risk rules.

Conditions and risk rules are structured data, matched by the engine; nothing
in a checklist is ever evaluated as code.
"""


from typing import Annotated, Any, Literal, Self

from pydantic import Discriminator, Field, Tag, field_validator, model_validator

from crm_readiness.i18n import MessageError
from crm_readiness.models._base import Model, Text
from crm_readiness.models.profile import Deployment, Integration, Module, Size

Role = Literal["sales", "marketing", "service", "it", "finance", "executive"]
ROLES: tuple[Role, ...] = ("sales", "marketing", "service", "it", "finance", "executive")
RiskCategory = Literal["strategy", "process", "technical", "data", "people", "management",
                       "financial", "vendor"]
OwnerRole = Literal["sponsor", "steering_committee", "project_manager", "business_lead",
                    "sales_lead", "marketing_lead", "service_lead", "it_lead", "data_owner",
                    "finance", "hr_training", "procurement", "security_officer"]
_ID = r"^[a-z][a-z0-9_]*(\.[a-z0-9_]+)*$"


def _yes_no(v: Any) -> Any:
    # YAML 1.1 reads yes/no/true/false as booleans; scales use the words.
    if isinstance(v, bool):
        return "yes" if v else "no"
    return v


class Choice(Model):
    """One answer option: a stable value, its score in [0, 1] and its label."""

    value: str = Field(pattern=r"^[a-z0-9_]+$")
    score: float = Field(ge=0, le=1)
    label: Text
    help: Text | None = None

    _coerce = field_validator("value", mode="before")(lambda v: _yes_no(v))


class ChoiceScale(Model):
    """An ordered list of choices (e.g. ``maturity4``: none / ad hoc / defined / managed)."""

    kind: Literal["choices"] = "choices"
    choices: tuple[Choice, ...] = Field(min_length=2)

    @model_validator(mode="after")
    def _unique(self) -> Self:
        values = [c.value for c in self.choices]
        dup = sorted({v for v in values if values.count(v) > 1})
        if dup:
            raise MessageError("model.choice_values_repeat", values=", ".join(dup))
        return self

    def choice(self, value: str) -> Choice | None:
        """Return the choice whose value is ``value``."""
        return next((c for c in self.choices if c.value == value), None)


class NumericBand(Model):
    """Values at or above ``at_least`` (up to the next band) score ``score``."""

    at_least: float
    score: float = Field(ge=0, le=1)


class NumericScale(Model):
    """A number the user types (e.g. a percentage), scored by bands."""

    kind: Literal["numeric"] = "numeric"
    min: float
    max: float
    unit: Text | None = None
    bands: tuple[NumericBand, ...] = Field(min_length=1)

    @model_validator(mode="after")
    def _ordered(self) -> Self:
        if self.max <= self.min:
            raise MessageError("model.max_must_be_greater_than")
        cuts = [b.at_least for b in self.bands]
        if cuts != sorted(cuts) or len(set(cuts)) != len(cuts):
            raise MessageError("model.bands_must_be_in_increasing")
        if cuts[0] > self.min:
            raise MessageError("model.the_first_band_must_start")
        return self

    def score_of(self, value: float) -> float:
        """Return the score of ``value`` (the last band whose ``at_least`` it reaches)."""
        score = self.bands[0].score
        for band in self.bands:
            if value >= band.at_least:
                score = band.score
        return score


Scale = Annotated[ChoiceScale | NumericScale, Field(discriminator="kind")]


class Condition(Model):
    """Structured applicability on the organisation profile; all given fields must hold."""

    size: tuple[Size, ...] | None = None
    deployment: tuple[Deployment, ...] | None = None
    industry: tuple[str, ...] | None = None
    scope_any: tuple[Module, ...] | None = None
    integrations_any: tuple[Integration, ...] | None = None
    has_integrations: bool | None = None
    data_migration: bool | None = None
    customization: tuple[Literal["none", "light", "heavy"], ...] | None = None
    users_min: int | None = Field(default=None, ge=0)
    users_max: int | None = Field(default=None, ge=0)
    any_of: "tuple[Condition, ...] | None" = None
    none_of: "tuple[Condition, ...] | None" = None


class RiskSpec(Model):
    """A risk a rule raises: category, likelihood and impact 1–5, mitigation and owner."""

    id: str = Field(pattern=r"^R-[A-Z0-9-]+$")
    category: RiskCategory
    likelihood: int = Field(ge=1, le=5)
    impact: int = Field(ge=1, le=5)
    title: Text
    mitigation: Text
    owner: OwnerRole


class RiskWhen(Model):
    """When a risk rule matches; all given tests must hold."""

    score_below: float | None = Field(default=None, ge=0, le=1.0001)
    value_in: tuple[str, ...] | None = None

    _coerce = field_validator("value_in", mode="before")(
        lambda v: [_yes_no(x) for x in v] if isinstance(v, list) else v)

    @model_validator(mode="after")
    def _something(self) -> Self:
        if self.score_below is None and self.value_in is None:
            raise MessageError("model.a_rule_needs_score_below_or")
        return self


class RiskRule(Model):
    """``when`` the answer matches, raise ``risk``; rules are tried in order."""

    when: RiskWhen
    risk: RiskSpec


class RiskDefault(Model):
    """The rule that applies when no earlier rule matched: ``none`` or a risk."""

    default: Literal["none"] | RiskSpec


def _risk_tag(v: Any) -> str:
    if isinstance(v, dict):
        return "default" if "default" in v else "when"
    return "default" if isinstance(v, RiskDefault) else "when"


RiskEntry = Annotated[Annotated[RiskRule, Tag("when")] | Annotated[RiskDefault, Tag("default")],
                      Discriminator(_risk_tag)]


class Question(Model):
    """One readiness question with its scale, weight, gate, conditions, risks and action."""

    id: str = Field(pattern=_ID)
    text: Text
    help: Text | None = None
    answers: str | Scale
    weight: int = Field(ge=1, le=5)
    gate: bool = False
    gate_min: float | None = Field(default=None, ge=0, le=1)
    quick: bool = Field(default=False, description="Asked by the quick scan (assess --quick) "
                                                   "besides the gates, which always are.")
    applies_when: Condition | None = None
    roles: tuple[Role, ...] = Field(default=(), description="Who can answer it in a workshop.")
    evidence: Text | None = None
    risks: tuple[RiskEntry, ...] = Field(min_length=1)
    actions: Text
    source: str | None = Field(default=None, description="The domain.md fact it rests on.")
    pack: str | None = Field(default=None, description="The industry pack that adds it (set "
                                                       "by the loader from the pack file).")
    measure: Literal["completeness", "validity", "uniqueness", "consistency", "timeliness",
                     "readiness", "key_completeness"] | None = Field(
        default=None, description="A data-profile metric (0..100 %) that can answer this question; "
                                  "its scale must then be numeric in percent.")

    @model_validator(mode="after")
    def _rules(self) -> Self:
        if self.gate_min is not None and not self.gate:
            raise MessageError("model.gate_min_needs_gate_true")
        defaults = [i for i, r in enumerate(self.risks) if isinstance(r, RiskDefault)]
        if defaults != [len(self.risks) - 1]:
            raise MessageError("model.risks_must_end_with_exactly")
        return self

    @property
    def gate_threshold(self) -> float:
        """Return the minimum score a gate needs (0.5 unless ``gate_min`` says otherwise)."""
        return 0.5 if self.gate_min is None else self.gate_min


class Checklist(Model):
    """One phase's checklist."""

    id: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    version: int = Field(ge=1)
    order: int = Field(default=100, description="Position among the phases.")
    title: Text
    description: Text | None = None
    weight: float = Field(gt=0, le=100, description="Share of the overall score.")
    questions: tuple[Question, ...] = Field(min_length=1)

    @model_validator(mode="after")
    def _ids(self) -> Self:
        seen: set[str] = set()
        problems: list[str] = []
        for q in self.questions:
            if not q.id.startswith(self.id + "."):
                problems.append(f"question id {q.id!r} must start with '{self.id}.'")
            if q.id in seen:
                problems.append(f"question id {q.id!r} repeats")
            seen.add(q.id)
        if problems:
            raise MessageError("model.question_ids", prefix=self.id, problems=", ".join(problems))
        return self


class MaturityBand(Model):
    """Scores at or above ``min_score`` reach maturity ``level``."""

    level: int = Field(ge=1, le=5)
    min_score: float = Field(ge=0, le=100)
    label: Text


class ExposureBands(Model):
    """Exposure (likelihood × impact) bands: low ≤ low_max < medium ≤ medium_max < high."""

    low_max: int = Field(default=6, ge=1, le=25)
    medium_max: int = Field(default=14, ge=1, le=25)

    @model_validator(mode="after")
    def _ordered(self) -> Self:
        if self.medium_max <= self.low_max:
            raise MessageError("model.medium_max_must_exceed_low_max")
        return self

    def band(self, exposure: int) -> Literal["low", "medium", "high"]:
        """Return the band of an exposure value."""
        if exposure <= self.low_max:
            return "low"
        return "medium" if exposure <= self.medium_max else "high"


class ScoringConfig(Model):
    """Thresholds of the readiness verdict; data, not code (``checklists/scoring.yaml``)."""

    version: int = 1
    maturity: tuple[MaturityBand, ...] = Field(min_length=5, max_length=5)
    ready_min: float = Field(default=80, ge=0, le=100)
    ready_with_risks_min: float = Field(default=60, ge=0, le=100)
    ready_min_coverage: float = Field(default=0.9, ge=0, le=1)
    exposure: ExposureBands = ExposureBands()
    disagreement_threshold: float = Field(
        default=0.5, ge=0, le=1, description="Score spread from which respondents disagree.")

    @model_validator(mode="after")
    def _check(self) -> Self:
        levels = [b.level for b in self.maturity]
        mins = [b.min_score for b in self.maturity]
        if levels != [1, 2, 3, 4, 5] or mins != sorted(mins) or mins[0] != 0:
            raise MessageError("model.maturity_bands_must_be_levels")
        if self.ready_with_risks_min > self.ready_min:
            raise MessageError("model.ready_with_risks_min_must_not_exceed_ready_min")
        return self

    def level(self, score: float) -> MaturityBand:
        """Return the maturity band a score reaches."""
        found = self.maturity[0]
        for band in self.maturity:
            if score >= band.min_score:
                found = band
        return found


class ScalesFile(Model):
    """``scales.yaml``: answer scales shared by the checklists, by name."""

    scales: dict[str, Scale]


class IndustryPack(Model):
    """``checklists/packs/<id>.yaml``: questions an industry adds to the phases.

    Every question of the pack applies only when the profile's ``industry`` is
    one of ``industries`` (and its own ``applies_when`` holds); the requirements
    the pack adds live in the catalogue module ``catalogue_module``.
    """

    id: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    version: int = Field(ge=1)
    title: Text
    description: Text
    industries: tuple[str, ...] = Field(min_length=1, description="Profile `industry` values "
                                                                  "that switch the pack on.")
    catalogue_module: str | None = Field(default=None, pattern=r"^[a-z][a-z0-9_]*$",
                                         description="Requirements-catalogue module it adds.")
    source: str = Field(min_length=1, description="The domain facts the pack rests on.")
    questions: dict[str, tuple[Question, ...]] = Field(
        min_length=1, description="Phase id → the questions added to that phase.")

    _lower = field_validator("industries", mode="before")(
        lambda v: [str(x).strip().lower() for x in v] if isinstance(v, list) else v)


class PackInfo(Model):
    """A loaded industry pack, as reports and ``checklist packs`` show it."""

    id: str
    title: Text
    description: Text
    industries: tuple[str, ...]
    catalogue_module: str | None = None
    questions: tuple[str, ...] = Field(description="Ids of the questions it adds.")

    def on_for(self, industry: str) -> bool:
        """Return whether the pack is switched on for a profile ``industry``."""
        return industry.strip().lower() in self.industries


class ChecklistSet(Model):
    """Everything the engine needs to score: scales, thresholds, phases in order."""

    scales: dict[str, Scale]
    scoring: ScoringConfig
    checklists: tuple[Checklist, ...]
    packs: tuple[PackInfo, ...] = Field(default=(), description="Industry packs merged in.")
    sources: dict[str, str] = Field(default_factory=dict,
                                    description="Phase id → file it was loaded from.")

    def scale_of(self, question: Question) -> ChoiceScale | NumericScale:
        """Return the question's scale (inline, or looked up by name)."""
        if isinstance(question.answers, str):
            return self.scales[question.answers]
        return question.answers

    def phase(self, phase_id: str) -> Checklist | None:
        """Return the checklist of a phase."""
        return next((c for c in self.checklists if c.id == phase_id), None)

    def question(self, question_id: str) -> tuple[Checklist, Question] | None:
        """Return a question with its checklist."""
        for c in self.checklists:
            for q in c.questions:
                if q.id == question_id:
                    return c, q
        return None
