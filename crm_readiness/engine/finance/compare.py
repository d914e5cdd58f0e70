"""Comparability of several cost cases: same currency and horizon, or an explicit restatement.

:func:`comparable` lists every mismatch (each naming both files); the callers
(``tco`` and ``vendors compare``) refuse with exit 3 unless told how to compare:
``--horizon N`` restates every file over N years (:func:`restate`), an exchange
rate converts a currency into the first file's (:func:`convert`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal

from crm_readiness.models.finance.inputs import CostsFile, RecurringCost, StaffCost


@dataclass(frozen=True)
class Mismatch:
    """Two files that cannot be compared as they stand."""

    kind: str  # "currency" or "horizon"
    first: str
    second: str
    first_value: str
    second_value: str


def comparable(cases: Sequence[tuple[str, CostsFile]], *, horizon: int | None = None,
               rates: Mapping[str, Decimal] | None = None,
               currency: str | None = None, budget: str = "budget",
               budget_horizon: int | None = None) -> list[Mismatch]:
    """Return the mismatches of ``(name, costs)`` pairs against the first one.

    With ``horizon`` the horizons are restated, so they never mismatch; a
    currency with a rate in ``rates`` converts into the first file's currency.
    ``currency`` and ``budget_horizon`` (a budget's, named ``budget``) must then
    equal the first file's.
    """
    if not cases:
        return []
    out: list[Mismatch] = []
    first_name, first = cases[0]
    known = rates or {}
    for name, costs in cases[1:]:
        if costs.currency != first.currency and costs.currency not in known:
            out.append(Mismatch("currency", first_name, name, first.currency, costs.currency))
        if horizon is None and costs.horizon_years != first.horizon_years:
            out.append(Mismatch("horizon", first_name, name, str(first.horizon_years),
                                str(costs.horizon_years)))
    if currency is not None and currency != first.currency:
        out.append(Mismatch("currency", budget, first_name, currency, first.currency))
    if budget_horizon is not None and horizon is None and budget_horizon != first.horizon_years:
        out.append(Mismatch("horizon", budget, first_name, str(budget_horizon),
                            str(first.horizon_years)))
    return out


def restate(costs: CostsFile, horizon: int) -> CostsFile:
    """Return ``costs`` over ``horizon`` years: later years dropped, open lines extended.

    One-time lines and funding after the horizon are dropped; recurring and staff
    lines end at the horizon at the latest (lines without ``end_year`` run to it);
    a list of yearly amounts is cut, or follows its ``ramp_rest`` rule when longer
    horizons need more years (without one the loader's rule refuses it).
    """
    def clip(line: RecurringCost | StaffCost) -> RecurringCost | StaffCost:
        update: dict[str, object] = {}
        if line.end_year is not None and line.end_year > horizon:
            update["end_year"] = horizon
        if isinstance(line, RecurringCost) and isinstance(line.amounts, tuple) \
                and len(line.amounts) > horizon + 1:
            update["amounts"] = line.amounts[:horizon + 1]
        if isinstance(line, RecurringCost) and isinstance(line.amounts, dict):
            update["amounts"] = {y: a for y, a in line.amounts.items() if y <= horizon}
        return line.model_copy(update=update) if update else line

    return costs.model_copy(update={
        "horizon_years": horizon,
        "one_time": tuple(o for o in costs.one_time if o.year <= horizon),
        "recurring": tuple(clip(r) for r in costs.recurring if r.start_year <= horizon),
        "staff": tuple(clip(s) for s in costs.staff if s.start_year <= horizon),
        "funding": tuple(f for f in costs.funding if f.year <= horizon),
    })


def _scale(value: Decimal | None, rate: Decimal) -> Decimal | None:
    return None if value is None else value * rate


def convert(costs: CostsFile, rate: Decimal, currency: str) -> CostsFile:
    """Return ``costs`` with every amount × ``rate`` (1 unit of its currency = rate units)."""
    def money(line: object, fields: tuple[str, ...]) -> dict[str, object]:
        return {f: _scale(getattr(line, f), rate) for f in fields}

    recurring = []
    for r in costs.recurring:
        update = money(r, ("per_user", "per_module", "amount"))
        if isinstance(r.amounts, tuple):
            update["amounts"] = tuple(a * rate for a in r.amounts)
        elif isinstance(r.amounts, dict):
            update["amounts"] = {y: a * rate for y, a in r.amounts.items()}
        recurring.append(r.model_copy(update=update))
    return costs.model_copy(update={
        "currency": currency,
        "one_time": tuple(o.model_copy(update=money(o, ("amount",))) for o in costs.one_time),
        "recurring": tuple(recurring),
        "staff": tuple(s.model_copy(update=money(s, ("rate",))) for s in costs.staff),
        "funding": tuple(f.model_copy(update=money(f, ("amount",))) for f in costs.funding),
    })
