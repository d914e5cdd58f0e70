"""The comparison: every vendor scored, knocked out or ranked, and the robustness check."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from decimal import Decimal

from crm_readiness.engine.vendors.ahp import ahp_weights, group_ahp
from crm_readiness.engine.vendors.criteria import (
    criterion_outcomes,
    criterion_weights,
    total_of,
)
from crm_readiness.engine.vendors.fit import (
    claim_gaps,
    functional_fit,
    module_fits,
    requirement_outcomes,
)
from crm_readiness.engine.vendors.knockout import must_gaps, status_of, unanswered
from crm_readiness.engine.vendors.panel import panel_result
from crm_readiness.engine.vendors.robustness import robustness
from crm_readiness.models.requirements import PRIORITIES, RequirementsCatalogue
from crm_readiness.models.vendors import AhpResult, Comparison, VendorResult, VendorsFile
from crm_readiness.models.vendors.inputs import AhpGroup, AhpSpec
from crm_readiness.models.vendors.panel import DemoOutcomesFile, PanelScoresFile
from crm_readiness.models.vendors.results import AhpGroupResult

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


def _judged(ids: list[str], spec: AhpSpec | AhpGroup, aggregate: str,
            accept_inconsistent: bool) -> AhpResult:
    if spec.panelists is not None:
        return group_ahp(ids, spec.panelists, aggregate=aggregate,
                         accept_inconsistent=accept_inconsistent)
    return ahp_weights(ids, spec.comparisons or {}, accept_inconsistent=accept_inconsistent)


def _ahp(vf: VendorsFile, accept_inconsistent: bool) -> AhpResult | None:
    """Return the AHP result: the top matrix, and per group of sub-criteria its own matrix
    with the global weights (group weight × local weight) of its criteria."""
    spec = vf.ahp
    if spec is None:
        return None
    top = _judged(spec.top_ids([c.id for c in vf.criteria]), spec, spec.aggregate,
                  accept_inconsistent)
    if not spec.groups:
        return top
    weight = dict(zip(top.criteria, top.weights, strict=True))
    groups = []
    for gid, group in spec.groups.items():
        local = _judged(list(group.criteria), group, spec.aggregate, accept_inconsistent)
        groups.append(AhpGroupResult(id=gid, name=group.name, weight=weight[gid], result=local,
                                     weights={c: weight[gid] * w for c, w in
                                              zip(local.criteria, local.weights, strict=True)}))
    return top.model_copy(update={"groups": tuple(groups)})


def compare(catalogue: RequirementsCatalogue, vf: VendorsFile, *,
            costs: Mapping[str, Decimal | None] | None = None,
            cost_sources: Mapping[str, str] | None = None,
            accept_inconsistent: bool = False,
            panel_scores: PanelScoresFile | None = None,
            demos: DemoOutcomesFile | None = None) -> Comparison:
    """Return the full comparison of the vendors in ``vf`` against ``catalogue``.

    ``costs`` holds each vendor's resolved nominal TCO (a cost file already read
    by the caller); vendors absent from it use the number in the vendors file.
    ``panel_scores`` (with ``vf.panel``) replace the vendors' criterion scores by the
    panel's combined scores; ``demos`` override the RFP claims they demonstrated.
    """
    ahp = _ahp(vf, accept_inconsistent)
    weights = criterion_weights(vf, ahp)
    rules = vf.scoring
    panel = (panel_result(vf.panel, panel_scores, weights, [v.id for v in vf.vendors])
             if vf.panel is not None and panel_scores is not None else None)
    partial: list[dict[str, object]] = []
    for v in vf.vendors:
        cost = (costs or {}).get(v.id)
        if cost is None and isinstance(v.cost, Decimal):
            cost = v.cost
        shown = demos.vendors.get(v.id) if demos is not None else None
        outcomes = requirement_outcomes(catalogue, v, rules, shown)
        fit = functional_fit(outcomes, rules)
        cells = {c.criterion: c for c in panel.cells if c.vendor == v.id} if panel else None
        crit = criterion_outcomes(vf, weights, v, fit, cost, cells)
        gaps = must_gaps(outcomes)
        claims, demonstrated, credibility = claim_gaps(outcomes, rules, shown)
        partial.append(dict(
            id=v.id, name=v.name, cost=cost, cost_source=(cost_sources or {}).get(v.id),
            module_fits=module_fits(catalogue, outcomes, rules), functional_fit=fit,
            criteria=crit, total=total_of(tuple(c.weight for c in weights),
                                          tuple(c.score for c in crit)),
            must_gaps=gaps, unanswered=unanswered(outcomes),
            missing_scores=tuple(c.id for c in crit if c.missing), status=status_of(gaps),
            responses=outcomes, notes=v.notes, claim_gaps=claims, demonstrated=demonstrated,
            credibility=credibility))
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
        criteria=weights, ahp=ahp, panel=panel, vendors=vendors, ranking=ranking,
        robustness=robustness(weights, vendors, vf.robustness, TIE_TOLERANCE))
