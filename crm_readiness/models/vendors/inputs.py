"""The vendors file: evaluation criteria, weights (direct or AHP), budget and vendor responses.

Shapes only; references between parts (a response to an unknown requirement,
an AHP comparison with a missing pair, weights that do not sum to 100%) are
checked by :func:`crm_readiness.models.vendors.checks.cross_check`, which the loader
turns into located problems.
"""


from decimal import Decimal
from fractions import Fraction
from typing import Any, Literal, Self

from pydantic import Field, field_validator, model_validator

from crm_readiness.i18n import MessageError
from crm_readiness.models._base import Model, Text
from crm_readiness.models.requirements import Priority
from crm_readiness.models.vendors._types import (
    LEVELS,
    RESPONSE_CODES,
    CriterionKind,
    ResponseCode,
    ResponseLevel,
)
from crm_readiness.models.vendors.panel import PanelSettings

__all__ = ["LEVELS", "RESPONSE_CODES", "CriterionKind", "ResponseCode", "ResponseLevel"]

#: accepted spellings of a vendor response → its code (English and Chinese RFP wording)
RESPONSE_ALIASES: dict[str, ResponseCode] = {
    **{c: c for c in RESPONSE_CODES},
    "standard": "native", "out_of_the_box": "native", "ootb": "native", "yes": "native",
    "原生": "native", "原生支持": "native", "标准功能": "native", "标准": "native",
    "configuration": "configurable", "config": "configurable", "配置": "configurable",
    "可配置": "configurable", "配置实现": "configurable",
    "custom_development": "custom", "customization": "custom", "customisation": "custom",
    "development": "custom", "定制": "custom", "定制开发": "custom", "二次开发": "custom",
    "3rd_party": "third_party", "thirdparty": "third_party", "partner": "third_party",
    "第三方": "third_party", "第三方产品": "third_party",
    "planned": "roadmap", "future": "roadmap", "路线图": "roadmap", "规划中": "roadmap",
    "no": "not_supported", "none": "not_supported", "unsupported": "not_supported",
    "不支持": "not_supported",
}

_ID = r"^[a-z][a-z0-9_]*$"


def normalize_response(value: Any) -> Any:
    """Map a response as a vendor may write it (``Custom development``, ``不支持``) to its code."""
    if isinstance(value, bool):  # YAML 1.1 reads yes/no as booleans
        return "native" if value else "not_supported"
    if isinstance(value, str):
        key = value.strip().lower().replace(" ", "_").replace("-", "_")
        if key in RESPONSE_ALIASES:
            return RESPONSE_ALIASES[key]
        raise MessageError("model.unknown_response", value=repr(value))
    return value


def parse_ratio(value: Any) -> float:
    """Return an AHP judgement (``3``, ``0.5``, ``"1/3"``) as a float; raise ValueError otherwise."""
    if isinstance(value, bool):
        raise ValueError("not a number")
    if isinstance(value, int | float):
        return float(value)
    if isinstance(value, str):
        return float(Fraction(value.strip()))
    raise ValueError("not a number")


class VendorResponse(Model):
    """A vendor's answer to one requirement: response code, comment and evidence."""

    response: ResponseCode | None = Field(default=None, description="None = not answered yet.")
    comment: Text | None = None
    evidence: Text | None = None

    @model_validator(mode="before")
    @classmethod
    def _short(cls, v: Any) -> Any:
        # ``REQ-1: native`` is the short form of ``REQ-1: {response: native}``
        if isinstance(v, str | bool):
            return {"response": v}
        return v

    _norm = field_validator("response", mode="before")(
        lambda v: None if v is None or (isinstance(v, str) and not v.strip())
        else normalize_response(v))


class CriterionScore(Model):
    """A vendor's score 0–5 on a scored criterion, with the reason."""

    score: float = Field(ge=0, le=5)
    note: Text | None = None

    @model_validator(mode="before")
    @classmethod
    def _short(cls, v: Any) -> Any:
        if isinstance(v, int | float) and not isinstance(v, bool):
            return {"score": v}
        return v


