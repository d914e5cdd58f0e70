"""Per-column measurements and the data-quality dimensions over the whole export.

Definitions (see docs/data.md):

* completeness — filled / rows; overall over the required columns (all ruled
  columns when none is required);
* validity — valid / filled over the columns that are checked (format, enum,
  pattern, range);
* uniqueness — per column distinct / valid values; overall 1 − redundant
  records / rows, from the duplicate clusters when a ``duplicates`` block is
  given, otherwise from the ``unique`` columns;
* consistency — landlines whose area code agrees with the city / checked;
* timeliness — dates within ``max_age_days`` of the reference date / valid dates.
"""

from __future__ import annotations

from typing import Any

from crm_readiness.engine.data.formats import ident
from crm_readiness.engine.data.plan import NORM, ColumnPlan
from crm_readiness.engine.data.sql import one
from crm_readiness.engine.data.table import DataTable
from crm_readiness.models.data.result import ColumnProfile, DimensionScore, ValueChange
from crm_readiness.models.data.rules import DIMENSIONS, DataRules, Dimension

EXAMPLES = 5
POOL = 60  # earliest values looked at for EXAMPLES distinct examples
BATCH = 24  # columns measured per aggregate query


def _distinct(values: list[object], limit: int = EXAMPLES) -> list[object]:
    seen: dict[object, None] = {}
    for v in values:
        key = tuple(v.items()) if isinstance(v, dict) else v
        if key not in seen:
            seen[key] = None
            if len(seen) == limit:
                break
    return [dict(k) if isinstance(k, tuple) else k for k in seen]


def _rate(num: int, den: int) -> float | None:
    return num / den if den else None


def _column_aggs(p: ColumnPlan) -> list[str]:
    i = p.index
    aggs = [f"count(*) FILTER (WHERE m{i})", f"count(*) FILTER (WHERE p{i})",
            f"count(*) FILTER (WHERE NOT m{i} AND e{i} IS NULL)",
            f"count(*) FILTER (WHERE NOT m{i} AND e{i} IS NOT NULL)", f"count(n{i})",
            f"count(DISTINCT n{i})", f"count(*) FILTER (WHERE c{i})",
            f"min_by(struct_pack(r := x{i}, n := n{i}), rid, {POOL}) FILTER (c{i})",
            f"min_by(x{i}, rid, {POOL}) FILTER (NOT m{i} AND e{i} IS NOT NULL)"]
    if p.rule.city_column:
        aggs += [f"count(k{i})", f"count(*) FILTER (WHERE k{i} IS FALSE)"]
    if p.rule.max_age_days is not None:
        aggs += [f"count(t{i})", f"count(*) FILTER (WHERE t{i} IS FALSE)"]
    return aggs


def _norm_columns(p: ColumnPlan) -> list[str]:
    i = p.index
    cols = [f"m{i}", f"p{i}", f"e{i}", f"n{i}", f"c{i}"]
    if p.rule.city_column:
        cols.append(f"k{i}")
    if p.rule.max_age_days is not None:
        cols.append(f"t{i}")
    return cols


def _aggregate_row(table: DataTable, plans: list[ColumnPlan]) -> list[Any]:
    """Return count(*) then every column's aggregates, in batches of :data:`BATCH` columns.

    DuckDB plans one very wide query in time that grows faster than its width,
    so a 1,000-column export is measured as many narrow passes.
    """
    out: list[Any] = []
    for lo in range(0, max(1, len(plans)), BATCH):
        part = plans[lo:lo + BATCH]
        aggs = [a for p in part for a in _column_aggs(p)]
        raw = ", ".join(f"{ident(p.name)} AS x{p.index}" for p in part) or "NULL AS x"
        norm = ", ".join(["rid", *[c for p in part for c in _norm_columns(p)]])
        sql = (f"SELECT {', '.join(['count(*)', *aggs])} FROM (SELECT {raw} FROM "
               f"{ident(table.table)}) AS s POSITIONAL JOIN (SELECT {norm} FROM {NORM}) AS z")
        row = one(table.conn, sql)
        out.extend(row if lo == 0 else row[1:])
    return out


