"""The comparison: every vendor scored, knocked out or ranked, and the robustness check."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from decimal import Decimal

from crm_readiness.engine.vendors.ahp import ahp_weights
from crm_readiness.engine.vendors.criteria import (
    criterion_outcomes,
    criterion_weights,
    total_of,
)
from crm_readiness.engine.vendors.fit import functional_fit, module_fits, requirement_outcomes
from crm_readiness.engine.vendors.knockout import must_gaps, status_of, unanswered
from crm_readiness.engine.vendors.robustness import robustness
from crm_readiness.models.requirements import PRIORITIES, RequirementsCatalogue
from crm_readiness.models.vendors import Comparison, VendorResult, VendorsFile

#: totals closer than this (points out of 100) are equal: they share a rank everywhere
TIE_TOLERANCE = 0.05


def ranks(totals: Sequence[float], eligible: Sequence[bool],
          tolerance: float = TIE_TOLERANCE) -> list[int | None]:
    """Return competition ranks: 1 + eligible vendors whose total exceeds this one by more than
    ``tolerance`` (so totals within the tolerance share a rank); None if knocked out."""
    out: list[int | None] = []
    for t, ok in zip(totals, eligible, strict=True):
        if not ok:
            out.append(None)
            continue
        out.append(1 + sum(1 for u, ok2 in zip(totals, eligible, strict=True)
                           if ok2 and u > t + tolerance))
    return out


def compare(catalogue: RequirementsCatalogue, vf: VendorsFile, *,
            costs: Mapping[str, Decimal | None] | None = None,
            cost_sources: Mapping[str, str] | None = None,
            accept_inconsistent: bool = False) -> Comparison:
    """Return the full comparison of the vendors in ``vf`` against ``catalogue``.

    ``costs`` holds each vendor's resolved nominal TCO (a cost file already read
    by the caller); vendors absent from it use the number in the vendors file.
    """
    ahp = None
    if vf.ahp is not None:
        ahp = ahp_weights([c.id for c in vf.criteria], vf.ahp.comparisons,
                          accept_inconsistent=accept_inconsistent)
    weights = criterion_weights(vf, ahp)
    rules = vf.scoring
    partial: list[dict[str, object]] = []
    for v in vf.vendors:
        cost = (costs or {}).get(v.id)
        if cost is None and isinstance(v.cost, Decimal):
            cost = v.cost
        outcomes = requirement_outcomes(catalogue, v, rules)
        fit = functional_fit(outcomes, rules)
        crit = criterion_outcomes(vf, weights, v, fit, cost)
        gaps = must_gaps(outcomes)
        partial.append(dict(
            id=v.id, name=v.name, cost=cost, cost_source=(cost_sources or {}).get(v.id),
            module_fits=module_fits(catalogue, outcomes, rules), functional_fit=fit,
            criteria=crit, total=total_of(tuple(c.weight for c in weights),
                                          tuple(c.score for c in crit)),
            must_gaps=gaps, unanswered=unanswered(outcomes),
            missing_scores=tuple(c.id for c in crit if c.missing), status=status_of(gaps),
            responses=outcomes, notes=v.notes))
    totals = [float(p["total"]) for p in partial]  # type: ignore[arg-type]
    ok = [p["status"] == "eligible" for p in partial]
    vendors = tuple(VendorResult.model_validate({**p, "rank": r})
                    for p, r in zip(partial, ranks(totals, ok), strict=True))
    ranking = tuple(v.id for v in sorted((v for v in vendors if v.rank is not None),
                                         key=lambda v: (v.rank, -v.total)))
    counts = {p: sum(1 for r in catalogue.requirements if r.priority == p) for p in PRIORITIES}
    return Comparison(
        title=vf.title, requirements_count=len(catalogue.requirements), priority_counts=counts,
        modules=tuple((m, catalogue.module_name(m)) for m in catalogue.module_ids()
                      if any(r.module == m for r in catalogue.requirements)),
        scoring=rules, budget=vf.budget, weights_from="ahp" if ahp else "direct",
        tie_tolerance=TIE_TOLERANCE,
        criteria=weights, ahp=ahp, vendors=vendors, ranking=ranking,
        robustness=robustness(weights, vendors, vf.robustness, TIE_TOLERANCE))
