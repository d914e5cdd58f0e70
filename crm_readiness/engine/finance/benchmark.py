"""Cost breakdown, the one-time split against the domain benchmark, hidden costs, flags.

Domain benchmarks (docs/finance.md): one-time split for a mid-size company
software 40 / customisation 25 / data migration 15 / training 12 / project
management 8 (implementation services and integration count as
customisation); total one-time spend 2–5 million CNY; training under a tenth
of the one-time budget is flagged (insufficient training is behind most
failed projects); implementation services typically 1–3× the software;
maintenance about 20% of the licence a year.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from crm_readiness.models.finance.inputs import BENCHMARK_SPLIT, COST_CATEGORIES, CostsFile
from crm_readiness.models.finance.results import CategoryTotal, FinanceFlag, LineFlow, SplitRow

#: components every complete TCO has (hosting only when the company runs the servers).
EXPECTED = ("software", "implementation", "customization", "data_migration", "integration",
            "training", "project_management", "maintenance", "security", "internal_staff")
TRAINING_FLOOR = Decimal("0.10")
SPLIT_TOLERANCE = Decimal("0.10")
#: one-time budget range (CNY) by company size, with its source. Only the mid-size range
#: is published in the domain sources (domain.md §4; the budget guide: 中型企业总预算通常在
#: 200-500万元); small and large have no sourced range, so the check is not made for them
#: (a ``one_time_unchecked`` note says so) unless the file gives ``benchmark_one_time``.
ONE_TIME_RANGES: dict[str, tuple[Decimal, Decimal, str] | None] = {
    "small": None,
    "mid": (Decimal(2_000_000), Decimal(5_000_000), "domain.md §4 (mid-size enterprise)"),
    "large": None,
}
SERVICES_RATIO = (Decimal(1), Decimal(3))
MAINTENANCE_SHARE = (Decimal("0.10"), Decimal("0.30"))


def _pct(x: Decimal) -> str:
    return f"{x * 100:.0f}%"


def category_totals(lines: Sequence[LineFlow]) -> list[CategoryTotal]:
    """Return risk-adjusted nominal costs per category (contingency its own), report order."""
    order = [*COST_CATEGORIES, "contingency", "vat"]
    one: dict[str, Decimal] = {}
    rec: dict[str, Decimal] = {}
    for line in lines:
        if line.kind == "vat":  # the aggregate row: split below by the lines it comes from
            continue
        bucket = one if line.kind in ("one_time", "contingency") else rec
        bucket[line.category] = bucket.get(line.category, Decimal(0)) + line.total_risk_adjusted
        if line.vat_rate and line.vat_recoverable is False:
            bucket["vat"] = bucket.get("vat", Decimal(0)) + line.total_risk_adjusted * line.vat_rate
    grand = sum(one.values(), Decimal(0)) + sum(rec.values(), Decimal(0))
    out = []
    for cat in order:
        if cat in one or cat in rec:
            o, r = one.get(cat, Decimal(0)), rec.get(cat, Decimal(0))
            out.append(CategoryTotal(category=cat, one_time=o, recurring=r, total=o + r,
                                     share=(o + r) / grand if grand else Decimal(0)))
    return out


def one_time_split(lines: Sequence[LineFlow]) -> tuple[Decimal, list[SplitRow]]:
    """Return the one-time total (no contingency, unadjusted) and its split vs the benchmark."""
    by_cat: dict[str, Decimal] = {}
    for line in lines:
        if line.kind == "one_time":
            by_cat[line.category] = by_cat.get(line.category, Decimal(0)) + line.total
    total = sum(by_cat.values(), Decimal(0))
    rows: list[SplitRow] = []
    covered: set[str] = set()
    for component, share, cats in BENCHMARK_SPLIT:
        amount = sum((by_cat.get(c, Decimal(0)) for c in cats), Decimal(0))
        covered.update(cats)
        actual = amount / total if total else Decimal(0)
        rows.append(SplitRow(component=component, categories=list(cats), amount=amount,
                             share=actual, benchmark=share, deviation=actual - share))
    rest = sorted(c for c in by_cat if c not in covered)
    if rest:
        amount = sum((by_cat[c] for c in rest), Decimal(0))
        actual = amount / total if total else Decimal(0)
        rows.append(SplitRow(component="other", categories=rest, amount=amount, share=actual,
                             benchmark=Decimal(0), deviation=actual))
    return total, rows


def missing_components(costs: CostsFile, lines: Sequence[LineFlow]) -> list[str]:
    """Return the TCO components with no line and not declared not applicable (hidden costs)."""
    present = {line.category for line in lines if line.total > 0}
    expected = list(EXPECTED)
    if costs.deployment != "saas":
        expected.append("hosting")
    missing = [c for c in expected if c not in present and c not in costs.not_applicable]
    if costs.contingency == 0 and "contingency" not in costs.not_applicable:
        missing.append("contingency")
    return missing


def flags(costs: CostsFile, lines: Sequence[LineFlow], one_time_total: Decimal,
          split: Sequence[SplitRow]) -> list[FinanceFlag]:
    """Return the findings on the cost case a finance reader should see."""
    out: list[FinanceFlag] = []
    shares = {row.component: row for row in split}
    training = shares["training"].share if one_time_total else Decimal(0)
    if one_time_total and training < TRAINING_FLOOR:
        out.append(FinanceFlag(code="training_low", severity="warning",
                               params={"share": _pct(training), "floor": _pct(TRAINING_FLOOR)}))
    for row in split:
        if row.component != "other" and one_time_total and abs(row.deviation) > SPLIT_TOLERANCE:
            out.append(FinanceFlag(code="split_deviation", severity="info", params={
                "component": row.component, "share": _pct(row.share),
                "benchmark": _pct(row.benchmark)}))
    with_contingency = one_time_total * (1 + costs.contingency)
    given = costs.benchmark_one_time
    bench = ((given.low, given.high, given.source) if given is not None
             else ONE_TIME_RANGES[costs.company_size])
    if bench is None:
        out.append(FinanceFlag(code="one_time_unchecked", severity="info",
                               params={"size": costs.company_size}))
    elif (costs.currency == "CNY" or given is not None) and one_time_total \
            and not bench[0] <= with_contingency <= bench[1]:
        out.append(FinanceFlag(code="one_time_range", severity="info", params={
            "amount": f"{with_contingency:,.0f}", "low": f"{bench[0]:,.0f}",
            "high": f"{bench[1]:,.0f}", "size": costs.company_size, "source": bench[2]}))
    # software = licence bought plus the first year's subscription
    licence = sum((ln.total for ln in lines if ln.kind == "one_time"
                   and ln.category == "software"), Decimal(0))
    software = licence + sum((ln.amounts[1] for ln in lines if ln.category == "software"
                              and ln.kind == "recurring"), Decimal(0))
    services = sum((ln.total for ln in lines if ln.kind == "one_time" and ln.category in
                    ("implementation", "customization", "integration")), Decimal(0))
    if software > 0 and services > 0:
        r = services / software
        if not SERVICES_RATIO[0] <= r <= SERVICES_RATIO[1]:
            out.append(FinanceFlag(code="services_ratio", severity="info",
                                   params={"ratio": f"{r:.1f}"}))
    maintenance = [ln for ln in lines if ln.category == "maintenance" and ln.kind == "recurring"]
    if costs.deployment != "saas" and licence > 0 and maintenance:
        yearly = sum((ln.total for ln in maintenance), Decimal(0)) / costs.horizon_years
        share = yearly / licence
        if not MAINTENANCE_SHARE[0] <= share <= MAINTENANCE_SHARE[1]:
            out.append(FinanceFlag(code="maintenance_share", severity="info",
                                   params={"share": _pct(share)}))
    return out
