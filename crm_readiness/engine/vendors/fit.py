"""Functional fit: points per response, module fit Σ P·R / Σ P·R_max, overall fit.

P is the priority weight (must 5 / should 3 / could 1 by default), R the points
of the response level (native 3 / configurable 2 / custom 1 / not supported 0);
R_max is the points of ``native``. Unanswered requirements count 0.
"""

from __future__ import annotations

from collections.abc import Sequence

from crm_readiness.models.requirements import RequirementsCatalogue
from crm_readiness.models.vendors import ModuleFit, RequirementOutcome, ScoringRules, Vendor


def requirement_outcomes(catalogue: RequirementsCatalogue, vendor: Vendor,
                         rules: ScoringRules) -> tuple[RequirementOutcome, ...]:
    """Return the scored response of ``vendor`` to every requirement, in catalogue order."""
    out: list[RequirementOutcome] = []
    for req in catalogue.requirements:
        resp = vendor.responses.get(req.id)
        code = resp.response if resp else None
        level = rules.level(code) if code is not None else None
        points = rules.response_points.of(level) if level is not None else 0.0
        out.append(RequirementOutcome(
            id=req.id, module=req.module, priority=req.priority,
            priority_weight=rules.priority_weights.of(req.priority), response=code, level=level,
            points=points, must_gap=(req.priority == "must" and level == "not_supported"),
            comment=resp.comment if resp else None, evidence=resp.evidence if resp else None))
    return tuple(out)


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
