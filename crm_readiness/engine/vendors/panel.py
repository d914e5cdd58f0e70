"""The evaluation panel: independent scores combined, disputes found, a calibration agenda.

Per criterion and vendor: the scores of the panelists who gave one, combined by
the declared rule (median by default, mean optional); the spread (highest −
lowest); outliers (a panelist further than ``outlier_distance`` from the
combined score). Halo check: a panelist who scores one vendor strictly highest
on every criterion they scored (at least two criteria, at least two vendors).
Calibration agenda: every score whose spread reaches ``dispute_spread``,
ranked by spread × criterion weight (then spread), like the workshop agenda.
"""

from __future__ import annotations

import statistics
from collections.abc import Mapping, Sequence

from crm_readiness.models.vendors import CriterionWeight
from crm_readiness.models.vendors.panel import (
    AgendaItem,
    HaloFlag,
    PanelCell,
    PanelResult,
    PanelScoresFile,
    PanelSettings,
)


def combine(values: Sequence[float], rule: str) -> float:
    """Return the median (or mean) of ``values``."""
    return float(statistics.median(values) if rule == "median" else statistics.fmean(values))


def _cells(settings: PanelSettings, scores: PanelScoresFile, criteria: Sequence[str],
           vendors: Sequence[str]) -> list[PanelCell]:
    order = [p.id for p in settings.panelists]
    cells: list[PanelCell] = []
    for c in criteria:
        for v in vendors:
            given = {p: scores.panelists[p][v][c] for p in order
                     if c in scores.panelists.get(p, {}).get(v, {})}
            if not given:
                continue
            vals = {p: s.score for p, s in given.items()}
            mid = combine(list(vals.values()), settings.rule)
            out = tuple(p for p, x in vals.items() if abs(x - mid) > settings.outlier_distance)
            cells.append(PanelCell(
                criterion=c, vendor=v, scores=vals, combined=mid,
                spread=max(vals.values()) - min(vals.values()), outliers=out,
                comments={p: s.comment for p, s in given.items() if s.comment}))
    return cells


def halo_flags(scores: PanelScoresFile, criteria: Sequence[str],
               vendors: Sequence[str]) -> tuple[HaloFlag, ...]:
    """Return the panelists who scored one vendor strictly highest on every criterion."""
    flags: list[HaloFlag] = []
    for pid, by_vendor in scores.panelists.items():
        tops: list[str | None] = []
        for c in criteria:
            row = {v: by_vendor[v][c].score for v in vendors if c in by_vendor.get(v, {})}
            if len(row) < 2:
                continue
            best = max(row.values())
            leaders = [v for v, x in row.items() if x == best]
            tops.append(leaders[0] if len(leaders) == 1 else None)
        if len(tops) >= 2 and tops[0] is not None and all(t == tops[0] for t in tops):
            flags.append(HaloFlag(panelist=pid, vendor=tops[0], criteria=len(tops)))
    return tuple(flags)


def agenda(cells: Sequence[PanelCell], weights: Mapping[str, float],
           threshold: float) -> tuple[AgendaItem, ...]:
    """Return the disputed scores, most disputed (spread × weight) first."""
    items: list[AgendaItem] = []
    for cell in cells:
        if cell.spread < threshold or cell.spread == 0:
            continue
        lo = min(cell.scores.items(), key=lambda kv: kv[1])
        hi = max(cell.scores.items(), key=lambda kv: kv[1])
        w = weights.get(cell.criterion, 0.0)
        items.append(AgendaItem(criterion=cell.criterion, vendor=cell.vendor, spread=cell.spread,
                                weight=w, priority=cell.spread * w, low=lo, high=hi))
    items.sort(key=lambda i: (-i.priority, -i.spread, i.criterion, i.vendor))
    return tuple(items)


def panel_result(settings: PanelSettings, scores: PanelScoresFile,
                 criteria: Sequence[CriterionWeight], vendors: Sequence[str]) -> PanelResult:
    """Return the combined panel scores, spreads, outliers, halo flags and agenda."""
    scored = [c.id for c in criteria if c.kind == "scored"]
    cells = _cells(settings, scores, scored, vendors)
    return PanelResult(
        rule=settings.rule, panelists=settings.panelists, cells=tuple(cells),
        halo=halo_flags(scores, scored, vendors),
        agenda=agenda(cells, {c.id: c.weight for c in criteria}, settings.dispute_spread),
        outlier_distance=settings.outlier_distance, dispute_spread=settings.dispute_spread)