class Vendor(Model):
    """One vendor under evaluation."""

    id: str = Field(pattern=_ID, max_length=30)
    name: Text
    cost: Decimal | str | None = Field(
        default=None, description="Nominal TCO: a number, or a path to the vendor's finance "
                                  "cost file (relative to the vendors file).")
    scores: dict[str, CriterionScore] = Field(default_factory=dict)
    responses: dict[str, VendorResponse] = Field(default_factory=dict)
    notes: Text | None = None

    @field_validator("responses", mode="before")
    @classmethod
    def _codes(cls, v: Any) -> Any:
        # checked here so each message names its requirement id (ids such as "SAL-01" are
        # not kept in pydantic's error location by the shared loader)
        if not isinstance(v, dict):
            return v
        bad: list[str] = []
        for rid, item in v.items():
            raw = item.get("response") if isinstance(item, dict) else item
            if raw is None or (isinstance(raw, str) and not raw.strip()):
                continue
            try:
                normalize_response(raw)
            except ValueError:
                bad.append(f"{rid}: {raw!r}")
        if bad:
            if len(bad) == 1:
                rid, _, value = bad[0].partition(": ")
                raise MessageError("model.unknown_response_at", rid=rid, value=value)
            raise MessageError("model.unknown_responses", items="; ".join(bad))
        return v

    @field_validator("cost", mode="before")
    @classmethod
    def _cost(cls, v: Any) -> Any:
        if isinstance(v, bool):
            raise MessageError("model.cost_must_be_a_number")
        if isinstance(v, int | float):
            v = Decimal(str(v))
        if isinstance(v, Decimal) and v < 0:
            raise MessageError("model.cost_must_not_be_negative")
        return v


class Criterion(Model):
    """An evaluation criterion, scored 0–5 with anchored descriptions of what each score means."""

    id: str = Field(pattern=_ID)
    name: Text
    kind: CriterionKind = Field(
        default="scored", description="scored (0–5 given per vendor), functional_fit (computed "
                                      "from the responses) or cost (computed from the budget).")
    weight: float | None = Field(default=None, ge=0, le=1,
                                 description="Direct weight as a decimal (0.25 = 25%).")
    description: Text | None = None
    anchors: dict[int, Text] = Field(default_factory=dict,
                                     description="Score (0–5) → what a vendor needs for it.")

    @field_validator("weight", mode="before")
    @classmethod
    def _percent(cls, v: Any) -> Any:
        if isinstance(v, str) and v.strip().endswith("%"):
            return float(v.strip()[:-1]) / 100
        return v

    @field_validator("anchors")
    @classmethod
    def _anchor_range(cls, v: dict[int, Text]) -> dict[int, Text]:
        bad = sorted(k for k in v if not 0 <= k <= 5)
        if bad:
            raise MessageError("model.anchor_range", scores=str(bad))
        return v


Judgements = dict[str, dict[str, float | str]]


class _Judged(Model):
    """Pairwise judgements by one judge (``comparisons``) or by a panel (``panelists``)."""

    comparisons: Judgements | None = None
    panelists: dict[str, Judgements] | None = None

    @model_validator(mode="after")
    def _one(self) -> Self:
        if (self.comparisons is None) == (self.panelists is None):
            raise MessageError("vendors.model.ahp_one_of")
        if self.panelists is not None and not self.panelists:
            raise MessageError("vendors.model.ahp_no_panelists")
        return self

    def matrices(self) -> dict[str, Judgements]:
        """Return the judgements per judge (one unnamed judge for ``comparisons``)."""
        if self.panelists is not None:
            return dict(self.panelists)
        return {"": self.comparisons or {}}


class AhpGroup(_Judged):
    """One level of sub-criteria: the group is compared in the top matrix like a criterion,
    and its weight is split among its ``criteria`` by their own matrix."""

    name: Text | None = None
    criteria: tuple[str, ...] = Field(min_length=2, description=(
        "The criteria (ids from ``criteria``) whose weights this group's matrix splits."))


class AhpSpec(_Judged):
    """Pairwise judgements on Saaty's 1–9 scale: ``a: {b: 3}`` = a is 3× as important as b.

    One judge gives ``comparisons``; a panel gives ``panelists`` (id → judgements), combined
    by the geometric mean of the judgements (default) or of each panelist's priorities.
    ``groups`` (optional, one level) name sub-criteria: the top matrix compares each group
    id with the criteria outside any group; a group's own matrix splits its weight.
    """

    aggregate: Literal["judgements", "priorities"] = "judgements"
    groups: dict[str, AhpGroup] = Field(default_factory=dict)

    def top_ids(self, criteria: list[str]) -> list[str]:
        """Return what the top matrix compares: each group (where its first criterion
        stands) and the criteria outside any group, in the file's order."""
        grouped = {c: g for g, grp in self.groups.items() for c in grp.criteria}
        out: list[str] = []
        for c in criteria:
            item = grouped.get(c, c)
            if item not in out:
                out.append(item)
        return out