def column_profiles(table: DataTable, rules: DataRules,
                    plans: list[ColumnPlan]) -> list[ColumnProfile]:
    """Return the measurements of every column (aggregate passes over the data)."""
    row = _aggregate_row(table, plans)
    keys = set(rules.duplicates.keys) if rules.duplicates else set()
    total = int(row[0])
    k = 1
    out: list[ColumnProfile] = []
    for p in plans:
        missing, ph, valid, invalid, nn, distinct, changed, chg, bad = row[k:k + 9]
        k += 9
        cons_checked = incons = time_checked = stale = 0
        if p.rule.city_column:
            cons_checked, incons = row[k:k + 2]
            k += 2
        if p.rule.max_age_days is not None:
            time_checked, stale = row[k:k + 2]
            k += 2
        filled = total - missing
        checked = filled if p.checked else 0
        prof = ColumnProfile(
            name=p.name, format=p.rule.format, required=p.rule.required, ruled=p.ruled,
            rows=total, missing=missing, placeholders=ph, filled=filled, checked=checked,
            valid=valid if p.checked else filled, invalid=invalid if p.checked else 0,
            distinct=distinct, duplicate_values=nn - distinct, unique=p.rule.unique,
            changed=changed, consistency_checked=cons_checked, inconsistent=incons,
            timeliness_checked=time_checked, stale=stale,
            completeness=_rate(filled, total),
            validity=_rate(valid, checked) if p.checked else None,
            uniqueness=_rate(distinct, nn) if p.rule.unique or p.name in keys else None,
            consistency=(_rate(cons_checked - incons, cons_checked)
                         if p.rule.city_column else None),
            timeliness=(_rate(time_checked - stale, time_checked)
                        if p.rule.max_age_days is not None else None),
            change_examples=tuple(ValueChange(raw=str(c["r"]), normalised=str(c["n"]))
                                  for c in _distinct(chg or []) if isinstance(c, dict)),
            invalid_examples=tuple(str(b) for b in _distinct(bad or [])),
        )
        out.append(prof.model_copy(update={"below_threshold": _below(prof, rules)}))
    return _with_top_values(table, plans, out)


def _below(prof: ColumnProfile, rules: DataRules) -> tuple[Dimension, ...]:
    rule = rules.columns.get(prof.name)
    targets = rule.thresholds if rule and rule.thresholds else None
    out: list[Dimension] = []
    for dim in DIMENSIONS:
        target = targets.get(dim) if targets else None
        if target is None and prof.ruled:
            # the file-wide targets apply to what the column's rule asks for
            applies = {"completeness": prof.required, "validity": prof.checked > 0,
                       "uniqueness": prof.unique, "consistency": prof.consistency is not None,
                       "timeliness": prof.timeliness is not None}[dim]
            target = rules.thresholds.get(dim) if applies else None
        value = getattr(prof, dim)
        if target is not None and value is not None and value < target:
            out.append(dim)
    return tuple(out)


def _with_top_values(table: DataTable, plans: list[ColumnPlan],
                     profiles: list[ColumnProfile]) -> list[ColumnProfile]:
    out: list[ColumnProfile] = []
    for p, prof in zip(plans, profiles, strict=True):
        if prof.format == "enum" or (0 < prof.distinct <= 30 and prof.format == "text"):
            rows = table.conn.execute(
                f"SELECT n{p.index}, count(*) AS c FROM {NORM} WHERE n{p.index} IS NOT NULL "
                f"GROUP BY 1 ORDER BY c DESC, 1 LIMIT 10").fetchall()
            prof = prof.model_copy(update={"top_values": tuple((str(v), int(c)) for v, c in rows)})
        out.append(prof)
    return out


def dimensions(rules: DataRules, profiles: list[ColumnProfile], rows: int,
               redundant: int | None) -> list[DimensionScore]:
    """Return the five dimensions over the export (``None`` where nothing was assessed)."""
    ruled = [c for c in profiles if c.ruled] or profiles
    req = [c for c in ruled if c.required] or ruled
    comp_den = sum(c.rows for c in req)
    comp_num = sum(c.filled for c in req)
    checked = [c for c in profiles if c.checked]
    val_den = sum(c.checked for c in checked)
    val_num = sum(c.valid for c in checked)
    if redundant is not None:
        uniq: tuple[int, int] = (rows - redundant, rows)
    else:
        uc = [c for c in profiles if c.unique]
        nn = sum(c.distinct + c.duplicate_values for c in uc)
        uniq = (sum(c.distinct for c in uc), nn)
    cons_den = sum(c.consistency_checked for c in profiles)
    cons_num = cons_den - sum(c.inconsistent for c in profiles)
    time_den = sum(c.timeliness_checked for c in profiles)
    time_num = time_den - sum(c.stale for c in profiles)
    pairs: dict[Dimension, tuple[int, int]] = {
        "completeness": (comp_num, comp_den), "validity": (val_num, val_den),
        "uniqueness": uniq, "consistency": (cons_num, cons_den),
        "timeliness": (time_num, time_den)}
    out: list[DimensionScore] = []
    for dim in DIMENSIONS:
        num, den = pairs[dim]
        value = _rate(num, den)
        target = rules.thresholds.get(dim)
        out.append(DimensionScore(dimension=dim, value=value, target=target, checked=den,
                                  passed=None if value is None or target is None
                                  else value >= target))
    return out
