"""Criteria: the weights used (direct or AHP) and each vendor's 0–5 score per criterion."""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal

from crm_readiness.engine.vendors.cost import cost_score
from crm_readiness.models._base import Text
from crm_readiness.models.vendors import (
    AhpResult,
    CriterionOutcome,
    CriterionWeight,
    Vendor,
    VendorsFile,
)
from crm_readiness.models.vendors.panel import PanelCell


def criterion_weights(vf: VendorsFile, ahp: AhpResult | None) -> tuple[CriterionWeight, ...]:
    """Return each criterion with its weight: from the AHP result if any, else as given."""
    out: list[CriterionWeight] = []
    derived = ahp_criterion_weights(ahp) if ahp is not None else {}
    for c in vf.criteria:
        weight = derived[c.id] if ahp is not None else float(c.weight or 0.0)
        out.append(CriterionWeight(id=c.id, name=c.name, kind=c.kind, weight=weight,
                                   description=c.description, anchors=c.anchors))
    return tuple(out)


def ahp_criterion_weights(ahp: AhpResult) -> dict[str, float]:
    """Return each criterion's weight from an AHP result (sub-criteria: group × local)."""
    out = dict(zip(ahp.criteria, ahp.weights, strict=True))
    for g in ahp.groups:
        del out[g.id]
        out.update(g.weights)
    return out


def criterion_outcomes(vf: VendorsFile, weights: tuple[CriterionWeight, ...], vendor: Vendor,
                       fit: float, cost: Decimal | None,
                       panel: Mapping[str, PanelCell] | None = None
                       ) -> tuple[CriterionOutcome, ...]:
    """Return the vendor's score and contribution (w · s / 5 · 100) on every criterion; a
    combined panel score (``panel``: criterion → cell) replaces the vendors file's score."""
    out: list[CriterionOutcome] = []
    for cw in weights:
        missing = False
        note: Text | None = None
        if cw.kind == "functional_fit":
            score = 5.0 * fit
        elif cw.kind == "cost":
            if cost is None or vf.budget is None:
                score, missing = 0.0, True
            else:
                score = cost_score(cost, vf.budget)
        elif panel and cw.id in panel:
            cell = panel[cw.id]
            score = cell.combined
            out.append(CriterionOutcome(
                id=cw.id, score=score, contribution=cw.weight * score / 5 * 100,
                panel_count=len(cell.scores), panel_spread=cell.spread))
            continue
        else:
            given = vendor.scores.get(cw.id)
            if given is None:
                score, missing = 0.0, True
            else:
                score, note = given.score, given.note
        out.append(CriterionOutcome(id=cw.id, score=score, contribution=cw.weight * score / 5 * 100,
                                    missing=missing, note=note))
    return tuple(out)


def total_of(weights: tuple[float, ...], scores: tuple[float, ...]) -> float:
    """Return the total Σ w·s / 5 · 100 (0–100)."""
    return sum(w * s for w, s in zip(weights, scores, strict=True)) / 5 * 100