class Budget(Model):
    """The budget range the cost criterion is scored against (nominal TCO)."""

    min: Decimal = Field(ge=0)
    max: Decimal = Field(gt=0)
    currency: str = "CNY"
    horizon_years: int | None = Field(default=None, ge=1, le=30, description=(
        "Years the budget covers; when given, every cost file must have this horizon."))

    @model_validator(mode="after")
    def _order(self) -> Self:
        if self.max <= self.min:
            raise MessageError("model.budget_max_must_exceed_min")
        return self


class ResponseMap(Model):
    """Which level third-party and roadmap answers count as (a documented, editable choice)."""

    third_party: ResponseLevel = "custom"
    roadmap: ResponseLevel = "not_supported"


class PriorityWeights(Model):
    """Points of weight per priority (MoSCoW): must 5, should 3, could 1 by default."""

    must: float = Field(default=5, ge=0)
    should: float = Field(default=3, ge=0)
    could: float = Field(default=1, ge=0)

    def of(self, priority: Priority) -> float:
        """Return the weight of ``priority``."""
        return float(getattr(self, priority))


class ResponsePoints(Model):
    """Points per response level: native 3, configurable 2, custom 1, not supported 0."""

    native: float = Field(default=3, gt=0)
    configurable: float = Field(default=2, ge=0)
    custom: float = Field(default=1, ge=0)
    not_supported: float = Field(default=0, ge=0)

    @model_validator(mode="after")
    def _ordered(self) -> Self:
        if not self.native >= self.configurable >= self.custom >= self.not_supported:
            raise MessageError("model.points_must_not_increase_from")
        return self

    def of(self, level: ResponseLevel) -> float:
        """Return the points of ``level``."""
        return float(getattr(self, level))


class ScoringRules(Model):
    """The configurable parts of the scoring method."""

    priority_weights: PriorityWeights = PriorityWeights()
    response_points: ResponsePoints = ResponsePoints()
    response_map: ResponseMap = ResponseMap()

    def level(self, code: ResponseCode) -> ResponseLevel:
        """Return the scoring level a response code counts as."""
        if code == "third_party":
            return self.response_map.third_party
        if code == "roadmap":
            return self.response_map.roadmap
        return code


class RobustnessSettings(Model):
    """Monte Carlo over the weights: runs, seed and Dirichlet concentration."""

    runs: int = Field(default=10_000, ge=100, le=1_000_000)
    seed: int = 20240501
    concentration: float = Field(default=100, gt=0,
                                 description="Dirichlet α = weights × concentration; larger = "
                                             "draws closer to the chosen weights.")


class VendorsFile(Model):
    """A vendors file: catalogue reference, method settings, criteria and vendors."""

    version: int = 1
    title: Text | None = None
    requirements: str | None = Field(
        default=None, description="Requirements catalogue file, relative to this file; "
                                  "the packaged standard catalogue when absent.")
    scope: tuple[str, ...] | None = Field(default=None, description=(
        "The organisation's modules in scope (the profile's scope in the answers file): "
        "requirements of catalogue modules outside it are neither scored nor sent in the RFP, "
        "as the requirements specification leaves them out; the whole catalogue when absent."))
    industry: str | None = Field(default=None, description=(
        "The organisation's industry (the profile's industry): requirements of other "
        "industries' packs are neither scored nor sent, as in the specification."))
    budget: Budget | None = None
    scoring: ScoringRules = ScoringRules()
    robustness: RobustnessSettings = RobustnessSettings()
    ahp: AhpSpec | None = None
    panel: PanelSettings | None = Field(default=None, description=(
        "The evaluation panel: its scores replace the vendors' scores once imported."))
    demonstrations: str | None = Field(default=None, description=(
        "The demonstration outcomes file (relative to this file); outcomes override claims."))
    criteria: tuple[Criterion, ...] = Field(min_length=1)
    vendors: tuple[Vendor, ...] = Field(default=())
