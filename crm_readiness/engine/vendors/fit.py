"""Functional fit: points per response, module fit Σ P·R / Σ P·R_max, overall fit.

P is the priority weight (must 5 / should 3 / could 1 by default), R the points
of the response level (native 3 / configurable 2 / custom 1 / not supported 0);
R_max is the points of ``native``. Unanswered requirements count 0.

A demonstration outcome overrides the claim: *shown as claimed* keeps the
claimed level, *shown with configuration* scores configurable, *shown with
custom work* custom and *not shown* not supported (so a must claimed but not
shown knocks the vendor out). Outcomes for unanswered requirements are ignored.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from crm_readiness.models.requirements import RequirementsCatalogue
from crm_readiness.models.vendors import (
    LEVELS,
    ModuleFit,
    RequirementOutcome,
    ScoringRules,
    Vendor,
)
from crm_readiness.models.vendors.panel import DEMO_LEVEL, ClaimGap, DemoResult


def requirement_outcomes(catalogue: RequirementsCatalogue, vendor: Vendor,
                         rules: ScoringRules, demos: Mapping[str, DemoResult] | None = None
                         ) -> tuple[RequirementOutcome, ...]:
    """Return the scored response of ``vendor`` to every requirement, in catalogue order;
    a demonstration outcome in ``demos`` replaces the claimed level."""
    out: list[RequirementOutcome] = []
    for req in catalogue.requirements:
        resp = vendor.responses.get(req.id)
        code = resp.response if resp else None
        level = rules.level(code) if code is not None else None
        demo = (demos or {}).get(req.id) if code is not None else None
        if demo is not None:
            level = DEMO_LEVEL[demo.outcome] or level
        points = rules.response_points.of(level) if level is not None else 0.0
        out.append(RequirementOutcome(
            id=req.id, module=req.module, priority=req.priority,
            priority_weight=rules.priority_weights.of(req.priority), response=code, level=level,
            points=points, must_gap=(req.priority == "must" and level == "not_supported"),
            comment=resp.comment if resp else None, evidence=resp.evidence if resp else None,
            demonstrated=demo.outcome if demo else None))
    return tuple(out)


def claim_gaps(outcomes: Sequence[RequirementOutcome], rules: ScoringRules,
               demos: Mapping[str, DemoResult] | None
               ) -> tuple[tuple[ClaimGap, ...], int, float | None]:
    """Return the claim gaps, the number of demonstrated claims and the credibility
    (share of demonstrated claims shown at least at the claimed level)."""
    gaps: list[ClaimGap] = []
    shown = 0
    for o in outcomes:
        if o.demonstrated is None or o.response is None or o.level is None:
            continue
        shown += 1
        claimed = rules.level(o.response)
        if LEVELS.index(o.level) > LEVELS.index(claimed):
            demo = (demos or {})[o.id]
            gaps.append(ClaimGap(requirement=o.id, priority=o.priority, claimed=o.response,
                                 claimed_level=claimed, outcome=demo.outcome, level=o.level,
                                 note=demo.note, knocks_out=o.must_gap
                                 and claimed != "not_supported"))
    credibility = (shown - len(gaps)) / shown if shown else None
    return tuple(gaps), shown, credibility


def _fit(outcomes: Sequence[RequirementOutcome], max_points: float) -> tuple[float, float, float]:
    points = sum(o.priority_weight * o.points for o in outcomes)
    top = sum(o.priority_weight for o in outcomes) * max_points
    return points, top, (points / top if top > 0 else 0.0)


def module_fits(catalogue: RequirementsCatalogue, outcomes: Sequence[RequirementOutcome],
                rules: ScoringRules) -> tuple[ModuleFit, ...]:
    """Return the fit per module (catalogue order) from a vendor's scored responses."""
    max_points = rules.response_points.native
    fits: list[ModuleFit] = []
    for module in catalogue.module_ids():
        own = [o for o in outcomes if o.module == module]
        if not own:
            continue
        points, top, fit = _fit(own, max_points)
        fits.append(ModuleFit(module=module, name=catalogue.module_name(module),
                              requirements=len(own), points=points, max_points=top, fit=fit))
    return tuple(fits)


def functional_fit(outcomes: Sequence[RequirementOutcome], rules: ScoringRules) -> float:
    """Return the overall functional fit Σ P·R / Σ P·R_max over all requirements (0–1)."""
    return _fit(outcomes, rules.response_points.native)[2]
