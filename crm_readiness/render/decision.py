"""The decision page every report opens with, as plain display values.

A report's renderer builds one :class:`Decision` from its result (a selection
and phrasing of what the JSON already holds: nothing is computed here) and
``templates/_decision.{html,md}.j2`` lays it out: the verdict and why, the
blockers, the three to five next actions with owners, the top risks by
exposure. The full registers follow as appendices.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

from crm_readiness.i18n import Lang, t
from crm_readiness.models.assessment import AssessmentResult, RiskItem, VerdictReason

T = TypeVar("T")

#: how many next actions and top risks the decision page shows
NEXT_ACTIONS = 5
TOP_RISKS = 5


@dataclass(frozen=True)
class DecisionItem:
    """One line of the decision page: a text, its id, a detail, an owner, a figure."""

    text: str
    ref: str | None = None
    detail: str | None = None
    owner: str | None = None
    figure: str | None = None
    band: str | None = None


@dataclass(frozen=True)
class Decision:
    """The decision page's content, already in the report's language."""

    verdict: str
    tone: str  # ready | ready_with_risks | not_ready (the badge colour)
    why: tuple[str, ...]
    blockers: tuple[DecisionItem, ...]
    actions: tuple[DecisionItem, ...]
    risks: tuple[DecisionItem, ...]
    risks_total: int = 0
    figure_label: str | None = None
    no_blockers: str | None = None
    no_risks: str | None = None
    #: set when the verdict is a sentence shown as a callout of this class (vendor ranking)
    callout: str | None = None

    @property
    def ref_width(self) -> int:
        """Return the id column's width in characters: the longest id, never broken."""
        return max((len(r.ref or "") for r in self.risks), default=4) + 2


@dataclass(frozen=True)
class Group(Generic[T]):
    """One group of a register: its key, its heading label and its rows (the count is theirs)."""

    key: str
    label: str
    items: tuple[T, ...]


def grouped(items: Sequence[T], key: Callable[[T], str], label: Callable[[str], str],
            order: Sequence[str] | None = None) -> list[Group[T]]:
    """Return ``items`` grouped by ``key``: in ``order`` if given, else by first appearance."""
    groups: dict[str, list[T]] = {}
    for k in order or ():
        groups[k] = []
    for item in items:
        groups.setdefault(key(item), []).append(item)
    return [Group(k, label(k), tuple(v)) for k, v in groups.items() if v]


def reason_texts(reasons: Iterable[VerdictReason], lang: Lang) -> tuple[str, ...]:
    """Return the phrased verdict reasons (codes with parameters)."""
    return tuple(t(f"reason.{r.code}", lang, **r.params) for r in reasons)


def risk_items(risks: Iterable[RiskItem], lang: Lang, limit: int = TOP_RISKS) -> tuple[
        DecisionItem, ...]:
    """Return the top ``limit`` risks by exposure (the register is sorted so already)."""
    ordered = sorted(risks, key=lambda r: (-r.exposure, -r.impact, r.id))[:limit]
    return tuple(DecisionItem(text=r.title.get(lang), ref=r.id, owner=t(f"owner.{r.owner}", lang),
                              figure=f"{r.exposure} {t(f'band.{r.band}', lang)}", band=r.band)
                 for r in ordered)


def assessment_decision(result: AssessmentResult, lang: Lang) -> Decision:
    """Return the readiness report's decision page."""
    blockers = tuple(DecisionItem(
        text=b.text.get(lang), ref=b.question_id,
        detail=(t("report.blocker_unanswered", lang) if b.reason == "unanswered"
                else t("report.blocker_below", lang, score=f"{b.score:.2f}",
                       min=f"{b.gate_min:.2f}")))
        for b in result.blockers)
    path = result.path_to_ready
    steps = path.steps if path is not None else ()
    if steps:
        actions = tuple(DecisionItem(
            text=s.action.get(lang), ref=s.question_id, owner=t(f"owner.{s.owner}", lang) if s.owner else None)
            for s in steps[:NEXT_ACTIONS])
    else:
        actions = tuple(DecisionItem(
            text=a.action.get(lang), ref=a.question_id, owner=t(f"owner.{a.owner}", lang) if a.owner else None)
            for a in result.actions[:NEXT_ACTIONS])
    return Decision(verdict=t(f"verdict.{result.overall.verdict}", lang),
                    tone=result.overall.verdict,
                    why=reason_texts(result.overall.reasons, lang), blockers=blockers,
                    actions=actions, risks=risk_items(result.risks, lang),
                    risks_total=len(result.risks))
