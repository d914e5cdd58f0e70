"""The evaluation panel (several people score independently), group AHP results and the
demonstration outcomes that check the vendors' RFP claims.

Inputs: :class:`PanelSettings` (the ``panel`` block of the vendors file),
:class:`PanelScoresFile` (written by ``vendors panel import``) and
:class:`DemoOutcomesFile` (written by ``vendors demo import``). Results:
:class:`PanelResult`, :class:`PanelistAhp` and :class:`ClaimGap`.
"""


from typing import Any, Literal

from pydantic import Field, model_validator

from crm_readiness.models._base import Model, ResultModel, Text
from crm_readiness.models.requirements import Priority
from crm_readiness.models.vendors._types import ResponseCode, ResponseLevel

CombineRule = Literal["median", "mean"]
DemoOutcome = Literal["as_claimed", "configuration", "custom", "not_shown"]
DEMO_OUTCOMES: tuple[DemoOutcome, ...] = ("as_claimed", "configuration", "custom", "not_shown")
#: the level a demonstrated outcome proves (as_claimed keeps the claimed level)
DEMO_LEVEL: dict[DemoOutcome, ResponseLevel | None] = {
    "as_claimed": None, "configuration": "configurable", "custom": "custom",
    "not_shown": "not_supported"}
#: accepted spellings of an outcome (English and Chinese wording of the outcome workbook)
DEMO_ALIASES: dict[str, DemoOutcome] = {
    **{o: o for o in DEMO_OUTCOMES},
    "shown": "as_claimed", "shown_as_claimed": "as_claimed", "confirmed": "as_claimed",
    "shown_with_configuration": "configuration", "configured": "configuration",
    "shown_with_custom_work": "custom", "custom_work": "custom", "not_demonstrated": "not_shown",
    "按声明演示": "as_claimed", "演示通过": "as_claimed", "经配置演示": "configuration",
    "经定制演示": "custom", "未演示": "not_shown", "未能演示": "not_shown",
}
_ID = r"^[a-z][a-z0-9_]*$"


def normalize_outcome(value: Any) -> Any:
    """Map an outcome as written (``Shown with custom work``, ``未演示``) to its code."""
    if isinstance(value, str):
        key = value.strip().lower().replace(" ", "_").replace("-", "_")
        if key in DEMO_ALIASES:
            return DEMO_ALIASES[key]
    return value


class Panelist(Model):
    """A member of the evaluation panel."""

    id: str = Field(pattern=_ID, max_length=30)
    name: str = Field(min_length=1, max_length=200)
    role: Text | None = None


class PanelSettings(Model):
    """The ``panel`` block of the vendors file: who scores, how scores combine, the thresholds."""

    rule: CombineRule = Field(default="median", description="How the panelists' scores of one "
                                                            "criterion and vendor combine.")
    scores: str = Field(default="panel-scores.yaml",
                        description="The panel scores file, relative to the vendors file.")
    panelists: tuple[Panelist, ...] = Field(min_length=1)
    outlier_distance: float = Field(default=1.5, gt=0, le=5, description=(
        "A score further than this from the combined score is an outlier."))
    dispute_spread: float = Field(default=1.0, ge=0, le=5, description=(
        "A criterion and vendor whose spread (max − min) reaches this goes on the agenda."))


class PanelScore(Model):
    """One panelist's score 0–5 of one vendor on one criterion, with a comment."""

    score: float = Field(ge=0, le=5)
    comment: str | None = Field(default=None, max_length=4000)

    @model_validator(mode="before")
    @classmethod
    def _short(cls, v: Any) -> Any:
        if isinstance(v, int | float) and not isinstance(v, bool):
            return {"score": v}
        return v


class PanelScoresFile(Model):
    """Panelist id → vendor id → criterion id → score (written by ``vendors panel import``)."""

    version: int = 1
    panelists: dict[str, dict[str, dict[str, PanelScore]]] = Field(default_factory=dict)


class DemoResult(Model):
    """What the scripted demonstration showed for one requirement."""

    outcome: DemoOutcome
    note: str | None = Field(default=None, max_length=4000)

    @model_validator(mode="before")
    @classmethod
    def _short(cls, v: Any) -> Any:
        if isinstance(v, str):
            v = {"outcome": v}
        if isinstance(v, dict) and "outcome" in v:
            v = {**v, "outcome": normalize_outcome(v["outcome"])}
        return v


class DemoOutcomesFile(Model):
    """Vendor id → requirement id → demonstrated outcome (written by ``vendors demo import``)."""

    version: int = 1
    vendors: dict[str, dict[str, DemoResult]] = Field(default_factory=dict)


# --- results ---

class PanelCell(ResultModel):
    """The panel's scores of one vendor on one criterion, combined."""

    criterion: str
    vendor: str
    scores: dict[str, float] = Field(description="Panelist id → score.")
    comments: dict[str, str] = Field(default_factory=dict)
    combined: float = Field(description="Median (or mean) of the scores.")
    spread: float = Field(description="Highest minus lowest score.")
    outliers: tuple[str, ...] = Field(default=(), description="Panelists further than the "
                                                              "outlier distance from combined.")


class HaloFlag(ResultModel):
    """A panelist who scored one vendor strictly highest on every criterion they scored."""

    panelist: str
    vendor: str
    criteria: int


class AgendaItem(ResultModel):
    """A disputed score for the calibration meeting, ranked by spread × weight."""

    criterion: str
    vendor: str
    spread: float
    weight: float
    priority: float = Field(description="spread × weight.")
    low: tuple[str, float]
    high: tuple[str, float]


class PanelResult(ResultModel):
    """The combined panel scores, their spreads, outliers, halo flags and calibration agenda."""

    rule: CombineRule
    panelists: tuple[Panelist, ...]
    cells: tuple[PanelCell, ...]
    halo: tuple[HaloFlag, ...]
    agenda: tuple[AgendaItem, ...]
    outlier_distance: float
    dispute_spread: float


class PanelistAhp(ResultModel):
    """One panelist's own AHP weights and consistency."""

    panelist: str
    weights: tuple[float, ...]
    lambda_max: float
    cr: float
    consistent: bool


class ClaimGap(ResultModel):
    """A requirement whose demonstration showed less than the vendor claimed."""

    requirement: str
    priority: Priority
    claimed: ResponseCode
    claimed_level: ResponseLevel
    outcome: DemoOutcome
    level: ResponseLevel = Field(description="The level scored after the demonstration.")
    note: str | None = None
    knocks_out: bool = Field(description="A must claimed but not shown: knocked out.")
